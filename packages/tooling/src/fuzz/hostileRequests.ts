// What the fuzzer sends a route: a session, a method, path params, a query, headers and a body, drawn
// from hostile arbitraries and turned into a standard Request. Inputs stay plain data so a report can
// show the one that failed.
import fc from "fast-check";
import { malformedJsonText, mutatedSample, nastyString } from "./hostileValues.ts";

/** Next's route handler: a Request and `{ params }` for dynamic segments. */
export type RouteHandler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response> | Response;

export interface FuzzRoute {
  /** "PATCH /api/todos/[id]": the method and the route's path as the app names it. */
  name: string;
  method: string;
  /** The URL path; `[segment]` is filled from `params`. */
  path: string;
  handler: RouteHandler;
  /** Dynamic segments and the kind of row each names (the world knows each session's own and another's). */
  params?: Record<string, string>;
  /** A JSON body route: a valid sample to mutate and the route's limit in bytes. */
  body?: { sample: Record<string, unknown>; limitBytes: number };
  /** A valid query to mutate. */
  query?: Record<string, string>;
  /** Headers a valid call carries (an Idempotency-Key); the hostile ones replace them. */
  headers?: Record<string, string>;
  /** better-auth's routes answer in their own error shape; the wire schema is not checked for them. */
  ownErrorShape?: boolean;
  /** A 2xx on another user's id is by design (todo DELETE answers `{ deleted: false }`). */
  foreignIdAnswers2xx?: boolean;
}

export type FuzzBody =
  | { kind: "none" }
  | { kind: "json"; text: string }
  | { kind: "oversized"; bytes: number; over: "just" | "far" }
  | { kind: "binary"; bytes: number[] };

export type ParamChoice = { pick: "own" | "foreign" } | { raw: string };

export interface FuzzInput {
  session: string;
  method: string;
  params: Record<string, ParamChoice>;
  query: [string, string][];
  headers: Record<string, string>;
  body: FuzzBody;
}

// An empty value removes the header: no content type at all.
const ODD_CONTENT_TYPES = [
  "",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "application/jsonx",
  "json",
  "*/*",
];

/** A header value Request accepts: latin-1, no CR, LF or NUL. */
const headerSafe = (s: string) => s.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, "?").slice(0, 8_000);

const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      origin: fc.constantFrom("https://evil.example", "null", "http://localhost:3000.evil.example", ""),
      "sec-fetch-site": fc.constantFrom("cross-site", "same-site", "none"),
      "x-forwarded-for": fc.oneof(
        fc.constantFrom("1.2.3.4, 203.0.113.9", "unknown", "::1", "999.999.999.999", " , ,"),
        fc.ipV4(),
        nastyString.map(headerSafe),
      ),
      cookie: fc.oneof(
        fc.constantFrom(
          "switchyard.session_token=forged.value",
          "better-auth.session_token=x; switchyard.session_token=",
          "=",
          ";;;",
        ),
        nastyString.map((s) => `switchyard.session_token=${headerSafe(s)}`),
      ),
      "idempotency-key": fc.oneof(
        fc.constantFrom("short", "fuzz-key-0001", "a".repeat(201)),
        nastyString.map(headerSafe),
      ),
      "x-http-method-override": fc.constantFrom("DELETE", "PUT"),
      "x-switchyard-user": nastyString.map(headerSafe),
      "x-switchyard-feature": nastyString.map(headerSafe),
      authorization: fc.constantFrom("Bearer sk-or-v1-forged", "Basic Og==", "Bearer"),
    },
    { requiredKeys: [] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, headerSafe(v)])));

const paramChoice: fc.Arbitrary<ParamChoice> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<ParamChoice>({ pick: "own" }, { pick: "foreign" }) },
  { weight: 1, arbitrary: fc.uuid().map<ParamChoice>((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.uuid().map<ParamChoice>((raw) => ({ raw: raw.toUpperCase() })) },
  { weight: 2, arbitrary: nastyString.map<ParamChoice>((raw) => ({ raw })) },
);

function bodyArbitrary(route: FuzzRoute): fc.Arbitrary<FuzzBody> {
  const sample = route.body?.sample ?? {};
  const limit = route.body?.limitBytes ?? 256 * 1024;
  const json = (a: fc.Arbitrary<unknown>) =>
    a.map<FuzzBody>((v) => ({ kind: "json", text: JSON.stringify(v) ?? "null" }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: "none" }) },
    { weight: 5, arbitrary: json(mutatedSample(sample)) },
    { weight: 2, arbitrary: malformedJsonText(sample).map<FuzzBody>((text) => ({ kind: "json", text })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<FuzzBody>(
        { kind: "oversized", bytes: limit + 1, over: "just" },
        // Far over, capped so a run on a small machine stays quick.
        { kind: "oversized", bytes: Math.min(limit * 4, limit + 4 * 1024 * 1024), over: "far" },
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.nat({ max: 255 }), { maxLength: 64 })
        .map<FuzzBody>((bytes) => ({ kind: "binary", bytes })),
    },
  );
}

function queryArbitrary(route: FuzzRoute): fc.Arbitrary<[string, string][]> {
  const sample = Object.entries(route.query ?? {});
  const keys = sample.map(([k]) => k);
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), nastyString) : nastyString;
  // A route may read the first value of a key or the last: replace one in place, and append others.
  const replaced =
    keys.length === 0
      ? fc.constant(sample)
      : fc
          .tuple(fc.nat({ max: keys.length - 1 }), nastyString)
          .map(([i, bad]) => sample.map(([k, v], j): [string, string] => [k, i === j ? bad : v]));
  return fc.oneof(
    fc.constant(sample),
    replaced,
    fc.array(fc.tuple(key, nastyString), { maxLength: 4 }).map((extra) => [...sample, ...extra]),
  );
}

