#!/usr/bin/env node
// Writes www/sourcelens-offline.html: the whole page in one file that works from file://.
//
//   node scripts/build-single.mjs        (run by scripts/build.mjs after the wasm is built)
//
// The page's ES modules are bundled with esbuild into one classic script; the worker is
// bundled separately and inlined as a string (it starts from a blob: URL), the wasm is
// inlined as base64 and compiled in the page, and the sample article is inlined too. The
// stylesheet becomes a <style> block. The Content-Security-Policy allows exactly these inline
// blocks by their SHA-256 hashes, blob: workers and WebAssembly, and no network at all.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const OUTPUT = join(www, 'sourcelens-offline.html');
const WASM = join(www, 'pkg', 'sourcelens_bg.wasm');

function fail(message) {
  console.error(`build-single: ${message}`);
  process.exit(1);
}

/** Bundles `entry` into one minified classic script (an IIFE). */
async function bundle(entry, define = {}) {
  const result = await build({
    entryPoints: [join(www, 'js', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    define,
    // The wasm-bindgen glue mentions import.meta.url only for its default wasm path, which
    // the offline page never uses (it hands the compiled module over).
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** Makes script text safe inside an HTML <script> element. */
function scriptSafe(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** Makes CSS text safe inside an HTML <style> element. */
function styleSafe(css) {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function sha256(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Replaces exactly one occurrence of `from` in `html`, failing when it is not there once. */
function replaceOnce(html, from, to) {
  const at = html.indexOf(from);
  if (at < 0 || html.indexOf(from, at + 1) >= 0) fail(`www/index.html should contain ${JSON.stringify(from)} exactly once`);
  return html.slice(0, at) + to + html.slice(at + from.length);
}

if (!existsSync(WASM)) fail(`${relative(root, WASM)} is missing; run node scripts/build.mjs first`);

const wasmBase64 = readFileSync(WASM).toString('base64');
const sample = readFileSync(join(www, 'sample.txt'), 'utf8');
const css = styleSafe(readFileSync(join(www, 'style.css'), 'utf8'));
const workerSource = await bundle('worker.js');
const script = scriptSafe(
  await bundle('offline.js', {
    SOURCELENS_WORKER_SOURCE: JSON.stringify(workerSource),
    SOURCELENS_WASM_BASE64: JSON.stringify(wasmBase64),
    SOURCELENS_SAMPLE: JSON.stringify(sample),
  }),
);

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  'worker-src blob:',
  'img-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = readFileSync(join(www, 'index.html'), 'utf8');
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes(csp)) fail('www/index.html has no Content-Security-Policy meta element to replace');
html = replaceOnce(html, '<link rel="stylesheet" href="style.css">', `<style>${css}</style>`);
html = replaceOnce(html, '<script type="module" src="js/main.js"></script>\n', '');
html = replaceOnce(html, '</body>', `<script>${script}</script>\n</body>`);
html = html.replace('<title>sourcelens', '<title>sourcelens (offline)');

writeFileSync(OUTPUT, html);
console.log(`build-single: ${relative(root, OUTPUT)} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB)`);
