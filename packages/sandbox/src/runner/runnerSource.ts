// The program the child process runs (`node -e`, so the permission model need not let it read a
// single file). It reads the compiled modules from stdin, evaluates them in a fresh vm context built
// by CONTEXT_PRELUDE, runs every registered test with a per-test time limit, and writes what happened
// as events, one JSON line each (see runEvents.ts). It reports; the parent decides what passed.
//
// The handle on the context lives in a second context (`calls`), never on the user's global: the
// runner reaches it through strict-mode scripts there, which is also how each call gets its timeout.
// Everything read back through the handle is checked to be a string or a number before it is used.
import { CONTEXT_PRELUDE, MAX_TESTS } from "./contextPrelude.ts";
import { HOST_GUARD } from "./hostGuard.ts";

export const EVENT_MARK = "@@sandbox-event@@";

const MAIN = String.raw`
var vm = require("node:vm");
var types = require("node:util").types;

function emit(event) { process.stdout.write(EVENT_MARK + JSON.stringify(event) + "\n"); }
function text(value, max) { return typeof value === "string" ? value.slice(0, max) : null; }
/** vm's timeout error, read without running any code of the context (no getter, no proxy trap). */
function isTimeout(error) {
  if (error === null || typeof error !== "object" || types.isProxy(error)) return false;
  var code = Object.getOwnPropertyDescriptor(error, "code");
  return code !== undefined && code.value === "ERR_SCRIPT_EXECUTION_TIMEOUT";
}
function pause(round) { return new Promise(function (resolve) { if (round < 3) setImmediate(resolve); else setTimeout(resolve, 5); }); }

async function main(input) {
  var ctx = vm.createContext(Object.create(null), { name: "sandbox", codeGeneration: { strings: false, wasm: false } });
  var handle = new vm.Script(PRELUDE, { filename: "sandbox-prelude.js" }).runInContext(ctx)();
  var calls = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
  Object.defineProperty(calls, "h", { value: handle });
  var LOAD = new vm.Script('"use strict"; h.load(arg)');
  var RUN = new vm.Script('"use strict"; h.run(arg)');
  function timed(script, arg) { calls.arg = arg; return script.runInContext(calls, { timeout: input.testTimeoutMs }); }
  var seenViolations = 0;
  var hostViolationsSeen = 0;
  function flushViolations(i) {
    var count = handle.violationCount();
    for (; seenViolations < count; seenViolations++) {
      var key = text(handle.violation(seenViolations, "key"), 100);
      emit({ e: "violation", i: key === String(i) ? i : undefined, reason: text(handle.violation(seenViolations, "reason"), 40), message: text(handle.violation(seenViolations, "message"), 1000) });
    }
    for (; hostViolationsSeen < hostViolations.length; hostViolationsSeen++) emit(Object.assign({ e: "violation" }, hostViolations[hostViolationsSeen]));
    return count > 0 || hostViolations.length > 0;
  }

  for (var m of input.modules) {
    try {
      handle.register(m.name, vm.compileFunction(m.code, ["exports", "require", "module"], { parsingContext: ctx, filename: m.name }));
    } catch (error) {
      emit({ e: "load_failed", name: "compile " + m.name, error: String(error && error.message).slice(0, 1000) });
    }
  }

  // A rejection nobody handles fails the run (as in vitest) instead of crashing the process. The
  // reason is an object of the context: it is not touched, so none of its code runs here.
  var running = "the loading of the files";
  var unhandled = 0;
  process.on("unhandledRejection", function () { if (unhandled++ === 0) emit({ e: "unhandled", during: running }); });

  var stopped = false;
  for (var name of input.tests) {
    running = "the loading of " + name;
    var loadError = null;
    try { loadError = text(timed(LOAD, name), 1000); }
    catch (error) {
      if (!isTimeout(error)) throw error;
      emit({ e: "stop", reason: "timeout", message: "Loading " + name + " took longer than " + input.testTimeoutMs + " ms" });
      stopped = true;
      break;
    }
    var failure = text(handle.failure("load:" + name), 1000);
    var deniedAtLoad = flushViolations("load");
    if (loadError !== null || failure !== null)
      emit({ e: "load_failed", name: "load " + name, error: (deniedAtLoad ? "stopped by the sandbox: " : "could not load: ") + (loadError !== null ? loadError : failure) });
    if (deniedAtLoad) { stopped = true; break; }
  }

  var count = stopped ? 0 : handle.count();
  if (typeof count !== "number") throw new Error("the harness lost count of its tests");
  if (!stopped && handle.overflow() === true)
    emit({ e: "load_failed", name: "too many tests", error: "More than " + MAX_TESTS + " tests were registered; the rest did not run." });
  for (var i = 0; i < count && !stopped; i++) {
    var testName = text(handle.name(i), 300);
    emit({ e: "start", i: i, name: testName === null ? "test " + i : testName });
    running = "the test " + JSON.stringify(testName);
    var started = Date.now();
    var timedOut = false;
    try { timed(RUN, i); }
    catch (error) { if (!isTimeout(error)) throw error; timedOut = true; }
    for (var round = 0; !timedOut && handle.state(i) === "running"; round++) {
      if (Date.now() - started >= input.testTimeoutMs) timedOut = true;
      else await pause(round);
    }
    var assertion = text(handle.failure(i), 1000);
    if (assertion !== null) emit({ e: "assertion", i: i, message: assertion });
    var denied = flushViolations(i);
    var state = text(handle.state(i), 20);
    emit({ e: "end", i: i, outcome: timedOut ? "timeout" : state, error: text(handle.error(i), 1000) || undefined, durationMs: Date.now() - started });
    if (timedOut) emit({ e: "stop", reason: "timeout", message: "The test " + JSON.stringify(testName) + " ran longer than " + input.testTimeoutMs + " ms" });
    if (timedOut || denied) stopped = true;
  }

  await pause(0);
  flushViolations("end");
  var lines = [];
  var logCount = handle.logCount();
  for (var k = 0; k < logCount && k < 200; k++) { var line = text(handle.log(k), 2000); if (line !== null) lines.push(line); }
  emit({ e: "logs", lines: lines });
  process.stdout.write(EVENT_MARK + JSON.stringify({ e: "done" }) + "\n", function () { process.exit(0); });
}

var chunks = [];
process.stdin.on("data", function (c) { chunks.push(c); });
process.stdin.on("end", function () {
  main(JSON.parse(Buffer.concat(chunks).toString("utf8"))).catch(function (error) {
    var message = !types.isProxy(error) && error instanceof Error ? String(error.message) : "the runner failed";
    process.stdout.write(EVENT_MARK + JSON.stringify({ e: "crash", message: message.slice(0, 500) }) + "\n", function () { process.exit(0); });
  });
});
`;

/** The whole child program: network guard, then the runner with the context prelude inlined. */
export const RUNNER_SOURCE = `"use strict";\n${HOST_GUARD}\nvar EVENT_MARK = ${JSON.stringify(EVENT_MARK)};\nvar MAX_TESTS = ${MAX_TESTS};\nvar PRELUDE = ${JSON.stringify(CONTEXT_PRELUDE)};\n${MAIN}`;
