/**
 * List loading at scale: `npm run bench:load [-- --sizes 1000,10000,100000 --runs 1]`.
 * Writes lists of the given sizes (UTF-8 and GB18030, fixed seed) to a temporary folder, then times, each
 * in a fresh process: a bare csv-parse pass over the file (decode + split, nothing else), `haze validate`,
 * and `haze measures --format csv` (stdout to /dev/null); then the same list as an .xlsx. Prints rows per
 * second, the ratio to the bare pass, and each process's peak memory (max RSS). A markdown table on stdout;
 * progress on stderr.
 * With `--parse-only FILE ENCODING` it is the bare pass itself (what the child processes run).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { readList } from '../src/io/read/loadList.js';
import { listText } from './listText.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAZE = path.join(repoRoot, 'bin/haze.js');
const GROUPS = path.join(repoRoot, 'data/xuebu/groups.yaml');
const SELF = fileURLToPath(import.meta.url);

interface Timed {
  /** Wall-clock milliseconds, start-up included. */
  ms: number;
  /** CPU milliseconds (user + system) the process used: steadier than wall time on a shared machine. */
  cpuMs: number;
  rssMb: number;
  status: number | null;
}

/** A child process timed from outside, its peak memory reported from inside (process.resourceUsage). */
function timed(args: string[], probe: string, rssFile: string): Timed {
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', probe, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', HAZE_BENCH_RSS: rssFile },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  let rssMb = Number.NaN;
  let cpuMs = Number.NaN;
  try {
    const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    rssMb = usage.maxRSS / 1024;
    cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  } catch {
    /* the child died before its exit hook */
  }
  if (r.status !== 0 && r.status !== 65) process.stderr.write(`  ${args.join(' ')} → exit ${r.status}: ${r.stderr.toString().slice(0, 400)}\n`);
  return { ms, cpuMs, rssMb, status: r.status };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The bare pass: decode in the known encoding and split with csv-parse; count records. */
async function parseOnly(file: string, encoding: string): Promise<void> {
  const decoder = new TextDecoder(encoding);
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  }
  // Records read the way the loader reads them (a read() loop, not a promise per record): the fair floor.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true });
  let records = 0;
  parser.on('readable', () => {
    while (parser.read() !== null) records++;
  });
  await pipeline(Readable.from(text()), parser);
  process.stderr.write(`${records}\n`);
}

/**
 * The list as Excel saves it: a workbook with shared strings, numbers stored as numbers (codes and phones
 * stay text, as a list keeps them so that Excel does not mangle them).
 */
async function writeWorkbook(text: string, file: string): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('清单');
  const numeric = new Set([9, 10, 11, 12, 13, 14, 15]);
  text
    .trimEnd()
    .split('\n')
    .forEach((line, n) => {
      const cells = line.split(',');
      ws.addRow(n === 0 ? cells : cells.map((c, i) => (numeric.has(i) && c !== '' ? Number(c) : c))).commit();
    });
  await ws.commit();
  await wb.commit();
}

/** The loader alone, in a process of its own without the CLI's start-up: readList, nothing after it. */
async function loadOnly(file: string): Promise<void> {
  const list = await readList(file);
  process.stderr.write(`${list.enterprises.length}\n`);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--parse-only') return parseOnly(argv[1]!, argv[2]!);
  if (argv[0] === '--load-only') return loadOnly(argv[1]!);
  let sizes = [1000, 10000, 100000];
  let runs = 1;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') sizes = argv[++i]!.split(',').map(Number);
    else if (argv[i] === '--runs') runs = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]} (use --sizes 1000,10000 --runs N)`);
  }
  const dir = path.join(tmpdir(), 'haze-bench-load');
  mkdirSync(dir, { recursive: true });
  const probe = path.join(dir, 'rss-probe.mjs');
  writeFileSync(
    probe,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.HAZE_BENCH_RSS) writeFileSync(process.env.HAZE_BENCH_RSS, JSON.stringify(process.resourceUsage())); });\n",
  );
  const rssFile = path.join(dir, 'rss.txt');
  const lines = [
    '| rows | encoding | MB | parse rows/s | load rows/s | validate rows/s | measures rows/s | load ÷ parse | validate ÷ parse | measures ÷ parse | peak MB parse / load / validate / measures |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const size of sizes) {
    const text = listText(size, 20191208);
    const measure = (args: string[]) => {
      const all = Array.from({ length: runs }, () => timed(args, probe, rssFile));
      return { ms: median(all.map((x) => x.ms)), cpuMs: median(all.map((x) => x.cpuMs)), rssMb: Math.max(...all.map((x) => x.rssMb)) };
    };
    const rate = (ms: number) => Math.round(size / (ms / 1000)).toLocaleString('en-US');
    for (const encoding of ['utf-8', 'gb18030'] as const) {
      const file = path.join(dir, `list-${size}-${encoding}.csv`);
      const bytes = encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, 'gb18030');
      writeFileSync(file, bytes);
      process.stderr.write(`${size} rows, ${encoding}: ${(bytes.length / 1e6).toFixed(1)} MB\n`);
      const bare = measure([SELF, '--parse-only', file, encoding]);
      const load = measure([SELF, '--load-only', file]);
      const validate = measure([HAZE, 'validate', '--list', file, '--groups', GROUPS, '--format', 'csv']);
      const measures = measure([HAZE, 'measures', '--level', 'orange', '--format', 'csv', '--list', file, '--groups', GROUPS]);
      const ratio = (x: typeof bare) => `${(x.ms / bare.ms).toFixed(2)} (${(x.cpuMs / bare.cpuMs).toFixed(2)})`;
      lines.push(
        `| ${size.toLocaleString('en-US')} | ${encoding} | ${(bytes.length / 1e6).toFixed(1)} | ${rate(bare.ms)} | ${rate(load.ms)} | ${rate(validate.ms)} | ${rate(measures.ms)} | ${ratio(load)} | ${ratio(validate)} | ${ratio(measures)} | ${[bare, load, validate, measures].map((x) => Math.round(x.rssMb)).join(' / ')} |`,
      );
    }
    // The same list as a workbook (no bare csv-parse pass to compare with: ratios left empty).
    const book = path.join(dir, `list-${size}.xlsx`);
    await writeWorkbook(text, book);
    process.stderr.write(`${size} rows, xlsx: ${(statSync(book).size / 1e6).toFixed(1)} MB\n`);
    const [load, validate, measures] = [
      measure([SELF, '--load-only', book]),
      measure([HAZE, 'validate', '--list', book, '--groups', GROUPS, '--format', 'csv']),
      measure([HAZE, 'measures', '--level', 'orange', '--format', 'csv', '--list', book, '--groups', GROUPS]),
    ];
    lines.push(
      `| ${size.toLocaleString('en-US')} | xlsx | ${(statSync(book).size / 1e6).toFixed(1)} | — | ${rate(load.ms)} | ${rate(validate.ms)} | ${rate(measures.ms)} | — | — | — | — / ${[load, validate, measures].map((x) => Math.round(x.rssMb)).join(' / ')} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const idle = timed([HAZE, '--version'], probe, rssFile);
  process.stdout.write(
    `\nRatios: wall-clock time (CPU time in brackets). node ${process.version}; each figure the median of ${runs} run(s), every run a fresh process, start-up included (haze's own start-up, \`haze --version\`: ${Math.round(idle.ms)} ms). Lists in ${dir}.\n`,
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`bench:load: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
