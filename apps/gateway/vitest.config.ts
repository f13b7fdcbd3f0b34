// The gateway's tests spawn gateway processes and the local provider: the shared, patient timeouts.
import { defineTestConfig } from "@switchyard/tooling/vitest";

export default defineTestConfig();
