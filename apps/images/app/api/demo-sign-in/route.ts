// POST /api/demo-sign-in: "Continue as demo user" on the sign-in page, outside production only (404 there).
import { demoSignInPOST } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const POST = demoSignInPOST;
