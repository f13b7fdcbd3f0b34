// Runs the workload against every endpoint: the same prompts in the same order, at the given
// concurrency, in rounds that rotate the endpoint order so a busy moment hits all of them alike.
import type { Router } from "@switchyard/router";
import type { EndpointPlan } from "./endpointPlans.ts";
import { measureStream, type StreamSample } from "./measureStream.ts";
import type { Prompt } from "./prompts.ts";

export interface Workload {
  requestsPerEndpoint: number;
  concurrency: number;
  maxTokens: number;
  prompts: Prompt[];
}

export async function runWorkload(
  router: Router,
  plans: EndpointPlan[],
  w: Workload,
  onRound?: (round: number, rounds: number) => void,
): Promise<Map<string, StreamSample[]>> {
  const samples = new Map(plans.map((p) => [p.name, [] as StreamSample[]]));
  const perRound = 2 * w.concurrency;
  const rounds = Math.ceil(w.requestsPerEndpoint / perRound);
  for (let round = 0; round < rounds; round++) {
    const count = Math.min(perRound, w.requestsPerEndpoint - round * perRound);
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[(i + round) % plans.length]!;
      const out = samples.get(plan.name)!;
      let issued = 0;
      const worker = async () => {
        while (issued < count) {
          const n = round * perRound + issued++;
          out.push(await measureStream(router, plan, w.prompts[n % w.prompts.length]!, w.maxTokens));
        }
      };
      await Promise.all(Array.from({ length: Math.min(w.concurrency, count) }, worker));
    }
    onRound?.(round + 1, rounds);
  }
  return samples;
}
