// Next runs register() once when a server process starts: the generation job queue starts with it, so a
// restart resumes every generation job at once instead of at the first request (and, unless
// SWITCHYARD_WORKERS=separate, this process runs the generation workers).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { generationServices } = await import("./lib/generation/generationServices.ts");
  await generationServices();
}
