import type { ViteUserConfig } from "vitest/config";

export function defineTestConfig(extra?: ViteUserConfig): ViteUserConfig;
