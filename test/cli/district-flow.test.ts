/**
 * The district end to end, as its people would run it, each under its own login: the administrator makes the
 * roles (`haze db roles --apply`), two towns that worked offline push under their town's login, the district's
 * login reports over both; a town's login cannot push another town's rows, nor see them in a view.
 * Town codes 100100031–100100039 (this file's own range: roles are the cluster's).
 */
import { readdirSync } from 'node:fs';
import { adminQuery, freshDatabase, pgSuite, pgUrl } from '../helpers/postgres.js';
import { copyTown, districtCounts, localCounts, townWorkspace, workOffline } from '../helpers/districtTown.js';
import { haze, tempDir, type Run } from '../helpers/runHaze.js';

const A = '100100031';
const B = '100100032';
const DISTRICT = 'haze_t100100033_district';
const PW = { [A]: 'flow-a-3f1e', [B]: 'flow-b-77c0', [DISTRICT]: 'flow-d-09ab' };
const roleOf = (code: string) => `haze_town_${code}`;
const NOW = { HAZE_NOW: '2019-12-09 20:00' };
const both = (r: Run) => `${r.stdout}\n${r.stderr}`;

pgSuite('district-flow.test.ts')('a district over two towns, each under its own login', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let dirA: string;
  let dirB: string;
  const as = (user: string) => pgUrl({ user, password: null, database: fresh.name });
  const run = (dir: string | undefined, args: string[], user: keyof typeof PW) =>
    haze(args, { ...(dir ? { cwd: dir } : {}), env: { ...NOW, PGPASSWORD: PW[user] } });

  beforeAll(async () => {
    fresh = await freshDatabase('district_flow');
    const r = haze(['db', 'roles', fresh.url, '--town', A, '--town', B, '--district-role', DISTRICT, '--apply']);
    if (r.status !== 0) throw new Error(r.stderr);
    await adminQuery(`ALTER ROLE ${roleOf(A)} PASSWORD '${PW[A]}'`);
    await adminQuery(`ALTER ROLE ${roleOf(B)} PASSWORD '${PW[B]}'`);
    await adminQuery(`ALTER ROLE ${DISTRICT} PASSWORD '${PW[DISTRICT]}'`);
    dirA = townWorkspace(A);
    workOffline(dirA);
    dirB = copyTown(dirA, B);
  });
  afterAll(async () => {
    await fresh.drop();
    for (const r of [roleOf(A), roleOf(B), DISTRICT]) await adminQuery(`DROP ROLE IF EXISTS ${r}`);
  });

  test("each town pushes under its own login: the district holds every row once, each town's its own", async () => {
    for (const [dir, code] of [
      [dirA, A],
      [dirB, B],
    ] as const) {
      const r = run(dir, ['db', 'push', as(roleOf(code))], code);
      expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
      expect(both(r)).not.toContain(PW[code]);
      const held = await districtCounts(fresh.name, code);
      const { clues: _c, ...rows } = held;
      expect(rows).toEqual(localCounts(dir));
    }
  });

  test("town A's login cannot push as town B: refused by the database (77), nothing of it written", async () => {
    const before = await districtCounts(fresh.name, B);
    // A workspace that says it is town B, pushing with town A's login.
    const r = run(dirB, ['db', 'push', as(roleOf(A))], A);
    expect(r.status).toBe(77);
    expect(r.stderr).toMatch(/不允许|does not allow|refused|拒绝/);
    expect(both(r)).not.toContain(PW[A]);
    expect(await districtCounts(fresh.name, B)).toEqual(before);
  });

  test("the district's login reports over both towns; the total is the sum", () => {
    const office = tempDir();
    const r = run(office, ['--db', as(DISTRICT), 'report', '--district', '--from', '2019-12-08', '--to', '2019-12-09', '--format', 'json'], DISTRICT);
    expect([r.status, r.stderr]).toEqual([0, expect.any(String)]);
    // A view reads the district itself: no replica of a town is synced for it, none is made here.
    expect(r.stderr).not.toMatch(/离线|offline|副本/);
    expect(readdirSync(office)).toEqual([]);
    const json = JSON.parse(r.stdout) as { towns: { code: string; summary: Record<string, number> }[]; total: Record<string, number> };
    expect(json.towns.map((t) => t.code)).toEqual([A, B]);
    // B is A's store copied: the same figures, and the total twice them.
    expect(json.towns[1]!.summary.visits).toBe(json.towns[0]!.summary.visits);
    expect(json.towns[0]!.summary.visits).toBeGreaterThan(0);
    expect(json.total.visits).toBe(2 * json.towns[0]!.summary.visits!);
    expect(json.total.violations).toBe(json.towns[0]!.summary.violations! + json.towns[1]!.summary.violations!);
  });

  test("--town from the district equals the town's own report", () => {
    const own = JSON.parse(haze(['report', '--from', '2019-12-08', '--to', '2019-12-09', '--format', 'json'], { cwd: dirA, env: NOW }).stdout) as Record<
      string,
      unknown
    >;
    const r = run(
      undefined,
      ['--db', as(DISTRICT), 'report', '--district', '--town', A, '--from', '2019-12-08', '--to', '2019-12-09', '--format', 'json'],
      DISTRICT,
    );
    const town = (JSON.parse(r.stdout) as { towns: Record<string, unknown>[] }).towns[0]!;
    for (const section of ['coverage', 'unvisited', 'findings', 'visits']) expect([section, town[section]]).toEqual([section, own[section]]);
  });

  test("a town's login sees only its own town in the district's view", () => {
    const r = run(undefined, ['--db', as(roleOf(A)), 'report', '--district', '--from', '2019-12-08', '--to', '2019-12-09', '--format', 'json'], A);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { towns: { code: string }[] }).towns.map((t) => t.code)).toEqual([A]);
  });
});
