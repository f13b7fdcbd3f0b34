// The browser's side of signing in: better-auth's routes under /api/auth and the dev demo route, called
// with plain fetch. Every failure becomes one readable message, whichever error shape the server used.

export type AuthOutcome<T = unknown> = { ok: true; body: T } | { ok: false; message: string };

/** Where to go after signing in: only a path on this site, never another origin ("//evil.example"). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

/** Seconds from Retry-After (ours) or X-Retry-After (better-auth's throttling), if either is a number. */
function retryAfterOf(headers: Headers): number | null {
  const raw = headers.get("retry-after") ?? headers.get("x-retry-after");
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** better-auth answers `{ code, message }`; our routes answer `{ error: { code, message } }`. */
function messageOf(status: number, headers: Headers, body: unknown): string {
  if (status === 429) {
    const seconds = retryAfterOf(headers);
    return seconds === null
      ? "Too many attempts. Wait a moment and try again."
      : `Too many attempts. Try again in ${waitText(seconds)}.`;
  }
  const shaped = body as { message?: unknown; error?: { message?: unknown } } | null;
  const message = shaped?.error?.message ?? shaped?.message;
  if (typeof message === "string" && message.trim())
    // better-auth prefixes validation messages with the field's path: "[body.email] Invalid email address".
    return message.replace(/^\[[^\]]*\]\s*/, "");
  return `The server answered ${status}. Try again.`;
}

/** POSTs JSON to one of the sign-in routes; the session cookie, if any, is set by the response. */
export async function postAuth<T = unknown>(path: string, body: unknown): Promise<AuthOutcome<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: "Cannot reach the server. Check your connection and try again." };
  }
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) return { ok: false, message: messageOf(res.status, res.headers, parsed) };
  return { ok: true, body: parsed as T };
}
