// Chapter 7: the stress experiment in miniature, in one process and without the Next app. 200
// concurrent image requests, each with its own idempotency key, through the images app's generation
// queue and the router, while the primary image endpoint is throttled by a token bucket.
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";
import { GenerationQueue } from "../../apps/images/lib/generation/generationQueue.ts";

const REQUESTS = Number(process.env.REQUESTS ?? 200);
const provider = await startLocalProvider();
const router = createRouter({ app: "tutorial", localProviderUrl: provider.url });
const queue = new GenerationQueue({ concurrency: 24, maxQueue: 2000 }); // the app's defaults

// #region fire
provider.control.setFaults("image-primary", {
  throttle: { capacity: 10, refillPerSecond: 25, retryAfterSeconds: 1 }, // as in bench:stress
});
const started = performance.now();
const results = await Promise.allSettled(
  Array.from({ length: REQUESTS }, (_, i) =>
    queue.run("image-primary", () =>
      router.image(
        { prompt: `a lighthouse, variation ${i}`, size: "64x64" },
        { idempotencyKey: `stress-${i}` },
      ),
    ),
  ),
);
const wallS = (performance.now() - started) / 1000;
// #endregion

// #region count
const ok = results.filter((r) => r.status === "fulfilled");
const byBackup = ok.filter((r) => r.value.routing.endpoint === "local:image-backup").length;
const calls = provider.control.log({ path: "/v1/images/generations" });
const okPerKey = new Map<string, number>();
for (const c of calls)
  if (c.status === 200) okPerKey.set(c.idempotencyKey!, (okPerKey.get(c.idempotencyKey!) ?? 0) + 1);
const duplicates = [...okPerKey.values()].filter((n) => n > 1).length;
const byStatus = new Map<string, number>();
for (const c of calls)
  byStatus.set(`${c.endpoint} ${c.status}`, (byStatus.get(`${c.endpoint} ${c.status}`) ?? 0) + 1);

console.log(`requests ${REQUESTS}, succeeded ${ok.length}, failed ${REQUESTS - ok.length}`);
console.log(`served by the backup ${((100 * byBackup) / ok.length).toFixed(1)}%, duplicates ${duplicates}`);
console.log(`upstream calls: ${[...byStatus].map(([k, n]) => `${k}: ${n}`).join(", ")}`);
console.log(`wall time ${wallS.toFixed(1)} s`);
// #endregion

await router.close();
await provider.close();
