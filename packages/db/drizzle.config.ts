import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this; migrations are applied in code (src/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
});
