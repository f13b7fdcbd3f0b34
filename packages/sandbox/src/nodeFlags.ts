// The child's Node flags. The permission model is on with no --allow-* grant: the runner arrives by
// `-e`, so the process needs to read no file, write none, spawn nothing and start no worker.
export function sandboxNodeFlags(memoryMb: number): string[] {
  return [
    "--experimental-permission",
    "--disallow-code-generation-from-strings",
    `--max-old-space-size=${memoryMb}`,
    "--max-semi-space-size=4",
    "--no-warnings",
    "--no-addons",
  ];
}
