// When the engine traps, the page says so briefly, keeps the last good result, and recovers
// on the next input with a fresh worker. The trap is injected by serving a copy of the page
// whose glue throws WebAssembly.RuntimeError for a marked text and stays broken afterwards,
// as a trapped instance would: only a new worker can analyse again.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SEVERAL_SOURCES, WWW, launch, openPage, sampleText, servePage, skipReason } from './harness.mjs';

const skip = skipReason() ?? false;
const MARKER = '\u2620TRAP';

const FAULTY_GLUE = `// test double: the real glue, made to trap on ${JSON.stringify(MARKER)} and stay trapped
export * from './sourcelens_real.js';
import { analyze as realAnalyze } from './sourcelens_real.js';
let trapped = false;
export function analyze(text, options) {
  if (trapped || String(text).includes(${JSON.stringify(MARKER)})) {
    trapped = true;
    throw new WebAssembly.RuntimeError('unreachable');
  }
  return realAnalyze(text, options);
}
`;

describe('recovery from an engine trap', { skip }, () => {
  let dir;
  let server;
  let browser;
  let page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sourcelens-trap-'));
    cpSync(WWW, dir, { recursive: true, filter: (src) => !src.endsWith('sourcelens-offline.html') });
    renameSync(join(dir, 'pkg', 'sourcelens.js'), join(dir, 'pkg', 'sourcelens_real.js'));
    writeFileSync(join(dir, 'pkg', 'sourcelens.js'), FAULTY_GLUE);
    server = await servePage(dir);
    browser = await launch();
    ({ page } = await openPage(browser.context, server.url));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function type(text) {
    await page.evaluate((value) => {
      const area = document.getElementById('text');
      area.value = value;
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, text);
  }

  test('a trap shows a short error and keeps the last result', async () => {
    assert.equal(await page.textContent('#highlights'), sampleText());
    await type(`${SEVERAL_SOURCES}\n${MARKER}`);
    await page.waitForSelector('#error:not([hidden])', { timeout: 10_000 });
    const message = await page.textContent('#error');
    assert.match(message, /failed/);
    assert.match(message, /restarted/);
    assert.ok(message.length < 300, 'the message is short');
    assert.equal(await page.textContent('#highlights'), sampleText(), 'the previous result stays');
    assert.equal(await page.locator('#busy').isHidden(), true, 'not left busy');
  });

  test('the next input is analysed by a fresh worker and the error goes away', async () => {
    const n = await page.evaluate(() => Number(document.body.dataset.analysed));
    await type(SEVERAL_SOURCES);
    await page.waitForFunction((before) => Number(document.body.dataset.analysed) > before, n, { timeout: 10_000 });
    assert.equal(await page.textContent('#highlights'), SEVERAL_SOURCES);
    assert.equal(await page.locator('#error').isHidden(), true);
    assert.ok((await page.locator('#highlights [data-kind]').count()) > 0);
  });
});
