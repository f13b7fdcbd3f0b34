// Every provider request, in arrival order, so tests and benchmarks can count upstream calls (for
// example per idempotency key). Bounded so a long benchmark cannot grow memory without limit.

export interface RequestLogEntry {
  at: number;
  endpoint: string;
  path: string;
  model?: string;
  stream: boolean;
  /** The HTTP status sent; 0 while the request is still being served or when the connection was reset. */
  status: number;
  /** From the Idempotency-Key or X-Idempotency-Key header. */
  idempotencyKey?: string;
  requestId: string;
}

export interface RequestLogFilter {
  endpoint?: string;
  idempotencyKey?: string;
  path?: string;
}

const MAX_ENTRIES = 100_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  /** Copies of the matching entries; `path` matches the path after the endpoint prefix, e.g. /v1/chat/completions. */
  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    return this.entries
      .filter(
        (e) =>
          (filter.endpoint === undefined || e.endpoint === filter.endpoint) &&
          (filter.idempotencyKey === undefined || e.idempotencyKey === filter.idempotencyKey) &&
          (filter.path === undefined || e.path === filter.path),
      )
      .map((e) => ({ ...e }));
  }

  clear() {
    this.entries = [];
  }
}
