/** The office page's own script and style, read from the package at run time (nothing fetched from elsewhere). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../packageRoot.js';

export const CLIENT_FILES: Record<string, string> = {
  'office.js': 'text/javascript; charset=utf-8',
  'office.css': 'text/css; charset=utf-8',
};

export function clientFile(name: string): Buffer {
  return readFileSync(join(PACKAGE_ROOT, 'src/serve/office/client', name));
}
