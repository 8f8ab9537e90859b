/** The roles SQL as text (no server): every town a login, every table a grant, no password, safe to run twice. */
import { isRoleName, isTownCode, printedRolesSql, rolesSql } from '../../../../src/io/store/district/roles.js';
import { TOWN_TABLES } from '../../../../src/io/store/district/schema.js';

const sql = rolesSql({ towns: ['100100032', '100100031', '100100032'], districtRole: 'jintan_office' });

test('one login per town, once each, in order, recorded in town_roles', () => {
  expect([...sql.matchAll(/CREATE ROLE (haze_town_\d+) LOGIN/g)].map((m) => m[1])).toEqual(['haze_town_100100031', 'haze_town_100100032']);
  expect(sql).toContain("INSERT INTO town_roles (role_name, town) VALUES ('haze_town_100100031', '100100031') ON CONFLICT DO NOTHING;");
  expect(sql).toContain('GRANT haze_towns TO haze_town_100100032;');
});

test('every CREATE ROLE is guarded, so the SQL runs twice without harm', () => {
  const creates = sql.split('\n').filter((l) => l.includes('CREATE ROLE'));
  const guards = sql.split('\n').filter((l) => l.includes('IF NOT EXISTS (SELECT FROM pg_roles'));
  expect(creates.length).toBe(5); // haze_towns, haze_district, jintan_office, two towns
  expect(guards.length).toBe(creates.length);
});

test("a town's group may read, insert and update every table of a town, never delete; the district reads all and inserts two", () => {
  const townGrant = sql.match(/GRANT SELECT, INSERT, UPDATE ON (.*) TO haze_towns;/)![1]!.split(', ');
  expect(townGrant).toEqual(expect.arrayContaining([...TOWN_TABLES, 'towns', 'town_lists', 'pushes', 'sync_conflicts']));
  expect(sql).not.toMatch(/DELETE/);
  expect(sql).toContain('GRANT USAGE ON SEQUENCE pushes_id_seq, sync_conflicts_id_seq TO haze_towns;');
  expect(sql).toContain('GRANT INSERT ON findings, alert_events TO haze_district;');
  expect(sql).toContain('GRANT haze_district TO jintan_office;');
  expect(sql).toMatch(/CREATE ROLE haze_district NOLOGIN/);
});

test('no password in the SQL, only how to set one', () => {
  expect(sql).not.toMatch(/PASSWORD '[^…]/);
  expect(sql).toContain('\\password haze_town_100100031');
});

test('the printed text is one transaction; the default district login is haze_district itself', () => {
  const printed = printedRolesSql({ towns: ['100100031'], districtRole: 'haze_district' });
  expect(printed.startsWith('BEGIN;\n')).toBe(true);
  expect(printed.trimEnd().endsWith('COMMIT;')).toBe(true);
  expect(printed).toMatch(/CREATE ROLE haze_district LOGIN/);
});

test('names haze writes into SQL', () => {
  expect([isTownCode('320413102'), isTownCode('32041'), isTownCode("1'; DROP")]).toEqual([true, false, false]);
  expect([isRoleName('jintan_office'), isRoleName('Jintan'), isRoleName('a"b'), isRoleName('x'.repeat(64))]).toEqual([true, false, false, false]);
});
