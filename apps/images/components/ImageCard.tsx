// One image of the grid: pending (live timer), failed (a clear reason) or done (the picture, the model
// and provider that made it, whether a failover happened, and what it cost).
import { ElapsedTimer } from "@switchyard/ui";
import type { ImageRecord } from "@/lib/gallery/imageRecord.ts";
import { formatCost } from "./formatCost.ts";
import type { SlotState } from "./generationClient.ts";

export function ImageCard({
  state,
  startedAt,
  slotKey,
}: {
  state: SlotState;
  startedAt: number;
  slotKey: string;
}) {
  return (
    <li
      data-testid="image-card"
      data-status={state.status}
      data-idempotency-key={slotKey}
      className="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      {state.status === "pending" && (
        <div className="flex aspect-square flex-col items-center justify-center gap-2 bg-slate-100 text-sm text-slate-500 dark:bg-slate-800 dark:text-slate-400">
          <span className="h-6 w-6 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" />
          <span>
            Generating… <ElapsedTimer startedAt={startedAt} className="tabular-nums" />
          </span>
        </div>
      )}
      {state.status === "error" && (
        <div
          role="alert"
          data-testid="image-error"
          data-code={state.code}
          className="flex aspect-square items-center justify-center bg-rose-50 p-4 text-center text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
        >
          {state.message}
        </div>
      )}
      {state.status === "done" && <GeneratedImage image={state.image} />}
    </li>
  );
}

export function GeneratedImage({ image }: { image: ImageRecord }) {
  return (
    <>
      <img
        src={image.url}
        alt={image.prompt}
        width={image.width ?? undefined}
        height={image.height ?? undefined}
        className="aspect-square w-full bg-slate-100 object-contain dark:bg-slate-800"
      />
      <div className="flex flex-col gap-1.5 p-3 text-xs text-slate-600 dark:text-slate-400">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="font-medium text-slate-800 dark:text-slate-200" data-testid="image-model">
            {image.model}
          </span>
          <span>via</span>
          <span data-testid="image-provider">{image.provider}</span>
          {image.routing?.failover && (
            <span
              data-testid="failover-badge"
              title={`Tried: ${image.routing.fallbackChain.join(" → ")}`}
              className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800 dark:bg-amber-900 dark:text-amber-200"
            >
              failover
            </span>
          )}
        </div>
        <div className="flex items-center justify-between">
          <span data-testid="image-cost" className="tabular-nums">
            {formatCost(image.costUsd)}
            {image.routing ? ` · ${(image.routing.latencyMs / 1000).toFixed(1)} s` : ""}
          </span>
          <a
            href={image.downloadUrl}
            download
            className="font-medium text-brand-600 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-500"
          >
            Download
          </a>
        </div>
      </div>
    </>
  );
}
