// A full garbage collection between blocks, so no path's block pays for the garbage the previous
// path's block left behind (the router allocates more than the direct path, and a major GC that
// lands in the next block would be charged to whichever path runs next).
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

export function collectGarbage(): void {
  gc();
}
