// The choice of boundary and the command line it builds, without running anything.
import { describe, expect, it } from "vitest";
import { permissionFlag } from "../nodeFlags.ts";
import { SandboxUnavailableError } from "../sandboxErrors.ts";
import { chooseBoundary } from "./boundary.ts";
import { bubblewrapArgs, osLimitsFor, prlimitArgs } from "./bubblewrap.ts";
import { parseLdd } from "./sharedLibraries.ts";

describe("without bubblewrap", () => {
  const missing = { kind: "missing", why: "bwrap (bubblewrap) is not installed" } as const;

  it("refuses with a typed error that says why and what to do", () => {
    let error: unknown;
    try {
      chooseBoundary(missing, {});
    } catch (e) {
      error = e;
    }
    expect(SandboxUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "sandbox_unavailable", name: "SandboxUnavailableError" });
    expect((error as Error).message).toMatch(/bwrap \(bubblewrap\) is not installed/);
    expect((error as Error).message).toMatch(/apt-get install -y bubblewrap/);
    expect((error as Error).message).toMatch(/SANDBOX_ALLOW_WEAK=1/);
  });

  it("runs weak only when SANDBOX_ALLOW_WEAK=1", () => {
    expect(chooseBoundary(missing, { SANDBOX_ALLOW_WEAK: "1" })).toMatchObject({
      kind: "weak",
      why: missing.why,
    });
    expect(() => chooseBoundary(missing, { SANDBOX_ALLOW_WEAK: "true" })).toThrow(SandboxUnavailableError);
  });
});

describe("the command line", () => {
  const plan = {
    binds: ["/usr/bin/node", "/usr/bin/prlimit", "/lib/x86_64-linux-gnu/libc.so.6"],
    prlimit: "/usr/bin/prlimit",
    node: "/usr/bin/node",
    nodeArgs: ["--permission", "-e", "code"],
    limits: osLimitsFor(10_000, 96),
    supports: { disableUserns: true, tmpfsSize: true },
  };

  it("unshares everything, drops to nobody, binds only the listed files read-only, then runs prlimit -> node", () => {
    const args = bubblewrapArgs(plan);
    for (const flag of [
      "--unshare-all",
      "--clearenv",
      "--die-with-parent",
      "--new-session",
      "--disable-userns",
    ])
      expect(args).toContain(flag);
    expect(args.join(" ")).toContain("--uid 65534 --gid 65534");
    expect(args.join(" ")).toContain("--cap-drop ALL");
    expect(args.filter((a) => a === "--ro-bind")).toHaveLength(3);
    expect(args).not.toContain("--bind");
    expect(args.join(" ")).toContain("--size 8388608 --tmpfs /tmp --remount-ro / --chdir /tmp");
    const command = args.slice(args.indexOf("--") + 1);
    expect(command[0]).toBe("/usr/bin/prlimit");
    expect(command.slice(-4)).toEqual(["/usr/bin/node", "--permission", "-e", "code"]);
  });

  it("leaves out what an older bwrap does not know", () => {
    const args = bubblewrapArgs({ ...plan, supports: { disableUserns: false, tmpfsSize: false } });
    expect(args).not.toContain("--disable-userns");
    expect(args).not.toContain("--size");
  });

  it("sets processes, CPU, memory, files and core dumps", () => {
    expect(prlimitArgs(osLimitsFor(10_000, 96))).toEqual([
      "--nproc=48:48",
      "--cpu=21:22",
      `--data=${448 * 1024 * 1024}:${448 * 1024 * 1024}`,
      "--nofile=64:64",
      "--fsize=1048576:1048576",
      "--core=0:0",
    ]);
  });

  it("reads the libraries from ldd's output", () => {
    const output = `\tlinux-vdso.so.1 (0x00007ffd)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f87)\n\t/lib64/ld-linux-x86-64.so.2 (0x00007f87)\n`;
    expect(parseLdd(output)).toEqual(["/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"]);
  });
});

describe("the permission flag", () => {
  it("is --permission where Node knows it (22 and later), --experimental-permission on Node 20", () => {
    expect(permissionFlag(new Set(["--permission", "--experimental-permission"]))).toBe("--permission");
    expect(permissionFlag(new Set(["--permission"]))).toBe("--permission");
    expect(permissionFlag(new Set(["--experimental-permission"]))).toBe("--experimental-permission");
  });
});
