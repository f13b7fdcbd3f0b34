// The helpers every benchmark shares, so their reports compute and state figures the same way.
export { type MachineFacts, machineFacts, machineFactsMarkdown } from "./machineFacts.ts";
export { percentile, percentileSorted, round, type Summary, summarize } from "./percentiles.ts";
