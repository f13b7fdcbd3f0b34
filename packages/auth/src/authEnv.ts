// Every environment variable accounts read, parsed in one place; an empty variable means unset.
import { envVar } from "@switchyard/wire";
import { z } from "zod";

const optionalText = envVar(z.string().trim().min(1).optional());

/** Comma-separated emails, compared lower-case. */
const emailList = envVar(
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
);

export const authEnvSchema = z
  .object({
    /** Signs cookies and tokens. Required in production; in dev a random one is kept in `.data/`. */
    BETTER_AUTH_SECRET: envVar(
      z
        .string()
        .min(32, "BETTER_AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)")
        .optional(),
    ),
    /** The app's public URL (OAuth callbacks, trusted origin). Unset: taken from each request. */
    BETTER_AUTH_URL: envVar(z.url().optional()),
    SWITCHYARD_ADMIN_EMAILS: emailList,
    GITHUB_CLIENT_ID: optionalText,
    GITHUB_CLIENT_SECRET: optionalText,
    GOOGLE_CLIENT_ID: optionalText,
    GOOGLE_CLIENT_SECRET: optionalText,
    NODE_ENV: envVar(z.enum(["development", "production", "test"]).default("development")),
  })
  .superRefine((env, ctx) => {
    // Half a provider is a typo, not a choice: say so instead of silently hiding the button.
    for (const provider of ["GITHUB", "GOOGLE"] as const) {
      const id = env[`${provider}_CLIENT_ID`];
      const secret = env[`${provider}_CLIENT_SECRET`];
      if (Boolean(id) !== Boolean(secret)) {
        ctx.addIssue({
          code: "custom",
          path: [id ? `${provider}_CLIENT_SECRET` : `${provider}_CLIENT_ID`],
          message: `${provider}_CLIENT_ID and ${provider}_CLIENT_SECRET are set together or not at all`,
        });
      }
    }
  });

export type AuthEnv = z.infer<typeof authEnvSchema>;

export type AuthConfigErrorCode = "auth_config_invalid" | "auth_secret_missing" | "demo_user_in_production";

/** A setting that stops accounts from starting; `code` is stable, the message says what to set. */
export class AuthConfigError extends Error {
  override name = "AuthConfigError";
  constructor(
    readonly code: AuthConfigErrorCode,
    message: string,
  ) {
    super(message);
  }

  static isInstance(error: unknown): error is AuthConfigError {
    return error instanceof Error && error.name === "AuthConfigError" && "code" in error;
  }
}

/** Parses the environment (process.env by default); throws AuthConfigError naming each bad variable. */
export function authEnv(env: NodeJS.ProcessEnv = process.env): AuthEnv {
  const parsed = authEnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AuthConfigError("auth_config_invalid", `invalid accounts environment (${fields})`);
  }
  return parsed.data;
}

export function isProduction(env: AuthEnv): boolean {
  return env.NODE_ENV === "production";
}

/** The OAuth providers whose id and secret are both set, for the sign-in page's buttons. */
export function enabledSocialProviders(env: AuthEnv): Array<"github" | "google"> {
  const enabled: Array<"github" | "google"> = [];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) enabled.push("github");
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) enabled.push("google");
  return enabled;
}
