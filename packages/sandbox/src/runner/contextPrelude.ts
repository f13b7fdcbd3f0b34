// Source evaluated inside the fresh vm context, before any user code. It builds everything user code may
// touch (require, a vitest-like harness, console) out of the context's own intrinsics, so no object of
// the host realm is ever reachable from user code. It returns the runner's handle on the context: the
// handle's closures keep results and violations where user code cannot rewrite them.
// Kept as a string because the runner is handed to `node -e`; no backticks or `${` inside.
export const CONTEXT_PRELUDE = String.raw`(function () {
  "use strict";
  var stringify = JSON.stringify;
  var violations = [];
  var logs = [];
  var tests = [];
  var results = [];
  var modules = Object.create(null);
  var cache = Object.create(null);
  var prefix = [];

  var FORBIDDEN = {
    fs: "fs_denied", "fs/promises": "fs_denied",
    net: "network_denied", http: "network_denied", https: "network_denied", http2: "network_denied",
    tls: "network_denied", dgram: "network_denied", dns: "network_denied", "dns/promises": "network_denied",
    undici: "network_denied",
    child_process: "spawn_denied", worker_threads: "spawn_denied", cluster: "spawn_denied"
  };

  function deny(reason, what) {
    violations.push({ reason: reason, message: what + " is not allowed in the sandbox" });
    var error = new Error("Sandbox: " + what + " is not allowed (" + reason + ")");
    error.name = "SandboxDenied";
    throw error;
  }

  function fmt(value) {
    if (typeof value === "string") return stringify(value);
    if (typeof value === "function") return "[Function]";
    if (typeof value === "bigint") return String(value) + "n";
    if (value === undefined) return "undefined";
    if (typeof value === "number" && !isFinite(value)) return String(value);
    try { var s = stringify(value); return s === undefined ? String(value) : s.length > 300 ? s.slice(0, 300) + "…" : s; }
    catch (e) { return Object.prototype.toString.call(value); }
  }

  function deepEqual(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof Map || a instanceof Set) return deepEqual(Array.from(a), Array.from(b));
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var i = 0; i < ka.length; i++) if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !deepEqual(a[ka[i]], b[ka[i]])) return false;
    return true;
  }

  function fail(message) { var e = new Error(message); e.name = "AssertionError"; throw e; }

  function expect(actual) {
    function make(negate) {
      function check(pass, message) { if (pass === negate) fail((negate ? "not: " : "") + message); }
      var m = {
        toBe: function (x) { check(Object.is(actual, x), "expected " + fmt(actual) + " to be " + fmt(x)); },
        toEqual: function (x) { check(deepEqual(actual, x), "expected " + fmt(actual) + " to equal " + fmt(x)); },
        toBeCloseTo: function (x, digits) { var d = digits === undefined ? 2 : digits; check(Math.abs(actual - x) < Math.pow(10, -d) / 2, "expected " + fmt(actual) + " to be close to " + fmt(x)); },
        toBeTruthy: function () { check(!!actual, "expected " + fmt(actual) + " to be truthy"); },
        toBeFalsy: function () { check(!actual, "expected " + fmt(actual) + " to be falsy"); },
        toBeNull: function () { check(actual === null, "expected " + fmt(actual) + " to be null"); },
        toBeUndefined: function () { check(actual === undefined, "expected " + fmt(actual) + " to be undefined"); },
        toBeDefined: function () { check(actual !== undefined, "expected a defined value"); },
        toBeNaN: function () { check(Number.isNaN(actual), "expected " + fmt(actual) + " to be NaN"); },
        toBeGreaterThan: function (x) { check(actual > x, "expected " + fmt(actual) + " > " + fmt(x)); },
        toBeGreaterThanOrEqual: function (x) { check(actual >= x, "expected " + fmt(actual) + " >= " + fmt(x)); },
        toBeLessThan: function (x) { check(actual < x, "expected " + fmt(actual) + " < " + fmt(x)); },
        toBeLessThanOrEqual: function (x) { check(actual <= x, "expected " + fmt(actual) + " <= " + fmt(x)); },
        toContain: function (x) { check(actual != null && actual.indexOf(x) !== -1, "expected " + fmt(actual) + " to contain " + fmt(x)); },
        toHaveLength: function (n) { check(actual != null && actual.length === n, "expected length " + n + ", got " + fmt(actual == null ? actual : actual.length)); },
        toMatch: function (re) { check(typeof re === "string" ? String(actual).indexOf(re) !== -1 : re.test(String(actual)), "expected " + fmt(actual) + " to match " + String(re)); },
        toThrow: function (expected) {
          var threw = false, error;
          try { actual(); } catch (e) { threw = true; error = e; }
          var text = error && error.message !== undefined ? String(error.message) : String(error);
          var matches = threw && (expected === undefined || (typeof expected === "string" ? text.indexOf(expected) !== -1 : expected instanceof RegExp ? expected.test(text) : error instanceof expected));
          check(matches, threw ? "expected the error " + fmt(text) + " to match " + String(expected) : "expected the function to throw");
        }
      };
      m.toStrictEqual = m.toEqual;
      return m;
    }
    var api = make(false);
    api.not = make(true);
    return api;
  }

  function test(name, fn) { tests.push({ name: prefix.concat([String(name)]).join(" > "), fn: fn }); }
  function describe(name, fn) { prefix.push(String(name)); try { fn(); } finally { prefix.pop(); } }
  function each(table) {
    return function (name, fn) {
      table.forEach(function (row) {
        var args = Array.isArray(row) ? row : [row];
        var i = 0;
        var title = String(name).replace(/%[sdipjo]/g, function () { return fmt(args[i++]); });
        test(title, function () { return fn.apply(null, args); });
      });
    };
  }
  test.each = each; test.skip = function () {}; test.only = test;
  describe.each = function (table) { return function (name, fn) { table.forEach(function (row) { describe(name, function () { fn.apply(null, Array.isArray(row) ? row : [row]); }); }); }; };

  function assert(value, message) { if (!value) fail(message || "expected a truthy value"); }
  assert.ok = assert;
  assert.equal = assert.strictEqual = function (a, b) { if (!Object.is(a, b)) fail("expected " + fmt(a) + " to be " + fmt(b)); };
  assert.notEqual = assert.notStrictEqual = function (a, b) { if (Object.is(a, b)) fail("expected " + fmt(a) + " not to be " + fmt(b)); };
  assert.deepEqual = assert.deepStrictEqual = function (a, b) { if (!deepEqual(a, b)) fail("expected " + fmt(a) + " to equal " + fmt(b)); };
  assert.throws = function (fn) { expect(fn).toThrow(); };

  var harness = { test: test, it: test, describe: describe, expect: expect, assert: assert };
  var noop = function () {};
  harness.beforeEach = harness.afterEach = harness.beforeAll = harness.afterAll = noop;

  function normalize(spec) {
    var s = String(spec).replace(/^node:/, "");
    return s.replace(/^\.\//, "").replace(/\.(ts|js|mjs|cjs|tsx)$/, "");
  }

  function requireModule(spec) {
    var name = normalize(spec);
    var base = name.split("/")[0] === "fs" ? "fs" : name;
    if (FORBIDDEN[name] || FORBIDDEN[base]) deny(FORBIDDEN[name] || FORBIDDEN[base], "require('" + spec + "')");
    if (name === "vitest" || name === "@jest/globals" || name === "test" || name === "bun:test") return harness;
    if (name === "assert" || name === "assert/strict") return assert;
    if (cache[name]) return cache[name].exports;
    var factory = modules[name];
    if (!factory) throw new Error("Cannot find module '" + spec + "' (only the files under test are available)");
    var module = { exports: {} };
    cache[name] = module;
    factory(module.exports, requireModule, module);
    return module.exports;
  }

  var console = {};
  ["log", "info", "warn", "error", "debug"].forEach(function (level) {
    console[level] = function () {
      if (logs.length < 200) logs.push(Array.prototype.map.call(arguments, function (a) { return typeof a === "string" ? a : fmt(a); }).join(" ").slice(0, 2000));
    };
  });

  var globals = {
    console: console, require: requireModule,
    test: test, it: test, describe: describe, expect: expect,
    fetch: function () { deny("network_denied", "fetch()"); },
    XMLHttpRequest: function () { deny("network_denied", "XMLHttpRequest"); },
    WebSocket: function () { deny("network_denied", "WebSocket"); },
    EventSource: function () { deny("network_denied", "EventSource"); }
  };
  Object.keys(globals).forEach(function (key) {
    Object.defineProperty(globalThis, key, { value: globals[key], writable: false, configurable: false, enumerable: false });
  });

  function errorText(e) {
    if (e && typeof e === "object" && "message" in e) return (e.name ? String(e.name) + ": " : "") + String(e.message);
    return String(e);
  }

  return {
    register: function (name, factory) { modules[normalize(name)] = factory; },
    load: function (name) { requireModule("./" + name); },
    count: function () { return tests.length; },
    name: function (i) { return tests[i].name; },
    run: function (i) {
      var t = tests[i];
      function done(error) { results[i] = error === undefined ? { status: "passed" } : { status: "failed", error: errorText(error).slice(0, 2000) }; }
      try {
        var out = t.fn();
        if (out && typeof out.then === "function") return Promise.resolve(out).then(function () { done(); }, function (e) { done(e === undefined ? "rejected" : e); });
        done();
      } catch (e) { done(e === undefined ? "threw undefined" : e); }
    },
    report: function () {
      return stringify({ results: results, violations: violations, logs: logs });
    }
  };
})`;
