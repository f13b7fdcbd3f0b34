// GET /api/health: up or down for anyone; database and provider details for admins.
export { healthGET as GET } from "@switchyard/server";

export const dynamic = "force-dynamic";
