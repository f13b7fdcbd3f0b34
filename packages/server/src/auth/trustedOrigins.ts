// Which origins may send a mutating request to an app besides the app itself: its public URL, the
// listed ones, and in dev both apps on localhost and 127.0.0.1 (TODO_PORT and IMAGES_PORT, 3000 and 3001).
import type { ServerEnv } from "../serverEnv.ts";

export function trustedOrigins(env: ServerEnv): string[] {
  const origins = new Set<string>();
  if (env.BETTER_AUTH_URL) origins.add(new URL(env.BETTER_AUTH_URL).origin);
  for (const origin of env.SWITCHYARD_TRUSTED_ORIGINS) origins.add(new URL(origin).origin);
  if (env.NODE_ENV !== "production") {
    for (const port of [env.TODO_PORT, env.IMAGES_PORT]) {
      origins.add(`http://localhost:${port}`);
      origins.add(`http://127.0.0.1:${port}`);
    }
  }
  return [...origins];
}
