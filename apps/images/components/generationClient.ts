// The browser side of a submission: one request per image, each with its own idempotency key derived
// from the submission's, so a double click, a reload or a retry never generates or pays twice.
// Unfinished submissions live in sessionStorage and are resumed (same keys) after a reload.
import { apiFailureOf, failureMessage } from "@switchyard/ui/auth";
import type { ImageRecord } from "@/lib/gallery/imageRecord.ts";

export interface SubmissionInput {
  prompt: string;
  aspect: string;
  size: string;
  style: string;
  model: string;
}

export interface Submission {
  key: string;
  input: SubmissionInput;
  seeds: number[];
  startedAt: number;
}

export type SlotState =
  | { status: "pending" }
  | { status: "done"; image: ImageRecord; replay: boolean }
  | { status: "error"; code: string; message: string };

const STORAGE_KEY = "switchyard.images.pending";
/** Resends of one image (same key) when the server asks to come back: a full queue or the key in flight. */
const MAX_RETRIES = 5;

export function newSubmission(input: SubmissionInput, count: number): Submission {
  const seeds = Array.from({ length: count }, () => Math.floor(Math.random() * 2 ** 31));
  return { key: crypto.randomUUID(), input, seeds, startedAt: Date.now() };
}

export const slotKey = (submission: Submission, index: number) => `${submission.key}-${index}`;

export function rememberPending(submission: Submission | null): void {
  try {
    if (submission) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(submission));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or full storage: resuming after a reload is a nicety, not a requirement.
  }
}

export function pendingSubmission(): Submission | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Submission) : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Generates image `index` of the submission; retries (same key) only when the server asked to wait. */
export async function generateSlot(submission: Submission, index: number): Promise<SlotState> {
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch("/api/images/generate", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": slotKey(submission, index) },
        body: JSON.stringify({ ...submission.input, seed: submission.seeds[index] }),
      });
    } catch {
      return { status: "error", code: "network", message: "The server could not be reached. Try again." };
    }
    if (res.ok) {
      const body = (await res.json().catch(() => null)) as { image?: ImageRecord; replay?: boolean } | null;
      if (body?.image) return { status: "done", image: body.image, replay: body.replay === true };
      return {
        status: "error",
        code: "bad_response",
        message: "The server's answer held no image. Try again.",
      };
    }
    const failure = await apiFailureOf(res);
    // A full queue, or the same key still generating (409, say after a reload mid-request), asks to come
    // back shortly: wait its Retry-After and resend the same key. A spent budget or the user's rate
    // limit is told (what was spent and when it resets, or how long to wait); so is a 422 (another body).
    const wait = failure.retryAfterSeconds ?? 0;
    const queueFull = res.status === 429 && failure.code !== "rate_limited" && wait > 0;
    const inFlight = res.status === 409 && failure.code === "idempotency_in_flight";
    if ((queueFull || inFlight) && attempt < MAX_RETRIES) {
      await sleep(Math.max(wait, inFlight ? 1 : 0) * 1000);
      continue;
    }
    if (res.status === 401) {
      return {
        status: "error",
        code: failure.code,
        message: "Your session has ended. Sign in again to generate.",
      };
    }
    return { status: "error", code: failure.code, message: failureMessage(failure) };
  }
}
