// A virtual key as a person reads it in a list (CLI and admin page): never the secret or its hash.
import type { GatewayKey } from "@switchyard/db";

export function keyStatusOf(key: Pick<GatewayKey, "revokedAt" | "expiresAt">, now = new Date()) {
  if (key.revokedAt) return "revoked" as const;
  if (key.expiresAt && key.expiresAt <= now) return "expired" as const;
  return "active" as const;
}

export function keyView(key: GatewayKey) {
  const caps = [
    key.dailyUsd !== null ? `$${key.dailyUsd}/day` : null,
    key.monthlyUsd !== null ? `$${key.monthlyUsd}/month` : null,
    key.rpm !== null ? `${key.rpm} rpm` : null,
    key.tpm !== null ? `${key.tpm} tpm` : null,
    key.allowedModels.length > 0 ? `models ${key.allowedModels.join(",")}` : null,
    key.expiresAt ? `expires ${key.expiresAt.toISOString()}` : null,
  ].filter(Boolean);
  return {
    id: key.id,
    name: key.name,
    prefix: key.keyPrefix,
    ownerId: key.ownerId,
    status: keyStatusOf(key),
    limits: caps.join(", ") || "no limits",
    createdAt: key.createdAt.toISOString(),
  };
}
