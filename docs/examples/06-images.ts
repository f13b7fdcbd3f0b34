// Chapter 6: images through the router. Generates one image on the healthy primary, then one with the
// primary down (failover to the backup), then repeats a request with the same idempotency key (no
// second generation). The PNGs go to a temporary folder.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";

const provider = await startLocalProvider();
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url });
const folder = mkdtempSync(join(tmpdir(), "switchyard-images-"));

// #region generate
async function generate(name: string, prompt: string, idempotencyKey: string) {
  const { images, routing } = await router.image(
    { prompt, size: "512x512", seed: 7 },
    { idempotencyKey, feature: "generate" },
  );
  const file = join(folder, `${name}.png`);
  writeFileSync(file, Buffer.from(images[0]!.b64Json!, "base64"));
  console.log(
    `${name}: ${routing.modelUsed} on ${routing.endpoint}, attempts ${routing.attempts}, ` +
      `failover ${routing.failover}, replay ${routing.replay}, $${routing.costUsd} -> ${file}`,
  );
}

await generate("lighthouse", "a lighthouse at dusk, watercolour", "img-1");
provider.control.setFaults("image-primary", { down: true }); // every call answers 503
await generate("fox", "a red fox in the snow", "img-2");
await generate("fox-again", "a red fox in the snow", "img-2"); // same key: the stored result
// #endregion

const calls = provider.control.log({ path: "/v1/images/generations" });
console.log(`upstream image calls: ${calls.map((c) => `${c.endpoint} ${c.status}`).join(", ")}`);
await router.close();
await provider.close();
