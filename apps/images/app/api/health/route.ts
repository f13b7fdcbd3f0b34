export { healthGET as GET } from "@switchyard/server";

export const dynamic = "force-dynamic";
