// The first lines of the vm context's prelude: every built-in the harness uses, captured before any
// user code runs. The harness never looks one up again, so code under test that rewrites Object.is,
// JSON.stringify, Array.prototype, Function.prototype.call or RegExp.prototype.exec cannot reach the
// functions that decide whether a test failed. Storage is null-prototype, so a setter planted on
// Object.prototype or Array.prototype cannot swallow what the harness records.
// Kept as a string (it is evaluated inside the context); no backticks, `${` or backslashes inside.
export const CONTEXT_INTRINSICS = `
  var apply = Reflect.apply;
  var create = Object.create;
  var defineProperty = Object.defineProperty;
  var freeze = Object.freeze;
  var getPrototypeOf = Object.getPrototypeOf;
  var objectIs = Object.is;
  var objectKeys = Object.keys;
  var getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  var hasOwnProperty = Object.prototype.hasOwnProperty;
  var objectToString = Object.prototype.toString;
  var isArray = Array.isArray;
  var arrayIndexOf = Array.prototype.indexOf;
  var stringify = JSON.stringify;
  var StringOf = String;
  var stringSlice = String.prototype.slice;
  var stringIndexOf = String.prototype.indexOf;
  var regexpExec = RegExp.prototype.exec;
  var regexpSource = getOwnPropertyDescriptor(RegExp.prototype, "source").get;
  var numberIsNaN = Number.isNaN;
  var numberIsFinite = Number.isFinite;
  var mathAbs = Math.abs;
  var mathPow = Math.pow;
  var ErrorOf = Error;
  var promiseThen = Promise.prototype.then;
  var dateGetTime = Date.prototype.getTime;
  var mapSize = getOwnPropertyDescriptor(Map.prototype, "size").get;
  var mapForEach = Map.prototype.forEach;
  var setSize = getOwnPropertyDescriptor(Set.prototype, "size").get;
  var setForEach = Set.prototype.forEach;

  // Array spread and for-of look these two up on every use: locked, so code under test cannot change
  // what a test passes to it (fn(...args)) or make the spread itself throw.
  defineProperty(Array.prototype, Symbol.iterator, { writable: false, configurable: false });
  defineProperty(getPrototypeOf([][Symbol.iterator]()), "next", { writable: false, configurable: false });

  /** A list that never consults a prototype: stores cannot be swallowed, reads cannot be faked. */
  function list() { var l = create(null); l.length = 0; return l; }
  function append(l, value) { l[l.length] = value; l.length = l.length + 1; }
  function pop(l) { if (l.length > 0) { l.length = l.length - 1; delete l[l.length]; } }
  function slice(s, start, end) { return end === undefined ? apply(stringSlice, s, [start]) : apply(stringSlice, s, [start, end]); }
  function contains(s, part) { return apply(stringIndexOf, s, [part]) !== -1; }
  function startsWith(s, prefix) { return slice(s, 0, prefix.length) === prefix; }
  function endsWith(s, suffix) { return s.length >= suffix.length && slice(s, s.length - suffix.length) === suffix; }
  /** True when the built-in getter or method accepts x: a brand check no prototype edit can fake. */
  function hasBrand(builtin, x) { try { apply(builtin, x, []); return true; } catch (e) { return false; } }
  function isRegExp(x) { return x !== null && typeof x === "object" && hasBrand(regexpSource, x); }
  function regexpMatches(re, s) { return apply(regexpExec, re, [s]) !== null; }
  function own(o, key) { return apply(hasOwnProperty, o, [key]); }
`;
