// @switchyard/ui/usage: the usage and reliability dashboard, the models page and the admin's
// gateway keys page both apps mount at /usage.
export { GatewayKeysPage } from "./GatewayKeysPage.tsx";
export { ModelsPage } from "./ModelsPage.tsx";
export { UsageDashboard } from "./UsageDashboard.tsx";
