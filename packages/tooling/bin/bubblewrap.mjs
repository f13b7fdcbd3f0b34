// The sandbox that checks generated code (@switchyard/sandbox) runs it inside bubblewrap and refuses
// to run without it, so the test command installs Debian's bubblewrap the way it installs Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = ["/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"];

/**
 * Returns the path of bwrap, installing Debian's package when we are root and it is absent. Returns
 * null (after saying what to do) when it cannot be had: other platforms, or no root.
 */
export function ensureBubblewrap() {
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (process.platform !== "linux" || !isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      "[switchyard] bubblewrap (bwrap) is needed by the sandbox that runs generated code, and was not found.\n" +
        "  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y bubblewrap\n" +
        "  Other Linux: install your distribution's bubblewrap package.\n" +
        "  Not Linux: set SANDBOX_ALLOW_WEAK=1 to run the sandbox without its OS boundary (not a security boundary).",
    );
    return null;
  }
  console.log("[switchyard] installing Debian's bubblewrap (apt-get)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "bubblewrap"]]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`[switchyard] apt-get ${args[0]} failed`);
      return null;
    }
  }
  return "/usr/bin/bwrap";
}
