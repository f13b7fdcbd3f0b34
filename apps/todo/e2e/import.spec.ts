// Import: a screenshot of a list (read offline by the local provider's OCR and simulated model) and a
// CSV become an editable preview; the rows are edited, then saved once; a file of another type gets a
// clear message and saves nothing.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { ImportPanel } from "./pages/importPanel.ts";
import { TodoPage } from "./pages/todoPage.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

test("a screenshot of a list becomes todos, with the preview edited before saving", async ({ page }) => {
  const todos = new TodoPage(page);
  const importer = new ImportPanel(page);
  await todos.goto();
  await importer.choose(fixture("list-screenshot.png"));
  await expect(importer.rows).toHaveCount(4, { timeout: 60_000 });
  await expect(importer.panel.getByText(/simulated model/)).toBeVisible();
  await expect(importer.title(2)).toHaveValue("Renew car insurance");
  await expect(importer.panel.getByLabel("Due date of row 2")).toHaveValue("2026-12-11");
  await expect(importer.panel.getByLabel("Priority of row 2")).toHaveValue("3");

  // The list's heading is not a todo; the dentist line gets a clearer title and a due date.
  await importer.panel.getByRole("button", { name: "Remove row 1" }).click();
  await expect(importer.rows).toHaveCount(3);
  await importer.title(3).fill("Book the dentist (cracked molar), imported");
  await importer.panel.getByLabel("Due date of row 3").fill("2026-12-18");
  await importer.save(3);

  await expect(todos.items("Renew car insurance")).toHaveCount(1);
  await expect(todos.items("Buy birthday present for Sam")).toHaveCount(1);
  const dentist = todos.items("Book the dentist (cracked molar), imported");
  await expect(dentist).toHaveCount(1);
  await expect(dentist).toContainText("2026-12-18");
  await expect(todos.items("Weekend list")).toHaveCount(0);
  await page.reload();
  await expect(todos.items("Book the dentist (cracked molar), imported")).toHaveCount(1);
});

test("a screenshot pasted on the page or dropped on the panel opens its preview", async ({ page }) => {
  const todos = new TodoPage(page);
  const importer = new ImportPanel(page);
  await todos.goto();
  await importer.listening();
  const base64 = readFileSync(fixture("list-screenshot.png")).toString("base64");
  await page.evaluate((png) => {
    const data = new DataTransfer();
    data.items.add(
      new File([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], "pasted.png", { type: "image/png" }),
    );
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  }, base64);
  await expect(importer.rows).toHaveCount(4, { timeout: 60_000 });
  await importer.panel.getByRole("button", { name: "Cancel" }).click();
  await expect(importer.rows).toHaveCount(0);

  const dropped = await page.evaluateHandle((png) => {
    const data = new DataTransfer();
    data.items.add(
      new File([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], "dropped.png", { type: "image/png" }),
    );
    return data;
  }, base64);
  await importer.panel.getByTestId("import-drop-zone").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(importer.rows).toHaveCount(4, { timeout: 60_000 });
});

test("a CSV becomes todos, edited in the preview, saved once on a double click", async ({ page }) => {
  const todos = new TodoPage(page);
  const importer = new ImportPanel(page);
  await todos.goto();
  await importer.choose(fixture("todos.csv"));
  await expect(importer.rows).toHaveCount(3);
  await expect(importer.title(1)).toHaveValue("Pay the water bill");
  await importer.panel.getByLabel("Tags of row 3").fill("work, offsite");
  await importer.panel.getByLabel("Priority of row 3").selectOption("3");
  await importer.panel.getByRole("button", { name: "Save 3 todos" }).dblclick();
  await expect(importer.panel.getByText("Imported 3 todos.")).toBeVisible();

  await page.reload();
  for (const title of ["Pay the water bill", "Return library books", "Plan the team offsite"])
    await expect(todos.items(title)).toHaveCount(1);
  await expect(todos.items("Plan the team offsite")).toContainText("offsite");
});

test("a file of another type is refused with a clear message and nothing is saved", async ({ page }) => {
  const todos = new TodoPage(page);
  const importer = new ImportPanel(page);
  await todos.goto();
  const before = await todos.items().count();
  await importer.choose({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("buy milk\n") });
  await expect(importer.panel.getByRole("alert")).toContainText("cannot be imported");
  await importer.choose({ name: "broken.png", mimeType: "image/png", buffer: Buffer.from("not a picture") });
  await expect(importer.panel.getByRole("alert")).toContainText("could not be read");
  await expect(importer.rows).toHaveCount(0);
  await page.reload();
  await expect(todos.items()).toHaveCount(before);
});
