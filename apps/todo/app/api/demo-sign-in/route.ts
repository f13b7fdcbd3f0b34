// POST: "Continue as demo user" on the sign-in page. Outside production only (404 in production).
import { demoSignInPOST } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const POST = demoSignInPOST;
