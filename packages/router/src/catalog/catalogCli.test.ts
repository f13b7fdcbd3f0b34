// The router:catalog command: its stats and show output.
import { describe, expect, it } from "vitest";
import { showModel, statsReport } from "./catalogCli.ts";

describe("router:catalog", () => {
  it("stats: models with prices and capabilities, and each snapshot's version and date", async () => {
    const lines = await statsReport();
    const priced = Number(/with prices: (\d+) priced/.exec(lines.join("\n"))?.[1]);
    expect(priced).toBeGreaterThanOrEqual(500);
    expect(lines.join("\n")).toMatch(/with capabilities: \d+/);
    expect(lines.join("\n")).toMatch(
      /@pydantic\/genai-prices \d+\.\d+\.\d+, newest price change in it \d{4}-\d{2}-\d{2}/,
    );
    expect(lines.join("\n")).toMatch(/@tokenlens\/models \d+\.\d+\.\d+, newest entry \d{4}-\d{2}-\d{2}/);
  });

  it("show: one model as the router sees it, or says it has none", () => {
    expect(JSON.parse(showModel("openai/gpt-4o-mini")).price.cacheReadPerMTokens).toBe(0.075);
    expect(showModel("acme/nope")).toBe('No model "acme/nope" in the catalog.');
  });
});
