export { AppShell } from "./AppShell";
export { CostPill } from "./CostPill";
export { ElapsedTimer } from "./ElapsedTimer";
export { formatUsd } from "./formatUsd";
export { LiveStatus, type LiveStatusProps } from "./LiveStatus";
export { RootDocument } from "./RootDocument";
export { RouteBadge, type RouteBadgeProps } from "./RouteBadge";
export { ThemeToggle } from "./ThemeToggle";
export { themeScript } from "./themeScript";
