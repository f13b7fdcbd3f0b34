// The variables the server glue reads (accounts, spend limits, rate limits), parsed in one place with
// zod; an empty variable means unset. Accounts' own variables are @switchyard/auth's (authEnv).
import { envVar } from "@switchyard/wire";
import { z } from "zod";

const usd = (fallback: number) => envVar(z.coerce.number().min(0).finite().default(fallback));
const perMinute = envVar(z.coerce.number().int().min(0).optional());

const originList = envVar(
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
);

export const serverEnvSchema = z.object({
  /** Origins besides the app's own that may call its API and auth routes, comma-separated. */
  SWITCHYARD_TRUSTED_ORIGINS: originList,
  BETTER_AUTH_URL: envVar(z.url().optional()),
  /** USD per UTC day one app may spend (all users together). */
  SWITCHYARD_APP_DAILY_USD: usd(20),
  /** USD per UTC day each user may spend, unless an admin set the user's own budget. */
  SWITCHYARD_USER_DAILY_USD: usd(1),
  SWITCHYARD_RATE_ASK_PER_USER: perMinute,
  SWITCHYARD_RATE_ASK_PER_IP: perMinute,
  SWITCHYARD_RATE_GENERATE_PER_USER: perMinute,
  SWITCHYARD_RATE_GENERATE_PER_IP: perMinute,
  SWITCHYARD_RATE_BUILD_PER_USER: perMinute,
  SWITCHYARD_RATE_BUILD_PER_IP: perMinute,
  SWITCHYARD_RATE_AUTH_PER_IP: perMinute,
  /** The apps' ports under `npm run dev` (trusted origins in dev); defaults as in tooling/bin/dev.mjs. */
  TODO_PORT: envVar(z.coerce.number().int().positive().default(3000)),
  IMAGES_PORT: envVar(z.coerce.number().int().positive().default(3001)),
  NODE_ENV: envVar(z.enum(["development", "production", "test"]).default("development")),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Parses the environment (process.env by default); throws a zod error naming each bad variable. */
export function serverEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return serverEnvSchema.parse(env);
}
