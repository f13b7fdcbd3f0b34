// Reads printed text from a picture offline: tesseract.js with the English LSTM data that
// @tesseract.js-data/eng ships, its worker script and wasm core loaded from node_modules (nothing is
// downloaded or cached on disk). One worker per process, created at first use and reused: starting
// one costs seconds; it is ended after a minute idle so it never keeps a finished process alive.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createWorker, type Worker } from "tesseract.js";

const IDLE_MS = 60_000;
const require = createRequire(import.meta.url);
const englishData = join(dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");

let worker: Promise<Worker> | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let running = 0;

function startWorker(): Promise<Worker> {
  const started = createWorker("eng", 1, {
    langPath: englishData,
    cacheMethod: "none",
    gzip: true,
    // Without a handler tesseract.js rethrows a failed job outside every caller's stack (a damaged
    // picture killed the process); the job's own promise is rejected either way, so the caller hears.
    errorHandler: () => {},
  });
  // A worker that failed to start is forgotten, so the next picture tries again.
  started.catch(() => {
    if (worker === started) worker = undefined;
  });
  return started;
}

function endWhenIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closeOcr(), IDLE_MS);
  idleTimer.unref();
}

/** The text tesseract reads in a PNG, JPEG, WebP, BMP or GIF image, lines separated by "\n". */
export async function readImageText(image: Buffer): Promise<string> {
  worker ??= startWorker();
  running++;
  clearTimeout(idleTimer);
  try {
    const { data } = await (await worker).recognize(image);
    return data.text.trim();
  } finally {
    running--;
    if (running === 0) endWhenIdle();
  }
}

/** Ends the worker now (a later picture starts a new one). */
export async function closeOcr(): Promise<void> {
  clearTimeout(idleTimer);
  const current = worker;
  worker = undefined;
  if (current) await (await current.catch(() => undefined))?.terminate();
}
