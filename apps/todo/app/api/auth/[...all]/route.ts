// better-auth's own routes under /api/auth/* (sign-up, sign-in, sign-out, session, OAuth), limited per IP.
import { authRoutes } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const { GET, POST } = authRoutes();
