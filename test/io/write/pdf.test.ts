/** Which browser prints the PDF, and with what flags: plain function calls, no browser started. */
import { chromiumArgs, findChromium } from '../../../src/io/write/pdf.js';

const has =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('findChromium', () => {
  test('HAZE_CHROMIUM wins when it names a file', () => {
    expect(findChromium({ env: { HAZE_CHROMIUM: '/opt/chrome/chrome' }, platform: 'linux', exists: has('/opt/chrome/chrome', '/usr/bin/chromium') })).toBe(
      '/opt/chrome/chrome',
    );
  });

  test('HAZE_CHROMIUM naming nothing is not quietly replaced by another browser', () => {
    expect(findChromium({ env: { HAZE_CHROMIUM: '/nope' }, platform: 'linux', exists: has('/usr/bin/chromium') })).toBeNull();
  });

  test('else the usual places: Debian chromium first on Linux, Edge on Windows', () => {
    expect(findChromium({ env: {}, platform: 'linux', exists: has('/usr/bin/chromium', '/usr/bin/google-chrome') })).toBe('/usr/bin/chromium');
    expect(findChromium({ env: {}, platform: 'linux', exists: has('/usr/bin/google-chrome') })).toBe('/usr/bin/google-chrome');
    expect(findChromium({ env: {}, platform: 'win32', exists: has('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe') })).toMatch(
      /msedge\.exe$/,
    );
    expect(findChromium({ env: {}, platform: 'linux', exists: has() })).toBeNull();
  });
});

test('chromium runs headless with a throw-away profile, no network of its own and no browser header or footer', () => {
  const args = chromiumArgs('/tmp/p', '/tmp/out.pdf', '/tmp/页面 1.html');
  expect(args).toEqual(
    expect.arrayContaining([
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      '--user-data-dir=/tmp/p',
      '--print-to-pdf=/tmp/out.pdf',
    ]),
  );
  expect(args[args.length - 1]).toBe('file:///tmp/%E9%A1%B5%E9%9D%A2%201.html');
});
