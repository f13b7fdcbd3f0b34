// Page object for the assistant panel: tell it something, read its reply and its proposal cards.
import { expect, type Locator, type Page } from "@playwright/test";

export class AssistantPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole("region", { name: "Assistant" });
  }

  get cards(): Locator {
    return this.panel.getByTestId("proposal-card");
  }

  /** Sends a message and waits for the reply. */
  async tell(message: string) {
    await this.panel.getByLabel("Tell the assistant").fill(message);
    await this.panel.getByRole("button", { name: "Send" }).click();
    await expect(this.panel.getByTestId("assistant-reply")).toBeVisible({ timeout: 60_000 });
  }
}
