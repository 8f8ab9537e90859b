/** The district door against a real server: migrate once, refuse a newer schema, faults in the user's words. */
import { openDistrict, maskUrl } from '../../../../src/io/store/district/connect.js';
import { DISTRICT_MIGRATIONS } from '../../../../src/io/store/district/migrations.js';
import { HazeError } from '../../../../src/errors.js';
import { adminQuery, freshDatabase, pgSuite, pgUrl } from '../../../helpers/postgres.js';

pgSuite('connect.test.ts')('the district door', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase('connect');
  });
  afterAll(async () => fresh.drop());

  test('an empty database is migrated to the version haze knows, twice at once without harm', async () => {
    const [a, b] = await Promise.all([openDistrict(fresh.url, { migrate: true }), openDistrict(fresh.url, { migrate: true })]);
    await Promise.all([a.close(), b.close()]);
    const rows = await adminQuery<{ version: number }>('SELECT version FROM haze_schema', [], fresh.name);
    expect(rows).toEqual([{ version: DISTRICT_MIGRATIONS.length }]);
  });

  test('a database from a newer haze is refused with 78 and left as it was', async () => {
    await adminQuery('UPDATE haze_schema SET version = 99', [], fresh.name);
    const err = await openDistrict(fresh.url, { migrate: true }).catch((e: unknown) => e);
    await adminQuery(`UPDATE haze_schema SET version = ${DISTRICT_MIGRATIONS.length}`, [], fresh.name);
    expect(err).toBeInstanceOf(HazeError);
    expect((err as HazeError).exitCode).toBe(78);
    expect((err as HazeError).code).toBe('HAZE_DISTRICT_NEWER');
  });

  test('a wrong password is 77 and the message never holds the password', async () => {
    const url = pgUrl({ password: 'not-the-password-42', database: fresh.name });
    const err = (await openDistrict(url, { migrate: false }).catch((e: unknown) => e)) as HazeError;
    expect(err.exitCode).toBe(77);
    expect(`${err.text.zh} ${err.text.en} ${err.where?.file}`).not.toContain('not-the-password-42');
    expect(err.where?.file).toContain(':***@');
  });

  test('a refused connection is 69', async () => {
    const url = pgUrl({ database: fresh.name }).replace(/:\d+\//, ':1/');
    const err = (await openDistrict(url, { migrate: false }).catch((e: unknown) => e)) as HazeError;
    expect(err.exitCode).toBe(69);
  });

  test('a database that is not there is 78', async () => {
    const err = (await openDistrict(pgUrl({ database: 'haze_no_such_db' }), { migrate: false }).catch((e: unknown) => e)) as HazeError;
    expect([err.code, err.exitCode]).toEqual(['HAZE_DISTRICT_NO_DATABASE', 78]);
  });
});

test('maskUrl hides the password and keeps the rest', () => {
  expect(maskUrl('postgres://town:s3cret@10.0.0.5:5432/haze?sslmode=require')).toBe('postgres://town:***@10.0.0.5:5432/haze?sslmode=require');
  expect(maskUrl('postgresql://town@host/haze')).toBe('postgresql://town@host/haze');
});
