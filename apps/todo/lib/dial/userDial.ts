// Which stop of the todo app's dial a user routes at: their row in dial_settings, else the dial's default.
// A stop the committed dial no longer has (renamed by a recalibration) falls back to the default too.
import { type AppDial, appDialStop, type DialStop, loadAppDial } from "@switchyard/complexity";
import { type Database, dialSettings } from "@switchyard/db";
import { and, eq } from "drizzle-orm";

export const DIAL_APP = "todo";

export function todoDial(): AppDial {
  return loadAppDial(DIAL_APP);
}

function knownStop(name: string | undefined): DialStop {
  const dial = todoDial();
  return dial.stops.find((s) => s.name === name) ?? appDialStop(DIAL_APP);
}

export async function userDialStop(db: Database, userId: string): Promise<DialStop> {
  const [row] = await db
    .select({ stop: dialSettings.stop })
    .from(dialSettings)
    .where(and(eq(dialSettings.userId, userId), eq(dialSettings.app, DIAL_APP)));
  return knownStop(row?.stop);
}

/** Stores the user's stop; the caller has checked that the dial has it. */
export async function saveUserDialStop(db: Database, userId: string, stop: string): Promise<DialStop> {
  const chosen = appDialStop(DIAL_APP, stop);
  await db
    .insert(dialSettings)
    .values({ userId, app: DIAL_APP, stop: chosen.name })
    .onConflictDoUpdate({
      target: [dialSettings.userId, dialSettings.app],
      set: { stop: chosen.name, updatedAt: new Date() },
    });
  return chosen;
}
