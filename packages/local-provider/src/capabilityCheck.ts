// Refuses what a model's profile says it does not take, as OpenRouter does ("No endpoints found that
// support tool use", 404): tools, json_schema structured outputs, image and file parts. By default a
// simulated chat model takes them all; a profile that narrows `supportedParameters` or
// `inputModalities` makes a model a router must not send such requests to.
import type { LocalChatRequest } from "./chatBody.ts";
import { inputModalitiesOf, supportedParametersOf } from "./modelsAndKey.ts";
import { ProviderError } from "./providerError.ts";
import type { ModelSpec } from "./providerProfiles.ts";

/** What the request needs, as the listing names it, and how OpenRouter's refusal says it. */
function needs(body: LocalChatRequest): { listed: string; where: "parameter" | "input"; words: string }[] {
  const out: { listed: string; where: "parameter" | "input"; words: string }[] = [];
  if (body.tools?.length && body.tool_choice !== "none")
    out.push({ listed: "tools", where: "parameter", words: "tool use" });
  if (body.response_format?.type === "json_schema")
    out.push({ listed: "structured_outputs", where: "parameter", words: "structured outputs" });
  const parts = body.messages.flatMap((m) => (Array.isArray(m.content) ? m.content : []));
  if (parts.some((p) => p.type === "image_url"))
    out.push({ listed: "image", where: "input", words: "image input" });
  if (parts.some((p) => p.type === "file")) out.push({ listed: "file", where: "input", words: "file input" });
  return out;
}

export function refuseUnsupported(
  body: LocalChatRequest,
  spec: ModelSpec,
  metadata: Record<string, unknown>,
) {
  if (spec.kind !== "chat") return;
  const parameters = supportedParametersOf(spec);
  const inputs = inputModalitiesOf(spec);
  for (const need of needs(body)) {
    const has = need.where === "parameter" ? parameters.includes(need.listed) : inputs.includes(need.listed);
    if (!has) {
      throw new ProviderError(
        404,
        "unsupported_capability",
        `No endpoints found that support ${need.words}.`,
        {
          ...metadata,
          capability: need.listed,
        },
      );
    }
  }
}
