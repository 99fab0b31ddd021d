#!/usr/bin/env node
// `npm test`: setup (with Chromium) -> cargo test -> build -> node --test over tests/node,
// tests/npm and tests/e2e. Stops at the first failing step with its exit code; the node test
// runner's summary is the last thing printed.
//
//   SOURCELENS_SKIP_BROWSER=1 npm test   no Chromium: the browser tests skip themselves

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEST_DIRS = ['tests/node', 'tests/npm', 'tests/e2e'];

function step(name, command, args) {
  console.log(`\ntest: == ${name} ==`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`test: ${name}: cannot run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`test: ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`test: ${name}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Every `*.test.mjs` / `*.test.js` file under the test directories, sorted. */
function testFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.test\.m?js$/.test(entry.name)) found.push(relative(root, path));
    }
  };
  for (const dir of TEST_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return found.sort();
}

step('setup', 'bash', [join(root, 'scripts', 'setup.sh')]);
step('cargo test', 'cargo', ['test', '--quiet']);
step('build', process.execPath, [join(root, 'scripts', 'build.mjs')]);

const files = testFiles();
if (files.length === 0) {
  console.error(`test: no *.test.mjs files under ${TEST_DIRS.join(', ')}`);
  process.exit(1);
}
console.log(`\ntest: == node --test (${files.length} files) ==`);
// One file at a time: the browser tests each start Chromium and the machine may be small.
const result = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
