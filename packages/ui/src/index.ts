export { AppShell } from "./AppShell";
export { ElapsedTimer } from "./ElapsedTimer";
export { LiveStatus, type LiveStatusProps } from "./LiveStatus";
export { ThemeToggle, themeScript } from "./ThemeToggle";
export { CostPill } from "./CostPill";
export { formatUsd } from "./formatUsd";
export { RouteBadge, type RouteBadgeProps } from "./RouteBadge";
