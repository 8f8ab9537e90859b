/**
 * The starting point of the route solver (tsp.ts): distances in a flat matrix, each stop's nearest
 * neighbours, and a greedy-edge tour that local search then improves.
 */

/**
 * Distances as a flat n×n matrix, so the hot loop never calls back (8·n² bytes: 8 MB at 1000 stops,
 * 200 MB at 5000). Made symmetric by averaging d(i,j) and d(j,i): the moves below assume it; the
 * returned length uses the caller's own dist.
 */
export function distanceMatrix(n: number, dist: (i: number, j: number) => number): Float64Array {
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const forward = dist(i, j);
      const backward = dist(j, i);
      if (!Number.isFinite(forward) || !Number.isFinite(backward) || forward < 0 || backward < 0) {
        throw new RangeError(`solveTour: distance between ${i} and ${j} is not a finite non-negative number`);
      }
      const d = forward === backward ? forward : (forward + backward) / 2;
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
  }
  return matrix;
}

/** For each city its k nearest other cities, nearest first (ties by index, for determinism). */
export function candidateLists(n: number, matrix: Float64Array, k: number): Int32Array {
  const lists = new Int32Array(n * k);
  const best = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let size = 0;
    const row = i * n;
    const base = i * k;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = matrix[row + j]!;
      if (size === k && d >= best[k - 1]!) continue;
      // Insertion into the sorted prefix; equal distances keep the lower index first.
      let slot = size < k ? size++ : k - 1;
      while (slot > 0 && best[slot - 1]! > d) {
        best[slot] = best[slot - 1]!;
        lists[base + slot] = lists[base + slot - 1]!;
        slot--;
      }
      best[slot] = d;
      lists[base + slot] = j;
    }
  }
  return lists;
}

/**
 * Greedy edge construction: take candidate edges shortest first while no city gets degree 3 and no
 * short cycle closes; then chain the fragments, each time to the nearest free fragment end.
 */
export function greedyTour(n: number, matrix: Float64Array, candidates: Int32Array): Int32Array {
  const k = candidates.length / n;
  const edges: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      const j = candidates[i * k + r]!;
      if (i < j) edges.push(i * n + j);
    }
  }
  edges.sort((a, b) => matrix[a]! - matrix[b]! || a - b);
  const degree = new Uint8Array(n);
  const link = new Int32Array(2 * n).fill(-1); // two adjacency slots per city
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  const join = (a: number, b: number): void => {
    link[2 * a + degree[a]!] = b;
    link[2 * b + degree[b]!] = a;
    degree[a]!++;
    degree[b]!++;
    parent[root(a)] = root(b);
  };
  for (const e of edges) {
    const a = Math.floor(e / n);
    const b = e - a * n;
    if (degree[a]! < 2 && degree[b]! < 2 && root(a) !== root(b)) join(a, b);
  }
  // Walk fragment by fragment from the first fragment end; at each far end jump to the nearest free end.
  const tour = new Int32Array(n);
  const visited = new Uint8Array(n);
  let start = 0;
  while (degree[start] === 2 && start < n - 1) start++; // a fragment end (exists unless already a cycle)
  let count = 0;
  let current = start;
  for (;;) {
    // Walk along the fragment from `current`.
    let previous = -1;
    for (;;) {
      tour[count++] = current;
      visited[current] = 1;
      const a = link[2 * current]!;
      const b = link[2 * current + 1]!;
      const next = a !== -1 && a !== previous && visited[a] === 0 ? a : b !== -1 && b !== previous && visited[b] === 0 ? b : -1;
      if (next === -1) break;
      previous = current;
      current = next;
    }
    if (count === n) break;
    let nearest = -1;
    let nearestDistance = Infinity;
    const row = current * n;
    for (let v = 0; v < n; v++) {
      if (visited[v] === 0 && degree[v]! < 2 && matrix[row + v]! < nearestDistance) {
        nearestDistance = matrix[row + v]!;
        nearest = v;
      }
    }
    current = nearest;
  }
  return tour;
}
