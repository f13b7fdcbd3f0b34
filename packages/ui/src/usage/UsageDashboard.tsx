// The /usage page body both apps render: built once here, fed by @switchyard/server's usageDashboard().
// A member sees their own requests and budget; an admin the whole app, breakers, credits and every budget.
import { BudgetsPanel } from "./BudgetsPanel.tsx";
import { CatalogSyncNotice } from "./CatalogSyncNotice.tsx";
import { CostDistributionChart } from "./CostDistributionChart.tsx";
import { CreditsPanel } from "./CreditsPanel.tsx";
import { EndpointTable } from "./EndpointTable.tsx";
import { LatencyChart } from "./LatencyChart.tsx";
import { LogFilters } from "./LogFilters.tsx";
import { MyBudgetPanel } from "./MyBudgetPanel.tsx";
import { RangePicker } from "./RangePicker.tsx";
import { ReliabilityChart } from "./ReliabilityChart.tsx";
import { RequestLog } from "./RequestLog.tsx";
import { SavingsPanel } from "./SavingsPanel.tsx";
import { SpendChart } from "./SpendChart.tsx";
import { SummaryCards } from "./SummaryCards.tsx";
import { TokensChart } from "./TokensChart.tsx";
import { UsageSection } from "./UsageSection.tsx";
import { UserBudgetsEditor } from "./UserBudgetsEditor.tsx";
import { formatTime } from "./usageFormat.ts";
import { usageHref } from "./usageLinks.ts";
import type { UsageDashboardView, UsageGroup } from "./usageTypes.ts";

const GROUPS: UsageGroup[] = ["model", "app", "feature", "key"];

export function UsageDashboard(props: {
  data: UsageDashboardView;
  /** Where the page lives, e.g. "/usage"; links and the filter form point here. */
  basePath: string;
  /** The attempt-chain route, e.g. "/usage/api/requests". */
  chainUrl: string;
  /** The admin's budgets route (GET/PUT), e.g. "/usage/api/budgets". */
  budgetsUrl?: string;
}) {
  const { data, basePath } = props;
  const budgetsUrl = props.budgetsUrl ?? `${basePath}/api/budgets`;
  const wholeApp = data.scope === "app";
  const { query } = data;
  const bucket = data.window.bucket;
  const noRequests = data.summary.requests === 0;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RangePicker basePath={basePath} query={query} />
        <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="usage-scope">
          {data.scope === "user" ? "Your requests only. " : "Every user of this app. "}
          {formatTime(data.window.from)} – {formatTime(data.window.to)}, per {bucket}. Metadata only: prompts
          and keys are never stored.
        </p>
        {data.scope === "app" ? (
          <a href={`${basePath}/keys`} className="text-xs text-brand-600 hover:underline">
            Gateway keys
          </a>
        ) : null}
      </div>
      <CatalogSyncNotice sync={data.catalogSync} modelsHref={`${basePath}/models`} />
      <LogFilters basePath={basePath} query={query} options={data.filterOptions} />
      <SummaryCards summary={data.summary} />
      {data.myBudget && (
        <UsageSection title={`Your budget today (${data.myBudget.day} UTC)`}>
          <MyBudgetPanel budget={data.myBudget} />
        </UsageSection>
      )}

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
          {wholeApp
            ? `Breaker states are this server's router (${data.app}) right now; figures are from the ledger.`
            : "Figures are from your requests in the ledger."}
        </p>
      </UsageSection>

      {wholeApp && (
        <div className="grid gap-4 md:grid-cols-2">
          <UsageSection title="Credits">
            <CreditsPanel router={data.router} />
          </UsageSection>
          <UsageSection title={`Budgets today (${data.budgets.day} UTC)`}>
            <BudgetsPanel budgets={data.budgets} />
          </UsageSection>
        </div>
      )}

      {data.userBudgets && (
        <UsageSection title="Users' daily budgets" testId="usage-user-budgets-section">
          <UserBudgetsEditor lines={data.userBudgets} budgetsUrl={budgetsUrl} />
        </UsageSection>
      )}

      <UsageSection title="Request log" testId="usage-log-section">
        <RequestLog log={data.log} basePath={basePath} query={query} chainUrl={props.chainUrl} />
      </UsageSection>
    </div>
  );
}
