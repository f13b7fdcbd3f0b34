import { type SQL, sql } from "drizzle-orm";

/**
 * A query vector for cosine search, sent as integers: PGlite parses 512 float literals in about 1 ms
 * (integers in about a fifth of that), and cosine distance ignores scale. Scaled so the largest
 * component is 2^24, every value is exact in the vector's float4. Not for L2 or inner-product search.
 */
export function cosineQueryVector(embedding: readonly number[]): SQL {
  const largest = embedding.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const scale = largest > 0 ? 2 ** 24 / largest : 0;
  const integers = `{${embedding.map((x) => Math.round(x * scale)).join(",")}}`;
  return sql`${integers}::int[]::vector`;
}
