// A dependency-free SVG line chart of upstream calls over time, one panel per run, one line per
// endpoint and outcome, with an optional marker (e.g. "primary down").

export interface TimelinePanel {
  title: string;
  bucketMs: number;
  series: { name: string; values: number[] }[];
  markers?: { atMs: number; label: string }[];
}

const colors: Record<string, string> = {
  "image-primary ok": "#2563eb",
  "image-primary 429": "#f97316",
  "image-primary 5xx": "#dc2626",
  "image-backup ok": "#16a34a",
  "image-backup failed": "#9333ea",
};
const W = 520;
const H = 280;
const M = { top: 36, right: 16, bottom: 70, left: 48 };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function panel(p: TimelinePanel, x0: number): string {
  const n = Math.max(1, ...p.series.map((s) => s.values.length));
  const max = Math.max(1, ...p.series.flatMap((s) => s.values));
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = (i: number) => x0 + M.left + (n === 1 ? 0 : (i / (n - 1)) * iw);
  const y = (v: number) => M.top + ih - (v / max) * ih;
  const perSecond = 1000 / p.bucketMs;
  const out: string[] = [
    `<text x="${x0 + W / 2}" y="20" text-anchor="middle" font-size="13" font-weight="600">${esc(p.title)}</text>`,
    `<line x1="${x0 + M.left}" y1="${M.top + ih}" x2="${x0 + M.left + iw}" y2="${M.top + ih}" stroke="#94a3b8"/>`,
    `<line x1="${x0 + M.left}" y1="${M.top}" x2="${x0 + M.left}" y2="${M.top + ih}" stroke="#94a3b8"/>`,
  ];
  for (const frac of [0, 0.5, 1]) {
    const v = max * frac;
    out.push(
      `<text x="${x0 + M.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="10">${Math.round(v * perSecond)}</text>`,
    );
  }
  out.push(
    `<text x="${x0 + 12}" y="${M.top + ih / 2}" font-size="10" transform="rotate(-90 ${x0 + 12} ${M.top + ih / 2})" text-anchor="middle">calls / s</text>`,
  );
  const seconds = (n * p.bucketMs) / 1000;
  for (let s = 0; s <= seconds; s += Math.max(1, Math.ceil(seconds / 8))) {
    const i = (s * 1000) / p.bucketMs;
    out.push(`<text x="${x(i)}" y="${M.top + ih + 14}" text-anchor="middle" font-size="10">${s}s</text>`);
  }
  for (const m of p.markers ?? []) {
    const xi = x(m.atMs / p.bucketMs);
    out.push(
      `<line x1="${xi}" y1="${M.top}" x2="${xi}" y2="${M.top + ih}" stroke="#475569" stroke-dasharray="4 3"/>`,
      `<text x="${xi + 3}" y="${M.top + 10}" font-size="10" fill="#475569">${esc(m.label)}</text>`,
    );
  }
  p.series.forEach((s, k) => {
    const color = colors[s.name] ?? "#64748b";
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.6" points="${points}"/>`);
    const ly = M.top + ih + 30 + Math.floor(k / 3) * 14;
    const lx = x0 + M.left + (k % 3) * 150;
    out.push(
      `<rect x="${lx}" y="${ly - 8}" width="10" height="10" fill="${color}"/>`,
      `<text x="${lx + 14}" y="${ly + 1}" font-size="10">${esc(s.name)}</text>`,
    );
  });
  return out.join("\n");
}

export function renderTimeline(title: string, panels: TimelinePanel[]): string {
  const width = W * panels.length;
  const height = H + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 -24 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect x="0" y="-24" width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="-6" text-anchor="middle" font-size="14" font-weight="700">${esc(title)}</text>`,
    ...panels.map((p, i) => panel(p, i * W)),
    "</svg>",
  ].join("\n");
}
