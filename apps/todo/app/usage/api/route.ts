import { usageGET } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => usageGET(req, "todo");
