export { AppShell } from "./AppShell";
export { LiveStatus, type LiveStatusProps } from "./LiveStatus";
