// `pnpm --filter @switchyard/local-provider bench:ocr`: how long the local provider's OCR takes — the
// worker's start with its first picture, then screenshots of printed lines at two sizes (median of 5).
// Prints a Markdown table with the machine's facts; a busy machine is said to be busy.
import { machineFacts, machineFactsMarkdown, percentileSorted } from "@switchyard/measure";
import { closeOcr, readImageText } from "../src/ocrReader.ts";
import { printedTextPng } from "../src/testing/printedText.ts";

const ROUNDS = 5;
const LINES = [
  "Groceries for Saturday",
  "Renew the car insurance by Friday",
  "Book a dentist appointment",
  "Call the plumber about the leak",
  "Water the plants",
  "File the VAT return before 31 January",
  "Pick up the dry cleaning",
  "Email Sam about the budget",
];
const pictures = [
  { name: "1280x720, 8 lines", png: printedTextPng(LINES) },
  {
    name: "1920x1080, 16 lines",
    png: printedTextPng([...LINES, ...LINES.map((l) => `${l} again`)], 1920, 1080, 32),
  },
];

const machine = machineFacts();
const timed = async (png: Buffer) => {
  const started = performance.now();
  await readImageText(png);
  return performance.now() - started;
};
const rows = [`| first picture, worker start included | ${(await timed(pictures[0]!.png)).toFixed(0)} | 1 |`];
for (const { name, png } of pictures) {
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) ms.push(await timed(png));
  ms.sort((a, b) => a - b);
  rows.push(
    `| ${name} (${Math.round(png.length / 1024)} KiB PNG) | ${percentileSorted(ms, 50).toFixed(0)} | ${ROUNDS} |`,
  );
}
await closeOcr();
console.log(
  [
    "# OCR latency",
    "",
    machineFactsMarkdown(machine),
    "",
    "| picture | median ms | runs |",
    "| --- | ---: | ---: |",
    ...rows,
  ].join("\n"),
);
