import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const PACKAGE_DIR = new URL("../../", import.meta.url).pathname;

function runScore(input: string, args: string[] = []) {
  const result = spawnSync("node_modules/.bin/tsx", ["src/cli/score.ts", ...args], {
    cwd: PACKAGE_DIR,
    input,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the score CLI", () => {
  it("writes one score line per prompt line, and nothing else on stdout", () => {
    const { status, stdout, stderr } = runScore(
      '{"prompt": "what is 2+2"}\n{"prompt": "Prove Fermat\'s little theorem", "id": 7}\n',
    );
    expect(status).toBe(0);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(["score"]);
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(1);
    }
    expect(stderr).toBe("");
  });

  it("keeps the lines it could read, marks bad ones null and explains them on stderr", () => {
    const input = [
      '{"prompt": "what is 2+2"}',
      "",
      "{not json",
      '{"text": "no prompt field"}',
      '{"prompt": "hi"}',
    ].join("\n");
    const { status, stdout, stderr } = runScore(`${input}\n`);
    expect(status).not.toBe(0);
    const scores = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).score);
    expect(scores).toHaveLength(5);
    expect(scores.map((s) => s === null)).toEqual([false, true, true, true, false]);
    expect(stderr).toContain("line 2: empty line");
    expect(stderr).toContain("line 3: not valid JSON");
    expect(stderr).toContain('line 4: expected a JSON object with a "prompt" string');
  });

  it("with --app todo, adds the tier the todo app would route each prompt to at its default stop", () => {
    const input = '{"prompt": "hi"}\n{"prompt": "Prove that the square root of 2 is irrational."}\n\n';
    const { status, stdout } = runScore(input, ["--app", "todo"]);
    expect(status).toBe(1);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => Object.keys(line))).toEqual([
      ["score", "tier"],
      ["score", "tier"],
      ["score", "tier"],
    ]);
    expect(lines.map((line) => line.tier)).toEqual(["fast", "strong", null]);
  });

  it("refuses an app without a dial", () => {
    const { status, stdout, stderr } = runScore('{"prompt": "hi"}\n', ["--app", "nope"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('no dial for app "nope"');
  });
});
