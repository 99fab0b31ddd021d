// Pasted text is data: HTML and script in the article, in speaker names and in quotes must
// show up as text, run nothing, load nothing and add no element to the page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { highlightItems, launch, openPage, servePage, setText, skipReason } from './harness.mjs';

const skip = skipReason() ?? false;

/** Payloads; each sets window.__pwned or fetches from evil.example if it ever runs or loads. */
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">',
  '<iframe src="javascript:window.top.__pwned=1"></iframe>',
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=window.__pwned=1>",
  '<body onload=window.__pwned=1>',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '<details open ontoggle=window.__pwned=1>',
  '<input autofocus onfocus=window.__pwned=1>',
  '<video><source onerror=window.__pwned=1></video>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<embed src="javascript:window.__pwned=1">',
  "<style>@import 'http://evil.example/x.css';</style>",
  '<link rel=stylesheet href=http://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
  '<base href="http://evil.example/">',
  '<form action="http://evil.example/"><button>go</button></form>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '${window.__pwned=1}',
  'javascript:window.__pwned=1',
  '<img src="http://evil.example/pixel.png">',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '<!--<img src=x onerror=window.__pwned=1>-->',
  '<![CDATA[<script>window.__pwned=1</script>]]>',
  '<scr<script>ipt>window.__pwned=1</scr</script>ipt>',
  '<div style="background:url(http://evil.example/bg.png)">x</div>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<template><img src=x onerror=window.__pwned=1></template>',
  '\u202e<b>reversed</b>\u202c',
  '<marquee onstart=window.__pwned=1>',
  '" onmouseover="window.__pwned=1',
  '</span><img src=x onerror=window.__pwned=1><span>',
  '<span data-kind="quote" data-source="s1" tabindex="0">fake</span>',
  '<x onclick=window.__pwned=1 data-item="a1:0">',
];

/** A story that puts `payload` in a quote, a speaker's name, an "according to" and a pressure. */
function story(payload) {
  return [
    `"We will not accept ${payload} in this city," said Anna ${payload} Weber, a spokesperson for the ${payload} Party.`,
    '',
    `According to ${payload} News, the talks failed on Monday. Weber urged ${payload} to resign.`,
    '',
    `A diplomat, speaking on condition of anonymity, said that "${payload}" was the only answer.`,
  ].join('\n');
}

/** Tags the page itself may create inside each region. */
const ALLOWED = {
  '#highlights': ['DIV', 'SPAN', 'P'],
  '#sources-body': ['OL', 'LI', 'BUTTON', 'SPAN', 'P'],
  '#pressures-body': ['OL', 'LI', 'BUTTON', 'SPAN', 'P'],
  '#summary-body': ['UL', 'LI', 'STRONG', 'DIV', 'SPAN', 'P'],
  '#tip': ['P', 'DL', 'DT', 'DD'],
};

describe('pasted HTML and script stay inert', { skip }, () => {
  let server;
  let browser;
  let page;
  let log;
  const dialogs = [];

  before(async () => {
    server = await servePage();
    browser = await launch();
    ({ page, log } = await openPage(browser.context, server.url));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [i, payload] of PAYLOADS.entries()) {
    test(`payload ${i + 1}: ${JSON.stringify(payload).slice(0, 60)}`, async () => {
      const text = story(payload);
      await setText(page, text);
      assert.equal(await page.textContent('#highlights'), text, 'shown exactly as text');
      // Open the tooltip of every highlight, and the report.
      for (const el of await page.locator('#highlights [data-first]').all()) await el.focus();
      await page.locator('#highlights [data-first]').first().hover().catch(() => {});
      await page.click('#copy');
      const report = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(report.includes('Sourcing report'));
      const strays = await page.evaluate((allowed) => {
        const out = [];
        for (const [selector, tags] of Object.entries(allowed)) {
          for (const el of document.querySelectorAll(`${selector} *`)) {
            if (!tags.includes(el.tagName)) out.push(`${selector} ${el.tagName}`);
            for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) out.push(`${selector} ${el.tagName}[${attr}]`);
          }
        }
        return out;
      }, ALLOWED);
      assert.deepEqual(strays, [], 'no element or handler from the text');
      const items = await highlightItems(page);
      assert.ok(items.every((item) => /^[aps]\d+(:|$)/.test(item.item)), 'every data-item comes from the analysis');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
      assert.deepEqual(dialogs, []);
    });
  }

  test('nothing was requested off the origin and no script error happened', async () => {
    const off = log.requests.filter((url) => !url.startsWith(server.origin + '/') && !/^(blob|data):/.test(url));
    assert.deepEqual(off, []);
    assert.deepEqual(log.errors, []);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), 1, 'only the page\'s own script');
    assert.match(
      await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'),
      /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/,
    );
  });
});
