// Page object for the import panel: choose a file, read the preview's rows, edit them, save.
import { expect, type Locator, type Page } from "@playwright/test";

export class ImportPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole("region", { name: "Import todos" });
  }

  get rows(): Locator {
    return this.panel.getByTestId("import-row");
  }

  title(row: number): Locator {
    return this.panel.getByLabel(`Title of row ${row}`);
  }

  /** Waits until a picture pasted anywhere on the page reaches the panel (its listener is on). */
  async listening() {
    await expect(this.panel).toHaveAttribute("data-listening", "true");
  }

  /** Chooses a file (a fixture path, or a name and bytes) and waits for the preview or an error. */
  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.panel.getByLabel("Import a file").setInputFiles(file);
    await expect(this.panel.getByText("Reading the file…")).toBeHidden({ timeout: 60_000 });
  }

  async saveButton(): Promise<Locator> {
    return this.panel.getByRole("button", { name: /^Save \d+ todos?$/ });
  }

  async save(count: number) {
    await this.panel.getByRole("button", { name: `Save ${count} ${count === 1 ? "todo" : "todos"}` }).click();
    await expect(this.panel.getByText(`Imported ${count} ${count === 1 ? "todo" : "todos"}.`)).toBeVisible();
  }
}
