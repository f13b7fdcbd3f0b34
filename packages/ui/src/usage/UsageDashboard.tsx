// The /usage page body both apps render: built once here, fed by @switchyard/server's usageDashboard().
import { BudgetsPanel } from "./BudgetsPanel.tsx";
import { CostDistributionChart } from "./CostDistributionChart.tsx";
import { CreditsPanel } from "./CreditsPanel.tsx";
import { EndpointTable } from "./EndpointTable.tsx";
import { LatencyChart } from "./LatencyChart.tsx";
import { LogFilters } from "./LogFilters.tsx";
import { RangePicker } from "./RangePicker.tsx";
import { ReliabilityChart } from "./ReliabilityChart.tsx";
import { RequestLog } from "./RequestLog.tsx";
import { SavingsPanel } from "./SavingsPanel.tsx";
import { SpendChart } from "./SpendChart.tsx";
import { SummaryCards } from "./SummaryCards.tsx";
import { TokensChart } from "./TokensChart.tsx";
import { UsageSection } from "./UsageSection.tsx";
import { formatTime } from "./usageFormat.ts";
import { usageHref } from "./usageLinks.ts";
import type { UsageDashboardView, UsageGroup } from "./usageTypes.ts";

const GROUPS: UsageGroup[] = ["model", "app", "feature"];

export function UsageDashboard(props: {
  data: UsageDashboardView;
  /** Where the page lives, e.g. "/usage"; links and the filter form point here. */
  basePath: string;
  /** The attempt-chain route, e.g. "/usage/api/requests". */
  chainUrl: string;
}) {
  const { data, basePath } = props;
  const { query } = data;
  const bucket = data.window.bucket;
  const noRequests = data.summary.requests === 0;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RangePicker basePath={basePath} query={query} />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {formatTime(data.window.from)} – {formatTime(data.window.to)}, per {bucket}. Metadata only: prompts
          and keys are never stored.
        </p>
      </div>
      <LogFilters basePath={basePath} query={query} options={data.filterOptions} />
      <SummaryCards summary={data.summary} />

      {noRequests ? (
        <UsageSection
          title="Spend, latency and reliability"
          empty="No requests in this time range yet. Use the app, or pick a longer range."
        />
      ) : (
        <>
          <UsageSection
            title="Spend over time"
            actions={
              <nav aria-label="Split spend by" className="flex gap-2 text-xs">
                {GROUPS.map((g) => (
                  <a
                    key={g}
                    href={usageHref(basePath, query, { groupBy: g })}
                    aria-current={query.groupBy === g ? "true" : undefined}
                    className={query.groupBy === g ? "font-semibold text-brand-600" : "text-slate-500"}
                  >
                    by {g}
                  </a>
                ))}
              </nav>
            }
          >
            <SpendChart spend={data.spend} bucket={bucket} />
          </UsageSection>

          <div className="grid gap-4 md:grid-cols-2">
            <UsageSection
              title="Savings vs strong model only"
              testId="usage-savings-section"
              empty={data.savings.requests === 0 && "No answered chat requests in this range to compare."}
            >
              <SavingsPanel savings={data.savings} />
            </UsageSection>
            <UsageSection title="Cost per request">
              <CostDistributionChart distribution={data.costDistribution} />
            </UsageSection>
          </div>

          <UsageSection title="Tokens in / out">
            <TokensChart spend={data.spend} bucket={bucket} />
          </UsageSection>

          <UsageSection title="Latency and time to first token">
            <LatencyChart latency={data.latency} bucket={bucket} />
          </UsageSection>

          <UsageSection title="Retries and failovers">
            <ReliabilityChart points={data.reliability} bucket={bucket} />
          </UsageSection>
        </>
      )}

      <UsageSection
        title="Endpoints: errors, latency, breakers"
        empty={
          data.endpoints.length === 0 &&
          data.latency.byEndpoint.length === 0 &&
          data.router.breakers.length === 0 &&
          "No endpoint has been called in this range."
        }
      >
        <EndpointTable
          latency={data.latency.byEndpoint}
          endpoints={data.endpoints}
          breakers={data.router.breakers}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Breaker states are this server's router ({data.app}) right now; figures are from the ledger.
        </p>
      </UsageSection>

      <div className="grid gap-4 md:grid-cols-2">
        <UsageSection title="Credits">
          <CreditsPanel router={data.router} />
        </UsageSection>
        <UsageSection title={`Budgets today (${data.budgets.day} UTC)`}>
          <BudgetsPanel budgets={data.budgets} />
        </UsageSection>
      </div>

      <UsageSection title="Request log" testId="usage-log-section">
        <RequestLog log={data.log} basePath={basePath} query={query} chainUrl={props.chainUrl} />
      </UsageSection>
    </div>
  );
}
