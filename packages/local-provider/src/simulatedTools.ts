// Simulated tool calling: when tools are offered and the user spoke last, the simulation calls the
// tool whose name and description are closest in meaning to the user's message (real sentence
// embeddings, plus a little for words they share), with arguments filled from the message's own
// words (schemaValue.ts). After a tool result it answers instead, so an agent loop ends.
import type { LocalChatMessage, ToolChoice, ToolDefinition } from "./chatBody.ts";
import { ProviderError } from "./providerError.ts";
import { contentWords, similarities } from "./rankLines.ts";
import { type DataItem, fill } from "./schemaValue.ts";

/** Under tool_choice "auto", a tool is called only when it is at least this close to the message. */
export const AUTO_TOOL_SIMILARITY = 0.2;
// Sentence similarity alone is noisy between a short request and a one-line tool description (USE lite
// put "remind me to renew the car insurance" nearer the weather than a create-todo tool), so a word
// the two share ("remind", "done", "move") counts as well.
const SHARED_WORD_BONUS = 0.2;
const MAX_WORD_BONUS = 0.4;

export interface ChosenTool {
  name: string;
  /** The arguments as the JSON string OpenAI's wire carries. */
  arguments: string;
  similarity: number;
}

const toolText = (t: ToolDefinition) =>
  `${t.function.name.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2")}: ${t.function.description ?? ""}`;

/** How close each tool is to the message: embedding similarity plus a bonus per shared word. */
async function toolScores(message: string, tools: ToolDefinition[]): Promise<number[]> {
  const texts = tools.map(toolText);
  const meaning = await similarities(message, texts);
  const asked = contentWords(message);
  return texts.map((text, i) => {
    const shared = [...contentWords(text)].filter((w) => asked.has(w)).length;
    return meaning[i]! + Math.min(MAX_WORD_BONUS, shared * SHARED_WORD_BONUS);
  });
}

/** The call the simulation makes, or undefined when it should answer in words. */
export async function chooseToolCall(options: {
  tools: ToolDefinition[] | undefined;
  toolChoice: ToolChoice | undefined;
  messages: LocalChatMessage[];
  message: string;
  items: DataItem[];
  today: Date;
}): Promise<ChosenTool | undefined> {
  const { tools = [], toolChoice = "auto", messages } = options;
  if (tools.length === 0 || toolChoice === "none") return undefined;
  const last = messages.findLast((m) => m.role !== "system" && m.role !== "developer");
  if (last?.role !== "user") return undefined;

  let tool: ToolDefinition | undefined;
  let similarity = 1;
  if (typeof toolChoice === "object") {
    tool = tools.find((t) => t.function.name === toolChoice.function.name);
    if (!tool) {
      const named = toolChoice.function.name;
      throw new ProviderError(400, "invalid_request", `tool_choice names ${named}, which is not in tools.`);
    }
  } else {
    const scores = await toolScores(options.message, tools);
    const best = scores.reduce((b, s, i) => (s > scores[b]! ? i : b), 0);
    similarity = scores[best]!;
    if (toolChoice === "auto" && similarity < AUTO_TOOL_SIMILARITY) return undefined;
    tool = tools[best]!;
  }
  const parameters = tool.function.parameters ?? { type: "object", properties: {} };
  const args = fill(parameters, tool.function.name, {
    text: options.message,
    items: options.items,
    today: options.today,
  });
  return { name: tool.function.name, arguments: JSON.stringify(args), similarity };
}
