// The vitest-like harness inside the vm context: expect, assert, test/describe (with .each). It runs
// after CONTEXT_INTRINSICS and uses only the captured built-ins. A failed assertion is charged to the
// running test the moment it happens (failAssertion, from the prelude), before anything is thrown, so
// code that catches the error (a rewritten Array.prototype.forEach, say) cannot hide it.
// Kept as a string (it is evaluated inside the context); no backticks, `${` or backslashes inside.
export const CONTEXT_HARNESS = `
  function fmt(value) {
    try {
      if (typeof value === "string") return stringify(value);
      if (typeof value === "function") return "[Function]";
      if (typeof value === "bigint") return StringOf(value) + "n";
      if (value === undefined) return "undefined";
      if (typeof value === "number" && !numberIsFinite(value)) return StringOf(value);
      var s = stringify(value);
      return typeof s !== "string" ? StringOf(value) : s.length > 300 ? slice(s, 0, 300) + "…" : s;
    } catch (e) {
      try { return apply(objectToString, value, []); } catch (e2) { return "[unprintable]"; }
    }
  }

  function entriesOf(x, forEach) {
    var out = list();
    apply(forEach, x, [function (v, k) { append(out, [k, v]); }]);
    return out;
  }

  function deepEqual(a, b) {
    if (objectIs(a, b)) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (getPrototypeOf(a) !== getPrototypeOf(b)) return false;
    if (hasBrand(dateGetTime, a)) return hasBrand(dateGetTime, b) && objectIs(apply(dateGetTime, a, []), apply(dateGetTime, b, []));
    var aMap = hasBrand(mapSize, a), aSet = !aMap && hasBrand(setSize, a);
    if (aMap || aSet) {
      var forEach = aMap ? mapForEach : setForEach;
      if (!hasBrand(aMap ? mapSize : setSize, b)) return false;
      return deepEqual(entriesOf(a, forEach), entriesOf(b, forEach));
    }
    var ka = objectKeys(a), kb = objectKeys(b);
    if (ka.length !== kb.length) return false;
    for (var i = 0; i < ka.length; i++) if (!own(b, ka[i]) || !deepEqual(a[ka[i]], b[ka[i]])) return false;
    return true;
  }

  function includes(container, item) {
    if (typeof container === "string") return contains(container, StringOf(item));
    if (isArray(container)) return apply(arrayIndexOf, container, [item]) !== -1;
    return container != null && typeof container.indexOf === "function" && container.indexOf(item) !== -1;
  }

  function errorMessage(e) {
    try { return e && e.message !== undefined ? StringOf(e.message) : StringOf(e); } catch (x) { return ""; }
  }

  function says(actual, words, other, withOther) {
    return function () { return "expected " + fmt(actual) + words + (withOther ? fmt(other) : ""); };
  }

  function matchers(actual, negate) {
    function check(pass, describeFailure) {
      if (!!pass === negate) failAssertion(function () { return (negate ? "not: " : "") + describeFailure(); });
    }
    var toEqual = function (x) { check(deepEqual(actual, x), says(actual, " to equal ", x, true)); };
    return {
      __proto__: null,
      toBe: function (x) { check(objectIs(actual, x), says(actual, " to be ", x, true)); },
      toEqual: toEqual,
      toStrictEqual: toEqual,
      toBeCloseTo: function (x, digits) { var d = digits === undefined ? 2 : digits; check(mathAbs(actual - x) < mathPow(10, -d) / 2, says(actual, " to be close to ", x, true)); },
      toBeTruthy: function () { check(!!actual, says(actual, " to be truthy")); },
      toBeFalsy: function () { check(!actual, says(actual, " to be falsy")); },
      toBeNull: function () { check(actual === null, says(actual, " to be null")); },
      toBeUndefined: function () { check(actual === undefined, says(actual, " to be undefined")); },
      toBeDefined: function () { check(actual !== undefined, function () { return "expected a defined value"; }); },
      toBeNaN: function () { check(numberIsNaN(actual), says(actual, " to be NaN")); },
      toBeGreaterThan: function (x) { check(actual > x, says(actual, " > ", x, true)); },
      toBeGreaterThanOrEqual: function (x) { check(actual >= x, says(actual, " >= ", x, true)); },
      toBeLessThan: function (x) { check(actual < x, says(actual, " < ", x, true)); },
      toBeLessThanOrEqual: function (x) { check(actual <= x, says(actual, " <= ", x, true)); },
      toContain: function (x) { check(includes(actual, x), says(actual, " to contain ", x, true)); },
      toHaveLength: function (n) { check(actual != null && actual.length === n, function () { return "expected length " + n + ", got " + fmt(actual == null ? actual : actual.length); }); },
      toMatch: function (re) {
        var text = StringOf(actual);
        check(typeof re === "string" ? contains(text, re) : regexpMatches(re, text), function () { return "expected " + fmt(actual) + " to match " + StringOf(re); });
      },
      toThrow: function (expected) {
        var threw = false, error;
        try { actual(); } catch (e) { threw = true; error = e; }
        var text = threw ? errorMessage(error) : "";
        var matches = threw && (expected === undefined || (typeof expected === "string" ? contains(text, expected) : isRegExp(expected) ? regexpMatches(expected, text) : error instanceof expected));
        check(matches, function () { return threw ? "expected the error " + fmt(text) + " to match " + StringOf(expected) : "expected the function to throw"; });
      }
    };
  }

  function expect(actual) {
    var api = matchers(actual, false);
    defineProperty(api, "not", { value: freeze(matchers(actual, true)), enumerable: true });
    return freeze(api);
  }

  function formatTitle(title, args) {
    var out = "", k = 0;
    for (var i = 0; i < title.length; i++) {
      var c = title[i], next = title[i + 1];
      if (c === "%" && next !== undefined && contains("sdipjo", next)) { out += fmt(args[k++]); i++; }
      else out += c;
    }
    return out;
  }
  function rowArgs(row) { return isArray(row) ? row : [row]; }

  function test(name, fn) { registerTest(StringOf(name), fn); }
  function describe(name, fn) {
    append(prefix, StringOf(name));
    try { apply(fn, undefined, []); } finally { pop(prefix); }
  }
  function eachOf(register) {
    return function (table) {
      return function (name, fn) {
        var n = table.length;
        for (var r = 0; r < n; r++) {
          (function (args) {
            register(formatTitle(StringOf(name), args), function () { return apply(fn, null, args); });
          })(rowArgs(table[r]));
        }
      };
    };
  }
  test.each = eachOf(test);
  test.skip = function () {};
  test.only = test;
  describe.each = eachOf(describe);
  describe.skip = function () {};
  describe.only = describe;

  function assert(value, message) { if (!value) failAssertion(function () { return message ? StringOf(message) : "expected a truthy value"; }); }
  assert.ok = assert;
  assert.equal = assert.strictEqual = function (a, b) { if (!objectIs(a, b)) failAssertion(says(a, " to be ", b, true)); };
  assert.notEqual = assert.notStrictEqual = function (a, b) { if (objectIs(a, b)) failAssertion(says(a, " not to be ", b, true)); };
  assert.deepEqual = assert.deepStrictEqual = function (a, b) { if (!deepEqual(a, b)) failAssertion(says(a, " to equal ", b, true)); };
  assert.throws = function (fn) { expect(fn).toThrow(); };
  freeze(test); freeze(describe); freeze(assert);

  var noop = function () {};
  var harness = freeze({
    __proto__: null, test: test, it: test, describe: describe, expect: freeze(expect), assert: assert,
    beforeEach: noop, afterEach: noop, beforeAll: noop, afterAll: noop
  });
`;
