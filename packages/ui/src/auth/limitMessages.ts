// What a signed-in user is told when a limit stops a call: a daily budget used up (402 budget_exceeded:
// what was spent, when it resets) or too many requests (429 rate_limited: when to retry). Both apps'
// panels read failed responses through `apiFailureOf`, so every call that can fail says the same thing.
import { waitText } from "./authRequests.ts";

export interface ApiFailure {
  code: string;
  message: string;
  details?: unknown;
  /** From Retry-After, or the body's details. */
  retryAfterSeconds?: number | null;
}

/** A failed response in the repo's one error body (`{ error: { code, message, details? } }`). */
export async function apiFailureOf(res: Response): Promise<ApiFailure> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  const header = Number(res.headers.get("retry-after") ?? Number.NaN);
  return {
    code: body?.error?.code ?? "http_error",
    message: body?.error?.message ?? `The server answered ${res.status}.`,
    details: body?.error?.details,
    retryAfterSeconds: Number.isFinite(header) ? header : null,
  };
}

/** Cents, or four decimals under a cent (a tiny test budget must not read "$0.00"). */
const usd = (v: number) =>
  v === 0 || v >= 0.01 ? `$${v.toFixed(2)}` : v >= 0.0001 ? `$${v.toFixed(4)}` : "under $0.0001";

function untilText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Budgets are per UTC day: the next midnight UTC after `now`. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

function whose(scope: string): { subject: string; possessive: string } {
  if (scope.startsWith("user:")) return { subject: "you have", possessive: "your" };
  if (scope.startsWith("feature:"))
    return { subject: `“${scope.slice("feature:".length)}” has`, possessive: "its" };
  return { subject: "this app has", possessive: "its" };
}

function budgetMessage(details: unknown, now: Date): string {
  const d = (details ?? {}) as { scope?: unknown; limitUsd?: unknown; usedUsd?: unknown; resetsAt?: unknown };
  const resets = typeof d.resetsAt === "string" ? new Date(d.resetsAt) : nextUtcMidnight(now);
  const when = `It resets at midnight UTC, in ${untilText(resets.getTime() - now.getTime())}.`;
  if (typeof d.limitUsd !== "number" || typeof d.usedUsd !== "number")
    return `The daily budget is used up. ${when}`;
  const { subject, possessive } = whose(typeof d.scope === "string" ? d.scope : "");
  // The router refuses before the call when its bound (max_tokens) could pass the limit: say so.
  return `Daily budget reached: ${subject} spent ${usd(d.usedUsd)} of ${possessive} ${usd(d.limitUsd)} today, and this request could cost more than is left. ${when}`;
}

function retryMessage(failure: ApiFailure): string {
  const fromDetails = (failure.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const seconds = failure.retryAfterSeconds ?? (typeof fromDetails === "number" ? fromDetails : null);
  return seconds === null
    ? "Too many requests: wait a moment and try again."
    : `Too many requests: try again in ${waitText(Math.ceil(seconds))}.`;
}

/** The message to show for a failure: a clear one for limits, the server's own for anything else. */
export function failureMessage(failure: ApiFailure, now = new Date()): string {
  if (failure.code === "budget_exceeded") return budgetMessage(failure.details, now);
  if (failure.code === "rate_limited") return retryMessage(failure);
  return failure.message;
}
