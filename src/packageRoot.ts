/**
 * haze's own folder (where package.json, data/ and bin/ are): the nearest folder above this module whose
 * package.json is haze's. Found by looking, not by counting levels, so that it is the same whether this module
 * runs from src/ (tests), from dist/ (tsc) or inside a bundle.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name?: string;
  version?: string;
}

function readPackageJson(dir: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null; // none here (or not JSON): look further up
  }
}

function findPackage(from: string): { root: string; json: PackageJson } {
  for (let dir = from; ; dir = dirname(dir)) {
    const json = readPackageJson(dir);
    if (json?.name === 'haze') return { root: dir, json };
    if (dirname(dir) === dir) throw new Error(`haze's package.json not found above ${from}`);
  }
}

const found = findPackage(dirname(fileURLToPath(import.meta.url)));

export const PACKAGE_ROOT = found.root;
export const PACKAGE_VERSION = found.json.version ?? '0.0.0';
