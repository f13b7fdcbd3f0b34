// `pnpm --silent router:score < prompts.jsonl > scores.jsonl`: one {"score": x} line per input line, in
// order, and nothing else on stdout. Bad lines: {"score": null}, a numbered message on stderr, exit 1.
import { createInterface } from "node:readline";
import { createComplexityClassifier } from "../classifier.ts";
import { parsePromptLine, scoreLine } from "./scoreLines.ts";

const classifier = createComplexityClassifier();
const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
let lineNumber = 0;
let badLines = 0;
for await (const line of input) {
  lineNumber++;
  const parsed = parsePromptLine(line);
  if (!parsed.ok) {
    badLines++;
    process.stderr.write(`line ${lineNumber}: ${parsed.error}; wrote {"score": null}\n`);
    process.stdout.write(`${scoreLine(null)}\n`);
    continue;
  }
  const verdict = await classifier.classify({ messages: [{ role: "user", content: parsed.prompt }] });
  process.stdout.write(`${scoreLine(verdict.score)}\n`);
}
if (badLines > 0) {
  process.stderr.write(`${badLines} of ${lineNumber} lines could not be scored\n`);
  process.exitCode = 1;
}
