// The multi-tenant figures per user class: latency of the app's hybrid search (hybridSearch, after the
// query embedding) and recall@10 of its semantic arm against exact search over the owner's own todos.
// Recall reads the arm's ranks from the same function: with room for every candidate of both arms
// and no distance cut-off, the hits ranked 1-10 by the vector arm are the arm's top 10.

import { round, type Summary, summarize } from "@switchyard/measure";
import { ARM_LIMIT, hybridSearch } from "../../apps/todo/lib/hybridSearch.ts";
import { BENCH_MODEL } from "./benchStack.ts";
import { exactTopK, recallAtK } from "./exactNeighbours.ts";
import { BIG_OWNER, MEDIUM_OWNER, TENANT_CLASSES, type TenantClass } from "./tenantCorpus.ts";
import type { TenantStack } from "./tenantStack.ts";
import { hybridUsesHnsw, unfilteredHnswTopK, useAppHnswSettings } from "./vectorQueries.ts";

const K = 10;

export interface TenantClassFigures {
  owners: number;
  /** Todos per measured owner (mean for the small class). */
  todosPerOwner: number;
  hybridMs: Summary;
  recallAt10: number;
  worstRecallAt10: number;
  /** Searches whose vector arm returned fewer than 10 todos although the owner had more. */
  shortResults: number;
  /** Whether the planner walked the HNSW index for this class's vector arm (else an exact scan). */
  usesHnsw: boolean;
}

export interface TenantFigures {
  classes: Record<TenantClass, TenantClassFigures>;
  /** The one-index-for-all plan only: HNSW's recall@10 with no owner filter, what the graph itself finds. */
  unfilteredRecallAt10: number | null;
  unfilteredWorstRecallAt10: number | null;
  searchesPerClass: number;
}

interface Query {
  text: string;
  vector: number[];
}

export interface TenantMeasureOptions {
  queries: Query[];
  smallOwners: string[];
  samples: number;
  warmUp: number;
  /** Queries for the unfiltered control, 0 for none: it needs the index over all owners (exact search
   *  over every vector costs a second each). */
  controlQueries: number;
}

const roundSummary = (s: Summary): Summary =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "count" ? v : round(v)])) as Summary;

export async function measureTenants(stack: TenantStack, o: TenantMeasureOptions): Promise<TenantFigures> {
  const byOwner = new Map<string, number[]>();
  stack.owners.forEach((owner, i) => {
    const rows = byOwner.get(owner) ?? [];
    rows.push(i);
    byOwner.set(owner, rows);
  });
  const searches: Record<TenantClass, { owner: string; query: Query }[]> = {
    big: o.queries.map((query) => ({ owner: BIG_OWNER, query })),
    medium: o.queries.map((query) => ({ owner: MEDIUM_OWNER, query })),
    small: o.queries.map((query, i) => ({ owner: o.smallOwners[i % o.smallOwners.length]!, query })),
  };
  const search = (owner: string, q: Query, extra: { limit?: number; maxDistance?: number } = {}) =>
    hybridSearch(stack.db, {
      owner,
      text: q.text,
      embedding: q.vector,
      embeddingModel: BENCH_MODEL,
      ...extra,
    });

  for (let i = 0; i < o.warmUp; i++) {
    const list = searches[TENANT_CLASSES[i % TENANT_CLASSES.length]!];
    const s = list[i % list.length]!;
    await search(s.owner, s.query);
  }
  await useAppHnswSettings(stack.db);

  // Classes take turns sample by sample, so a busy moment of the machine falls on all of them.
  const times: Record<TenantClass, number[]> = { big: [], medium: [], small: [] };
  for (let i = 0; i < o.samples; i++) {
    for (const c of TENANT_CLASSES) {
      const s = searches[c][i % searches[c].length]!;
      const t = performance.now();
      await search(s.owner, s.query);
      times[c].push(performance.now() - t);
    }
  }

  const classes = {} as Record<TenantClass, TenantClassFigures>;
  for (const c of TENANT_CLASSES) {
    const recalls: number[] = [];
    let shortResults = 0;
    for (const s of searches[c]) {
      const rows = byOwner.get(s.owner) ?? [];
      const truth = exactTopK(
        rows.map((i) => stack.vectors[i]!),
        rows.map((i) => stack.ids[i]!),
        s.query.vector,
        K,
      );
      const hits = await search(s.owner, s.query, { limit: 2 * ARM_LIMIT, maxDistance: 2 });
      const found = hits
        .filter((h) => h.semanticRank !== null && h.semanticRank <= K)
        .sort((a, b) => a.semanticRank! - b.semanticRank!)
        .map((h) => h.todo.id);
      if (found.length < Math.min(K, rows.length)) shortResults++;
      recalls.push(recallAtK(found, truth));
    }
    const owners = [...new Set(searches[c].map((s) => s.owner))];
    const first = searches[c][0]!;
    classes[c] = {
      owners: owners.length,
      todosPerOwner: round(
        owners.reduce((n, owner) => n + (byOwner.get(owner)?.length ?? 0), 0) / owners.length,
        1,
      ),
      hybridMs: roundSummary(summarize(times[c])),
      recallAt10: round(recalls.reduce((a, b) => a + b, 0) / recalls.length, 4),
      worstRecallAt10: Math.min(...recalls),
      shortResults,
      usesHnsw: await hybridUsesHnsw(stack.db, {
        owner: first.owner,
        text: first.query.text,
        embedding: first.query.vector,
        embeddingModel: BENCH_MODEL,
        limit: K,
      }),
    };
  }

  const control: number[] = [];
  for (const q of o.queries.slice(0, o.controlQueries)) {
    const truth = exactTopK(stack.vectors, stack.ids, q.vector, K);
    control.push(recallAtK(await unfilteredHnswTopK(stack.db, q.vector, K), truth));
  }
  return {
    classes,
    unfilteredRecallAt10: control.length
      ? round(control.reduce((a, b) => a + b, 0) / control.length, 4)
      : null,
    unfilteredWorstRecallAt10: control.length ? Math.min(...control) : null,
    searchesPerClass: o.queries.length,
  };
}
