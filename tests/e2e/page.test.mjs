// The page on the sample, the seed article and a short multi-source text: marks per layer,
// toggles, tooltips by keyboard, panel selection, exports, file drop, screenshots.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  SEED,
  SEVERAL_SOURCES,
  analyzeInNode,
  expectedItems,
  highlightItems,
  launch,
  openPage,
  resultPath,
  sampleText,
  servePage,
  setText,
  skipReason,
} from './harness.mjs';

const skip = skipReason() ?? false;

/** Texts the page must render faithfully, with the layers they must show at least once. */
const TEXTS = [
  { name: 'sample', text: () => sampleText(), layers: ['quote', 'speaker', 'cue', 'pressure'], minSources: 4 },
  { name: 'several sources', text: () => SEVERAL_SOURCES, layers: ['quote', 'speaker', 'cue'], minSources: 2 },
  {
    name: 'seed article',
    text: () => readFileSync(SEED, 'utf8'),
    layers: ['quote', 'speaker', 'cue', 'pressure'],
    minSources: 2,
    skip: !existsSync(SEED) && 'the seed article (../shared/corpus) is not here',
  },
];

describe('page', { skip }, () => {
  let server;
  let browser;
  let page;
  let log;

  before(async () => {
    server = await servePage();
    browser = await launch();
    ({ page, log } = await openPage(browser.context, server.url));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('opens with the sample already analysed and highlighted', async () => {
    const sample = sampleText();
    assert.equal(await page.inputValue('#text'), sample.replace(/\r\n?/g, '\n'));
    assert.equal(await page.textContent('#highlights'), sample.replace(/\r\n?/g, '\n'));
    assert.ok((await page.locator('#highlights [data-kind]').count()) > 0, 'the sample shows highlights');
    assert.match(await page.textContent('#status'), /Analysed/);
    assert.equal(await page.locator('textarea#text').getAttribute('id'), 'text');
    assert.equal(await page.getByLabel('Article text', { exact: true }).count(), 1, 'the text area is labelled "Article text"');
    assert.deepEqual(log.errors, []);
  });

  for (const sample of TEXTS) {
    test(`${sample.name}: every layer is drawn, each mark on exactly its span`, { skip: sample.skip }, async () => {
      const text = sample.text();
      await setText(page, text);
      const analysis = await analyzeInNode(text);
      assert.equal(await page.textContent('#highlights'), text, 'highlighting never changes the text');
      const items = await highlightItems(page);
      const byKey = new Map(items.map((i) => [i.item, i]));
      const expected = expectedItems(analysis);
      for (const [key, { kind, span }] of expected) {
        const want = text.slice(span.start, span.end);
        const drawn = byKey.get(key);
        if (!drawn) {
          // Two attributions may share a speaker or cue; the page draws that span once.
          assert.ok(items.some((i) => i.kind === kind && i.text === want), `${key} (${kind}) is drawn`);
          continue;
        }
        assert.equal(drawn.kind, kind, `${key} kind`);
        assert.equal(drawn.text, want, `${key} covers exactly its span`);
      }
      for (const layer of sample.layers) {
        assert.ok(items.some((i) => i.kind === layer), `at least one ${layer} mark`);
      }
      const listed = new Set(await page.locator('#sources-body [data-source-type]').evaluateAll((els) => els.map((e) => e.dataset.source)));
      assert.ok(listed.size >= sample.minSources, `at least ${sample.minSources} sources listed, found ${listed.size}`);
      assert.equal(listed.size, analysis.sources.length);
      const quoted = new Set(items.filter((i) => i.kind === 'quote' && listed.has(i.source)).map((i) => i.source));
      assert.ok(quoted.size >= Math.min(2, sample.minSources), 'quotes are shaded for several listed sources');
      for (const i of items.filter((x) => x.source)) {
        if (i.kind !== 'pressure') assert.ok(listed.has(i.source), `${i.item} points at a listed source`);
      }
      assert.equal(await page.locator('#pressures-body button[data-pressure]').count(), analysis.pressures.length);
    });
  }

  test('layer toggles hide and restore each layer, leaving the text intact', async (t) => {
    const text = sampleText();
    await setText(page, text);
    const count = (kind) => page.locator(`#highlights [data-kind="${kind}"][data-first]`).count();
    const initial = {};
    for (const kind of ['quote', 'speaker', 'cue', 'pressure']) initial[kind] = await count(kind);
    // Whatever happens, leave every layer on for the next tests.
    t.after(() => page.locator('input[name="layer"]').evaluateAll((inputs) => inputs.forEach((i) => i.checked || i.click())));
    for (const kind of ['quote', 'speaker', 'cue', 'pressure']) {
      const toggle = page.locator(`input[name="layer"][value="${kind}"]`);
      await toggle.uncheck();
      assert.equal(await count(kind), 0, `${kind} hidden`);
      for (const other of ['quote', 'speaker', 'cue', 'pressure'].filter((k) => k !== kind)) {
        assert.equal(await count(other), initial[other], `${other} kept while ${kind} is hidden`);
      }
      assert.equal(await page.textContent('#highlights'), text);
      await toggle.check();
      assert.equal(await count(kind), initial[kind], `${kind} restored`);
    }
  });

  test('tooltips open on keyboard focus and follow the arrow keys', async () => {
    await setText(page, sampleText());
    await page.focus('#text');
    let focused = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('#highlights') ? document.activeElement.dataset.item : null));
    }
    assert.ok(focused, 'Tab reaches the highlighted text');
    const tip = page.locator('#tip');
    assert.equal(await tip.isVisible(), true, 'tooltip shown on focus');
    const first = await tip.textContent();
    assert.match(first, /Speaker|Statement|pressure|Cue/);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), 'tip');
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.dataset.item);
    assert.notEqual(second, focused, 'ArrowRight moves to the next highlight');
    assert.equal(await tip.isVisible(), true);
    await page.keyboard.press('Escape');
    assert.equal(await tip.isVisible(), false, 'Escape closes the tooltip');
    // A statement's tooltip names its speaker, type and rule.
    const quote = page.locator('#highlights [data-kind="quote"][data-first][data-source]').first();
    await quote.focus();
    const text = await tip.textContent();
    const sourceId = await quote.getAttribute('data-source');
    const name = await page.locator(`#sources-body button[data-source="${sourceId}"] .source-name`).textContent();
    assert.ok(text.includes(name), `tooltip names the speaker ${name}`);
    assert.match(text, /Source type/);
    assert.match(text, /Rule/);
  });

  test('tooltips open on hover', async () => {
    await setText(page, sampleText());
    const speaker = page.locator('#highlights [data-kind="speaker"][data-first]').first();
    await speaker.hover();
    assert.equal(await page.locator('#tip').isVisible(), true);
    assert.match(await page.locator('#tip').textContent(), /Speaker/);
  });

  test('selecting a source outlines its marks and scrolls to the first', async () => {
    await setText(page, sampleText());
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const card = page.locator('#sources-body button[data-source]').last();
    const id = await card.getAttribute('data-source');
    await card.click();
    assert.equal(await card.getAttribute('aria-pressed'), 'true');
    const selected = page.locator('#highlights .selected');
    assert.ok((await selected.count()) > 0, 'the source has outlined marks');
    const ids = await selected.evaluateAll((els) => [...new Set(els.map((e) => e.dataset.source))]);
    assert.deepEqual(ids, [id]);
    await page.waitForFunction(() => {
      const r = document.querySelector('#highlights .selected').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, null, { timeout: 5000 });
    await card.click();
    assert.equal(await card.getAttribute('aria-pressed'), 'false');
    assert.equal(await selected.count(), 0);
  });

  test('a claimed pressure in the panel reads "pressurers → target: demand" and jumps to the text', async () => {
    await setText(page, sampleText());
    const card = page.locator('#pressures-body button[data-pressure]').first();
    assert.match(await card.textContent(), /→.*:/);
    assert.match(await card.textContent(), /claimed by/);
    const id = await card.getAttribute('data-pressure');
    await card.click();
    await page.waitForFunction((pid) => document.activeElement?.dataset.item === pid, id, { timeout: 5000 });
  });

  test('Download JSON saves the analysis of the shown text', async () => {
    const text = SEVERAL_SOURCES;
    await setText(page, text);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.equal(download.suggestedFilename(), 'sourcelens-analysis.json');
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(saved, await analyzeInNode(text));
    assert.equal(saved.length, text.length);
  });

  test('Copy sourcing report puts a plain-text report on the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await setText(page, sampleText());
    await page.click('#copy');
    await page.waitForFunction(() => /copied/i.test(document.getElementById('status').textContent));
    const report = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(report, /^Sourcing report/);
    assert.match(report, /SOURCES/);
    assert.match(report, /CLAIMED PRESSURES/);
    for (const name of await page.locator('#sources-body .source-name').allTextContents()) {
      assert.ok(report.includes(name), `the report lists ${name}`);
    }
  });

  test('Clear empties everything; Sample brings the sample back', async () => {
    await page.click('#clear');
    await page.waitForFunction(() => document.getElementById('text').value === '' && !document.querySelector('#highlights [data-kind]'));
    assert.match(await page.textContent('#sources-body'), /No sources/);
    assert.match(await page.textContent('#pressures-body'), /No claimed pressures/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text');
    await page.click('#sample');
    await page.waitForFunction(() => document.querySelector('#highlights [data-kind]'));
    assert.equal(await page.inputValue('#text'), sampleText());
  });

  test('a real paste (Ctrl+V) into the text area is analysed', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.click('#clear');
    await page.evaluate((text) => navigator.clipboard.writeText(text), SEVERAL_SOURCES);
    const before = await page.evaluate(() => Number(document.body.dataset.analysed));
    await page.focus('#text');
    await page.keyboard.press('Control+V');
    await page.waitForFunction((n) => Number(document.body.dataset.analysed) > n, before);
    assert.equal(await page.inputValue('#text'), SEVERAL_SOURCES);
    assert.equal(await page.textContent('#highlights'), SEVERAL_SOURCES);
    assert.ok((await page.locator('#highlights [data-kind="quote"]').count()) > 0);
  });

  test('"Open .txt file…" reads the chosen file', async () => {
    const before = await page.evaluate(() => Number(document.body.dataset.analysed));
    await page.setInputFiles('#file', { name: 'sample.txt', mimeType: 'text/plain', buffer: Buffer.from(sampleText()) });
    await page.waitForFunction((n) => Number(document.body.dataset.analysed) > n, before);
    assert.equal(await page.inputValue('#text'), sampleText());
    assert.equal(await page.textContent('#highlights'), sampleText());
  });

  test('a dropped .txt file is read and analysed; other files are refused', async () => {
    const before = await page.evaluate(() => Number(document.body.dataset.analysed));
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'story.txt', { type: 'text/plain' }));
      const area = document.getElementById('text');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        area.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    }, SEVERAL_SOURCES);
    await page.waitForFunction((n) => Number(document.body.dataset.analysed) > n, before);
    assert.equal(await page.inputValue('#text'), SEVERAL_SOURCES);
    assert.equal(await page.textContent('#highlights'), SEVERAL_SOURCES);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.png', { type: 'image/png' }));
      document.getElementById('text').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await page.waitForSelector('#error:not([hidden])');
    assert.match(await page.textContent('#error'), /photo\.png/);
    assert.equal(await page.inputValue('#text'), SEVERAL_SOURCES);
    // Dropped anywhere else on the page, a text file is read too (the browser does not open it).
    const n = await page.evaluate(() => Number(document.body.dataset.analysed));
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'other.txt', { type: 'text/plain' }));
      const target = document.querySelector('.side-pane');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    }, sampleText());
    await page.waitForFunction((before) => Number(document.body.dataset.analysed) > before, n);
    assert.equal(await page.inputValue('#text'), sampleText());
  });

  test('screenshots: desktop and 360 px, light and dark; no sideways scrolling on a phone', async () => {
    const shots = [
      ['page-desktop.png', { width: 1366, height: 900 }, 'light'],
      ['page-desktop-dark.png', { width: 1366, height: 900 }, 'dark'],
      ['page-360.png', { width: 360, height: 780 }, 'light'],
      ['page-360-dark.png', { width: 360, height: 780 }, 'dark'],
    ];
    for (const [file, viewport, colorScheme] of shots) {
      const { page: shot } = await openPage(browser.context, server.url, { viewport, colorScheme });
      const overflow = await shot.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${file}: no horizontal scrolling (${overflow}px too wide)`);
      await shot.screenshot({ path: resultPath(file), fullPage: viewport.width < 600 });
      await shot.close();
    }
    // A tooltip, as a visitor sees it.
    await setText(page, sampleText());
    const quote = page.locator('#highlights [data-kind="quote"][data-first]').nth(2);
    await quote.scrollIntoViewIfNeeded();
    await quote.hover();
    await page.waitForSelector('#tip:not([hidden])');
    await page.screenshot({ path: resultPath('page-tooltip.png') });
  });

  test('no page errors and no requests off the origin', async () => {
    assert.deepEqual(log.errors, []);
    const off = log.requests.filter((url) => !url.startsWith(server.origin + '/') && !url.startsWith('blob:') && !url.startsWith('data:'));
    assert.deepEqual(off, []);
  });
});
