// Page object for the gallery: list, similar-prompt search, delete.
import type { Locator, Page } from "@playwright/test";

export class GalleryPage {
  readonly items: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.items = page.getByTestId("gallery-item");
    this.search = page.getByLabel("Similar prompts");
  }

  async goto() {
    await this.page.goto("/gallery");
  }

  async searchSimilar(text: string) {
    await this.search.fill(text);
    await this.search.press("Enter");
    await this.page.waitForURL(/[?&]q=/);
  }

  item(prompt: string): Locator {
    return this.items.filter({
      has: this.page.getByTestId("gallery-prompt").getByText(prompt, { exact: true }),
    });
  }
}
