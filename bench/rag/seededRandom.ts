// The local provider's seeded generator (mulberry32), so the synthetic corpus is the same on every run.
export { seededRandom } from "@switchyard/local-provider/seededRandom";

/** Standard normal by Box-Muller. */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
