// The shape the API and the UI share for one stored image.
import type { Image } from "@switchyard/db";

export interface ImageRouting {
  endpoint: string | null;
  failover: boolean;
  attempts: number;
  fallbackChain: string[];
  latencyMs: number;
}

export interface ImageRecord {
  id: string;
  prompt: string;
  model: string;
  provider: string;
  costUsd: number;
  width: number | null;
  height: number | null;
  mime: string;
  createdAt: string;
  url: string;
  downloadUrl: string;
  parameters: Record<string, unknown>;
  routing: ImageRouting | null;
  idempotencyKey: string | null;
}

export function toImageRecord(row: Image): ImageRecord {
  const { routing, ...parameters } = row.parameters as { routing?: ImageRouting };
  return {
    id: row.id,
    prompt: row.prompt,
    model: row.model,
    provider: row.provider,
    costUsd: Number(row.costUsd),
    width: row.width,
    height: row.height,
    mime: row.mime,
    createdAt: row.createdAt.toISOString(),
    url: `/api/images/${row.id}/file`,
    downloadUrl: `/api/images/${row.id}/file?download=1`,
    parameters,
    routing: routing ?? null,
    idempotencyKey: row.idempotencyKey,
  };
}
