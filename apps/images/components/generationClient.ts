// The browser side of a submission: one request per image, each with its own idempotency key derived
// from the submission's, so a double click, a reload or a retry never generates or pays twice.
// Unfinished submissions live in sessionStorage and are resumed (same keys) after a reload.
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
const MAX_QUEUE_RETRIES = 5;

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
    const body = (await res.json().catch(() => null)) as
      | { image: ImageRecord; replay: boolean }
      | { error: { code: string; message: string } }
      | null;
    if (res.ok && body && "image" in body) return { status: "done", image: body.image, replay: body.replay };
    const retryAfter = Number(res.headers.get("retry-after") ?? 0);
    if (res.status === 429 && retryAfter > 0 && attempt < MAX_QUEUE_RETRIES) {
      await sleep(retryAfter * 1000);
      continue;
    }
    const error = body && "error" in body ? body.error : null;
    return {
      status: "error",
      code: error?.code ?? `http_${res.status}`,
      message: error?.message ?? "Something went wrong on our side. Try again.",
    };
  }
}
