// @switchyard/ui/usage: the usage and reliability dashboard and the models page both apps mount at /usage.
export { ModelsPage } from "./ModelsPage.tsx";
export { UsageDashboard } from "./UsageDashboard.tsx";
