/** The connection's settings, decided by haze (no server): libpq's sslmode meanings, the password's sources. */
import { poolSettings } from '../../../../src/io/store/district/connect.js';
import { HazeError } from '../../../../src/errors.js';

const BASE = 'postgres://haze_town_100100041@10.0.0.5:5432/jintan';
const ssl = async (query: string, env: NodeJS.ProcessEnv = {}) => (await poolSettings(`${BASE}${query}`, undefined, env)).ssl;
const refusal = async (query: string): Promise<HazeError> => (await poolSettings(`${BASE}${query}`, undefined, {}).catch((e: unknown) => e)) as HazeError;

test('no sslmode is no SSL; PGSSLMODE stands in for it, as in libpq', async () => {
  expect(await ssl('')).toBe(false);
  expect(await ssl('?sslmode=disable')).toBe(false);
  expect(await ssl('', { PGSSLMODE: 'require' })).toEqual({ rejectUnauthorized: false });
  expect(await ssl('?sslmode=disable', { PGSSLMODE: 'require' })).toBe(false);
});

test("require encrypts without checking the certificate; verify-full checks it (libpq's meanings, not the driver's)", async () => {
  expect(await ssl('?sslmode=require')).toEqual({ rejectUnauthorized: false });
  expect(await ssl('?sslmode=verify-full')).toEqual({});
  // The driver's own switch is haze's to set: written in the string, it changes nothing.
  expect(await ssl('?sslmode=require&uselibpqcompat=false')).toEqual({ rejectUnauthorized: false });
});

test('allow, prefer, an unknown mode, and verify-ca without its CA are 78, with what to write', async () => {
  for (const q of ['?sslmode=prefer', '?sslmode=allow', '?sslmode=on', '?sslmode=verify-ca']) {
    const err = await refusal(q);
    expect([err.code, err.exitCode]).toEqual(['HAZE_DISTRICT_SSLMODE', 78]);
  }
  expect((await refusal('?sslmode=verify-ca')).text.en).toContain('sslrootcert');
  expect((await refusal('?sslmode=prefer')).text.en).toContain('sslmode=require');
});

test("the string's password is used as it is; without one, PGPASSWORD, asked only when the server wants one", async () => {
  expect((await poolSettings('postgres://u:s3cret@h/db', undefined, {})).password).toBe('s3cret');
  const asked = (await poolSettings('postgres://u@h/db', undefined, { PGPASSWORD: 'from-env' })).password as () => Promise<string>;
  expect(typeof asked).toBe('function');
  await expect(asked()).resolves.toBe('from-env');
});
