// The review state machine. A review applies to the latest revision only, and only while it waits for
// one; nothing is applied without an explicit approval.
import type { Build, BuildStatus, ReviewEntry } from "./buildTypes.ts";

export type ReviewAction = ReviewEntry["action"];

export class ReviewError extends Error {
  override readonly name = "ReviewError";
  constructor(
    readonly code: "not_reviewable" | "stale_revision" | "comment_required",
    message: string,
  ) {
    super(message);
  }
}

// #region review
const NEXT: Record<ReviewAction, BuildStatus> = {
  approve: "approved",
  request_changes: "coding",
  reject: "rejected",
};

export function applyReview(
  build: Build,
  action: ReviewAction,
  revision: number,
  comment: string,
  now = new Date(),
): Build {
  const latest = build.revisions.at(-1);
  if (build.status !== "awaiting_review" || !latest)
    throw new ReviewError(
      "not_reviewable",
      `This build is ${build.status.replace("_", " ")}, not waiting for a review.`,
    );
  if (revision !== latest.n)
    throw new ReviewError("stale_revision", `Revision ${revision} is not the latest (${latest.n}).`);
  if (action === "request_changes" && !comment.trim())
    throw new ReviewError("comment_required", "Say what should change.");
  return {
    ...build,
    status: NEXT[action],
    reviews: [...build.reviews, { revision, action, comment: comment.trim(), at: now.toISOString() }],
    updatedAt: now.toISOString(),
  };
}
// #endregion

/** A review that was already applied (a retried request): same revision, same action. */
export function alreadyApplied(build: Build, action: ReviewAction, revision: number): boolean {
  const last = build.reviews.at(-1);
  return last?.revision === revision && last.action === action;
}
