// better-auth's standard routes under /api/auth/* (sign-up, sign-in, sign-out, session), shared with the
// todo app through one database and one secret; sign-in and sign-up are rate-limited per IP.
import { authRoutes } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const { GET, POST } = authRoutes();
