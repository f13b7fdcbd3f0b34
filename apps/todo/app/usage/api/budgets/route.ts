// GET every user's daily budget; PUT { userId, limitUsd } sets one (null: back to the default). Admins only.
import { usageBudgetRoutes } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const { GET, PUT } = usageBudgetRoutes();
