// The single-file page (www/sourcelens-offline.html) works from file://: the engine starts
// from the inlined wasm in a blob: worker, the sample is inlined, and nothing is fetched.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ROOT, SEVERAL_SOURCES, WWW, analyzeInNode, expectedItems, highlightItems, launch, openPage, resultPath, sampleText, setText, skipReason } from './harness.mjs';

const skip = skipReason() ?? false;
const OFFLINE = join(WWW, 'sourcelens-offline.html');

describe('offline single file', { skip }, () => {
  let browser;
  let page;
  let log;

  before(async () => {
    // Always from the current sources (fast: esbuild only).
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-single.mjs')], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    browser = await launch();
    ({ page, log } = await openPage(browser.context, pathToFileURL(OFFLINE).href));
  });
  after(async () => {
    await browser?.close();
  });

  test('is one file: no external script, stylesheet or wasm, and a hash-based CSP', () => {
    const html = readFileSync(OFFLINE, 'utf8');
    assert.doesNotMatch(html, /<script[^>]+src=/i);
    assert.doesNotMatch(html, /<link[^>]+stylesheet/i);
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  test('opens from file:// with the sample analysed and highlighted', async () => {
    assert.equal(await page.inputValue('#text'), sampleText());
    assert.equal(await page.textContent('#highlights'), sampleText());
    const analysis = await analyzeInNode(sampleText());
    const items = new Map((await highlightItems(page)).map((i) => [i.item, i]));
    for (const [key, { span }] of expectedItems(analysis)) {
      if (items.has(key)) assert.equal(items.get(key).text, sampleText().slice(span.start, span.end), key);
    }
    assert.ok([...items.values()].some((i) => i.kind === 'quote' && i.source), 'quotes with their source');
    await page.screenshot({ path: resultPath('offline-file.png') });
  });

  test('analyses new text, exports JSON, and fetches nothing', async () => {
    await setText(page, SEVERAL_SOURCES);
    assert.equal(await page.textContent('#highlights'), SEVERAL_SOURCES);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), await analyzeInNode(SEVERAL_SOURCES));
    const fetched = log.requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && url !== pathToFileURL(OFFLINE).href);
    assert.deepEqual(fetched, []);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => /Content.Security.Policy|Refused/i.test(m)), []);
  });
});
