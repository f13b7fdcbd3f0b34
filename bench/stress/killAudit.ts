// What the kill run checks after the load: pg-boss's generation jobs by state (waiting until none is
// left running), and the storage folder against the images rows (files no row references, rows whose
// file is missing). Reads the database the instances shared, through the wire.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

const GENERATION_QUEUE = "images.generate";
const UNFINISHED = ["created", "retry", "active"];

/** Generation jobs by pg-boss state. */
export async function jobStates(db: pg.Client): Promise<Record<string, number>> {
  const { rows } = await db.query<{ state: string; n: string }>(
    "select state::text as state, count(*) as n from pgboss.job where name = $1 group by state",
    [GENERATION_QUEUE],
  );
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** Generation jobs that more than one attempt ran: a worker died (or failed) and another finished it. */
export async function retriedJobs(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    "select count(*) as n from pgboss.job where name = $1 and retry_count > 0",
    [GENERATION_QUEUE],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Waits until at least `atLeast` generation jobs are running (both instances' workers have work). */
export async function waitForActiveJobs(db: pg.Client, atLeast: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const active = (await jobStates(db)).active ?? 0;
    if (active >= atLeast || Date.now() > deadline) return active;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until no generation job is created, retrying or active (a batch settles when its slowest job ends). */
export async function waitForJobsToSettle(db: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const states = await jobStates(db);
    if (UNFINISHED.every((s) => !states[s])) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export interface StorageAudit {
  rows: number;
  /** Rows beyond the first for one idempotency key: an image saved twice. */
  duplicateRows: number;
  files: number;
  /** Files (or temp files a crash left) that no images row references. */
  orphanFiles: number;
  rowsWithoutFile: number;
}

export async function auditStorage(db: pg.Client, storageDir: string): Promise<StorageAudit> {
  const { rows } = await db.query<{ storage_key: string; idempotency_key: string | null }>(
    "select storage_key, idempotency_key from images",
  );
  const keys = new Set(rows.map((r) => r.idempotency_key));
  const referenced = new Set(rows.map((r) => r.storage_key));
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
  const present = new Set(files);
  return {
    rows: rows.length,
    duplicateRows: rows.length - keys.size,
    files: files.length,
    orphanFiles: files.filter((f) => !referenced.has(f)).length,
    rowsWithoutFile: [...referenced].filter((k) => !present.has(k)).length,
  };
}
