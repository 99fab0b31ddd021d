// Accessibility: axe-core finds nothing in every state a visitor can reach, in light and
// dark, on a desktop and on a 360 px phone.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { SEVERAL_SOURCES, launch, openPage, servePage, setText, skipReason } from './harness.mjs';

const skip = skipReason() ?? false;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe (injected through the debugger, so the page's CSP stays as it is). */
async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

/** Page states to check: a name and what to do to reach it. */
const STATES = [
  ['the sample, as the page opens', async () => {}],
  ['a tooltip open by keyboard', async (page) => page.locator('#highlights [data-kind="quote"][data-first]').first().focus()],
  ['a source selected', async (page) => page.locator('#sources-body button[data-source]').first().click()],
  ['layers hidden', async (page) => {
    await page.locator('input[value="quote"]').uncheck();
    await page.locator('input[value="speaker"]').uncheck();
  }],
  ['the legend open', async (page) => page.click('.legend summary')],
  ['another text', async (page) => setText(page, SEVERAL_SOURCES)],
  ['an error shown and the report fallback open', async (page) => {
    await page.evaluate(() => {
      document.getElementById('error').hidden = false;
      document.getElementById('error').textContent = 'Could not analyse this text: example error';
      document.getElementById('report-out').hidden = false;
    });
  }],
  ['an empty text', async (page) => page.click('#clear')],
];

const VIEWS = [
  ['desktop light', { width: 1366, height: 900 }, 'light'],
  ['desktop dark', { width: 1366, height: 900 }, 'dark'],
  ['360 px light', { width: 360, height: 780 }, 'light'],
  ['360 px dark', { width: 360, height: 780 }, 'dark'],
];

describe('accessibility (axe-core)', { skip }, () => {
  let server;
  let browser;

  before(async () => {
    server = await servePage();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [view, viewport, colorScheme] of VIEWS) {
    test(`${view}: no violations in any state`, async () => {
      const { page } = await openPage(browser.context, server.url, { viewport, colorScheme });
      const found = [];
      for (const [state, reach] of STATES) {
        await reach(page);
        for (const v of await violations(page)) found.push(`${state}: ${v}`);
      }
      await page.close();
      assert.deepEqual(found, []);
    });
  }

  test('everything can be reached with the keyboard, with a visible focus', async () => {
    const { page } = await openPage(browser.context, server.url);
    const reached = new Set();
    const unstyled = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { id: el.closest('#highlights') ? 'highlight' : el.id || el.dataset.source || el.dataset.pressure || el.tagName, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      reached.add(info.id);
      if (!info.outline) unstyled.push(info.id);
    }
    for (const id of ['text', 'sample', 'clear', 'open', 'highlight', 'download', 'copy']) assert.ok(reached.has(id), `Tab reaches ${id}`);
    assert.ok([...reached].some((id) => /^s\d+$/.test(id)), 'Tab reaches the sources');
    assert.deepEqual([...new Set(unstyled)].filter((id) => id !== 'BODY'), [], 'focus is visible everywhere');
    await page.close();
  });
});
