// Typed errors with stable codes, so callers branch on `code` rather than on message text.
export type ComplexityErrorCode = "complexity:bad_weights" | "complexity:bad_target" | "complexity:bad_input";

export class ComplexityError extends Error {
  constructor(
    readonly code: ComplexityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ComplexityError";
  }
}
