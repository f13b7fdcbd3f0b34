export { AppShell } from "./AppShell.tsx";
export { CostPill } from "./CostPill.tsx";
export { ElapsedTimer } from "./ElapsedTimer.tsx";
export { formatUsd } from "./formatUsd.ts";
export { LiveStatus, type LiveStatusProps } from "./LiveStatus.tsx";
export { RootDocument } from "./RootDocument.tsx";
export { RouteBadge, type RouteBadgeProps } from "./RouteBadge.tsx";
export { ThemeToggle } from "./ThemeToggle.tsx";
export { themeScript } from "./themeScript.ts";
