import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { processSingleton } from "./processSingleton.ts";

const freshName = () => `switchyard.test.${randomUUID()}`;

describe("processSingleton", () => {
  it("builds once and hands every caller the same instance", async () => {
    const name = freshName();
    let builds = 0;
    const create = async () => ({ n: ++builds });
    const [a, b] = await Promise.all([processSingleton(name, create), processSingleton(name, create)]);
    expect(await processSingleton(name, create)).toBe(a);
    expect(b).toBe(a);
    expect(builds).toBe(1);
  });

  it("builds again after a failed build, whether it rejected or threw", async () => {
    const name = freshName();
    let builds = 0;
    const failing = async () => {
      builds++;
      throw new Error("database down");
    };
    await expect(processSingleton(name, failing)).rejects.toThrow("database down");
    await expect(
      processSingleton(name, () => {
        builds++;
        throw new Error("bad config");
      }),
    ).rejects.toThrow("bad config");
    const value = await processSingleton(name, async () => ({ n: ++builds }));
    expect(value).toEqual({ n: 3 });
    expect(await processSingleton(name, failing)).toBe(value);
    expect(builds).toBe(3);
  });
});
