// A dependency-free SVG chart: side-by-side panels of grouped bars, each panel with its own linear
// y scale (figures of different magnitudes stay readable) and optional dashed reference lines
// (a goal, a target). The output is a standalone .svg file that markdown links to.

export interface ChartSeries {
  name: string;
  /** One value per category; null draws nothing (e.g. a peer that failed). */
  values: (number | null)[];
}

export interface ChartPanel {
  title: string;
  /** Unit shown on the y axis, e.g. "ms". */
  unit: string;
  categories: string[];
  series: ChartSeries[];
  /** Horizontal dashed lines, e.g. a goal. */
  references?: { value: number; label: string }[];
}

export interface ChartSpec {
  title: string;
  panels: ChartPanel[];
  /** Optional note under the title (how it was measured). */
  subtitle?: string;
}

const palette = ["#2563eb", "#f97316", "#16a34a", "#9333ea", "#dc2626", "#0891b2", "#ca8a04"];
const panelWidth = 360;
const panelHeight = 260;
const margin = { top: 70, left: 56, right: 16, bottom: 64 };

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) at or above `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

const ticks = 4;

const formatTick = (v: number) =>
  v === 0
    ? "0"
    : Math.abs(v) >= 100
      ? v.toFixed(0)
      : Math.abs(v) >= 1
        ? String(+v.toFixed(2))
        : String(+v.toPrecision(2));

function panelSvg(panel: ChartPanel, x0: number, seriesColors: Map<string, string>): string {
  const plotW = panelWidth - margin.left - margin.right;
  const plotH = panelHeight - margin.top - margin.bottom + 40;
  const top = margin.top;
  const values = panel.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const refs = panel.references ?? [];
  const hi = Math.max(0, ...values, ...refs.map((r) => r.value));
  const lo = Math.min(0, ...values);
  const step = niceStep((hi - lo) / ticks);
  const min = Math.floor(lo / step) * step;
  const max = Math.max(min + step, Math.ceil(hi / step) * step);
  const y = (v: number) => top + plotH - ((v - min) / (max - min)) * plotH;
  const out: string[] = [];
  out.push(
    `<text x="${x0 + margin.left + plotW / 2}" y="${top - 14}" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(panel.title)}</text>`,
  );
  for (let v = min; v <= max + step / 2; v += step) {
    const yy = y(v);
    out.push(
      `<line x1="${x0 + margin.left}" x2="${x0 + margin.left + plotW}" y1="${yy}" y2="${yy}" stroke="#e5e7eb"/>`,
      `<text x="${x0 + margin.left - 6}" y="${yy + 4}" text-anchor="end" font-size="10" fill="#4b5563">${formatTick(v)}</text>`,
    );
  }
  out.push(
    `<text transform="translate(${x0 + 14} ${top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="11" fill="#4b5563">${escapeXml(panel.unit)}</text>`,
  );
  const groupW = plotW / Math.max(1, panel.categories.length);
  const barW = (groupW * 0.8) / Math.max(1, panel.series.length);
  panel.categories.forEach((category, ci) => {
    const gx = x0 + margin.left + ci * groupW + groupW * 0.1;
    panel.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const y1 = y(Math.max(0, v));
      const y2 = y(Math.min(0, v));
      const color = seriesColors.get(s.name) ?? palette[0];
      out.push(
        `<rect x="${gx + si * barW}" y="${y1}" width="${Math.max(1, barW - 2)}" height="${Math.max(0.5, y2 - y1)}" fill="${color}"><title>${escapeXml(`${s.name} ${category}: ${v} ${panel.unit}`)}</title></rect>`,
        `<text x="${gx + si * barW + (barW - 2) / 2}" y="${v >= 0 ? y1 - 3 : y2 + 10}" text-anchor="middle" font-size="9" fill="#374151">${formatTick(v)}</text>`,
      );
    });
    out.push(
      `<text x="${gx + groupW * 0.4}" y="${top + plotH + 16}" text-anchor="middle" font-size="11">${escapeXml(category)}</text>`,
    );
  });
  for (const ref of refs) {
    const yy = y(ref.value);
    out.push(
      `<line x1="${x0 + margin.left}" x2="${x0 + margin.left + plotW}" y1="${yy}" y2="${yy}" stroke="#111827" stroke-dasharray="5 4"/>`,
      `<text x="${x0 + margin.left + plotW}" y="${yy - 4}" text-anchor="end" font-size="10" fill="#111827">${escapeXml(ref.label)}</text>`,
    );
  }
  out.push(
    `<line x1="${x0 + margin.left}" x2="${x0 + margin.left + plotW}" y1="${y(0)}" y2="${y(0)}" stroke="#6b7280"/>`,
  );
  return out.join("\n");
}

export function renderChart(spec: ChartSpec): string {
  const names = [...new Set(spec.panels.flatMap((p) => p.series.map((s) => s.name)))];
  const colors = new Map(names.map((n, i) => [n, palette[i % palette.length]!]));
  const width = panelWidth * spec.panels.length;
  const height = panelHeight + 40 + 30;
  let legendX = 16;
  const legend = names
    .map((n) => {
      const x = legendX;
      legendX += 40 + n.length * 6.5;
      return `<rect x="${x}" y="${height - 22}" width="12" height="12" fill="${colors.get(n)}"/><text x="${x + 18}" y="${height - 12}" font-size="11">${escapeXml(n)}</text>`;
    })
    .join("\n");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="22" font-size="15" font-weight="700">${escapeXml(spec.title)}</text>`,
    spec.subtitle
      ? `<text x="16" y="40" font-size="11" fill="#4b5563">${escapeXml(spec.subtitle)}</text>`
      : "",
    ...spec.panels.map((p, i) => panelSvg(p, i * panelWidth, colors)),
    legend,
    "</svg>",
    "",
  ].join("\n");
}
