/**
 * Local search for the route solver (tsp.ts): 2-opt, Or-opt and sequential 3-opt moves over candidate
 * neighbour lists with don't-look bits, and the double-bridge kick with its undo.
 */

/** Longest segment Or-opt moves. */
const OR_OPT_MAX_SEGMENT = 3;

/**
 * The tour as an array of cities plus each city's position: succ/pred in O(1), a 2-opt move reverses
 * the shorter of the two paths. Every reversal can be journalled so a rejected kick can be undone.
 */
export class LocalSearch {
  readonly n: number;
  readonly matrix: Float64Array;
  readonly candidates: Int32Array;
  /** candidateDistance[i·k + r] = distance from i to its r-th candidate: the inner loops stay in one small array. */
  private readonly candidateDistance: Float64Array;
  readonly k: number;
  readonly city: Int32Array;
  readonly pos: Int32Array;
  /** Queue of cities whose don't-look bit is off; inQueue is the bit. */
  private readonly queue: Int32Array;
  private readonly inQueue: Uint8Array;
  private head = 0;
  private size = 0;
  /** Gains below this count as zero, so float rounding cannot make the search cycle. */
  readonly epsilon: number;
  /** Reversals done since the last kick, as (first position, length) pairs, so a rejected kick can be undone. */
  private readonly journal: number[] = [];
  journalling = false;
  private kickAt = 0;
  private kickL1 = 0;
  private kickL2 = 0;
  private readonly kickBuffer: Int32Array;

