// Syntax-highlighted TypeScript. sugar-high escapes the source and emits only its own spans.
import type { CSSProperties } from "react";
import { highlight } from "sugar-high";

const palette = {
  "--sh-class": "#2d5e9d",
  "--sh-identifier": "#354150",
  "--sh-sign": "#8996a3",
  "--sh-property": "#0550ae",
  "--sh-entity": "#249a97",
  "--sh-jsxliterals": "#6266d1",
  "--sh-string": "#00a99a",
  "--sh-keyword": "#d1453b",
  "--sh-comment": "#8b8080",
} as CSSProperties;

export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
      <figcaption className="border-b border-slate-200 bg-slate-50 px-3 py-1 font-mono text-xs text-slate-500 dark:border-slate-800 dark:bg-slate-900">
        {label}
      </figcaption>
      <pre className="overflow-x-auto bg-white p-3 text-xs leading-5 dark:bg-slate-100" style={palette}>
        <code
          data-testid={`code-${label}`}
          dangerouslySetInnerHTML={{ __html: highlight(code || "// (empty)") }}
        />
      </pre>
    </figure>
  );
}
