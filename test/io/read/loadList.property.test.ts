/**
 * Whatever bytes arrive, the loader gives a list (with its problems) or a HazeError with a documented
 * exit code: never a crash, a hang or a stray exception. Random bytes, and real fixtures mutated the way
 * files get damaged: bytes flipped, cut short, quotes, commas, line breaks and NULs dropped in.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { HazeError } from '../../../src/errors.js';
import { readList } from '../../../src/io/read/loadList.js';
import { handWrittenParts, titleRows, zipOf } from '../../fixtures/workbooks.js';

const dir = mkdtempSync(join(tmpdir(), 'haze-prop-'));
const FIXTURES = join(process.cwd(), 'test/fixtures');
const SEEDS = ['gbk-no-bom.csv', 'utf8-bom.csv', 'alias-headers.csv', 'title-rows.csv', 'formula-cells.csv', 'two-enterprises.csv'].map((f) =>
  readFileSync(join(FIXTURES, f)),
);
let workbook: Buffer;
beforeAll(async () => {
  workbook = readFileSync(await titleRows(dir));
});

let n = 0;
/** The outcome of loading these bytes: 'list' or 'exit N'; anything else thrown fails the property. */
async function outcome(bytes: Uint8Array, name = 'list.csv'): Promise<string> {
  const file = join(dir, `${n++}-${name}`);
  writeFileSync(file, bytes);
  try {
    const list = await readList(file);
    expect(Array.isArray(list.enterprises)).toBe(true);
    for (const p of list.problems) {
      expect(p.where.file).toBe(file);
      expect(typeof p.message.zh).toBe('string');
    }
    return 'list';
  } catch (err) {
    if (!(err instanceof HazeError)) throw err;
    expect([64, 65]).toContain(err.exitCode);
    expect(err.text.zh.length).toBeGreaterThan(0);
    return `exit ${err.exitCode}`;
  }
}

type Mutation = { at: number; kind: 'flip' | 'insert' | 'delete'; byte: number };
const INSERTS = [0x22, 0x2c, 0x0a, 0x0d, 0x00, 0x3d, 0xff, 0xe4, 0xef, 0xbb, 0xbf];

function mutate(seed: Buffer, ms: Mutation[], cut: number | null): Buffer {
  const b = [...seed];
  for (const m of ms) {
    const at = m.at % (b.length + 1);
    if (m.kind === 'flip' && at < b.length) b[at] = b[at]! ^ (m.byte || 1);
    else if (m.kind === 'insert') b.splice(at, 0, INSERTS[m.byte % INSERTS.length]!);
    else if (m.kind === 'delete') b.splice(at, 1);
  }
  const out = Buffer.from(b);
  return cut === null ? out : out.subarray(0, cut % (out.length + 1));
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('flip' as const, 'insert' as const, 'delete' as const),
  byte: fc.integer({ min: 0, max: 255 }),
});

test('random bytes: a list or a clear error', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
      await outcome(bytes);
    }),
    { numRuns: 150, seed: 20191208 },
  );
});

test('mutated real lists: a list or a clear error', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat(SEEDS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.option(fc.nat()), async (i, ms, cut) => {
      await outcome(mutate(SEEDS[i]!, ms, cut));
    }),
    { numRuns: 200, seed: 20191208 },
  );
});

test('mutated workbooks: a list or a clear error, never a hang', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.option(fc.nat()), async (ms, cut) => {
      await outcome(mutate(workbook, ms, cut), 'list.xlsx');
    }),
    { numRuns: 60, seed: 20191208 },
  );
});

/** Text mutations of a workbook's XML, each part still a valid zip entry: the reader's own parsing is what is tried. */
const XML_BITS = [
  '<',
  '>',
  '/',
  '"',
  '=',
  '&',
  '&#x0;',
  '&#99999999;',
  '_x00',
  ' r="A0"',
  ' t="s"',
  ' t="d"',
  ' s="99"',
  '<x:v>',
  '</x:c>',
  '<x:row>',
  '</x:row>',
  '<x:si>',
  'x:',
  '\u0000',
  '9'.repeat(40),
];
const xmlMutation = fc.record({ at: fc.nat(), remove: fc.nat(12), insert: fc.constantFrom(...XML_BITS) });

test('workbooks with damaged XML inside a sound zip: a list or a clear error', async () => {
  const parts = handWrittenParts();
  const seen: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.nat(parts.length - 1), fc.array(xmlMutation, { minLength: 1, maxLength: 6 }), async (i, ms) => {
      const damaged = parts.map(([name, xml, deflate]): [string, string, boolean?] => {
        if (parts[i]![0] !== name) return [name, xml, deflate];
        let text = xml;
        for (const m of ms) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
        }
        return [name, text, deflate];
      });
      seen.push(await outcome(zipOf(damaged), 'list.xlsx'));
    }),
    { numRuns: 300, seed: 20191208 },
  );
  // Both outcomes occur: the damage reaches the reader (266 lists and 34 exits 65 when written).
  expect(new Set(seen)).toEqual(new Set(['list', 'exit 65']));
});
