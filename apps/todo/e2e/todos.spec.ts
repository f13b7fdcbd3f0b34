import { expect, test } from "@playwright/test";
import { TodoPage } from "./pages/todoPage.ts";

test("a user adds todos, completes one, deletes one, and they persist", async ({ page }) => {
  const app = new TodoPage(page);
  await app.goto();
  await app.addTodo("water the tomato plants");
  await app.addTodo("return the library books");

  await app.items("water the tomato plants").getByRole("checkbox").check();
  await expect(app.items("water the tomato plants").getByTestId("todo-title")).toHaveClass(/line-through/);
  await app
    .items("return the library books")
    .getByRole("button", { name: /Delete/ })
    .click();
  await expect(app.items("return the library books")).toHaveCount(0);

  await page.reload();
  await expect(app.items("water the tomato plants").getByRole("checkbox")).toBeChecked();
  await expect(app.items("return the library books")).toHaveCount(0);
});

test("semantic search finds a todo that shares no words with the query", async ({ page }) => {
  const app = new TodoPage(page);
  await app.goto();
  await app.addTodo("buy milk and eggs");
  await app.addTodo("fix the login bug before launch");

  const hits = await app.search("groceries");
  await expect(hits.first()).toContainText("buy milk and eggs");
  await expect(hits.first()).toContainText("meaning");
});

test("a double-clicked add creates one todo", async ({ page }) => {
  const app = new TodoPage(page);
  await app.goto();
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/todos"))
      posts.push(r.headers()["idempotency-key"] ?? "");
  });
  await app.titleInput.fill("pay the window cleaner");
  await app.addButton.dblclick();
  await expect(app.items("pay the window cleaner")).toHaveCount(1);

  await page.reload();
  await expect(app.items("pay the window cleaner")).toHaveCount(1);
  // Both clicks carried the same key, if the second click got a request out at all.
  expect(new Set(posts).size).toBe(1);
});

test("a repeated POST with the same Idempotency-Key creates one todo", async ({ request }) => {
  const headers = { "idempotency-key": "e2e-repeat-key-0001" };
  const first = await request.post("/api/todos", { data: { title: "renew the bike lock" }, headers });
  const second = await request.post("/api/todos", { data: { title: "renew the bike lock" }, headers });
  expect(first.status()).toBe(201);
  expect(second.status()).toBe(200);
  expect((await second.json()).todo.id).toBe((await first.json()).todo.id);
  const list = await (await request.get("/api/todos")).json();
  expect(list.todos.filter((t: { title: string }) => t.title === "renew the bike lock")).toHaveLength(1);
});

test("bad input gets a clear typed error", async ({ request }) => {
  const empty = await request.post("/api/todos", { data: { title: "" } });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.code).toBe("invalid_request");
  const huge = await request.post("/api/todos", { data: { title: "x", notes: "y".repeat(20_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toContain("bytes");
});
