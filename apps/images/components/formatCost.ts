/** "$0.0400": image prices are a few cents, so four decimals. */
export function formatCost(usd: number): string {
  return `$${usd.toFixed(4)}`;
}
