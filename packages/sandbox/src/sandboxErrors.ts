// The one error runInSandbox throws instead of returning a result: the OS boundary it needs is missing.
// A result would be a lie about what checked the code, so the caller gets a typed refusal instead.

export class SandboxUnavailableError extends Error {
  readonly code = "sandbox_unavailable";
  override readonly name = "SandboxUnavailableError";

  static isInstance(error: unknown): error is SandboxUnavailableError {
    return error instanceof Error && (error as { code?: unknown }).code === "sandbox_unavailable";
  }
}
