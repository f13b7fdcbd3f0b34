// The machine facts every benchmark report states: figures mean little without the Node version, the
// cores and how busy the machine was when the run started.
import os from "node:os";

export interface MachineFacts {
  node: string;
  platform: string;
  cpuModel: string;
  cores: number;
  totalMemoryGiB: number;
  /** 1-minute load average when the run started: above the core count means a busy machine. */
  loadAverageAtStart: number;
  startedAt: string;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
    startedAt: new Date().toISOString(),
  };
}

export function machineFactsMarkdown(m: MachineFacts): string {
  const busy =
    m.loadAverageAtStart > m.cores * 0.5 ? " (busy: other work shared the cores; figures are noisy)" : "";
  return [
    `- Node ${m.node} on ${m.platform}`,
    `- CPU: ${m.cpuModel}, ${m.cores} cores available, ${m.totalMemoryGiB} GiB RAM`,
    `- Load average (1 min) at start: ${m.loadAverageAtStart}${busy}`,
    `- Run started ${m.startedAt}`,
  ].join("\n");
}
