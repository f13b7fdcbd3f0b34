// GET the usage dashboard as JSON: a member's own requests and spend, the whole app for an admin.
import { usageGET } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => usageGET(req, "todo");
