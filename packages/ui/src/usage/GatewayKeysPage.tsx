"use client";
// The admin page of the gateway's virtual keys (/usage/keys): every key with its owner, limits and
// status, a form that makes one and shows its secret once, and a revoke button per active key.
import { useState } from "react";
import { Badge, cellClass, EmptyState, headClass, tableClass, UsageSection } from "./UsageSection.tsx";
import { formatUsd } from "./usageFormat.ts";
import type { GatewayKeyView } from "./usageTypes.ts";

const numberOrNull = (raw: string) => (raw.trim() === "" ? null : Number(raw));

function limitsOf(k: GatewayKeyView): string {
  const parts = [
    k.dailyUsd !== null ? `${formatUsd(k.dailyUsd)}/day` : null,
    k.monthlyUsd !== null ? `${formatUsd(k.monthlyUsd)}/month` : null,
    k.rpm !== null ? `${k.rpm} rpm` : null,
    k.tpm !== null ? `${k.tpm} tpm` : null,
  ].filter(Boolean);
  return parts.join(", ") || "none";
}

function CreateKeyForm({ keysUrl, onCreated }: { keysUrl: string; onCreated(key: GatewayKeyView): void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const body = {
      name: text("name"),
      ...(text("ownerEmail").trim() ? { ownerEmail: text("ownerEmail").trim() } : {}),
      allowedModels: text("models")
        .split(",")
        .map((m) => m.trim())
        .filter(Boolean),
      dailyUsd: numberOrNull(text("dailyUsd")),
      monthlyUsd: numberOrNull(text("monthlyUsd")),
      rpm: numberOrNull(text("rpm")),
      tpm: numberOrNull(text("tpm")),
      expiresInDays: numberOrNull(text("expiresInDays")),
    };
    setError(null);
    const res = await fetch(keysUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    const answer = (await res?.json().catch(() => null)) as {
      key?: GatewayKeyView;
      secret?: string;
      error?: { message?: string };
    } | null;
    if (!res?.ok || !answer?.key || !answer.secret)
      return setError(answer?.error?.message ?? "Not created. Try again.");
    setSecret(answer.secret);
    onCreated(answer.key);
  }

  const field = (name: string, label: string, placeholder = "") => (
    <label className="flex flex-col text-xs text-slate-500">
      {label}
      <input
        name={name}
        placeholder={placeholder}
        className="rounded border px-2 py-1 text-sm text-slate-900"
      />
    </label>
  );
  return (
    <form onSubmit={create} className="flex flex-wrap items-end gap-3" aria-label="New key">
      {field("name", "Name", "notebook")}
      {field("ownerEmail", "Owner's email", "you")}
      {field("models", "Models (comma-separated)", "any")}
      {field("dailyUsd", "USD a day", "none")}
      {field("monthlyUsd", "USD a month", "none")}
      {field("rpm", "Requests a minute", "none")}
      {field("tpm", "Tokens a minute", "none")}
      {field("expiresInDays", "Expires in days", "never")}
      <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white">
        Create key
      </button>
      {error ? <p className="w-full text-sm text-red-600">{error}</p> : null}
      {secret ? (
        <p className="w-full text-sm" data-testid="new-key-secret">
          The key, shown once: <code className="select-all font-mono">{secret}</code>
        </p>
      ) : null}
    </form>
  );
}

export function GatewayKeysPage({ keys: initial, keysUrl }: { keys: GatewayKeyView[]; keysUrl: string }) {
  const [keys, setKeys] = useState(initial);

  async function revoke(id: string) {
    const res = await fetch(`${keysUrl}?id=${encodeURIComponent(id)}`, { method: "DELETE" }).catch(
      () => null,
    );
    if (res?.ok) setKeys((all) => all.map((k) => (k.id === id ? { ...k, status: "revoked" } : k)));
  }

  return (
    <div className="flex flex-col gap-4">
      <UsageSection title="New gateway key" testId="gateway-key-form">
        <CreateKeyForm keysUrl={keysUrl} onCreated={(key) => setKeys((all) => [key, ...all])} />
      </UsageSection>
      <UsageSection title="Gateway keys" testId="gateway-keys">
        {keys.length === 0 ? (
          <EmptyState>No keys yet. The gateway (apps/gateway) refuses every request without one.</EmptyState>
        ) : (
          <table className={tableClass}>
            <thead>
              <tr>
                {["Key", "Name", "Owner", "Models", "Limits", "Expires", "Status", ""].map((h) => (
                  <th key={h} className={headClass}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-b border-slate-100 dark:border-slate-900">
                  <td className={`${cellClass} font-mono text-xs`}>
                    {k.prefix}… <span className="text-slate-500">{k.id}</span>
                  </td>
                  <td className={cellClass}>{k.name}</td>
                  <td className={cellClass}>{k.ownerEmail ?? "—"}</td>
                  <td className={cellClass}>{k.allowedModels.join(", ") || "any"}</td>
                  <td className={cellClass}>{limitsOf(k)}</td>
                  <td className={cellClass}>{k.expiresAt?.slice(0, 10) ?? "never"}</td>
                  <td className={cellClass}>
                    <Badge tone={k.status === "active" ? "ok" : "muted"}>{k.status}</Badge>
                  </td>
                  <td className={cellClass}>
                    {k.status === "active" ? (
                      <button type="button" onClick={() => revoke(k.id)} className="text-sm text-red-600">
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </UsageSection>
    </div>
  );
}
