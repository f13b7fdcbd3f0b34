// GET /usage/api: the usage dashboard as JSON, the caller's own rows (an admin's: the whole app).
import { usageGET } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => usageGET(req, "images");
