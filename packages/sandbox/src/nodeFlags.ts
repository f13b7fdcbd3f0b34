// The child's Node flags. The permission model is on with no --allow-* grant: the runner arrives by
// `-e`, so the process needs to read no file, write none, spawn nothing and start no worker.

/**
 * The permission model's flag as this Node spells it: `--permission` from Node 22 (`--experimental-permission`
 * was removed in Node 24), `--experimental-permission` on Node 20. Read from Node's own flag list, which
 * also gets the early Node 22 releases right (they knew only the experimental spelling).
 */
export function permissionFlag(known: ReadonlySet<string> = process.allowedNodeEnvironmentFlags): string {
  return known.has("--permission") ? "--permission" : "--experimental-permission";
}

export function sandboxNodeFlags(memoryMb: number): string[] {
  return [
    permissionFlag(),
    "--disallow-code-generation-from-strings",
    `--max-old-space-size=${memoryMb}`,
    "--max-semi-space-size=4",
    "--no-warnings",
    "--no-addons",
  ];
}
