// @switchyard/ui/usage: the usage and reliability dashboard both apps mount at /usage.
export { UsageDashboard } from "./UsageDashboard.tsx";
