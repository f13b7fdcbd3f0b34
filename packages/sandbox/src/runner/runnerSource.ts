// The program the child process runs (`node -e`, so the permission model need not let it read a
// single file). It reads the compiled modules from stdin, evaluates them in a fresh vm context built
// by CONTEXT_PRELUDE, runs every registered test with a per-test time limit, and writes one JSON line.
import { CONTEXT_PRELUDE } from "./contextPrelude.ts";
import { HOST_GUARD } from "./hostGuard.ts";

const MAIN = String.raw`
var vm = require("node:vm");
var RESULT_MARK = "@@sandbox-result@@";

function finish(report) {
  process.stdout.write(RESULT_MARK + JSON.stringify(report) + "\n", function () { process.exit(0); });
}

function isTimeout(error) { return error && error.code === "ERR_SCRIPT_EXECUTION_TIMEOUT"; }

async function main(input) {
  var ctx = vm.createContext(Object.create(null), { name: "sandbox", codeGeneration: { strings: false, wasm: false } });
  var handle = new vm.Script(PRELUDE, { filename: "sandbox-prelude.js" }).runInContext(ctx)();
  Object.defineProperty(ctx, "__sandbox", { value: handle, enumerable: false, writable: false, configurable: false });
  var limit = { timeout: input.testTimeoutMs };
  var call = function (code) { return vm.runInContext(code, ctx, limit); };
  var report = function () { return JSON.parse(vm.runInContext("__sandbox.report()", ctx, { timeout: 1000 })); };
  var tests = [];
  var stopped = null;
  var loadErrors = [];

  for (var m of input.modules) {
    try {
      var factory = new vm.Script("(function (exports, require, module) {" + m.code + "\n})", { filename: m.name }).runInContext(ctx);
      handle.register(m.name, factory);
    } catch (error) {
      loadErrors.push({ name: "compile " + m.name, status: "failed", error: String(error && error.message), durationMs: 0 });
    }
  }
  for (var name of input.tests) {
    try { call("__sandbox.load(" + JSON.stringify(name) + ")"); }
    catch (error) {
      if (isTimeout(error)) { stopped = { reason: "timeout", message: "Loading " + name + " took longer than " + input.testTimeoutMs + " ms" }; break; }
      var text = report().violations.length ? "stopped by the sandbox" : "could not load";
      loadErrors.push({ name: "load " + name, status: "failed", error: text + ": " + String(error && error.message), durationMs: 0 });
    }
    if (report().violations.length || hostViolations.length) break;
  }

  var count = stopped ? 0 : call("__sandbox.count()");
  for (var i = 0; i < count && !stopped; i++) {
    var testName = String(call("__sandbox.name(" + i + ")"));
    var started = Date.now();
    var status = null;
    try {
      var pending = call("__sandbox.run(" + i + ")");
      if (pending) {
        var timer;
        var late = new Promise(function (resolve) { timer = setTimeout(function () { resolve("late"); }, input.testTimeoutMs); });
        if ((await Promise.race([pending, late])) === "late") status = "timeout";
        clearTimeout(timer);
      }
    } catch (error) {
      if (!isTimeout(error)) throw error;
      status = "timeout";
    }
    var denied = report().violations.concat(hostViolations)[0];
    tests.push({ name: testName, durationMs: Date.now() - started, timedOut: status === "timeout", denied: denied });
    if (status === "timeout") stopped = { reason: "timeout", message: "The test " + JSON.stringify(testName) + " ran longer than " + input.testTimeoutMs + " ms" };
    if (denied) break;
  }

  var inner = report();
  var violations = inner.violations.concat(hostViolations);
  if (!stopped && violations.length) stopped = violations[0];
  var results = tests.map(function (t, i) {
    if (t.timedOut) return { name: t.name, status: "failed", error: "timed out", durationMs: t.durationMs };
    if (t.denied) return { name: t.name, status: "failed", error: "stopped by the sandbox: " + t.denied.message, durationMs: t.durationMs };
    var r = inner.results[i] || { status: "failed", error: "did not finish" };
    return { name: t.name, status: r.status, error: r.error, durationMs: t.durationMs };
  });
  finish({ tests: loadErrors.concat(results), stopped: stopped, logs: inner.logs });
}

var chunks = [];
process.stdin.on("data", function (c) { chunks.push(c); });
process.stdin.on("end", function () {
  main(JSON.parse(Buffer.concat(chunks).toString("utf8"))).catch(function (error) {
    finish({ tests: [], stopped: { reason: "crashed", message: String(error && error.message).slice(0, 500) }, logs: [] });
  });
});
`;

export const RESULT_MARK = "@@sandbox-result@@";

/** The whole child program: network guard, then the runner with the context prelude inlined. */
export const RUNNER_SOURCE = `"use strict";\n${HOST_GUARD}\nvar PRELUDE = ${JSON.stringify(CONTEXT_PRELUDE)};\n${MAIN}`;
