// Number and time formatting for the dashboard. Times are shown in UTC, as the buckets are UTC and the
// server and the browser must render the same text.

export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return "—";
  if (usd === 0) return "$0";
  if (Math.abs(usd) >= 1) return `${usd < 0 ? "-" : ""}$${Math.abs(usd).toFixed(2)}`;
  return usd.toLocaleString("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 3 });
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return "—";
  return `${(share * 100).toFixed(share !== 0 && Math.abs(share) < 0.1 ? 1 : 0)}%`;
}

/** A bucket start as a short UTC label: "11-25 14:00" for minutes and hours, "2026-11-25" for days. */
export function formatBucket(ms: number, bucket: "minute" | "hour" | "day"): string {
  const iso = new Date(ms).toISOString();
  return bucket === "day" ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Colours for chart series, in order; readable on light and dark backgrounds. */
export const SERIES_COLORS = ["#4f7cf7", "#16a37f", "#a35bd6", "#e0952b", "#e0566b", "#5aa9c9", "#8a8f98"];
