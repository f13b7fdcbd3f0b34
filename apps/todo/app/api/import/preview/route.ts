// POST a dropped or pasted file ({ name, type, dataBase64 }): the rows it holds, for the user to edit
// before saving. Nothing is saved. A picture costs a model call, so it counts against the ask limits;
// a bad file is 413 import_too_large, 415 import_unsupported_type or 422 import_unreadable/import_empty.
import { apiRoute, readJson, routerOptionsFor } from "@switchyard/server";
import { extractImport } from "@/lib/import/extractImport.ts";
import { importFile, MAX_PREVIEW_BODY_BYTES } from "@/lib/import/importSchemas.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ rateLimit: "ask" }, async (req, { user }) => {
  const file = await readJson(req, importFile, MAX_PREVIEW_BODY_BYTES);
  const { router } = await todoServices();
  return Response.json(await extractImport({ router }, file, routerOptionsFor(user)));
});
