"use client";
// Deletes one image (row and bytes) after a confirmation, then refreshes the gallery.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function DeleteImageButton({ id }: { id: string }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "deleting" | "failed">("idle");
  const remove = async () => {
    if (!window.confirm("Delete this image? This cannot be undone.")) return;
    setState("deleting");
    const res = await fetch(`/api/images/${id}`, { method: "DELETE" }).catch(() => null);
    if (res && (res.ok || res.status === 404)) router.refresh();
    else setState("failed");
  };
  return (
    <button
      type="button"
      onClick={remove}
      disabled={state === "deleting"}
      className="font-medium text-rose-600 hover:underline focus-visible:outline-2 focus-visible:outline-rose-500 disabled:opacity-60 dark:text-rose-400"
    >
      {state === "deleting" ? "Deleting…" : state === "failed" ? "Delete failed, retry" : "Delete"}
    </button>
  );
}
