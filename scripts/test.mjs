#!/usr/bin/env node
// `npm test`: setup (with Chromium) -> cargo test -> build -> node --test over tests/node,
// tests/npm and tests/e2e. Stops at the first failing step with its exit code; the node test
// runner's summary is the last thing printed.
//
//   SOURCELENS_SKIP_BROWSER=1 npm test   no Chromium: the browser tests skip themselves
//   node scripts/test.mjs --node-only    only the node --test part (after a build)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const args = process.argv.slice(2);
for (const a of args) {
  if (a !== '--node-only') {
    console.error(`test: unknown option ${a} (known: --node-only)`);
    process.exit(2);
  }
}
if (!args.includes('--node-only')) {
  step('setup', 'bash', [join(root, 'scripts', 'setup.sh')]);
  step('cargo test', 'cargo', ['test', '--quiet']);
  step('build', process.execPath, [join(root, 'scripts', 'build.mjs')]);
}

const files = testFiles();
if (files.length === 0) {
  console.error(`test: no *.test.mjs files under ${TEST_DIRS.join(', ')}`);
  process.exit(1);
}
console.log(`\ntest: == node --test (${files.length} files) ==`);
// One file at a time: the browser tests each start Chromium and the machine may be small.
// The spec reporter streams to the terminal; a TAP copy goes to a file so that the runner's
// summary counts can be repeated as the very last lines (the spec reporter prints the
// failures after its counts).
const tapDir = mkdtempSync(join(tmpdir(), 'sourcelens-test-'));
const tapFile = join(tapDir, 'report.tap');
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
let summary = [];
try {
  summary = readFileSync(tapFile, 'utf8')
    .split('\n')
    .filter((line) => /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(line));
} catch {
  // no report: the runner itself failed; its exit code says so
}
rmSync(tapDir, { recursive: true, force: true });
if (summary.length > 0) console.log(`\n${summary.join('\n')}`);
process.exit(result.status ?? 1);
