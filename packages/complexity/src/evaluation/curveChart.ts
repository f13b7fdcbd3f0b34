// Quality vs strong share, one panel per source, as a plain SVG string: four polylines and some axes do
// not justify a charting dependency.
import type { CurvePoint } from "./routerCurve.ts";

export interface ChartPanel {
  title: string;
  router: CurvePoint[];
  oracle: CurvePoint[];
  weakAccuracy: number;
  strongAccuracy: number;
  strongShareAtTarget: number;
}

const PANEL = { width: 420, height: 320, left: 56, right: 16, top: 36, bottom: 48 };

function thin(curve: readonly CurvePoint[], points = 200): CurvePoint[] {
  if (curve.length <= points) return [...curve];
  return Array.from({ length: points + 1 }, (_, i) => curve[Math.round((i / points) * (curve.length - 1))]!);
}

function panelSvg(panel: ChartPanel, offsetX: number): string {
  const plotW = PANEL.width - PANEL.left - PANEL.right;
  const plotH = PANEL.height - PANEL.top - PANEL.bottom;
  const all = [...panel.router, ...panel.oracle].map((p) => p.quality);
  const yMin = Math.floor(Math.min(...all, panel.weakAccuracy) * 20) / 20;
  const yMax = Math.ceil(Math.max(...all, panel.strongAccuracy) * 20) / 20;
  const x = (share: number) => offsetX + PANEL.left + share * plotW;
  const y = (quality: number) => PANEL.top + (1 - (quality - yMin) / (yMax - yMin)) * plotH;
  const line = (curve: readonly CurvePoint[], style: string) =>
    `<polyline fill="none" ${style} points="${thin(curve)
      .map((p) => `${x(p.strongShare).toFixed(1)},${y(p.quality).toFixed(1)}`)
      .join(" ")}"/>`;
  const target = 0.95 * panel.strongAccuracy;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const yTicks = Array.from({ length: Math.round((yMax - yMin) / 0.05) + 1 }, (_, i) => yMin + i * 0.05);
  return [
    `<text x="${x(0.5)}" y="20" text-anchor="middle" font-weight="bold">${panel.title}</text>`,
    `<rect x="${x(0)}" y="${PANEL.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
    ...ticks.map(
      (t) =>
        `<text x="${x(t)}" y="${PANEL.top + plotH + 16}" text-anchor="middle" font-size="11">${t.toFixed(1)}</text>`,
    ),
    ...yTicks.map(
      (t) => `<text x="${x(0) - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${t.toFixed(2)}</text>`,
    ),
    `<text x="${x(0.5)}" y="${PANEL.height - 8}" text-anchor="middle" font-size="12">share of prompts sent to the strong model</text>`,
    `<line x1="${x(0)}" x2="${x(1)}" y1="${y(target)}" y2="${y(target)}" stroke="#c0392b" stroke-dasharray="2 3"/>`,
    line(
      [
        { strongShare: 0, quality: panel.weakAccuracy },
        { strongShare: 1, quality: panel.strongAccuracy },
      ],
      'stroke="#888" stroke-dasharray="6 4" stroke-width="1.5"',
    ),
    line(panel.oracle, 'stroke="#27ae60" stroke-width="1.5"'),
    line(panel.router, 'stroke="#2962ff" stroke-width="2"'),
    `<line x1="${x(panel.strongShareAtTarget)}" x2="${x(panel.strongShareAtTarget)}" y1="${y(target)}" y2="${PANEL.top + plotH}" stroke="#2962ff" stroke-dasharray="3 3"/>`,
    `<text x="${x(panel.strongShareAtTarget) + 4}" y="${PANEL.top + plotH - 6}" font-size="11" fill="#2962ff">${panel.strongShareAtTarget.toFixed(2)}</text>`,
  ].join("\n");
}

export function curveChartSvg(panels: readonly ChartPanel[]): string {
  const width = PANEL.width * panels.length;
  const legendY = PANEL.height + 14;
  const legend = [
    ["#2962ff", "", "this router"],
    ["#27ae60", "", "oracle"],
    ["#888", 'stroke-dasharray="6 4"', "random"],
    ["#c0392b", 'stroke-dasharray="2 3"', "95% of strong-only quality"],
  ]
    .map(
      ([color, dash, label], i) =>
        `<line x1="${40 + i * 190}" x2="${70 + i * 190}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2" ${dash}/>` +
        `<text x="${76 + i * 190}" y="${legendY + 4}" font-size="12">${label}</text>`,
    )
    .join("\n");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${PANEL.height + 28}" font-family="sans-serif" viewBox="0 0 ${width} ${PANEL.height + 28}">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...panels.map((panel, i) => panelSvg(panel, i * PANEL.width)),
    legend,
    "</svg>",
    "",
  ].join("\n");
}
