// POST { rows } (the preview as the user edited it): every row saved as a todo in one transaction, or
// none. An Idempotency-Key makes a repeat (double click, retry) replay the first import, per user.
import { apiRoute, idempotencyKeyOf, readJson, routerOptionsFor } from "@switchyard/server";
import { importSave, MAX_SAVE_BODY_BYTES } from "@/lib/import/importSchemas.ts";
import { saveImport } from "@/lib/import/saveImport.ts";
import { todoServices } from "@/lib/todoServices.ts";

export const dynamic = "force-dynamic";

export const POST = apiRoute({}, async (req, { user }) => {
  const key = idempotencyKeyOf(req);
  const { rows } = await readJson(req, importSave, MAX_SAVE_BODY_BYTES);
  const services = await todoServices();
  const { value, replay } = await saveImport(services, user.id, rows, key, routerOptionsFor(user));
  return Response.json(value, {
    status: replay ? 200 : 201,
    headers: { "idempotent-replayed": String(replay) },
  });
});
