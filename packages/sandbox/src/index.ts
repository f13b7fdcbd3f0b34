// @switchyard/sandbox: run generated code and its tests where it can do no harm. See README.md.
export { runInSandbox } from "./runInSandbox.ts";
export { SandboxUnavailableError } from "./sandboxErrors.ts";
export {
  type SandboxInput,
  type SandboxResult,
  STOP_REASONS,
  type StopInfo,
  type StopReason,
  type TestResult,
} from "./sandboxTypes.ts";
export { transpileForSandbox } from "./transpile.ts";
