// OpenRouter's GET /api/v1/key for a virtual key: its label, its cap and what it used (the month's when
// it has a monthly cap, else the day's), what remains, and its rate limits. Read from the budget store,
// so every gateway process answers the same.
import { type Database, type GatewayKey, PgBudgetStore } from "@switchyard/db";
import { KeyBudgetStore, MONTH_SCOPE_SUFFIX } from "./keyBudgetStore.ts";

export async function keyStatus(db: Database, key: GatewayKey): Promise<Response> {
  const store = new KeyBudgetStore(new PgBudgetStore(db));
  const day = new Date().toISOString().slice(0, 10);
  const [usedToday, usedThisMonth] = await Promise.all([
    store.used(`vkey:${key.id}`, day),
    store.used(`vkey:${key.id}${MONTH_SCOPE_SUFFIX}`, day),
  ]);
  const monthly = key.monthlyUsd !== null;
  const limit = monthly ? key.monthlyUsd : key.dailyUsd;
  const usage = monthly ? usedThisMonth : usedToday;
  return Response.json({
    data: {
      label: key.name,
      id: key.id,
      limit,
      limit_reset: monthly ? "monthly" : limit === null ? null : "daily",
      usage,
      limit_remaining: limit === null ? null : Math.max(0, limit - usage),
      usage_daily: usedToday,
      usage_monthly: usedThisMonth,
      daily_limit: key.dailyUsd,
      monthly_limit: key.monthlyUsd,
      is_free_tier: false,
      rate_limit: { requests: key.rpm, tokens: key.tpm, interval: "1m" },
      allowed_models: key.allowedModels,
      expires_at: key.expiresAt?.toISOString() ?? null,
    },
  });
}
