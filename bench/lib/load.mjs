// Loads the built sourcelens WebAssembly module in Node.
//
// The module is the web-target glue that scripts/build.mjs writes to dist/
// (and www/pkg/): `dist/sourcelens.js` + `dist/sourcelens_bg.wasm`. The
// bench never builds its own copy, so the figures are those of the shipped
// artefact (after wasm-opt).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the built module is looked for, first match wins. */
export const PKG_DIRS = [join(ROOT, 'dist'), join(ROOT, 'www', 'pkg')];

/** The directory holding sourcelens.js and sourcelens_bg.wasm, or null. */
export function findPkg() {
  for (const dir of PKG_DIRS) {
    if (existsSync(join(dir, 'sourcelens.js')) && existsSync(join(dir, 'sourcelens_bg.wasm'))) return dir;
  }
  return null;
}

/**
 * Imports the glue and instantiates the wasm synchronously.
 * Returns { analyze, version, memory, dir } where `memory` is the wasm linear memory.
 */
export async function loadWasm(dir = findPkg()) {
  if (!dir) throw new Error('no built module in dist/ or www/pkg/ (run: node scripts/build.mjs --no-cli)');
  const glue = await import(pathToFileURL(join(dir, 'sourcelens.js')).href);
  const bytes = readFileSync(join(dir, 'sourcelens_bg.wasm'));
  const exports = glue.initSync({ module: bytes });
  return { analyze: glue.analyze, version: glue.version, memory: exports.memory, dir };
}
