/**
 * The phones: N concurrent group phones over loopback, each with keep-alive (Node's fetch, undici underneath),
 * doing what the inspector's page does for a day: GET its day, then for each visit POST one photo (raw JPEG
 * bytes, different each visit) and the visit's entry naming it by hash. Every request's latency is kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRandom } from '../../src/core/routing/random.js';

export type Kind = 'day' | 'photo' | 'entry';
export interface Timing {
  kind: Kind;
  ms: number;
  status: number;
}
export interface PhonesRun {
  timings: Timing[];
  wallMs: number;
  visits: number;
  items: number;
  failures: string[];
}

interface DayVisit {
  seq: number;
  creditCode: string;
  items: { id: string; text: string }[];
}
interface Day {
  date: string;
  group: { members: string[] };
  visits: DayVisit[];
}

/** A photo of 200–300 KB that photoKind reads as JPEG: FF D8 FF E0, then random bytes, FF D9 at the end. */
export function fakeJpeg(rnd: () => number): Buffer {
  const n = 200_000 + Math.floor(rnd() * 100_000);
  const b = randomBytes(n);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  b[3] = 0xe0;
  b[n - 2] = 0xff;
  b[n - 1] = 0xd9;
  return b;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

async function timed(out: Timing[], kind: Kind, url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  out.push({ kind, ms: performance.now() - t0, status: res.status });
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure's message
  }
  return { status: res.status, body };
}

/** A phone's photos of the day, taken before the run: making 250 KB of bytes is the phone's work, not the server's. */
type CameraRoll = { photo: Buffer; sha256: string }[];

function cameraRoll(seed: number, n: number): CameraRoll {
  const rnd = createRandom(seed ^ 0x5eed);
  return Array.from({ length: n }, () => {
    const photo = fakeJpeg(() => rnd.next());
    return { photo, sha256: createHash('sha256').update(photo).digest('hex') };
  });
}

async function phone(
  base: string,
  token: string,
  date: string,
  seed: number,
  roll: CameraRoll,
  out: Timing[],
  failures: string[],
): Promise<{ visits: number; items: number }> {
  const rnd = createRandom(seed);
  const api = `${base}/api/g/${token}`;
  const d = await timed(out, 'day', `${api}/day?date=${date}`);
  if (d.status !== 200) {
    failures.push(`day ${token.slice(0, 8)}: ${d.status} ${JSON.stringify(d.body).slice(0, 200)}`);
    return { visits: 0, items: 0 };
  }
  const day = d.body as Day;
  let visits = 0;
  let items = 0;
  for (const [k, v] of day.visits.entries()) {
    const { photo, sha256 } = roll[k % roll.length]!;
    const p = await timed(out, 'photo', `${api}/photos`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: photo as unknown as BodyInit });
    if (p.status !== 201 || (p.body as { sha256?: string }).sha256 !== sha256) {
      failures.push(`photo ${token.slice(0, 8)} #${v.seq}: ${p.status} ${JSON.stringify(p.body).slice(0, 200)}`);
      continue;
    }
    const at = 9 * 60 + v.seq * 20;
    const entry = {
      entryId: `bench-${seed}-${v.seq}-${randomBytes(4).toString('hex')}`,
      date: day.date,
      creditCode: v.creditCode,
      items: v.items.map((it) =>
        rnd.next() < 0.05 ? { itemId: it.id, result: 'violation', note: '现场发现未落实减排措施（压测）' } : { itemId: it.id, result: 'ok', note: '' },
      ),
      inspectors: day.group.members.join('、'),
      arrivedAt: `${day.date} ${hhmm(at - 12)}`,
      checkedAt: `${day.date} ${hhmm(at)}`,
      position: { lat: 31.72512 + rnd.next() * 0.01, lng: 119.372819 + rnd.next() * 0.01, accuracyM: 12 },
      photos: [{ itemId: '', sha256 }],
    };
    const e = await timed(out, 'entry', `${api}/entries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(entry) });
    if (e.status !== 201) {
      failures.push(`entry ${token.slice(0, 8)} #${v.seq}: ${e.status} ${JSON.stringify(e.body).slice(0, 300)}`);
      continue;
    }
    visits++;
    items += v.items.length;
  }
  return { visits, items };
}

/** All phones at once; resolves when the last is done. */
export async function runPhones(base: string, tokens: readonly string[], date: string, seed: number, photosPerPhone = 20): Promise<PhonesRun> {
  const timings: Timing[] = [];
  const failures: string[] = [];
  const rolls = tokens.map((_, i) => cameraRoll(seed + i, photosPerPhone));
  const t0 = performance.now();
  const done = await Promise.all(tokens.map((t, i) => phone(base, t, date, seed + i, rolls[i]!, timings, failures)));
  return {
    timings,
    wallMs: performance.now() - t0,
    visits: done.reduce((s, x) => s + x.visits, 0),
    items: done.reduce((s, x) => s + x.items, 0),
    failures,
  };
}

/** The q-th quantile (0–1) of the values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
