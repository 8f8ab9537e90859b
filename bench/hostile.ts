/**
 * Hostile workbooks of about 2 MB, timed to their refusal: `npm run bench:hostile`.
 * Each is a sound two-row list (test/fixtures/workbooks.ts) whose sheet is swapped for what no spreadsheet
 * program writes — the cases issue 13 found hanging or eating memory, and the worst that still passes every
 * bound. `haze validate` (or `haze record`, for a results workbook) runs on each in a fresh process; the table gives the workbook's size, what it
 * inflates to, the exit status, the wall time and the peak memory. The target: every one refused (exit 65)
 * in under 2 s, and within the memory of a normal list.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, createDeflateRaw } from 'node:zlib';
import { handWrittenParts, zipRaw, type RawEntry } from '../test/fixtures/workbooks.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAZE = path.join(repoRoot, 'bin/haze.js');
const GROUPS = path.join(repoRoot, 'data/xuebu/groups.yaml');
const SHEET = 'xl/worksheets/list.xml';
const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** `unit` repeated until `bytes`, deflated as a stream (2 GB of it is never held). */
async function deflatedRepeat(head: string, unit: string, bytes: number, tail: string): Promise<{ stored: Buffer; size: number; crc: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((ok) => z.once('end', ok));
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
  let size = 0;
  let crc = 0;
  const write = (b: Buffer) => {
    size += b.length;
    crc = crc32(b, crc);
    return new Promise<void>((ok) => (z.write(b) ? ok() : z.once('drain', ok)));
  };
  await write(Buffer.from(head));
  while (size + block.length <= bytes) await write(block);
  await write(Buffer.from(tail));
  z.end();
  await ended;
  return { stored: Buffer.concat(out), size, crc };
}

function workbookWith(sheet: RawEntry): Buffer {
  const own = handWrittenParts()
    .filter(([name]) => name !== SHEET)
    .map(([name, xml, deflate]): RawEntry => ({ name, data: Buffer.from(xml), deflate: deflate === true }));
  return zipRaw([...own, sheet]);
}

/** A sheet part written whole (small enough to hold). */
const sheetOf = (rows: string): RawEntry => ({
  name: SHEET,
  data: Buffer.from(`<x:worksheet ${NS}><x:sheetData>${rows}</x:sheetData></x:worksheet>`),
  deflate: true,
});

interface Case {
  name: string;
  build: () => Promise<{ bytes: Buffer; inflated: number }>;
  /** The command that reads it: a list (`validate`, the default) or inspectors' results (`record`). */
  reads?: 'list' | 'results';
}

const head = `<x:worksheet ${NS}><x:sheetData>`;
const tail = '</x:sheetData></x:worksheet>';
const whole = (entry: RawEntry) => ({ bytes: workbookWith(entry), inflated: entry.data.length });
const streamed = async (unit: string, bytes: number) => {
  const { stored, size, crc } = await deflatedRepeat(head, unit, bytes, tail);
  return { bytes: workbookWith({ name: SHEET, data: Buffer.alloc(0), stored, deflate: true, size, crc }), inflated: size };
};

const cases: Case[] = [
  { name: '2 GB of empty rows (<row/>)', build: () => streamed('<x:row/>', 2 * 1024 ** 3) },
  { name: '3 GB of whitespace between rows', build: () => streamed(' ', 3 * 1024 ** 3) },
  {
    name: 'empty rows numbered 1 to 1,200,000',
    build: async () => whole(sheetOf(Array.from({ length: 1_200_000 }, (_, i) => `<x:row r="${i + 1}"/>`).join(''))),
  },
  { name: '60 MB of empty cells, 16,000 to a row', build: () => streamed(`<x:row>${'<x:c/>'.repeat(16_000)}</x:row>`, 60 * 1024 ** 2) },
  { name: '7.5 MB of empty cells (under every bound: read through)', build: () => streamed(`<x:row>${'<x:c/>'.repeat(16_000)}</x:row>`, 7.5 * 1024 ** 2) },
  {
    name: 'results: 1,000,000 empty rows (read through, none held)',
    reads: 'results',
    build: async () => whole(sheetOf('<x:row/>'.repeat(1_000_000))),
  },
  { name: 'one row of 2,000,000 empty cells', build: async () => whole(sheetOf(`<x:row r="1">${'<x:c/>'.repeat(2_000_000)}</x:row>`)) },
];

function run(file: string, reads: 'list' | 'results'): { status: number | null; ms: number; rssMb: number; first: string } {
  const rssFile = `${file}.rss.json`;
  const probe = `${file}.probe.mjs`;
  writeFileSync(
    probe,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.HAZE_BENCH_RSS, JSON.stringify(process.resourceUsage())));\n",
  );
  const started = performance.now();
  const args = reads === 'list' ? ['validate', '--lang', 'en', '--groups', GROUPS, '--list', file] : ['record', '--lang', 'en', file];
  const r = spawnSync(process.execPath, ['--import', probe, HAZE, ...args], {
    cwd: path.dirname(file), // the sample town, its store (for record) in the temporary folder
    encoding: 'utf8',
    env: { ...process.env, HAZE_BENCH_RSS: rssFile },
    timeout: 120_000,
  });
  const ms = performance.now() - started;
  let rssMb = Number.NaN;
  try {
    rssMb = (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number }).maxRSS / 1024;
  } catch {
    // killed by the timeout: no figure
  }
  return { status: r.status, ms, rssMb, first: (r.stderr.split('\n').find((l) => l.startsWith('haze: ')) ?? '').replace(`haze: ${file}: `, '') };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'haze-bench-hostile-'));
  const rows: string[] = [];
  let worst = 0;
  try {
    for (const c of cases) {
      process.stderr.write(`${c.name}…\n`);
      const { bytes, inflated } = await c.build();
      const file = path.join(dir, 'hostile.xlsx');
      writeFileSync(file, bytes);
      const r = run(file, c.reads ?? 'list');
      worst = Math.max(worst, r.ms);
      rows.push(
        `| ${c.name} | ${(bytes.length / 1e6).toFixed(2)} MB | ${(inflated / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB | ${r.status} | ${(r.ms / 1000).toFixed(2)} | ${Math.round(r.rssMb)} | ${r.first} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`node ${process.version}; haze validate (record for results) on each, one run\n`);
  console.log('| workbook | size | inflates to | exit | time (s) | peak (MB) | message |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(r);
  console.log(`\nslowest: ${(worst / 1000).toFixed(2)} s (target: under 2 s each)`);
}

await main();
