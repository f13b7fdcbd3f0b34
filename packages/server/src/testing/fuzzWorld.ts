// The world an app's fuzz suite sends hostile requests into: the test database with its row counts,
// signed-up users (a member, a second member, an admin) and no session at all. Imported by
// *.fuzz.test.ts files only.
import { resultRows } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { getDb } from "../services.ts";
import { APP_ORIGIN, type SignedIn, signUp } from "./serverWorld.ts";

/**
 * The limiter's counters: a request that passed the session check counts against its user and address
 * before its body is read (so a flood of malformed requests is throttled too). That row is by design.
 */
export const RATE_LIMIT_TABLES = ["rate_limits"] as const;

let tableNames: string[] | undefined;

/** Rows in every table of the database (public schema and any other of ours), by table. */
export async function countRows(): Promise<Record<string, number>> {
  const { db } = await getDb();
  tableNames ??= resultRows<{ name: string }>(
    await db.execute(sql`
      SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
      FROM information_schema.tables
      WHERE table_type = 'BASE TABLE'
        AND table_schema NOT IN ('pg_catalog', 'information_schema', 'drizzle')
      ORDER BY 1`),
  ).map((r) => r.name);
  if (tableNames.length === 0) return {};
  // One round trip for every table: counts are taken before and after each rejected request.
  const union = tableNames
    .map((name, i) => `SELECT ${i} AS i, count(*)::int AS n FROM ${name}`)
    .join(" UNION ALL ");
  const rows = resultRows<{ i: number; n: number }>(await db.execute(sql.raw(union)));
  const names = tableNames;
  return Object.fromEntries(rows.map((r) => [names[r.i]!.replace(/^public\./, ""), Number(r.n)]));
}

export interface FuzzUsers {
  member: SignedIn;
  other: SignedIn;
  admin: SignedIn;
}

/** The admin of a fuzz world signed up under `prefix`. */
export const fuzzAdminEmail = (prefix: string) => `${prefix}-admin@example.com`;

/** SWITCHYARD_ADMIN_EMAILS for openTestDatabase: the admins of the worlds under these prefixes. */
export const fuzzAdminEmails = (...prefixes: string[]) => prefixes.map(fuzzAdminEmail).join(",");

/** Three users signed up through the auth routes: two members and an admin (see fuzzAdminEmails). */
export async function signUpFuzzUsers(prefix: string): Promise<FuzzUsers> {
  const member = await signUp(`${prefix}-member@example.com`);
  const other = await signUp(`${prefix}-other@example.com`);
  const admin = await signUp(fuzzAdminEmail(prefix));
  return { member, other, admin };
}

/** The sessions a fuzz world offers: none, each user's cookie. */
export function fuzzSessions(users: FuzzUsers): Record<string, { cookie?: string }> {
  return {
    anonymous: {},
    member: { cookie: users.member.cookie },
    other: { cookie: users.other.cookie },
    admin: { cookie: users.admin.cookie },
  };
}

/** Which user a session name is, for a world's `ids()`. */
export function userOfSession(users: FuzzUsers, session: string): SignedIn | undefined {
  return session === "member" || session === "other" || session === "admin" ? users[session] : undefined;
}

/** The user whose rows are "someone else's" for a session: the other member, or the member for them. */
export function otherUserOf(users: FuzzUsers, session: string): SignedIn {
  return session === "member" ? users.other : users.member;
}

export { APP_ORIGIN };
