// The browser's side of the import: a File read as base64 and sent for its preview, and the edited
// rows saved under one Idempotency-Key per save (a double click imports once). Errors read as the
// server's message: a file too big, of another type or unreadable says so.
import { ApiCallError, callErrorOf } from "../client/todoApi.ts";
import type { TodoView } from "../todoSchemas.ts";
import { type ImportPreview, type ImportRow, MAX_IMAGE_BYTES } from "./importSchemas.ts";

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    });
  } catch {
    throw new ApiCallError("network", "Cannot reach the server. Check your connection and try again.");
  }
  if (!res.ok) throw await callErrorOf(res);
  return (await res.json()) as T;
}

function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new ApiCallError("import_unreadable", "The file could not be read."));
    reader.readAsDataURL(file);
  });
}

export const importApi = {
  async preview(file: File): Promise<ImportPreview> {
    // The server checks too; this spares uploading a file it would refuse for its size.
    if (file.size > MAX_IMAGE_BYTES)
      throw new ApiCallError("import_too_large", `"${file.name}" is too big to import: the limit is 5 MB.`);
    const dataBase64 = await base64Of(file);
    return post<ImportPreview>("/api/import/preview", { name: file.name, type: file.type, dataBase64 });
  },
  save: (rows: ImportRow[], key: string) =>
    post<{ todos: TodoView[] }>("/api/import/save", { rows }, { "idempotency-key": key }).then(
      (r) => r.todos,
    ),
};
