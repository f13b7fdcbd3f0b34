// `npm run dev`: the embedded database, the local provider, both apps and the gateway, with one Ctrl-C
// to stop them.
import { spawn } from "node:child_process";
import { join } from "node:path";

const env = process.env;
const ports = {
  db: Number(env.PGLITE_PORT ?? 5433),
  provider: Number(env.LOCAL_PROVIDER_PORT ?? 4010),
  todo: Number(env.TODO_PORT ?? 3000),
  images: Number(env.IMAGES_PORT ?? 3001),
  gateway: Number(env.GATEWAY_PORT ?? 4000),
};

async function waitFor(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

export async function runDev({ root }) {
  const children = [];
  const shared = {
    LOCAL_PROVIDER_URL: env.LOCAL_PROVIDER_URL ?? `http://127.0.0.1:${ports.provider}`,
    LOCAL_PROVIDER_PORT: String(ports.provider),
  };
  // Two apps cannot open one embedded PGlite folder at once, so the dev runner serves it over the
  // Postgres wire protocol and both apps connect to it like to any Postgres server.
  if (!env.DATABASE_URL) {
    shared.DATABASE_URL = `postgres://postgres@127.0.0.1:${ports.db}/postgres`;
  }

  // Each server runs its own binary from its package, not through `pnpm run`, so Ctrl-C ends it
  // quietly instead of as a failed script.
  const start = (name, dir, bin, args, extra = {}) => {
    const child = spawn(join(root, dir, "node_modules", ".bin", bin), args, {
      cwd: join(root, dir),
      env: { ...env, ...shared, ...extra },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const prefix = `[${name}] `;
    const pipe = (stream, out) =>
      stream.on("data", (buf) => {
        for (const line of buf.toString().split("\n")) if (line.trim()) out.write(`${prefix}${line}\n`);
      });
    pipe(child.stdout, process.stdout);
    pipe(child.stderr, process.stderr);
    child.on("exit", (code, signal) => {
      if (!stopping) {
        console.error(`[switchyard] ${name} exited (${signal ?? code}); stopping the others`);
        stop(1);
      }
    });
    children.push(child);
  };

  let stopping = false;
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    setTimeout(() => process.exit(code), 1500).unref();
    Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)),
    ).then(() => process.exit(code));
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  const started = Date.now();
  if (!env.DATABASE_URL) {
    start("db", "packages/db", "tsx", ["src/serve.ts"], { PGLITE_PORT: String(ports.db) });
    // The socket server migrates before it listens; apps connect once it accepts.
    await waitForPort(ports.db);
  }
  start("provider", "packages/local-provider", "tsx", ["src/cli.ts"]);
  start("todo", "apps/todo", "next", ["dev", "--port", String(ports.todo)]);
  start("images", "apps/images", "next", ["dev", "--port", String(ports.images)]);
  start("gateway", "apps/gateway", "tsx", ["src/cli.ts"], { GATEWAY_PORT: String(ports.gateway) });

  const urls = {
    todo: `http://localhost:${ports.todo}`,
    images: `http://localhost:${ports.images}`,
    provider: `http://127.0.0.1:${ports.provider}`,
    gateway: `http://127.0.0.1:${ports.gateway}`,
  };
  const [p, t, i, g] = await Promise.all([
    waitFor(`${urls.provider}/health`),
    waitFor(`${urls.todo}/api/health`),
    waitFor(`${urls.images}/api/health`),
    // Any answer (a 401 without a key) means it listens.
    waitFor(`${urls.gateway}/v1/models`),
  ]);
  if (stopping) return;
  const mark = (ok) => (ok ? "ready" : "not answering yet");
  console.log(
    `\n[switchyard] up in ${Math.round((Date.now() - started) / 1000)} s — Ctrl-C stops everything\n` +
      `  todo app        ${urls.todo}  (${mark(t)})\n` +
      `  image app       ${urls.images}  (${mark(i)})\n` +
      `  sign in         "Continue as demo user" on either app's sign-in page (one account for both)\n` +
      `  gateway         ${urls.gateway}/v1  (${mark(g)}; make a key: docs/15-your-own-gateway.md)\n` +
      `  local provider  ${urls.provider}  (${mark(p)})\n` +
      `  database        ${env.DATABASE_URL ? "DATABASE_URL" : `embedded PGlite (.data/pglite) served on 127.0.0.1:${ports.db}`}\n`,
  );
}

async function waitForPort(port, timeoutMs = 60_000) {
  const { connect } = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`database did not start on port ${port}`);
}
