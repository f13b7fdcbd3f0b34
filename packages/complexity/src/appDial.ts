// Per-app dials: the named stops (cheapest, balanced, best) each app's owner can pick, with thresholds
// calibrated on that app's own labelled traffic. A static import, so the data travels with Next's bundle.
import todoDialJson from "../data/app-traffic/todo.dial.json" with { type: "json" };
import { type AppDial, appDial, type DialStop } from "./appDialFile.ts";
import { ComplexityError } from "./errors.ts";

const committedDials = { todo: todoDialJson } as const;
export type AppWithDial = keyof typeof committedDials;
export const APPS_WITH_DIALS = Object.keys(committedDials) as AppWithDial[];

const parsed = new Map<string, AppDial>();

/** The committed dial of `app`, zod-checked on first use. */
export function loadAppDial(app: string): AppDial {
  const cached = parsed.get(app);
  if (cached) return cached;
  if (!Object.hasOwn(committedDials, app)) {
    throw new ComplexityError(
      "complexity:bad_target",
      `no dial for app "${app}" (known: ${APPS_WITH_DIALS.join(", ")})`,
    );
  }
  const result = appDial.safeParse(committedDials[app as AppWithDial]);
  if (!result.success) {
    throw new ComplexityError(
      "complexity:bad_weights",
      `dial of app "${app}" is invalid: ${result.error.message}`,
    );
  }
  parsed.set(app, result.data);
  return result.data;
}

/** A stop of `app`'s dial by name, or its default stop. */
export function appDialStop(app: string, stop?: string): DialStop {
  const dial = loadAppDial(app);
  const name = stop ?? dial.defaultStop;
  const found = dial.stops.find((s) => s.name === name);
  if (!found) {
    throw new ComplexityError(
      "complexity:bad_target",
      `app "${app}" has no dial stop "${name}" (stops: ${dial.stops.map((s) => s.name).join(", ")})`,
    );
  }
  return found;
}
