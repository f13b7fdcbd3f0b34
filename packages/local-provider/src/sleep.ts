// Waiting that a client disconnect cancels, so a stalled or hung response never outlives its socket.

export class ClientGoneError extends Error {
  constructor() {
    super("client disconnected");
    this.name = "ClientGoneError";
  }
}

/** Resolves after `ms` (never, for Infinity) or rejects with ClientGoneError when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new ClientGoneError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new ClientGoneError());
    }
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
