// The signed-in user as far as the images lib needs one: the id that owns rows and keys, and whatever
// routerOptionsFor() reads to charge and record the user's router calls. A session's user fits.
import type { routerOptionsFor } from "@switchyard/server";

export type ImageUser = Parameters<typeof routerOptionsFor>[0];
