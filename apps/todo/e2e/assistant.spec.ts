// The assistant that acts: a request becomes a proposal card; approving it (even with a double click)
// creates the todo once, rejecting leaves nothing, and "I've done …" completes the todo it names.
import { expect, test } from "@playwright/test";
import { AssistantPanel } from "./pages/assistantPanel.ts";
import { TodoPage } from "./pages/todoPage.ts";

test("the assistant proposes a todo; a double-clicked approval adds it once", async ({ page }) => {
  const todos = new TodoPage(page);
  const assistant = new AssistantPanel(page);
  await todos.goto();
  await assistant.tell("Remind me to renew the car insurance next Friday, high priority");
  const card = assistant.cards.first();
  await expect(card).toContainText("Add “renew the car insurance”");
  await expect(card).toContainText("high priority");
  await expect(todos.items("renew the car insurance")).toHaveCount(0);

  await card.getByRole("button", { name: "Approve" }).dblclick();
  await expect(card).toHaveAttribute("data-state", "approved");
  await expect(todos.items("renew the car insurance")).toHaveCount(1);
  await page.reload();
  await expect(todos.items("renew the car insurance")).toHaveCount(1);
});

test("rejecting a proposal leaves nothing", async ({ page }) => {
  const todos = new TodoPage(page);
  const assistant = new AssistantPanel(page);
  await todos.goto();
  await assistant.tell("Remind me to water the office ferns tomorrow");
  const card = assistant.cards.first();
  await expect(card).toContainText("water the office ferns");
  await card.getByRole("button", { name: "Reject" }).click();
  await expect(card).toContainText("Rejected: nothing was changed.");
  await page.reload();
  await expect(todos.items("water the office ferns")).toHaveCount(0);
});

test("'I've done the dentist one' completes the dentist todo after approval", async ({ page }) => {
  const todos = new TodoPage(page);
  const assistant = new AssistantPanel(page);
  await todos.goto();
  await todos.addTodo("book a dentist appointment for the chipped incisor");
  await assistant.tell("I've done the dentist one");
  const card = assistant.cards.first();
  await expect(card).toContainText("as done");
  await expect(card).toContainText("dentist");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card).toHaveAttribute("data-state", "approved");
  await page.reload();
  await expect(
    todos.items("book a dentist appointment for the chipped incisor").getByRole("checkbox"),
  ).toBeChecked();
});
