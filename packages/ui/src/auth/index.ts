// @switchyard/ui/auth: the sign-in page both apps mount at /sign-in, the header's user menu, and the
// messages a user sees when a budget or a rate limit stops a call.
export { safeNextPath } from "./authRequests.ts";
export { type ApiFailure, apiFailureOf, failureMessage, nextUtcMidnight } from "./limitMessages.ts";
export { SignInPage, type SignInPageProps, type SocialProvider } from "./SignInPage.tsx";
export { type SignedInUser, UserMenu } from "./UserMenu.tsx";
