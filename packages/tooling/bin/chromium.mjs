// Browser tests use Debian's Chromium: Playwright may not download its own browser here.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
  Boolean,
);

/** Returns the path of a Chromium binary, installing Debian's package when we are root and it is absent. */
export function ensureChromium() {
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      "[switchyard] Chromium is needed for the browser tests and was not found.\n" +
        "  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n" +
        "  Elsewhere: install Chromium and set CHROMIUM_PATH to its binary.",
    );
    process.exit(1);
  }
  console.log("[switchyard] installing Debian's chromium (apt-get, about a minute)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`[switchyard] apt-get ${args[0]} failed`);
      process.exit(1);
    }
  }
  return "/usr/bin/chromium";
}
