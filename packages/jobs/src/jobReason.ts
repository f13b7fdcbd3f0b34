// Why a job failed, as one line for a person: pg-boss stores a thrown error as its serialized form, and
// a lost lease or a time-out as its own message.
const MAX_REASON = 300;

export function reasonOf(output: unknown): string {
  const text =
    output && typeof output === "object" && "message" in output && typeof output.message === "string"
      ? output.message
      : output && typeof output === "object" && "value" in output && typeof output.value === "string"
        ? output.value
        : output === null || output === undefined
          ? "unknown error"
          : JSON.stringify(output);
  const line = text.replace(/\s+/g, " ").trim() || "unknown error";
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}