  constructor(n: number, matrix: Float64Array, candidates: Int32Array, tour: Int32Array) {
    this.n = n;
    this.matrix = matrix;
    this.candidates = candidates;
    this.k = candidates.length / n;
    this.candidateDistance = new Float64Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) this.candidateDistance[i] = matrix[Math.floor(i / this.k) * n + candidates[i]!]!;
    this.city = tour;
    this.pos = new Int32Array(n);
    for (let p = 0; p < n; p++) this.pos[tour[p]!] = p;
    this.queue = new Int32Array(n);
    this.inQueue = new Uint8Array(n);
    let longest = 0;
    for (let i = 0; i < matrix.length; i++) if (matrix[i]! > longest) longest = matrix[i]!;
    this.epsilon = longest * 1e-9;
    this.kickBuffer = new Int32Array(n);
  }

  succ(c: number): number {
    const p = this.pos[c]! + 1;
    return this.city[p === this.n ? 0 : p]!;
  }

  pred(c: number): number {
    const p = this.pos[c]!;
    return this.city[p === 0 ? this.n - 1 : p - 1]!;
  }

  /** The city after c when the tour is read forward (forward = true) or backward. */
  private next(forward: boolean, c: number): number {
    return forward ? this.succ(c) : this.pred(c);
  }

  private prev(forward: boolean, c: number): number {
    return forward ? this.pred(c) : this.succ(c);
  }

  /** Steps from city `from` to city c, reading the tour forward or backward. */
  private offset(forward: boolean, from: number, c: number): number {
    const o = forward ? this.pos[c]! - this.pos[from]! : this.pos[from]! - this.pos[c]!;
    return o < 0 ? o + this.n : o;
  }

  length(): number {
    let total = 0;
    const { n, city, matrix } = this;
    for (let p = 0; p < n; p++) total += matrix[city[p]! * n + city[p + 1 === n ? 0 : p + 1]!]!;
    return total;
  }

  push(c: number): void {
    if (this.inQueue[c] === 1) return;
    this.inQueue[c] = 1;
    let tail = this.head + this.size;
    if (tail >= this.n) tail -= this.n;
    this.queue[tail] = c;
    this.size++;
  }

  private pop(): number {
    const c = this.queue[this.head]!;
    this.head = this.head + 1 === this.n ? 0 : this.head + 1;
    this.size--;
    this.inQueue[c] = 0;
    return c;
  }

  /** Reverses positions first..first+length-1 (cyclically). Its own inverse. */
  private reversePositions(first: number, length: number): void {
    const { n, city, pos } = this;
    let i = first;
    let j = first + length - 1;
    if (j >= n) j -= n;
    for (let s = length >> 1; s > 0; s--) {
      const a = city[i]!;
      const b = city[j]!;
      city[i] = b;
      pos[b] = i;
      city[j] = a;
      pos[a] = j;
      if (++i === n) i = 0;
      if (--j < 0) j = n - 1;
    }
  }

  /** Reverses the path from city `from` forward to city `to`, or the complement when shorter (same cycle, mirrored). */
  private reversePath(from: number, to: number): void {
    const n = this.n;
    let first = this.pos[from]!;
    let length = this.pos[to]! - first;
    if (length < 0) length += n;
    length += 1;
    if (2 * length > n) {
      first = this.pos[to]! + 1;
      if (first === n) first = 0;
      length = n - length;
    }
    if (length < 2) return;
    if (this.journalling) this.journal.push(first, length);
    this.reversePositions(first, length);
  }

  /** Removes edges (a,b) and (c,d) and adds (a,c) and (b,d); b follows a and d follows c in the same direction. */
  private move2(a: number, b: number, c: number, d: number): void {
    if (this.succ(a) === b) this.reversePath(b, c);
    else this.reversePath(a, d);
  }

  /** Local search until no queued city has an improving move; returns the total gain. */
  run(): number {
    let gain = 0;
    while (this.size > 0) {
      const a = this.pop();
      const g = this.improveCity(a);
      if (g > 0) {
        gain += g;
        this.push(a);
      }
    }
    return gain;
  }

  improveAll(): number {
    for (let p = 0; p < this.n; p++) this.push(this.city[p]!);
    return this.run();
  }

  /** First improving 2-opt, Or-opt or sequential 3-opt move around city a, applied; returns its gain or 0. */
  private improveCity(a: number): number {
    let g = this.twoOpt(a, true);
    if (g > 0) return g;
    g = this.twoOpt(a, false);
    if (g > 0) return g;
    g = this.orOpt(a);
    if (g > 0) return g;
    g = this.threeOpt(a, true);
    if (g > 0) return g;
    return this.threeOpt(a, false);
  }

  private twoOpt(a: number, forward: boolean): number {
    const { n, matrix, candidates, candidateDistance, k, epsilon } = this;
    const b = forward ? this.succ(a) : this.pred(a);
    const dab = matrix[a * n + b]!;
    const base = a * k;
    for (let r = 0; r < k; r++) {
      const c = candidates[base + r]!;
      const g1 = dab - candidateDistance[base + r]!;
      if (g1 <= epsilon) break;
      const d = forward ? this.succ(c) : this.pred(c);
      if (c === b || d === a) continue;
      const gain = g1 + matrix[c * n + d]! - matrix[b * n + d]!;
      if (gain > epsilon) {
        this.move2(a, b, c, d);
        this.push(b);
        this.push(c);
        this.push(d);
        return gain;
      }
    }
    return 0;
  }

  /** Moves a segment of 1..3 cities that starts or ends at a, in either orientation, between two neighbours. */
  private orOpt(a: number): number {
    const maxLength = Math.min(OR_OPT_MAX_SEGMENT, this.n - 3);
    let s2 = a;
    for (let length = 1; length <= maxLength; length++) {
      const g = this.orOptSegment(a, s2, length);
      if (g > 0) return g;
      s2 = this.succ(s2);
    }
    let s1 = this.pred(a);
    for (let length = 2; length <= maxLength; length++) {
      const g = this.orOptSegment(s1, a, length);
      if (g > 0) return g;
      s1 = this.pred(s1);
    }
    return 0;
  }

  /** Tries to move the segment s1..s2 (forward, `length` cities) elsewhere; applies the first improving insertion. */
  private orOptSegment(s1: number, s2: number, length: number): number {
    const { n, matrix, candidates, candidateDistance, k, epsilon, pos } = this;
    const p = this.pred(s1);
    const nx = this.succ(s2);
    const removeGain = matrix[p * n + s1]! + matrix[s2 * n + nx]! - matrix[p * n + nx]!;
    if (removeGain <= epsilon) return 0;
    const first = pos[s1]!;
    for (let end = 0; end < 2; end++) {
      const e = end === 0 ? s1 : s2;
      const other = end === 0 ? s2 : s1;
      const base = e * k;
      for (let r = 0; r < k; r++) {
        const c = candidates[base + r]!;
        const dec = candidateDistance[base + r]!;
        if (removeGain - dec <= epsilon) break;
        let offset = pos[c]! - first;
        if (offset < 0) offset += n;
        if (offset < length) continue; // c lies in the segment
        // Insert between c and its successor: c e .. other succ(c).
        if (c !== p) {
          const y = this.succ(c);
          const gain = removeGain + matrix[c * n + y]! - dec - matrix[other * n + y]!;
          if (gain > epsilon) {
            this.moveSegment(s1, s2, p, nx, c, y, e === s2);
            return gain;
          }
        }
        // Insert between its predecessor and c: pred(c) other .. e c.
        if (c !== nx) {
          const x = this.pred(c);
          const gain = removeGain + matrix[x * n + c]! - dec - matrix[x * n + other]!;
          if (gain > epsilon) {
            this.moveSegment(s1, s2, p, nx, x, c, e === s1);
            return gain;
          }
        }
      }
    }
    return 0;
  }

  /**
   * Moves segment s1..s2 (between p and nx) between x and y = succ(x), as two or three reversals:
   * reversed gives x s2..s1 y, otherwise x s1..s2 y.
   */
  private moveSegment(s1: number, s2: number, p: number, nx: number, x: number, y: number, reversed: boolean): void {
    this.move2(p, s1, x, y);
    this.move2(p, x, nx, s2);
    if (!reversed) this.move2(x, s2, s1, y);
    this.push(p);
    this.push(nx);
    this.push(s1);
    this.push(s2);
    this.push(x);
    this.push(y);
  }

  /**
   * Sequential 3-opt (Lin–Kernighan to depth 3): remove (t1,t2), add (t2,t3), remove (t3,t4),
   * add (t4,t5), remove (t5,t6), add (t6,t1), with t3 and t5 from candidate lists and every partial
   * sum positive. Moves are read in direction `forward` (t2 follows t1); the mirror covers the rest.
   */
  private threeOpt(t1: number, forward: boolean): number {
    const { n, matrix, candidates, candidateDistance, k, epsilon } = this;
    const t2 = this.next(forward, t1);
    const d12 = matrix[t1 * n + t2]!;
    for (let r3 = 0; r3 < k; r3++) {
      const t3 = candidates[t2 * k + r3]!;
      const g1 = d12 - candidateDistance[t2 * k + r3]!;
      if (g1 <= epsilon) break;
      if (t3 === t1 || t3 === this.next(forward, t2)) continue;
      const o3 = this.offset(forward, t2, t3);

      // t4 after t3: closing now would split the tour, so t5 must lie on the path t2..t3.
      const t4a = this.next(forward, t3);
      if (t4a !== t1) {
        const g1a = g1 + matrix[t3 * n + t4a]!;
        for (let r5 = 0; r5 < k; r5++) {
          const t5 = candidates[t4a * k + r5]!;
          const g2 = g1a - candidateDistance[t4a * k + r5]!;
          if (g2 <= epsilon) break;
          if (this.offset(forward, t2, t5) > o3) continue;
          if (t5 !== t3) {
            // t1 [t2..t5] [t6..t3] t4 → t1 [t6..t3] [t2..t5] t4: the two paths swap places.
            const t6 = this.next(forward, t5);
            const gain = g2 + matrix[t5 * n + t6]! - matrix[t6 * n + t1]!;
            if (gain > epsilon) {
              this.move2(t1, t2, t3, t4a);
              this.move2(t1, t3, t6, t5);
              this.move2(t3, t5, t2, t4a);
              this.pushAll(t1, t2, t3, t4a, t5, t6);
              return gain;
            }
          }
          if (t5 !== t2) {
            // t1 [t2..t6] [t5..t3] t4 → t1 [t6..t2] [t3..t5] t4: both paths reversed in place.
            const t6 = this.prev(forward, t5);
            const gain = g2 + matrix[t5 * n + t6]! - matrix[t6 * n + t1]!;
            if (gain > epsilon) {
              this.move2(t1, t2, t6, t5);
              this.move2(t2, t5, t3, t4a);
              this.pushAll(t1, t2, t3, t4a, t5, t6);
              return gain;
            }
          }
        }
      }

      // t4 before t3: the 2-opt move t1 t4..t2 t3 (twoOpt tries it closed), then one more 2-opt from (t1,t4).
      const t4b = this.prev(forward, t3);
      const g1b = g1 + matrix[t3 * n + t4b]!;
      for (let r5 = 0; r5 < k; r5++) {
        const t5 = candidates[t4b * k + r5]!;
        const g2 = g1b - candidateDistance[t4b * k + r5]!;
        if (g2 <= epsilon) break;
        if (t5 === t3 || t5 === t1) continue;
        // t6 precedes t5 in the tour after the first 2-opt move, where t2..t4 runs backwards.
        const t6 = this.offset(forward, t2, t5) < o3 ? this.next(forward, t5) : this.prev(forward, t5);
        if (t6 === t1) continue;
        const gain = g2 + matrix[t5 * n + t6]! - matrix[t6 * n + t1]!;
        if (gain > epsilon) {
          this.move2(t1, t2, t4b, t3);
          this.move2(t1, t4b, t6, t5);
          this.pushAll(t1, t2, t3, t4b, t5, t6);
          return gain;
        }
      }
    }
    return 0;
  }

  private pushAll(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.push(a);
    this.push(b);
    this.push(c);
    this.push(d);
    this.push(e);
    this.push(f);
  }

  /**
   * Double bridge: after position `at`, swap the next two segments (lengths l1, l2):
   * a A B z becomes a B A z. Returns the change in length; remembered so undo can swap back.
   */
  kick(at: number, l1: number, l2: number): number {
    const { n, city, matrix } = this;
    // at < n and l1 + l2 <= n - 2, so one wrap-around at most.
    const a = city[at]!;
    const a1 = city[(at + 1) % n]!;
    const a2 = city[(at + l1) % n]!;
    const b1 = city[(at + l1 + 1) % n]!;
    const b2 = city[(at + l1 + l2) % n]!;
    const z = city[(at + l1 + l2 + 1) % n]!;
    const delta = matrix[a * n + b1]! + matrix[b2 * n + a1]! + matrix[a2 * n + z]! - matrix[a * n + a1]! - matrix[a2 * n + b1]! - matrix[b2 * n + z]!;
    this.swapSegments(at, l1, l2);
    this.kickAt = at;
    this.kickL1 = l1;
    this.kickL2 = l2;
    this.journal.length = 0;
    this.push(a);
    this.push(a1);
    this.push(a2);
    this.push(b1);
    this.push(b2);
    this.push(z);
    return delta;
  }

  private swapSegments(at: number, l1: number, l2: number): void {
    const { n, city, pos, kickBuffer } = this;
    const total = l1 + l2;
    let p = at + 1;
    for (let t = 0; t < total; t++) {
      if (p >= n) p -= n;
      kickBuffer[t] = city[p++]!;
    }
    p = at + 1;
    for (let t = 0; t < total; t++) {
      if (p >= n) p -= n;
      const c = kickBuffer[t < l2 ? l1 + t : t - l2]!;
      city[p] = c;
      pos[c] = p++;
    }
  }

  /** Undoes the last kick and the reversals journalled since, newest first (each reversal is its own inverse). */
  undoKick(): void {
    const journal = this.journal;
    for (let t = journal.length - 2; t >= 0; t -= 2) this.reversePositions(journal[t]!, journal[t + 1]!);
    journal.length = 0;
    this.swapSegments(this.kickAt, this.kickL2, this.kickL1);
  }
}
