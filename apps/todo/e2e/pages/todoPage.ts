// Page object for the todo app (after vercel/ai-chatbot's tests/pages): specs say what a user does,
// this file knows where the buttons are.
import { expect, type Locator, type Page } from "@playwright/test";

export class TodoPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/");
    await expect(this.page.getByRole("form", { name: "Add a todo" })).toBeVisible();
  }

  get titleInput(): Locator {
    return this.page.getByLabel("New todo");
  }

  get addButton(): Locator {
    return this.page.getByRole("button", { name: /^(Add|Adding…)$/ });
  }

  items(title?: string): Locator {
    const all = this.page.getByTestId("todo-item");
    return title
      ? all.filter({ has: this.page.getByTestId("todo-title").getByText(title, { exact: true }) })
      : all;
  }

  async addTodo(title: string) {
    // Specs share one database and ask.spec seeds some of the same titles: expect exactly one more
    // (expecting 1 raced against the seeded twin).
    const before = await this.items(title).count();
    await this.titleInput.fill(title);
    await this.addButton.click();
    await expect(this.items(title)).toHaveCount(before + 1);
    await expect(this.titleInput).toHaveValue("");
  }

  async search(query: string): Promise<Locator> {
    await this.page.getByLabel("Search todos").fill(query);
    const hits = this.page.getByTestId("search-hit");
    await expect(hits.first()).toBeVisible();
    return hits;
  }

  get dial(): Locator {
    return this.page.getByTestId("dial");
  }

  /** Moves the Cheaper ↔ Better dial to a stop and waits for the server to keep it. */
  async chooseDialStop(stop: string) {
    await this.page.getByTestId(`dial-stop-${stop}`).click();
    await expect(this.dial).toHaveAttribute("data-stop", stop);
    await expect(this.dial).toBeEnabled();
  }

  async ask(question: string, tier: "auto" | "fast" | "strong" = "auto") {
    await this.page.getByRole("group", { name: "Model tier" }).getByText(tier, { exact: true }).click();
    await this.page.getByLabel("Question").fill(question);
    await this.page.getByRole("button", { name: "Ask" }).click();
    const answer = this.page.getByTestId("answer");
    await expect(answer).toHaveAttribute("data-phase", /done|failed/);
    return answer;
  }
}
