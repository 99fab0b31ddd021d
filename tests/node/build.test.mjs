// What `npm run build` leaves behind: the web-target glue and an optimised .wasm in www/pkg/
// and dist/ (the names the page and the npm module import), and a www/ that only uses
// relative URLs, so that it can be deployed under any sub-path.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
const www = join(root, 'www');

function filesUnder(dir, pattern) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(entry.name)) out.push(path);
  }
  return out;
}

describe('build outputs', () => {
  for (const dir of ['www/pkg', 'dist']) {
    test(`${dir}/ holds the glue and the .wasm`, async () => {
      assert.deepEqual(readdirSync(join(root, dir)).sort(), ['sourcelens.js', 'sourcelens_bg.wasm']);
      const glue = await import(join(root, dir, 'sourcelens.js'));
      for (const name of ['default', 'initSync', 'analyze', 'version']) {
        assert.equal(typeof glue[name], 'function', `${dir}/sourcelens.js exports ${name}`);
      }
      assert.ok(WebAssembly.validate(readFileSync(join(root, dir, 'sourcelens_bg.wasm'))), 'a valid WebAssembly module');
    });
  }

  test('www/pkg and dist hold the same build', () => {
    for (const file of ['sourcelens.js', 'sourcelens_bg.wasm']) {
      assert.ok(readFileSync(join(www, 'pkg', file)).equals(readFileSync(join(root, 'dist', file))), file);
    }
  });

  test('the .wasm is optimised: no debug names or producers section, and within its size budget', (t) => {
    const bytes = readFileSync(join(root, 'dist', 'sourcelens_bg.wasm'));
    const sections = WebAssembly.Module.customSections(new WebAssembly.Module(bytes), 'name')
      .concat(WebAssembly.Module.customSections(new WebAssembly.Module(bytes), 'producers'));
    assert.equal(sections.length, 0, 'wasm-opt strips the name and producers sections');
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    t.diagnostic(`sourcelens_bg.wasm: ${bytes.length} bytes raw, ${gzipped} gzipped`);
    assert.ok(gzipped < 1_500_000, `${gzipped} bytes gzipped`);
  });

  // A resource URL (not a link the reader may follow: <a href>) that starts with "/" or names
  // a host is not relative.
  const ABSOLUTE_IN_HTML = /<(?!a[\s>])[a-z]+[^>]*?\b(?:src|href|action|poster)\s*=\s*["']?(?:\/|https?:)/gi;
  const ABSOLUTE_IN_JS = /(?:\bfrom\s*|\bimport\s*\(\s*|new URL\(\s*|fetch\(\s*|new Worker\(\s*)(['"`])(?:\/|https?:)/g;
  const ABSOLUTE_IN_CSS = /url\(\s*['"]?(?:\/|https?:)/gi;

  test('www/ uses relative URLs only (deployable under any sub-path)', () => {
    const problems = [];
    const check = (pattern, files) => {
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(pattern)) problems.push(`${relative(root, file)}: ${m[0]}`);
      }
    };
    // The single-file offline page inlines everything and is checked by its own tests.
    const html = filesUnder(www, /\.html$/).filter((f) => !f.endsWith('sourcelens-offline.html'));
    assert.ok(html.length > 0, 'www/ has a page');
    check(ABSOLUTE_IN_HTML, html);
    check(ABSOLUTE_IN_JS, filesUnder(www, /\.m?js$/));
    check(ABSOLUTE_IN_CSS, filesUnder(www, /\.css$/));
    assert.deepEqual(problems, []);
  });
});
