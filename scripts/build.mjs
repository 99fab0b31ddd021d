#!/usr/bin/env node
// Builds sourcelens for the web, the npm module and the command line.
//
//   node scripts/build.mjs            everything: wasm (www/pkg + dist) and the native CLI
//   node scripts/build.mjs --no-cli   only the WebAssembly outputs (what `npm start` needs)
//   node scripts/build.mjs --no-opt   skip wasm-opt (faster, larger .wasm; for quick local checks)
//
// Steps: cargo (wasm32-unknown-unknown, release) -> wasm-bindgen --target web (with the
// reset-state export) -> wasm-opt -Oz
// (the npm `binaryen` package, never a system binaryen) -> copy to www/pkg/ and dist/ ->
// scripts/build-single.mjs when it exists (the offline single-file page) -> cargo build --release.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!['--no-cli', '--no-opt'].includes(a)) fail(`unknown option ${a} (known: --no-cli, --no-opt)`);
}

/** The file names the page and the npm module import: keep them stable. */
const OUT_NAME = 'sourcelens';
const GLUE = `${OUT_NAME}.js`;
const WASM = `${OUT_NAME}_bg.wasm`;
/** Where the generated web-target glue and wasm go. */
const DESTINATIONS = [join(root, 'www', 'pkg'), join(root, 'dist')];
/**
 * WebAssembly features rustc enables by default for wasm32-unknown-unknown; wasm-opt must
 * accept the same set and may not introduce others.
 */
const WASM_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

/** Where the last wasm-opt result is kept, named by the hash of its input. */
const WASM_OPT_CACHE = join(root, 'target', 'wasm-opt-cache');
/** What wasm-opt removes: nothing the browser needs. */
const WASM_STRIP = ['--strip-debug', '--strip-producers', '--strip-target-features'];

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, options = {}) {
  console.log(`build: $ ${[command, ...commandArgs].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} exited with ${result.status ?? result.signal}`);
  console.log(`build:   done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The exact wasm-bindgen version the crate is locked to. */
function lockedWasmBindgenVersion() {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const match = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!match) fail('wasm-bindgen not found in Cargo.lock');
  return match[1];
}

function checkWasmBindgen() {
  const wanted = lockedWasmBindgenVersion();
  const probe = spawnSync('wasm-bindgen', ['--version'], { encoding: 'utf8' });
  const found = probe.status === 0 ? probe.stdout.trim().split(/\s+/)[1] : null;
  if (found !== wanted) {
    fail(`wasm-bindgen ${wanted} is needed (found ${found ?? 'none'}); run: bash scripts/setup.sh`);
  }
}

function wasmOptPath() {
  const bin = join(root, 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(bin)) fail('node_modules/.bin/wasm-opt is missing (npm package binaryen); run: bash scripts/setup.sh');
  return bin;
}

/**
 * Runs wasm-opt on `input`, or reuses the result of the last run when the input and the
 * wasm-opt arguments are the same (wasm-opt is the slowest step of a rebuild).
 */
function optimise(input, staging) {
  const optArgs = ['-Oz', ...WASM_FEATURES, ...WASM_STRIP];
  const key = createHash('sha256').update(readFileSync(input)).update(optArgs.join(' ')).digest('hex');
  const cached = join(WASM_OPT_CACHE, `${key}.wasm`);
  if (existsSync(cached)) {
    console.log(`build: wasm-opt: unchanged input, reusing ${relative(root, cached)}`);
    return cached;
  }
  const optimised = join(staging, `${OUT_NAME}_opt.wasm`);
  run(wasmOptPath(), [...optArgs, input, '-o', optimised]);
  rmSync(WASM_OPT_CACHE, { recursive: true, force: true });
  mkdirSync(WASM_OPT_CACHE, { recursive: true });
  copyFileSync(optimised, cached);
  return optimised;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function buildWasm() {
  checkWasmBindgen();
  // Keep the `target_features` section (the release profile strips it) so that wasm-bindgen
  // sees which features are on; wasm-opt strips it and the debug info afterwards.
  run('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown'], {
    env: { ...process.env, CARGO_PROFILE_RELEASE_STRIP: 'false' },
  });
  const input = join(root, 'target', 'wasm32-unknown-unknown', 'release', `${OUT_NAME}.wasm`);
  const staging = mkdtempSync(join(tmpdir(), 'sourcelens-build-'));
  try {
    // --experimental-reset-state-function: the glue exports __wbg_reset_state(), which js/engine.js
    // calls after a trap to give the next call a fresh instance (see there).
    run('wasm-bindgen', [
      input, '--target', 'web', '--out-dir', staging, '--out-name', OUT_NAME, '--no-typescript',
      '--experimental-reset-state-function',
    ]);
    if (!/^export function __wbg_reset_state\b/m.test(readFileSync(join(staging, GLUE), 'utf8'))) {
      fail(`the wasm-bindgen glue has no __wbg_reset_state export (js/engine.js needs it to recover from a trap)`);
    }
    const bindgenWasm = join(staging, WASM);
    if (!args.has('--no-opt')) copyFileSync(optimise(bindgenWasm, staging), bindgenWasm);
    for (const dir of DESTINATIONS) {
      mkdirSync(dir, { recursive: true });
      // Type files a plain wasm-bindgen run may have left there: js/index.d.ts is the API.
      for (const stale of [`${OUT_NAME}.d.ts`, `${OUT_NAME}_bg.wasm.d.ts`]) rmSync(join(dir, stale), { force: true });
      for (const file of [GLUE, WASM]) copyFileSync(join(staging, file), join(dir, file));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const wasmBytes = readFileSync(join(DESTINATIONS[0], WASM));
  console.log(
    `build: ${WASM}: ${kib(wasmBytes.length)} raw, ${kib(gzipSync(wasmBytes, { level: 9 }).length)} gzipped; ` +
      `written to ${DESTINATIONS.map((d) => relative(root, d) + '/').join(' and ')}`,
  );
}

function buildSinglePage() {
  const script = join(root, 'scripts', 'build-single.mjs');
  if (existsSync(script)) run(process.execPath, [script]);
}

function buildCli() {
  run('cargo', ['build', '--release', '--bin', 'sourcelens']);
  const bin = join(root, 'target', 'release', 'sourcelens');
  console.log(`build: native CLI ${relative(root, bin)} (${kib(statSync(bin).size)})`);
}

buildWasm();
buildSinglePage();
if (!args.has('--no-cli')) buildCli();
