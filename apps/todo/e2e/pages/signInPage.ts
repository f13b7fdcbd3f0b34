// Page object for the shared sign-in page (@switchyard/ui/auth): what a user types and clicks.
import { expect, type Locator, type Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
    await expect(this.page.getByRole("form", { name: "Sign in" })).toBeVisible();
  }

  get error(): Locator {
    return this.page.getByTestId("sign-in-error");
  }

  get demoButton(): Locator {
    return this.page.getByRole("button", { name: "Continue as demo user" });
  }

  async signIn(user: { email: string; password: string }) {
    await this.page.getByRole("tab", { name: "Sign in" }).click();
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async signUp(user: { name: string; email: string; password: string }) {
    await this.page.getByRole("tab", { name: "Create account" }).click();
    await this.page.getByLabel("Name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account", exact: true }).click();
  }
}
