// Which database and which provider are live, always on screen: a user must never mistake the local
// simulation for a real model.
export interface LiveStatusProps {
  database: { label: string; ok: boolean };
  provider: { label: string; ok: boolean; simulated: boolean };
}

function Dot({ ok }: { ok: boolean }) {
  return (
    <span
      aria-hidden
      className={`inline-block h-2 w-2 rounded-full ${ok ? "bg-emerald-500" : "bg-rose-500"}`}
    />
  );
}

export function LiveStatus({ database, provider }: LiveStatusProps) {
  return (
    <section
      aria-label="Live services"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400"
    >
      <span className="flex items-center gap-1.5" data-testid="live-database">
        <Dot ok={database.ok} />
        Database: <strong className="font-medium text-slate-800 dark:text-slate-200">{database.label}</strong>
        {!database.ok && <span className="text-rose-600"> (unreachable)</span>}
      </span>
      <span className="flex items-center gap-1.5" data-testid="live-provider">
        <Dot ok={provider.ok} />
        Provider: <strong className="font-medium text-slate-800 dark:text-slate-200">{provider.label}</strong>
        {!provider.ok && <span className="text-rose-600"> (unreachable)</span>}
      </span>
      {provider.simulated && (
        <span className="rounded bg-sim/20 px-1.5 py-0.5 font-medium text-amber-800 dark:text-amber-300">
          Offline: chat answers are simulated
        </span>
      )}
    </section>
  );
}
