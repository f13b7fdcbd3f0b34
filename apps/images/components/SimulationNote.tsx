/** Offline, images come from the local provider's procedural drawer: say so next to them. */
export function SimulationNote({ simulated }: { simulated: boolean }) {
  if (!simulated) return null;
  return (
    <p
      data-testid="image-simulation-note"
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      Offline: images are drawn procedurally by the local provider (no real image model is called).
    </p>
  );
}
