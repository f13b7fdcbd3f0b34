// `pnpm gateway:keys create|list|revoke`: virtual keys in the gateway's database (DATABASE_URL, or the
// embedded PGlite). `create` prints the key once; only its hash is kept.
//   create --name NAME --owner EMAIL|USER_ID [--models a,b] [--daily USD] [--monthly USD] [--rpm N]
//          [--tpm N] [--expires 2027-01-31|30d]
//   list [--owner EMAIL|USER_ID]        revoke KEY_ID
import { parseArgs } from "node:util";
import {
  createDb,
  createGatewayKey,
  type Database,
  listGatewayKeys,
  revokeGatewayKey,
  users,
} from "@switchyard/db";
import { eq, or } from "drizzle-orm";
import { z } from "zod";
import { keyView } from "./keyView.ts";

const flagsSchema = z.object({
  name: z.string().optional(),
  owner: z.string().optional(),
  models: z.string().optional(),
  daily: z.coerce.number().positive().optional(),
  monthly: z.coerce.number().positive().optional(),
  rpm: z.coerce.number().int().positive().optional(),
  tpm: z.coerce.number().int().positive().optional(),
  expires: z.string().optional(),
  json: z.boolean().optional(),
});

/** "30d" from now, or a date/time; midnight UTC for a bare date. */
function parseExpiry(value: string, now = new Date()): Date {
  const days = /^(\d+)d$/.exec(value);
  const at = days ? new Date(now.getTime() + Number(days[1]) * 86_400_000) : new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new Error(`--expires: not a date or a number of days ("30d"): ${value}`);
  return at;
}

async function ownerId(db: Database, who: string): Promise<string> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.id, who), eq(users.email, who.toLowerCase())))
    .limit(1);
  if (!user) throw new Error(`no account with id or email ${who} (sign up in an app first)`);
  return user.id;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    allowPositionals: true,
    strict: true,
    options: Object.fromEntries(
      Object.keys(flagsSchema.shape).map((k) => [k, { type: k === "json" ? "boolean" : "string" }]),
    ) as Record<string, { type: "string" | "boolean" }>,
  });
  const flags = flagsSchema.parse(values);
  const [command, arg] = positionals;
  const handle = await createDb({ cache: false });
  try {
    const { db } = handle;
    if (command === "create") {
      if (!flags.name || !flags.owner) throw new Error("create needs --name and --owner");
      const { key, secret } = await createGatewayKey(db, {
        name: flags.name,
        ownerId: await ownerId(db, flags.owner),
        allowedModels:
          flags.models
            ?.split(",")
            .map((m) => m.trim())
            .filter(Boolean) ?? [],
        dailyUsd: flags.daily ?? null,
        monthlyUsd: flags.monthly ?? null,
        rpm: flags.rpm ?? null,
        tpm: flags.tpm ?? null,
        expiresAt: flags.expires ? parseExpiry(flags.expires) : null,
      });
      if (flags.json) console.log(JSON.stringify({ ...keyView(key), key: secret }));
      else console.log(`${secret}\n\n${key.id} "${key.name}": the key above is shown once; keep it now.`);
      return 0;
    }
    if (command === "list") {
      const keys = await listGatewayKeys(db, flags.owner ? { ownerId: await ownerId(db, flags.owner) } : {});
      if (flags.json) console.log(JSON.stringify(keys.map(keyView)));
      else
        for (const k of keys.map(keyView))
          console.log(`${k.id}  ${k.prefix}…  ${k.status.padEnd(7)}  ${k.name}  ${k.limits}`);
      return 0;
    }
    if (command === "revoke" && arg) {
      if (await revokeGatewayKey(db, arg)) {
        console.log(`${arg} revoked`);
        return 0;
      }
      console.error(`${arg}: no such key, or revoked already`);
      return 1;
    }
    console.error("usage: pnpm gateway:keys create --name N --owner EMAIL [options] | list | revoke KEY_ID");
    return 2;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message);
    process.exit(1);
  },
);
