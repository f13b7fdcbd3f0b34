// The machine facts a report states, and when it warns that the machine was busy.
import { describe, expect, it } from "vitest";
import { type MachineFacts, machineFacts, machineFactsMarkdown } from "./machineFacts.ts";

const quiet: MachineFacts = {
  node: "v20.0.0",
  platform: "Linux 6 x64",
  cpuModel: "Test CPU",
  cores: 2,
  totalMemoryGiB: 8,
  loadAverageAtStart: 0.5,
  startedAt: "2026-01-01T00:00:00.000Z",
};

describe("machineFacts", () => {
  it("reads this machine", () => {
    const m = machineFacts();
    expect(m.node).toBe(process.version);
    expect(m.cores).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(m.startedAt))).toBe(false);
  });
});

describe("machineFactsMarkdown", () => {
  it("lists Node, CPU, load and start time", () => {
    expect(machineFactsMarkdown(quiet)).toBe(
      [
        "- Node v20.0.0 on Linux 6 x64",
        "- CPU: Test CPU, 2 cores available, 8 GiB RAM",
        "- Load average (1 min) at start: 0.5",
        "- Run started 2026-01-01T00:00:00.000Z",
      ].join("\n"),
    );
  });

  it("calls the machine busy when the load is above half the cores", () => {
    expect(machineFactsMarkdown({ ...quiet, loadAverageAtStart: 1.01 })).toContain("(busy:");
    expect(machineFactsMarkdown({ ...quiet, loadAverageAtStart: 1 })).not.toContain("busy");
  });
});
