// The text a todo is embedded from: title first (it carries most meaning), then notes and tags.
export function embeddingText(todo: { title: string; notes: string; tags: string[] }): string {
  return [todo.title, todo.notes, todo.tags.length > 0 ? `tags: ${todo.tags.join(", ")}` : ""]
    .filter((part) => part.trim().length > 0)
    .join("\n");
}
