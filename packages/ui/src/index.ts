// @switchyard/ui: the frame and the small pieces both apps render. The /usage dashboard is the
// separate entry @switchyard/ui/usage, so pages without it never load its charts.
export { AppShell } from "./AppShell.tsx";
export { CostPill } from "./CostPill.tsx";
export { ElapsedTimer } from "./ElapsedTimer.tsx";
export { RootDocument } from "./RootDocument.tsx";
export { RouteBadge } from "./RouteBadge.tsx";
