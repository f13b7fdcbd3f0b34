// Source evaluated inside the fresh vm context, before any user code. It builds everything user code may
// touch (require, a vitest-like harness, console) out of the context's own intrinsics, captured first,
// so no object of the host realm is ever reachable from user code. It returns the runner's handle on
// the context: a frozen object that is never put on the context's global (the runner calls it from a
// second context, see runnerSource.ts), whose closures hold what happened. It answers in strings and
// numbers only; it does not judge: the parent computes each verdict from the events (runEvents.ts).
// Kept as a string because the runner is handed to `node -e`; no backticks, `${` or backslashes inside.
import { CONTEXT_HARNESS } from "./contextHarness.ts";
import { CONTEXT_INTRINSICS } from "./contextIntrinsics.ts";

/** Tests one run may register; past it the run gets a failing entry, never a silent cut. */
export const MAX_TESTS = 1000;

const STATE = `
  var violations = list();
  var logs = list();
  var tests = list();
  var prefix = list();
  var overflow = false;
  var modules = create(null);
  var cache = create(null);
  /** The key assertions and denials are charged to: a test's index while it runs, "load:<file>" while one loads. */
  var current = "load";
  var failures = create(null);
  var states = create(null);
  var errors = create(null);

  function failAssertion(describeFailure) {
    var key = current;
    var first = failures[key] === undefined;
    if (first) failures[key] = "assertion failed";
    var message = "assertion failed";
    try { message = StringOf(describeFailure()); } catch (e) {}
    if (first) failures[key] = slice(message, 0, 1000);
    var error = new ErrorOf(message);
    try { defineProperty(error, "name", { value: "AssertionError", enumerable: false }); } catch (e) {}
    throw error;
  }

  function registerTest(name, fn) {
    if (tests.length >= ${MAX_TESTS}) { overflow = true; return; }
    var full = "";
    for (var i = 0; i < prefix.length; i++) full += prefix[i] + " > ";
    append(tests, { __proto__: null, name: slice(full + name, 0, 300), fn: fn });
  }

  function deny(reason, what) {
    append(violations, { __proto__: null, reason: reason, message: what + " is not allowed in the sandbox", key: StringOf(current) });
    var error = new ErrorOf("Sandbox: " + what + " is not allowed (" + reason + ")");
    try { defineProperty(error, "name", { value: "SandboxDenied", enumerable: false }); } catch (e) {}
    throw error;
  }

  function errorText(e) {
    try {
      if (e && typeof e === "object" && "message" in e) return slice((e.name ? StringOf(e.name) + ": " : "") + StringOf(e.message), 0, 1000);
      return slice(StringOf(e), 0, 1000);
    } catch (x) { return "an error that could not be printed"; }
  }
`;

const REQUIRE = `
  var FORBIDDEN = create(null);
  ["fs", "fs/promises"].forEach(function (m) { FORBIDDEN[m] = "fs_denied"; });
  ["net", "http", "https", "http2", "tls", "dgram", "dns", "dns/promises", "undici"].forEach(function (m) { FORBIDDEN[m] = "network_denied"; });
  ["child_process", "worker_threads", "cluster"].forEach(function (m) { FORBIDDEN[m] = "spawn_denied"; });
  var EXTENSIONS = [".tsx", ".ts", ".mjs", ".cjs", ".js"];

  function normalize(spec) {
    var s = StringOf(spec);
    if (startsWith(s, "node:")) s = slice(s, 5);
    if (startsWith(s, "./")) s = slice(s, 2);
    for (var i = 0; i < EXTENSIONS.length; i++) if (endsWith(s, EXTENSIONS[i]) && s.length > EXTENSIONS[i].length) return slice(s, 0, s.length - EXTENSIONS[i].length);
    return s;
  }

  function requireModule(spec) {
    var name = normalize(spec);
    var slash = apply(stringIndexOf, name, ["/"]);
    var base = slash === -1 ? name : slice(name, 0, slash);
    var reason = FORBIDDEN[name] || (base === "fs" ? "fs_denied" : undefined);
    if (reason) deny(reason, "require('" + name + "')");
    if (name === "vitest" || name === "@jest/globals" || name === "test" || name === "bun:test") return harness;
    if (name === "assert" || name === "assert/strict") return assert;
    if (cache[name]) return cache[name].exports;
    var factory = modules[name];
    if (!factory) throw new ErrorOf("Cannot find module '" + name + "' (only the files under test are available)");
    var module = { exports: {} };
    cache[name] = module;
    apply(factory, undefined, [module.exports, requireModule, module]);
    return module.exports;
  }
`;

const GLOBALS = `
  var console = create(null);
  ["log", "info", "warn", "error", "debug"].forEach(function (level) {
    console[level] = function () {
      if (logs.length >= 200) return;
      var line = "";
      for (var i = 0; i < arguments.length && line.length < 2000; i++) line += (i ? " " : "") + (typeof arguments[i] === "string" ? arguments[i] : fmt(arguments[i]));
      append(logs, slice(line, 0, 2000));
    };
  });
  freeze(console);

  var globals = {
    console: console, require: freeze(requireModule),
    test: test, it: test, describe: describe, expect: harness.expect,
    fetch: function () { deny("network_denied", "fetch()"); },
    XMLHttpRequest: function () { deny("network_denied", "XMLHttpRequest"); },
    WebSocket: function () { deny("network_denied", "WebSocket"); },
    EventSource: function () { deny("network_denied", "EventSource"); }
  };
  Object.keys(globals).forEach(function (key) {
    defineProperty(globalThis, key, { value: globals[key], writable: false, configurable: false, enumerable: false });
  });
`;

const HANDLE = `
  function settle(i, state, error) {
    if (states[i] !== "running") return;
    states[i] = state;
    if (state === "threw") errors[i] = errorText(error);
  }

  function run(i) {
    var t = tests[i];
    current = i;
    states[i] = "running";
    var out;
    try {
      out = apply(t.fn, undefined, []);
      if (out === null || (typeof out !== "object" && typeof out !== "function") || typeof out.then !== "function") return settle(i, "returned");
    } catch (e) { return settle(i, "threw", e === undefined ? "threw undefined" : e); }
    var ok = function () { settle(i, "returned"); };
    var ko = function (e) { settle(i, "threw", e === undefined ? "rejected" : e); };
    try { apply(promiseThen, out, [ok, ko]); }
    catch (notAPromise) {
      try { apply(out.then, out, [ok, ko]); } catch (e) { settle(i, "threw", e); }
    }
  }

  return freeze({
    __proto__: null,
    register: function (name, factory) { modules[normalize(name)] = factory; },
    load: function (name) {
      current = "load:" + name;
      try { requireModule("./" + name); return null; }
      catch (e) { try { return slice(e && e.message !== undefined ? StringOf(e.message) : StringOf(e), 0, 1000); } catch (x) { return "an error that could not be printed"; } }
    },
    failure: function (key) { return failures[key]; },
    count: function () { return tests.length; },
    overflow: function () { return overflow; },
    name: function (i) { return tests[i].name; },
    run: run,
    state: function (i) { return states[i]; },
    error: function (i) { return errors[i]; },
    violationCount: function () { return violations.length; },
    violation: function (k, field) { return violations[k][field]; },
    logCount: function () { return logs.length; },
    log: function (k) { return logs[k]; }
  });
`;

export const CONTEXT_PRELUDE = `(function () {
  "use strict";
${CONTEXT_INTRINSICS}
${STATE}
${CONTEXT_HARNESS}
${REQUIRE}
${GLOBALS}
${HANDLE}
})`;
