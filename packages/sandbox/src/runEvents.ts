// What the child's runner writes (one JSON line per event) and how the parent turns those raw events
// into results. The verdict is computed here, in the parent, by one rule: a test passed only if it
// started, ended by returning, and no assertion failed and nothing was denied while it ran. Nothing the
// child says can mark a test passed directly; an unreadable or unfinished stream is a crash.
import { z } from "zod";
import type { SandboxResult, StopInfo, TestResult } from "./sandboxTypes.ts";

const index = z.number().int().min(0);
const text = z.string().max(4000);

export const runEvent = z.discriminatedUnion("e", [
  z.object({ e: z.literal("start"), i: index, name: text }),
  z.object({ e: z.literal("assertion"), i: index, message: text }),
  z.object({
    e: z.literal("end"),
    i: index,
    outcome: z.enum(["returned", "threw", "timeout"]),
    error: text.optional(),
    durationMs: z.number().min(0),
  }),
  z.object({
    e: z.literal("violation"),
    i: index.optional(),
    reason: z.enum(["fs_denied", "network_denied", "spawn_denied"]),
    message: text,
  }),
  z.object({ e: z.literal("load_failed"), name: text, error: text }),
  z.object({ e: z.literal("unhandled"), during: text }),
  z.object({ e: z.literal("stop"), reason: z.literal("timeout"), message: text }),
  z.object({ e: z.literal("logs"), lines: z.array(text).max(200) }),
  z.object({ e: z.literal("crash"), message: text }),
  z.object({ e: z.literal("done") }),
]);
export type RunEvent = z.infer<typeof runEvent>;

export type ChildOutcome = Omit<SandboxResult, "ok" | "durationMs">;

/** Events from the child's stdout lines that carry `mark`; null when any marked line is unreadable. */
export function parseEvents(stdout: string, mark: string): RunEvent[] | null {
  const events: RunEvent[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith(mark)) continue;
    let json: unknown;
    try {
      json = JSON.parse(line.slice(mark.length));
    } catch {
      return null;
    }
    const parsed = runEvent.safeParse(json);
    if (!parsed.success) return null;
    events.push(parsed.data);
  }
  return events;
}

const crashed = (message: string): ChildOutcome => ({
  tests: [],
  stopped: { reason: "crashed", message },
  logs: [],
});

export function verdictFromEvents(events: RunEvent[]): ChildOutcome {
  const crash = events.find((e) => e.e === "crash");
  if (crash) return crashed(crash.message);
  if (!events.some((e) => e.e === "done"))
    return crashed("The sandbox process ended without finishing its report.");

  const tests: TestResult[] = [];
  for (const e of events) {
    if (e.e === "load_failed") tests.push({ name: e.name, status: "failed", error: e.error, durationMs: 0 });
    if (e.e === "unhandled")
      tests.push({
        name: "unhandled rejection",
        status: "failed",
        error: `A promise was rejected and nothing handled it (during ${e.during}).`,
        durationMs: 0,
      });
  }
  for (const start of events) {
    if (start.e !== "start") continue;
    const of = <E extends RunEvent>(kind: E["e"]) =>
      events.find((e): e is E => e.e === kind && "i" in e && e.i === start.i);
    const end = of<Extract<RunEvent, { e: "end" }>>("end");
    const assertion = of<Extract<RunEvent, { e: "assertion" }>>("assertion");
    const denied = of<Extract<RunEvent, { e: "violation" }>>("violation");
    const durationMs = end?.durationMs ?? 0;
    if (end?.outcome === "returned" && !assertion && !denied) {
      tests.push({ name: start.name, status: "passed", durationMs });
      continue;
    }
    const error =
      end?.outcome === "timeout"
        ? "timed out"
        : denied
          ? `stopped by the sandbox: ${denied.message}`
          : end?.outcome === "threw"
            ? (end.error ?? "threw")
            : assertion
              ? `AssertionError: ${assertion.message}`
              : "did not finish";
    tests.push({ name: start.name, status: "failed", error, durationMs });
  }

  const stop = events.find((e) => e.e === "stop");
  const violation = events.find((e) => e.e === "violation");
  const stopped: StopInfo | null = stop
    ? { reason: stop.reason, message: stop.message }
    : violation
      ? { reason: violation.reason, message: violation.message }
      : null;
  const logs = events.find((e) => e.e === "logs");
  return { tests, stopped, logs: logs?.e === "logs" ? logs.lines : [] };
}
