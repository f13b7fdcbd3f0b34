// /usage/api/budgets, admins only: GET every user's daily budget today; PUT { userId, limitUsd } sets one
// (null: back to the default). The usage page's budget editor calls it.
import { usageBudgetRoutes } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const { GET, PUT } = usageBudgetRoutes();
