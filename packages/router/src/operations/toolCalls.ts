// The tool calls of an answer: whole from a chat response, or assembled from a stream's deltas. A
// stream sends each call in pieces keyed by `index`: the first piece carries its id and name, the
// rest carry slices of the arguments' JSON text, which are joined in order.
import type { ChatResponse, ToolCall, ToolCallDelta } from "@switchyard/wire";

/** The first choice's calls, `type` filled in where the upstream left it out. */
export function toolCallsOf(response: ChatResponse): ToolCall[] {
  const calls = response.choices[0]?.message.tool_calls;
  if (!calls || calls.length === 0) return [];
  return calls.map((c) => ({ ...c, type: "function" }));
}

/** Joins a stream's call deltas into whole calls, by index. */
export class ToolCallAccumulator {
  readonly #calls: ToolCall[] = [];

  /** Adds one chunk's deltas (chunks are not schema-checked: odd pieces are skipped, not thrown). */
  add(deltas: readonly ToolCallDelta[]): void {
    for (let i = 0; i < deltas.length; i++) {
      const d = deltas[i]!;
      // A provider that sends each call whole may leave out the index: its position stands in.
      const index = typeof d.index === "number" ? d.index : i;
      let call = this.#calls[index];
      if (!call) {
        call = { id: "", type: "function", function: { name: "", arguments: "" } };
        this.#calls[index] = call;
      }
      if (d.id && !call.id) call.id = d.id;
      // The name comes whole in the first piece; some providers repeat it, so it is not appended.
      if (d.function?.name && !call.function.name) call.function.name = d.function.name;
      if (typeof d.function?.arguments === "string") call.function.arguments += d.function.arguments;
    }
  }

  /** The calls so far, in index order (gaps left by a skipped index dropped). */
  calls(): ToolCall[] {
    return this.#calls.filter((c) => c !== undefined);
  }

  /** Characters of the arguments so far: the stream's output when no usage arrived. */
  argumentChars(): number {
    let n = 0;
    for (const c of this.#calls) if (c) n += c.function.name.length + c.function.arguments.length;
    return n;
  }
}
