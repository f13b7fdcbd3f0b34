// Page object for the generate page: fill the form, submit, read the result cards.
import { expect, type Locator, type Page } from "@playwright/test";

export class GeneratePage {
  readonly prompt: Locator;
  readonly submit: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByLabel("Prompt");
    this.submit = page.getByRole("button", { name: /Generate/ });
    this.cards = page.getByTestId("image-card");
  }

  async goto() {
    await this.page.goto("/");
  }

  async fill(prompt: string, opts: { count?: number; size?: string } = {}) {
    await this.prompt.fill(prompt);
    await this.page.getByLabel("Size").selectOption(opts.size ?? "small");
    if (opts.count) await this.page.getByText(String(opts.count), { exact: true }).click();
  }

  async generate(prompt: string, opts: { count?: number } = {}) {
    await this.fill(prompt, opts);
    await this.submit.click();
  }

  /** Waits until no card is pending and returns the cards. */
  async settled(): Promise<Locator> {
    await expect(this.cards.first()).toBeVisible();
    await expect(this.page.locator('[data-testid="image-card"][data-status="pending"]')).toHaveCount(0);
    return this.cards;
  }

  async keyOf(card: Locator): Promise<string> {
    const key = await card.getAttribute("data-idempotency-key");
    if (!key) throw new Error("card has no idempotency key");
    return key;
  }
}
