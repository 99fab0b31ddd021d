// The README's Node example must run as written, against the package resolved by its name
// (through the `exports` map, as a consumer would).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The first ```js block after the heading that starts with `heading`. */
function exampleUnder(markdown, heading) {
  const at = markdown.split('\n').findIndex((line) => line.startsWith(heading));
  assert.ok(at >= 0, `README has no heading "${heading}"`);
  const rest = markdown.split('\n').slice(at + 1).join('\n');
  const block = rest.match(/```js\n([\s\S]*?)```/);
  assert.ok(block, `no js example under "${heading}"`);
  return block[1];
}

const dir = mkdtempSync(join(tmpdir(), 'sourcelens-readme-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('README: the Node example runs and prints the attributions', () => {
  const code = exampleUnder(readFileSync(join(root, 'README.md'), 'utf8'), '### Node');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'sourcelens'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
  writeFileSync(join(dir, 'example.mjs'), code);
  const run = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  // GENUINE EXPECTED BEHAVIOUR: the example's text has one direct quote by "the minister".
  assert.equal(run.stdout.trim(), `direct the minister [ '"We will not back down,"' ]`);
});
