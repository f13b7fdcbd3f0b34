import { EMBEDDING_CACHE_FILE, loadRows } from "./dataset.ts";
import { embedAllCached } from "./embeddingCache.ts";

const rows = loadRows();
const started = Date.now();
await embedAllCached(
  rows.map((row) => row.prompt),
  {
    cacheFile: EMBEDDING_CACHE_FILE,
    onProgress: (done, total) => {
      if (done % 400 < 8 || done === total)
        console.error(`${done}/${total} ${((Date.now() - started) / 1000).toFixed(0)}s`);
    },
  },
);
