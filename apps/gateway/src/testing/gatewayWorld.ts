// What the gateway's tests run against: the local provider, PGlite served over the Postgres wire (the
// DATABASE_URL path, so several gateway processes share it), a user who owns keys, and gateway
// processes started as `pnpm start` starts them (src/cli.ts), each on a free port.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createDb,
  createGatewayKey,
  type DbHandle,
  type NewGatewayKey,
  startPgliteServer,
  users,
} from "@switchyard/db";
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";

const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));
export const OWNER_ID = "gateway-test-owner";

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface GatewayWorld {
  provider: LocalProvider;
  databaseUrl: string;
  db: DbHandle;
  startGateway(env?: Record<string, string>): Promise<GatewayProcess>;
  /** A key owned by the test user; the secret to send. */
  makeKey(fields?: Partial<NewGatewayKey>): Promise<{ id: string; secret: string }>;
  close(): Promise<void>;
}

export async function startGatewayWorld(): Promise<GatewayWorld> {
  const [provider, pg] = await Promise.all([
    startLocalProvider(),
    startPgliteServer({ dataDir: "memory://" }),
  ]);
  const db = await createDb({ url: pg.url, cache: false });
  await db.db
    .insert(users)
    .values({ id: OWNER_ID, name: "Gateway tests", email: "gateway-tests@example.com" });
  const processes: GatewayProcess[] = [];
  let keys = 0;

  return {
    provider,
    databaseUrl: pg.url,
    db,
    async startGateway(env = {}) {
      const started = await spawnGateway({
        DATABASE_URL: pg.url,
        DATABASE_POOL_MAX: "2",
        LOCAL_PROVIDER_URL: provider.url,
        GATEWAY_PORT: "0",
        SWITCHYARD_CATALOG_SYNC_MINUTES: "0",
        ...env,
      });
      processes.push(started);
      return started;
    },
    async makeKey(fields = {}) {
      keys += 1;
      const { key, secret } = await createGatewayKey(db.db, {
        name: `test key ${keys}`,
        ownerId: OWNER_ID,
        ...fields,
      });
      return { id: key.id, secret };
    },
    async close() {
      await Promise.all(processes.map((p) => p.stop()));
      await db.close();
      await Promise.all([provider.close(), pg.close()]);
    },
  };
}

function spawnGateway(extraEnv: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", cli], {
    env: { ...process.env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on("data", (b: Buffer) => {
    output += b.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the gateway did not start within 60 s:\n${output}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited with ${code}:\n${output}`));
    });
    child.on("message", (m: { type?: string; url?: string }) => {
      if (m.type !== "ready" || !m.url) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({ url: m.url, child, output: () => output, stop });
    });
  });
}
