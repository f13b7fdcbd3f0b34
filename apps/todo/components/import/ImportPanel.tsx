"use client";
// Import todos from a file: drop, paste or choose a screenshot or photo of a list, a CSV or an .ics;
// the rows found come back as an editable preview, and "Save" writes them all in one transaction. A
// bad file gets the server's message and saves nothing; one key per preview makes a double click save once.
import { useEffect, useRef, useState } from "react";
import { ApiCallError, newActionKey } from "@/lib/client/todoApi.ts";
import { importApi } from "@/lib/import/importClient.ts";
import type { ImportPreview, ImportRow } from "@/lib/import/importSchemas.ts";
import type { TodoView } from "@/lib/todoSchemas.ts";
import { ImportPreviewTable } from "./ImportPreviewTable.tsx";

const ACCEPT = "image/png,image/jpeg,image/webp,image/gif,.csv,text/csv,.ics,text/calendar";

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);

export function ImportPanel({ onImported }: { onImported: (todos: TodoView[]) => void }) {
  const [busy, setBusy] = useState<"reading" | "saving" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  // Set once the page-wide paste listener is on: a paste before hydration would go nowhere.
  const [listening, setListening] = useState(false);
  const saveKey = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function read(file: File) {
    setBusy("reading");
    setError(null);
    setSaved(null);
    setPreview(null);
    try {
      const found = await importApi.preview(file);
      setPreview(found);
      setRows(found.rows);
      saveKey.current = newActionKey();
    } catch (e) {
      setError(messageOf(e, "The file could not be read."));
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  async function save() {
    if (busy || !saveKey.current) return;
    const untitled = rows.findIndex((r) => !r.title.trim());
    if (untitled >= 0) return setError(`Row ${untitled + 1} needs a title (or remove it).`);
    setBusy("saving");
    setError(null);
    try {
      const clean = rows.map((r) => ({ ...r, title: r.title.trim(), tags: r.tags.filter(Boolean) }));
      const todos = await importApi.save(clean, saveKey.current);
      onImported(todos);
      setSaved(todos.length);
      setPreview(null);
      saveKey.current = null;
    } catch (e) {
      setError(messageOf(e, "The todos could not be saved; nothing was imported."));
    } finally {
      setBusy(null);
    }
  }

  const pasted = (data: DataTransfer) => {
    const file = data.files[0];
    if (file) return void read(file);
    const text = data.getData("text/plain");
    if (text.trim()) void read(new File([text], "pasted.csv", { type: "text/csv" }));
  };

  // A picture pasted anywhere on the page is an import; text pasted into a field stays that field's.
  const pastedRef = useRef(pasted);
  pastedRef.current = pasted;
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inField = target?.closest("input, textarea, select, [contenteditable]") !== null;
      const picture = [...(e.clipboardData?.files ?? [])].some((f) => f.type.startsWith("image/"));
      if (picture && !inField && e.clipboardData) {
        e.preventDefault();
        pastedRef.current(e.clipboardData);
      }
    };
    document.addEventListener("paste", onPaste);
    setListening(true);
    return () => document.removeEventListener("paste", onPaste);
  }, []);

  return (
    <section
      aria-label="Import todos"
      data-listening={listening}
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 className="mb-2 text-sm font-semibold">Import from a picture or a file</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop and paste target; the file input below is the keyboard path */}
      <div
        tabIndex={-1}
        data-testid="import-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          pasted(e.dataTransfer);
        }}
        onPaste={(e) => {
          // Pictures are taken by the page-wide listener; files and text pasted here are the zone's.
          if (![...e.clipboardData.files].some((f) => f.type.startsWith("image/"))) pasted(e.clipboardData);
        }}
        className={`flex flex-col items-center gap-2 rounded-md border-2 border-dashed p-4 text-center text-sm text-slate-500 ${dragging ? "border-brand-500 bg-brand-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-700"}`}
      >
        <p>Drop or paste a screenshot or photo of a list, a CSV or an .ics file here.</p>
        <label className="cursor-pointer rounded-md bg-slate-100 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-200">
          Choose a file
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            aria-label="Import a file"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void read(file);
            }}
          />
        </label>
        {busy === "reading" && <p role="status">Reading the file…</p>}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      {saved !== null && (
        <p role="status" className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">
          Imported {saved} {saved === 1 ? "todo" : "todos"}.
        </p>
      )}
      {preview && (
        <div className="mt-3 flex flex-col gap-2">
          <p className="text-xs text-slate-500">
            {rows.length} {rows.length === 1 ? "todo" : "todos"} found in the{" "}
            {preview.source === "image" ? "picture" : preview.source.toUpperCase()}
            {preview.model ? ` by ${preview.model}` : ""} in {preview.ms} ms. Edit them, then save.
          </p>
          {preview.warnings.map((w) => (
            <p key={w} className="text-xs text-amber-700 dark:text-amber-400">
              {w}
            </p>
          ))}
          <ImportPreviewTable rows={rows} onChange={setRows} />
          <div className="flex gap-2">
            <button
              type="button"
              disabled={rows.length === 0}
              onClick={() => void save()}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {busy === "saving" ? "Saving…" : `Save ${rows.length} ${rows.length === 1 ? "todo" : "todos"}`}
            </button>
            <button
              type="button"
              onClick={() => {
                setPreview(null);
                saveKey.current = null;
              }}
              className="rounded-md px-4 py-2 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
