// Models wrap JSON in prose or ``` fences; take the outermost object and parse it.
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/.exec(text)?.[1];
  const body = fenced ?? text;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start < 0 || end <= start) throw new Error("The answer holds no JSON object.");
  return JSON.parse(body.slice(start, end + 1));
}
