// router.structured(): a chat call whose answer must be JSON matching a zod schema. Each route gets
// `response_format` json_schema when its model takes it (known, or not known to lack it) and a JSON
// instruction with the schema when it is not known to take it. An answer that does not validate is
// an `invalid_output` attempt (its cost kept in the ledger) and is retried once, on the next candidate.
import type { ChatRequest, ChatResponse } from "@switchyard/wire";
import { z } from "zod";
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import type { EngineDeps } from "../engine/engineDeps.ts";
import { executeRequest } from "../engine/executeRequest.ts";
import type { AttemptSuccess } from "../engine/plan.ts";
import { RequestContext } from "../engine/requestContext.ts";
import { RouterError } from "../errors.ts";
import { ChatPlanBase, chatResult, readChatResponse } from "../operations/chat.ts";
import type { RequestOptions, RoutingMeta, StructuredResult } from "../types.ts";
import type { UpstreamCall } from "../upstream/upstreamCall.ts";
import { checkAnswer } from "./jsonAnswer.ts";

/** What the structured call asks for, besides the chat request. */
export interface StructuredSpec<S extends z.ZodType> {
  schema: S;
  /** The schema's name in `response_format` (default "answer"). */
  name: string;
  description?: string;
  /** OpenAI's strict mode (every field required, no extra keys); off unless asked. */
  strict?: boolean;
}

interface StructuredAnswer<T> {
  response: ChatResponse;
  data: T;
}

/** The schema as JSON Schema, without the `$schema` key some providers refuse. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { unrepresentable: "any" });
  return rest;
}

function instruction(name: string, jsonSchema: Record<string, unknown>): { role: "system"; content: string } {
  return {
    role: "system",
    content:
      `Answer with one JSON value named "${name}" and nothing else: no prose, no code fence. ` +
      `It must match this JSON Schema:\n${JSON.stringify(jsonSchema)}`,
  };
}

class StructuredPlan<S extends z.ZodType> extends ChatPlanBase<
  StructuredAnswer<z.output<S>>,
  StructuredResult<z.output<S>>
> {
  readonly stream = false;
  readonly #spec: StructuredSpec<S>;
  readonly #jsonSchema: Record<string, unknown>;
  /** Answers that failed the schema so far: the second ends the request. */
  #invalid = 0;

  constructor(
    deps: EngineDeps,
    ctx: RequestContext,
    req: ChatRequest,
    spec: StructuredSpec<S>,
    jsonSchema = jsonSchemaOf(spec.schema),
  ) {
    // The instruction (which also holds the schema) is part of the prompt on some routes.
    super(deps, ctx, req, instruction(spec.name, jsonSchema).content.length);
    this.#spec = spec;
    this.#jsonSchema = jsonSchema;
  }

  /** Room for the retry: an invalid answer is paid for too. */
  override estimateUsd(candidates: LiveRoute[]): number {
    return 2 * super.estimateUsd(candidates);
  }

  get identity(): unknown {
    return { request: this.req, schema: this.#jsonSchema, name: this.#spec.name };
  }

  protected override upstreamBody(route: LiveRoute): Record<string, unknown> {
    const body = super.upstreamBody(route);
    const supports = route.model.supports;
    if (supports !== undefined && supports.structuredOutputs !== false) {
      const { name, description, strict } = this.#spec;
      body.response_format = {
        type: "json_schema",
        json_schema: {
          name,
          ...(description ? { description } : {}),
          schema: this.#jsonSchema,
          ...(strict !== undefined ? { strict } : {}),
        },
      };
    }
    // Unless the catalog knows the model honours the schema, it is also told in words.
    if (supports?.structuredOutputs !== true) {
      body.messages = [instruction(this.#spec.name, this.#jsonSchema), ...this.req.messages];
    }
    return body;
  }

  async consume(
    call: UpstreamCall,
    route: LiveRoute,
    startedAt: number,
  ): Promise<AttemptSuccess<StructuredAnswer<z.output<S>>>> {
    const got = await readChatResponse(this.ctx, call, route, startedAt);
    const checked = checkAnswer(got.value.choices[0]?.message.content ?? "", this.#spec.schema);
    if (checked.success) {
      return { value: { response: got.value, data: checked.data }, usage: got.usage, ttftMs: got.ttftMs };
    }
    this.#invalid++;
    throw new RouterError(
      "invalid_output",
      `${route.model.id} at ${route.route.endpoint} answered, but ${checked.reason}.`,
      {
        details: { model: route.model.id, endpoint: route.route.endpoint, issues: checked.issues },
        final: this.#invalid >= 2,
        ...(got.usage ? { spent: got.usage } : {}),
      },
    );
  }

  build(value: StructuredAnswer<z.output<S>>, routing: RoutingMeta): StructuredResult<z.output<S>> {
    return { ...chatResult(value.response, routing), data: value.data };
  }
}

export function structured<S extends z.ZodType>(
  deps: EngineDeps,
  req: ChatRequest,
  options: RequestOptions,
  spec: StructuredSpec<S>,
): Promise<StructuredResult<z.output<S>>> {
  const ctx = new RequestContext("chat", req.model, options, deps.appName, deps.policy.timeouts);
  return executeRequest(deps, ctx, new StructuredPlan(deps, ctx, req, spec));
}
