// Offsets are UTF-16 code units end to end: with curly quotes, emoji (two code units each)
// and Arabic before and inside the marks, every mark covers exactly the intended words.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { analyzeInNode, expectedItems, highlightItems, launch, openPage, servePage, setText, skipReason } from './harness.mjs';

const skip = skipReason() ?? false;

/** Texts of my own, with the words the quote and speaker marks must show. */
const CASES = [
  {
    name: 'emoji and Arabic before a curly quote',
    text: '🚧🚧 تحديث الطرق — Road works update 🌧️\n\n“We will reopen the bridge 🌉 before winter,” said Rania Haddad, the city engineer.',
    quote: '“We will reopen the bridge 🌉 before winter,”',
    speaker: 'Rania Haddad',
  },
  {
    name: 'Arabic inside the quote, straight quotes',
    text: 'مرحبا 👋🏽 — a note.\n\n"The sign says مرحبا بكم and we kept it 🙂," said Omar Khalil, who runs the café.',
    quote: '"The sign says مرحبا بكم and we kept it 🙂,"',
    speaker: 'Omar Khalil',
  },
  {
    name: 'speaker before the quote, flags and combining marks',
    text: 'Zoë Brontë 🇫🇷🇩🇪 reported from the border.\n\nMayor Anaïs Lefèvre said: “Les réfugiés 👨‍👩‍👧 sont les bienvenus ici.”',
    quote: '“Les réfugiés 👨‍👩‍👧 sont les bienvenus ici.”',
    speaker: 'Anaïs Lefèvre',
  },
];

/** True when `s` has a lone surrogate (a mark cut through an emoji). */
function brokenSurrogate(s) {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

describe('offsets with curly quotes, emoji and Arabic', { skip }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await servePage();
    browser = await launch();
    ({ page } = await openPage(browser.context, server.url));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const c of CASES) {
    test(c.name, async () => {
      await setText(page, c.text);
      assert.equal(await page.textContent('#highlights'), c.text);
      const items = await highlightItems(page);
      for (const item of items) assert.ok(!brokenSurrogate(item.text), `${item.item} does not cut a character: ${JSON.stringify(item.text)}`);
      const analysis = await analyzeInNode(c.text);
      for (const [key, { span }] of expectedItems(analysis)) {
        const drawn = items.find((i) => i.item === key);
        if (drawn) assert.equal(drawn.text, c.text.slice(span.start, span.end), key);
      }
      const quotes = items.filter((i) => i.kind === 'quote').map((i) => i.text.trim());
      assert.ok(quotes.some((q) => q === c.quote || q === c.quote.replace(/[,.]?(["”])$/, '$1')), `a quote mark reads ${c.quote}; got ${JSON.stringify(quotes)}`);
      const speakers = items.filter((i) => i.kind === 'speaker').map((i) => i.text);
      assert.ok(speakers.some((s) => s === c.speaker || s.endsWith(` ${c.speaker}`)), `a speaker mark reads ${c.speaker}; got ${JSON.stringify(speakers)}`);
      // The tooltip of the quote shows the same words the analysis gives.
      const quote = page.locator('#highlights [data-kind="quote"][data-first]').first();
      await quote.focus();
      assert.match(await page.textContent('#tip'), /Speaker/);
    });
  }
});
