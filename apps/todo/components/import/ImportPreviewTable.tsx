"use client";
// The import's editable preview: one row per todo found, its title, due date, priority and tags in
// inputs the user can change, and a button to leave a row out, before anything is saved.
import type { ImportRow } from "@/lib/import/importSchemas.ts";

const cell =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

const PRIORITIES = ["None", "Low", "Medium", "High"];

export function ImportPreviewTable({
  rows,
  onChange,
}: {
  rows: ImportRow[];
  onChange: (rows: ImportRow[]) => void;
}) {
  const edit = (index: number, patch: Partial<ImportRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <table className="w-full text-left text-sm" aria-label="Import preview">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-2 font-medium">Title</th>
          <th className="py-1 pr-2 font-medium">Due</th>
          <th className="py-1 pr-2 font-medium">Priority</th>
          <th className="py-1 pr-2 font-medium">Tags</th>
          <th className="py-1">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // Rows have no id until saved; their position is who they are while the preview is open.
          <tr key={i} data-testid="import-row">
            <td className="py-1 pr-2">
              <input
                aria-label={`Title of row ${i + 1}`}
                className={cell}
                value={row.title}
                maxLength={200}
                onChange={(e) => edit(i, { title: e.target.value })}
              />
            </td>
            <td className="py-1 pr-2">
              <input
                type="date"
                aria-label={`Due date of row ${i + 1}`}
                className={cell}
                value={row.dueDate ?? ""}
                onChange={(e) => edit(i, { dueDate: e.target.value || null })}
              />
            </td>
            <td className="py-1 pr-2">
              <select
                aria-label={`Priority of row ${i + 1}`}
                className={cell}
                value={row.priority}
                onChange={(e) => edit(i, { priority: Number(e.target.value) })}
              >
                {PRIORITIES.map((label, p) => (
                  <option key={label} value={p}>
                    {label}
                  </option>
                ))}
              </select>
            </td>
            <td className="py-1 pr-2">
              <input
                aria-label={`Tags of row ${i + 1}`}
                className={cell}
                value={row.tags.join(", ")}
                onChange={(e) =>
                  edit(i, {
                    tags: e.target.value
                      .split(",")
                      .map((t) => t.trim().toLowerCase())
                      .filter((t, at, all) => t.length > 0 || at === all.length - 1),
                  })
                }
              />
            </td>
            <td className="py-1">
              <button
                type="button"
                aria-label={`Remove row ${i + 1}`}
                className="rounded px-2 py-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
                onClick={() => onChange(rows.filter((_, at) => at !== i))}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
