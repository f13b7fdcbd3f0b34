// Next runs register() once when a server process starts: the build job queue starts with it, so a
// restart resumes every build job at once instead of at the first request (and, unless
// SWITCHYARD_WORKERS=separate, this process runs the build workers).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { buildChain } = await import("./lib/build/buildRoutes.ts");
  const { todoJobs } = await import("./lib/build/buildJobs.ts");
  await todoJobs(buildChain);
}
