// The demo account `npm run dev` creates so "Continue as demo user" works offline: a fixed email, a
// password generated once into the data folder, admin outside production. Never in production.
import path from "node:path";
import { AuthConfigError, isProduction } from "./authEnv.ts";
import { type Auth, authSettings } from "./createAuth.ts";
import { randomSecret, readOrCreate } from "./devFiles.ts";

export const DEMO_EMAIL = "demo@switchyard.local";
export const DEMO_NAME = "Demo user";

export interface DemoCredentials {
  email: string;
  password: string;
}

/** The demo account's email and password (`<dataDir>/demo-password`); refuses in production. */
export async function demoCredentials(auth: Auth): Promise<DemoCredentials> {
  const { env, dataDir } = authSettings(auth);
  if (isProduction(env)) {
    throw new AuthConfigError("demo_user_in_production", "the demo account does not exist in production");
  }
  const password = await readOrCreate(path.join(dataDir, "demo-password"), () => randomSecret(18));
  return { email: DEMO_EMAIL, password: password.trim() };
}

/**
 * Creates the demo account unless it exists, and gives it the current password if the file was
 * regenerated since. Safe to call from two apps at once: the email is unique, the loser finds the row.
 */
export async function ensureDemoUser(auth: Auth): Promise<{ email: string; created: boolean }> {
  const { email, password } = await demoCredentials(auth);
  const ctx = await auth.$context;
  const existing = await ctx.internalAdapter.findUserByEmail(email, { includeAccounts: true });
  if (!existing) {
    try {
      await auth.api.signUpEmail({ body: { email, password, name: DEMO_NAME } });
      return { email, created: true };
    } catch (error) {
      if (!(await ctx.internalAdapter.findUserByEmail(email))) throw error;
      return { email, created: false };
    }
  }
  const credential = existing.accounts.find((a) => a.providerId === "credential");
  const hash = credential?.password;
  if (!hash || !(await ctx.password.verify({ hash, password }))) {
    const newHash = await ctx.password.hash(password);
    if (credential) await ctx.internalAdapter.updatePassword(existing.user.id, newHash);
    else {
      await ctx.internalAdapter.linkAccount({
        userId: existing.user.id,
        providerId: "credential",
        accountId: existing.user.id,
        password: newHash,
      });
    }
  }
  return { email, created: false };
}
