import { ApiError } from "@switchyard/server";
import { describe, expect, it } from "vitest";
import { BuildError } from "./buildChain.ts";
import { asApiError } from "./buildRoutes.ts";
import { ReviewError } from "./reviewTransitions.ts";

describe("asApiError", () => {
  it("maps build and review errors to statuses, even from another bundle's copy of the class", () => {
    const foreign = Object.assign(new Error("Revision 1 is not the latest (2)."), {
      name: "ReviewError",
      code: "stale_revision",
    });
    const cases = [
      [new BuildError("not_found", "This todo has no build."), 404],
      [new ReviewError("comment_required", "Say what should change."), 400],
      [foreign, 409],
    ] as const;
    for (const [error, status] of cases) {
      const mapped = asApiError(error);
      expect(mapped).toBeInstanceOf(ApiError);
      expect(mapped).toMatchObject({ status, code: error.code, message: error.message });
    }
    const other = new Error("boom");
    expect(asApiError(other)).toBe(other);
  });
});
