// fast-check arbitraries for the values an attacker or a broken client puts in a field: wrong types,
// huge and odd numbers, control characters, prototype keys, deep nesting, and a valid body with one
// field swapped for something hostile.
import fc from "fast-check";

/** Strings that have broken parsers, queries, paths and logs somewhere before. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m\r\n",
  "\ufeff{}",
  "\ud800",
  "👩‍👩‍👧‍👦",
  "ﷺ",
  "‮reversed",
  "' OR '1'='1",
  "'; DROP TABLE todos; --",
  "$1",
  "%",
  "%00",
  "%zz",
  "\\",
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "..\\..\\windows\\win.ini",
  "<script>alert(1)</script>",
  // A template placeholder as data: a server that interpolates input would evaluate it.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the string is the hostile input
  "${process.env}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
] as const;

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  // The known offenders most often: random strings rarely hit a NUL or a traversal by chance.
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 64 }) },
  // Long enough to cross any column or prompt limit, short enough to keep a run quick.
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((n) => "x".repeat(n)) },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value, with prototype keys and nasty strings among the ordinary ones. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    nastyNumber,
    nastyString,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype"), nastyString),
      tie("value"),
      {
        maxKeys: 5,
      },
    ),
  ),
})).value;

/** JSON text nested `depth` levels deep: recursion in a parser or validator meets it first. */
export const deeplyNested = (depth: number, open = "[", close = "]"): string =>
  `${open.repeat(depth)}${close.repeat(depth)}`;

/** Text that is almost JSON: what a truncated upload or a hand-written client sends. */
export const malformedJsonText = (sample: unknown): fc.Arbitrary<string> => {
  const valid = JSON.stringify(sample ?? {});
  return fc.oneof(
    fc.constantFrom(
      "{",
      "}",
      "[",
      "{'a': 1}",
      '{"a": 1,}',
      "NaN",
      "undefined",
      "1e999999",
      `\ufeff${valid}`,
      `${valid}${valid}`,
      `${valid}\u0000`,
      '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '"just a string"',
      "null",
      "[]",
      "true",
      "0",
    ),
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((cut) => valid.slice(0, cut)),
    fc.integer({ min: 100, max: 20_000 }).map((depth) => deeplyNested(depth)),
    fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
    fc.string({ unit: "binary", maxLength: 200 }),
  );
};

/** A value of some other type than `value`'s, or a nasty one of the same type. */
export const wrongTypeFor = (value: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, 0, -1, "", [], {}, "__proto__"),
    // A nasty value of the right type passes the type check and reaches the code behind it: most often.
    { weight: 3, arbitrary: typeof value === "string" ? nastyString : fc.constant(String(value)) },
    nastyNumber,
    fc.array(nastyString, { maxLength: 3 }),
    fc.integer({ min: 1_000, max: 50_000 }).map((n) => Array.from({ length: n }, () => 1)),
    hostileJsonValue,
  );

/**
 * A valid sample with its fields changed one way or another: one field of a wrong type or nasty, a
 * field missing, extra or prototype keys added, or the whole body another JSON type.
 */
export function mutatedSample(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const oneField =
    keys.length === 0
      ? fc.constant(sample)
      : fc
          .constantFrom(...keys)
          .chain((key) => wrongTypeFor(sample[key]).map((bad) => ({ ...sample, [key]: bad })));
  const missing =
    keys.length === 0
      ? fc.constant(sample)
      : fc
          .constantFrom(...keys)
          .map((key) => Object.fromEntries(keys.filter((k) => k !== key).map((k) => [k, sample[k]])));
  // Built as text so `__proto__` lands as an own key, as a parsed request body would carry it.
  const rest = JSON.stringify(sample).slice(1);
  const extra = fc
    .tuple(
      fc.constantFrom("__proto__", "constructor", "id", "owner", "userId", "role", "extra"),
      hostileJsonValue,
    )
    .map(([key, value]) =>
      JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value ?? null)}${keys.length ? "," : ""}${rest}`),
    );
  return fc.oneof(oneField, missing, extra, fc.constant(sample), hostileJsonValue);
}
