"use client";
// The generate page: the form, then a grid where each image appears as it completes. One submission
// runs at a time; the submit guard is a ref, so even two clicks in the same frame send one request.
import { useEffect, useRef, useState } from "react";
import type { ImageModelOption } from "@/lib/generation/imageModels.ts";
import { formatCost } from "./formatCost.ts";
import {
  generateSlot,
  newSubmission,
  pendingSubmission,
  rememberPending,
  type SlotState,
  type Submission,
  type SubmissionInput,
  slotKey,
} from "./generationClient.ts";
import { ImageCard } from "./ImageCard.tsx";

interface Choice {
  id: string;
  label: string;
}

export interface GenerateFormProps {
  models: ImageModelOption[];
  aspects: Choice[];
  sizes: Choice[];
  styles: Choice[];
}

const fieldClass =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900";

export function GenerateForm({ models, aspects, sizes, styles }: GenerateFormProps) {
  const [input, setInput] = useState<SubmissionInput>({
    prompt: "",
    aspect: "square",
    size: "medium",
    style: "none",
    model: "auto",
  });
  const [count, setCount] = useState(1);
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [slots, setSlots] = useState<SlotState[]>([]);
  const busy = useRef(false);

  const run = (s: Submission) => {
    busy.current = true;
    rememberPending(s);
    setSubmission(s);
    setSlots(s.seeds.map(() => ({ status: "pending" })));
    const all = s.seeds.map((_, i) =>
      generateSlot(s, i).then((state) => setSlots((prev) => prev.map((p, j) => (j === i ? state : p)))),
    );
    void Promise.all(all).then(() => {
      busy.current = false;
      rememberPending(null);
      setSubmission((cur) => (cur === s ? { ...s } : cur));
    });
  };

  // A reload mid-request resumes the same submission with the same keys: nothing is generated twice.
  useEffect(() => {
    const pending = pendingSubmission();
    if (pending) {
      setInput(pending.input);
      setCount(pending.seeds.length);
      run(pending);
    }
  }, []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (busy.current || !input.prompt.trim()) return;
    run(newSubmission({ ...input, prompt: input.prompt.trim() }, count));
  };

  const pending = slots.some((s) => s.status === "pending");
  const total = slots.reduce((sum, s) => sum + (s.status === "done" ? s.image.costUsd : 0), 0);
  const set = (field: keyof SubmissionInput) => (e: { target: { value: string } }) =>
    setInput((prev) => ({ ...prev, [field]: e.target.value }));

  return (
    <div className="flex flex-col gap-6">
      <form
        onSubmit={submit}
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Generate images"
      >
        <label className="flex flex-col gap-1 text-sm font-medium sm:col-span-2 lg:col-span-4">
          Prompt
          <textarea
            name="prompt"
            required
            rows={3}
            maxLength={1000}
            value={input.prompt}
            onChange={set("prompt")}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
            placeholder="A lighthouse on a cliff at dusk, gulls circling"
            className={fieldClass}
          />
        </label>
        <Select label="Aspect" value={input.aspect} onChange={set("aspect")} options={aspects} />
        <Select label="Size" value={input.size} onChange={set("size")} options={sizes} />
        <Select label="Style preset" value={input.style} onChange={set("style")} options={styles} />
        <Select
          label="Model"
          value={input.model}
          onChange={set("model")}
          options={[
            { id: "auto", label: "Auto (router picks)" },
            ...models.map((m) => ({
              id: m.id,
              label: m.perImageUsd !== null ? `${m.label} · ${formatCost(m.perImageUsd)}` : m.label,
            })),
          ]}
        />
        <fieldset className="flex flex-col gap-1 text-sm font-medium">
          <legend className="mb-1">Count</legend>
          <div className="flex gap-2">
            {[1, 2, 3, 4].map((n) => (
              <label
                key={n}
                className="flex cursor-pointer items-center gap-1 rounded-lg border border-slate-300 px-3 py-1.5 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:border-slate-700 dark:has-[:checked]:bg-slate-800"
              >
                <input
                  type="radio"
                  name="count"
                  value={n}
                  checked={count === n}
                  onChange={() => setCount(n)}
                  className="sr-only"
                />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-end sm:col-span-2 lg:col-span-3 lg:justify-end">
          <button
            type="submit"
            disabled={pending}
            className="rounded-lg bg-brand-600 px-5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-wait disabled:opacity-60"
          >
            {pending ? "Generating…" : "Generate"}
          </button>
        </div>
      </form>

      {submission && (
        <section aria-label="Results" aria-live="polite" className="flex flex-col gap-2">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            “{submission.input.prompt}”{!pending && total > 0 && <> · total {formatCost(total)}</>}
          </p>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {slots.map((state, i) => (
              <ImageCard
                key={slotKey(submission, i)}
                state={state}
                startedAt={submission.startedAt}
                slotKey={slotKey(submission, i)}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  options: Choice[];
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {props.label}
      <select value={props.value} onChange={props.onChange} className={fieldClass}>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
