// /usage/api/keys, admins only: GET the gateway's virtual keys; POST makes one (its secret answered
// once); DELETE ?id= revokes one. The admin's gateway keys page calls it.
import { gatewayKeyRoutes } from "@switchyard/server";

export const dynamic = "force-dynamic";

export const { GET, POST, DELETE } = gatewayKeyRoutes();
