// Page object for the shared sign-in page (@switchyard/ui/auth): create an account or sign in.
import type { Locator, Page } from "@playwright/test";
import type { E2EUser } from "@switchyard/tooling/e2eAuth";

export class SignInPage {
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.error = page.getByTestId("sign-in-error");
  }

  async createAccount(user: Pick<E2EUser, "name" | "email" | "password">) {
    await this.page.getByRole("tab", { name: "Create account" }).click();
    const form = this.page.getByRole("form", { name: "Create account" });
    await form.getByLabel("Name").fill(user.name);
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Password").fill(user.password);
    await form.getByRole("button", { name: "Create account" }).click();
  }
}
