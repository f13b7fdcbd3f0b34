import type { UsageDashboardView, UsageQueryView } from "./usageTypes.ts";

const OUTCOMES = ["ok", "error", "skipped", "client_closed"] as const;

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly string[];
}) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-300">
      {props.label}
      <select
        name={props.name}
        defaultValue={props.value ?? ""}
        className="rounded border border-slate-300 bg-transparent px-1 py-1 text-sm dark:border-slate-700"
      >
        <option value="">all</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Filters for the whole page (app, feature, model, gateway key) and the log (outcome): a GET form, no script needed. */
export function LogFilters(props: {
  basePath: string;
  query: UsageQueryView;
  options: UsageDashboardView["filterOptions"];
}) {
  const { query, options } = props;
  return (
    <form
      method="get"
      action={props.basePath}
      className="flex flex-wrap items-end gap-3"
      aria-label="Filters"
    >
      <input type="hidden" name="range" value={query.range} />
      <input type="hidden" name="groupBy" value={query.groupBy} />
      <Select name="app" label="App" value={query.app} options={options.apps} />
      <Select name="feature" label="Feature" value={query.feature} options={options.features} />
      <Select name="model" label="Model" value={query.model} options={options.models} />
      {options.keys.length > 0 ? (
        <Select name="key" label="Gateway key" value={query.key} options={options.keys} />
      ) : null}
      <Select name="outcome" label="Outcome (log)" value={query.outcome} options={OUTCOMES} />
      <button
        type="submit"
        className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700"
      >
        Apply
      </button>
      <a href={props.basePath} className="text-sm text-slate-500 hover:text-brand-600">
        Reset
      </a>
    </form>
  );
}
