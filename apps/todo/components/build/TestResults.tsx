// What the sandbox made of one revision: each test, or why it stopped the code.
import type { CheckResult } from "@/lib/build/buildTypes.ts";

export function TestResults({ check }: { check: CheckResult | null }) {
  if (!check) return <p className="text-sm text-slate-500">Running the tests in the sandbox…</p>;
  const passed = check.tests.filter((t) => t.status === "passed").length;
  return (
    <section data-testid="test-results" className="flex flex-col gap-2 text-sm">
      <p
        data-testid="test-summary"
        className={check.ok ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}
      >
        {passed} of {check.tests.length} tests passed
        {check.stopped ? ` · stopped by the sandbox: ${check.stopped.reason}` : ""} · {check.durationMs} ms
      </p>
      {check.stopped && (
        <p
          role="alert"
          className="rounded bg-rose-50 px-2 py-1 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200"
        >
          {check.stopped.message}
        </p>
      )}
      <ul className="flex flex-col gap-1 font-mono text-xs">
        {check.tests.map((t) => (
          <li key={t.name} data-testid="test-row" data-status={t.status} className="flex flex-col">
            <span>
              <span className={t.status === "passed" ? "text-emerald-600" : "text-rose-600"}>
                {t.status === "passed" ? "✓" : "✗"}
              </span>{" "}
              {t.name}
            </span>
            {t.error && <span className="pl-4 text-rose-700 dark:text-rose-300">{t.error}</span>}
          </li>
        ))}
      </ul>
      {check.logs.length > 0 && (
        <pre className="rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{check.logs.join("\n")}</pre>
      )}
    </section>
  );
}
