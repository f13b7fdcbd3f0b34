// `pnpm --silent router:score < prompts.jsonl > scores.jsonl`: one {"score": x} line per input line, in
// order, and nothing else on stdout. Bad lines: {"score": null}, a numbered message on stderr, exit 1.
// `--app todo` adds "tier", as that app routes the prompt at its dial's default stop (or `--stop <name>`).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { appDialStop } from "../appDial.ts";
import { createComplexityClassifier } from "../classifier.ts";
import { ComplexityError } from "../errors.ts";
import { parsePromptLine, scoreLine } from "./scoreLines.ts";

const { values: args } = parseArgs({
  options: { app: { type: "string" }, stop: { type: "string" } },
  strict: true,
});
let classifier: ReturnType<typeof createComplexityClassifier>;
try {
  classifier = createComplexityClassifier({ app: args.app, stop: args.stop });
} catch (error) {
  if (!(error instanceof ComplexityError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
// Without --app the output stays {"score": x}.
const appThreshold = args.app === undefined ? undefined : appDialStop(args.app, args.stop).threshold;
const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
let lineNumber = 0;
let badLines = 0;
for await (const line of input) {
  lineNumber++;
  const parsed = parsePromptLine(line);
  if (!parsed.ok) {
    badLines++;
    process.stderr.write(`line ${lineNumber}: ${parsed.error}; wrote {"score": null}\n`);
    process.stdout.write(`${scoreLine(null, appThreshold)}\n`);
    continue;
  }
  const verdict = await classifier.classify({ messages: [{ role: "user", content: parsed.prompt }] });
  process.stdout.write(`${scoreLine(verdict.score, appThreshold)}\n`);
}
if (badLines > 0) {
  process.stderr.write(`${badLines} of ${lineNumber} lines could not be scored\n`);
  process.exitCode = 1;
}
