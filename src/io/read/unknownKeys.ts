/**
 * Keys a config file has that its schema does not know — a misspelt `coverage_day` or `leadr` is otherwise
 * ignored without a word, and the default silently used. Found by walking the zod schema beside the value;
 * each comes with the closest known key when one is near ("did you mean").
 */
import type * as z from './schema.js';

export interface UnknownKey {
  /** Where it is, as a path of keys and indices. */
  path: (string | number)[];
  key: string;
  /** The known key it most likely meant, or null. */
  suggestion: string | null;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
};
const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function unknownKeys(schema: z.ZodMiniType, value: unknown, path: (string | number)[] = []): UnknownKey[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'catch':
    case 'readonly':
      return unknownKeys(def.innerType!, value, path);
    case 'pipe':
      return unknownKeys(def.in!, value, path);
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => unknownKeys(def.element!, v, [...path, i])) : [];
    case 'union':
      // The member the value fits best: the one with the fewest unknown keys.
      return (def.options ?? []).map((o) => unknownKeys(o, value, path)).sort((a, b) => a.length - b.length)[0] ?? [];
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
      const shape = def.shape!;
      const known = Object.keys(shape);
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        k in shape ? unknownKeys(shape[k]!, v, [...path, k]) : [{ path: [...path, k], key: k, suggestion: closest(k, known) }],
      );
    }
    default:
      return [];
  }
}

/** The known key within two edits of `key` (or containing it), nearest first; null when none is close. */
function closest(key: string, known: readonly string[]): string | null {
  let best: { k: string; d: number } | null = null;
  for (const k of known) {
    const d = k.startsWith(key) || key.startsWith(k) ? Math.abs(k.length - key.length) : editDistance(key, k);
    if (d <= 2 && (!best || d < best.d)) best = { k, d };
  }
  return best?.k ?? null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