/** Everything the fuzzer may send one route; `sessions` are the world's names ("anonymous", "member"…). */
export function fuzzInput(route: FuzzRoute, sessions: readonly string[]): fc.Arbitrary<FuzzInput> {
  const methods =
    route.method === "GET"
      ? [route.method, route.method, "HEAD"]
      : [route.method, route.method, route.method];
  const params = Object.fromEntries(Object.keys(route.params ?? {}).map((name) => [name, paramChoice]));
  return fc.record({
    session: fc.constantFrom(...sessions),
    method: fc.constantFrom(...methods),
    params: fc.record(params),
    query: queryArbitrary(route),
    headers: fc.oneof(
      { weight: 2, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_CONTENT_TYPES).map((ct) => ({ "content-type": ct })) },
      { weight: 2, arbitrary: hostileHeaders },
    ),
    body:
      route.method === "GET" || route.method === "HEAD"
        ? fc.constant<FuzzBody>({ kind: "none" })
        : bodyArbitrary(route),
  });
}

/**
 * Inputs sent before the random ones, as a signed-in caller (the last session named): a NUL in each
 * string field of the body, in each query value and in each path param. Random draws hit those rarely.
 */
export function knownOffenders(route: FuzzRoute, sessions: readonly string[]): FuzzInput[] {
  const session = sessions.at(-1) ?? "anonymous";
  const sample = route.body?.sample ?? {};
  const query = Object.entries(route.query ?? {});
  const own = Object.fromEntries(
    Object.keys(route.params ?? {}).map((name): [string, ParamChoice] => [name, { pick: "own" }]),
  );
  const base: FuzzInput = {
    session,
    method: route.method,
    params: own,
    query,
    headers: {},
    body: route.body ? { kind: "json", text: JSON.stringify(sample) } : { kind: "none" },
  };
  const withNul = (s: string) => `${s.slice(0, 1)}\u0000${s.slice(1)}`;
  return [
    ...Object.entries(sample)
      .filter(([, v]) => typeof v === "string")
      .map(
        ([k, v]): FuzzInput => ({
          ...base,
          body: { kind: "json", text: JSON.stringify({ ...sample, [k]: withNul(String(v)) }) },
        }),
      ),
    ...query.map(
      (_, i): FuzzInput => ({
        ...base,
        query: query.map(([qk, qv], j) => [qk, i === j ? withNul(qv) : qv]),
      }),
    ),
    ...Object.keys(route.params ?? {}).map(
      (name): FuzzInput => ({ ...base, params: { ...own, [name]: { raw: "\u0000" } } }),
    ),
  ];
}

function bodyBytes(body: FuzzBody): string | Uint8Array<ArrayBuffer> | undefined {
  if (body.kind === "none") return undefined;
  if (body.kind === "json") return body.text;
  if (body.kind === "binary") return new Uint8Array(body.bytes);
  // Valid JSON, so only its size is wrong: {"pad":"xxxx…"}.
  return `{"pad":"${"x".repeat(Math.max(0, body.bytes - 10))}"}`;
}

/** The Request an input describes, as the app's server would hand it to the route. */
export function toRequest(
  origin: string,
  path: string,
  input: FuzzInput,
  session: { cookie?: string; headers?: Record<string, string> },
  routeHeaders: Record<string, string> = {},
  signal?: AbortSignal,
): Request {
  const url = new URL(path, origin);
  for (const [k, v] of input.query) url.searchParams.append(k, v);
  const body = input.method === "GET" || input.method === "HEAD" ? undefined : bodyBytes(input.body);
  const headers = new Headers({ "x-forwarded-for": "203.0.113.9", ...session.headers });
  if (session.cookie) headers.set("cookie", session.cookie);
  if (body !== undefined) headers.set("content-type", "application/json");
  if (input.method !== "GET" && input.method !== "HEAD") headers.set("origin", origin);
  for (const [k, v] of Object.entries(routeHeaders)) headers.set(k, v);
  for (const [k, v] of Object.entries(input.headers)) {
    // A hostile cookie joins the session's instead of replacing it: a real browser sends both.
    if (k === "cookie" && session.cookie) headers.set("cookie", `${session.cookie}; ${v}`);
    else if (v === "") headers.delete(k);
    else headers.set(k, v);
  }
  return new Request(url, { method: input.method, headers, body, signal });
}

/** The path with its dynamic segments filled in (encoded as a browser would). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}

/** An input with bodies cut short, for a report. */
export function describeInput(input: FuzzInput, params: Record<string, string>): Record<string, unknown> {
  const body =
    input.body.kind === "json" && input.body.text.length > 300
      ? { kind: "json", text: `${input.body.text.slice(0, 300)}… (${input.body.text.length} chars)` }
      : input.body.kind === "binary"
        ? { kind: "binary", length: input.body.bytes.length }
        : input.body;
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}… (${s.length} chars)` : s);
  return {
    session: input.session,
    method: input.method,
    params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, cut(v)])),
    query: input.query.map(([k, v]) => [cut(k), cut(v)]),
    headers: Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k, cut(v)])),
    body,
  };
}
