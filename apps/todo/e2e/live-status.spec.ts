import { liveStatusTests } from "@switchyard/tooling/liveStatusSpec";

liveStatusTests();
