// Exact nearest neighbours by brute force in memory: the ground truth recall is measured against.
export function exactTopK(vectors: Float32Array[], ids: string[], query: number[], k: number): string[] {
  const q = Float32Array.from(query);
  let qn = 0;
  for (const x of q) qn += x * x;
  qn = Math.sqrt(qn);
  const scored: { id: string; sim: number }[] = [];
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    let dot = 0;
    let vn = 0;
    for (let d = 0; d < v.length; d++) {
      dot += v[d]! * q[d]!;
      vn += v[d]! * v[d]!;
    }
    scored.push({ id: ids[i]!, sim: dot / (Math.sqrt(vn) * qn) });
  }
  scored.sort((a, b) => b.sim - a.sim);
  return scored.slice(0, k).map((s) => s.id);
}

export function recallAtK(found: string[], truth: string[]): number {
  const expected = new Set(truth);
  return found.filter((id) => expected.has(id)).length / truth.length;
}
