// A job's id comes from its kind and its key (the request's idempotency key), so enqueueing the same key
// twice, from any process and in any state the first job is in, inserts nothing the second time.
import { createHash } from "node:crypto";

/** A UUID (version 8, "custom") from sha-256 of kind and key: the same pair always gives the same id. */
export function jobIdForKey(kind: string, key: string): string {
  const hex = createHash("sha256").update(`${kind}\u0000${key}`).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
