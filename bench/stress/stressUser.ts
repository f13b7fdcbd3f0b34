// The user every stress request is sent as: signed up through better-auth's own route on one instance;
// its session cookie works on every instance that shares the database and the secret.
import { randomBytes } from "node:crypto";

/** Signs a fresh user up at `appUrl` and returns the Cookie header its requests carry. */
export async function signUpStressUser(appUrl: string): Promise<string> {
  const id = randomBytes(5).toString("hex");
  const res = await fetch(`${appUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl },
    body: JSON.stringify({
      name: `Stress ${id}`,
      email: `stress-${id}@bench.switchyard.test`,
      password: `pw-${randomBytes(12).toString("base64url")}`,
    }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
