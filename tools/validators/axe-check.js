#!/usr/bin/env node
// publisher's axe-core runner: one headless Debian Chromium, many local pages.
//
// usage: node axe-check.js OUT.json FILE.html [FILE.html ...]
// Writes {file: {violations: [...], layout: {...}}} where layout holds, for the
// widths in LAYOUT_WIDTHS and both colour schemes, the page's scroll width and any
// element that sticks out of the viewport (reflow at 320 CSS px).
// For a page with an embed fragment (`.pub-embed`, also inside a shadow root) it
// also records, per view, the computed styles of the fragment's parts (`styles`:
// font size, line height, link underline, heading sizes, ...) so the same fragment
// can be compared across host pages, and once (light, 1280 px) what reaches the
// accessibility tree from it (`ax`: headings, landmarks, language; Chromium's tree
// through CDP Accessibility.getFullAXTree).
// axe runs in every view: 320 and 1280 px wide, light and dark.
// env: CHROMIUM_BIN (default /usr/bin/chromium), AXE_TAGS, SCREENSHOT_DIR, SCREENSHOT_ONLY,
//      ASSET_MAP ("https://site/prefix/=/local/folder/;..."): published URLs served
//      from local files, so a fragment with absolute asset URLs is tested offline.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { launch } = require('./browser.js');

const TAGS = (process.env.AXE_TAGS ||
  'wcag2a,wcag2aa,wcag21a,wcag21aa,wcag22aa,best-practice').split(',');
const AXE = require.resolve('axe-core/axe.min.js');
const WIDTHS = [320, 1280];
const SCHEMES = ['light', 'dark'];

async function layout(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.position === 'absolute' && box.bottom < 0) continue; // skip link, hidden
      // Content of a scrolling region (a wide table) may be wider: the region itself
      // is checked, and WCAG 1.4.10 allows two-dimensional content to scroll.
      let clipped = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)) { clipped = true; break; }
      }
      if (clipped) continue;
      if (box.right > width + 1 || box.left < -1) {
        outside.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
    }
    return { clientWidth: width, scrollWidth: document.documentElement.scrollWidth, outside: outside.slice(0, 10) };
  });
}

// The computed styles of an embed fragment's parts: what a reader sees, whatever the
// host page. Values in px (numbers) or keywords; null when the part is absent.
async function embedStyles(page) {
  return page.evaluate(() => {
    const host = document.querySelector('.pub-embed-host');
    const root = host && host.shadowRoot ? host.shadowRoot : document;
    const article = root.querySelector('.pub-embed');
    if (!article) return null;
    const px = (v) => (v === 'normal' ? v : Math.round(parseFloat(v) * 100) / 100);
    const pick = (selector) => article.querySelector(selector);
    const style = (el) => (el ? getComputedStyle(el) : null);
    const out = {};
    const text = (name, selector) => {
      const s = style(pick(selector));
      out[name + ' font-size'] = s ? px(s.fontSize) : null;
      out[name + ' line-height'] = s ? px(s.lineHeight) : null;
      out[name + ' font-family'] = s ? s.fontFamily.split(',')[0].replace(/"/g, '').trim() : null;
      out[name + ' font-weight'] = s ? s.fontWeight : null;
      out[name + ' letter-spacing'] = s ? s.letterSpacing : null;
      out[name + ' text-transform'] = s ? s.textTransform : null;
      out[name + ' margin-bottom'] = s ? px(s.marginBottom) : null;
    };
    text('title', '.pub-title');
    text('paragraph', '.pub-body p');
    text('list item', '.pub-body li');
    text('summary', '.pub-summary');
    text('table cell', '.pub-body td');
    text('caption', 'figcaption');
    text('footer', '.pub-embed-footer');
    for (const level of [2, 3, 4, 5, 6]) {
      const h = article.querySelector(`.pub-body h${level}, section > h${level}`);
      const s = style(h);
      out[`h${level} font-size`] = s ? px(s.fontSize) : null;
      out[`h${level} text-transform`] = s ? s.textTransform : null;
    }
    const ul = style(pick('.pub-body ul'));
    out['list marker'] = ul ? ul.listStyleType : null;
    out['list indent'] = ul ? px(ul.paddingInlineStart) : null;
    const td = style(pick('.pub-body td'));
    out['table cell border'] = td ? td.borderTopStyle + ' ' + px(td.borderTopWidth) : null;
    out['table cell padding'] = td ? px(td.paddingLeft) : null;
    const quote = style(pick('.pub-body blockquote'));
    out['quote border'] = quote ? quote.borderInlineStartStyle + ' ' + px(quote.borderInlineStartWidth) : null;
    const img = pick('figure img');
    out['figure image height/width'] = img && img.getBoundingClientRect().width
      ? Math.round(img.getBoundingClientRect().height / img.getBoundingClientRect().width * 100) / 100 : null;
    out['article width'] = px(style(article).width);
    // Its colours (compared between schemes, not between hosts: a host may opt in).
    out['background'] = style(article).backgroundColor;
    out['text colour'] = style(article).color;
    // A glossary word's first use: marked other than by colour (bold or underlined).
    const term = style(pick('.pub-body .term[id]'));
    out['glossary word marked'] = term
      ? Number(term.fontWeight) >= 600 || term.textDecorationLine.includes('underline') : null;
    // Every link in running text and lists must be underlined (axe link-in-text-block).
    const links = [...article.querySelectorAll('p a, li a, dd a, td a, figcaption a, address a')];
    out['links'] = links.length;
    out['links without underline'] = links.filter(a => !getComputedStyle(a).textDecorationLine.includes('underline'))
      .map(a => (a.className ? a.tagName.toLowerCase() + '.' + a.className : a.tagName.toLowerCase()) + ' ' + a.textContent.trim().slice(0, 30));
    const small = [];
    for (const a of article.querySelectorAll('.pub-toc a, .pub-embed-footer a, .pub-downloads a')) {
      const r = a.getBoundingClientRect();
      if (r.height && r.height < 24) small.push(a.textContent.trim().slice(0, 30) + ' ' + Math.round(r.height));
    }
    out['navigation links under 24 px high'] = small;
    return out;
  });
}

// What reaches the accessibility tree from the fragment (also from a shadow root).
async function accessibility(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const headings = [], landmarks = [];
    let articleNode = null;
    const LANDMARKS = ['article', 'navigation', 'region', 'contentinfo', 'complementary', 'main', 'banner'];
    for (const n of nodes) {
      if (n.ignored || !n.role) continue;
      const role = n.role.value, name = n.name ? n.name.value : '';
      if (role === 'heading') {
        const level = (n.properties || []).find(p => p.name === 'level');
        headings.push([name, level ? level.value.value : null]);
      } else if (LANDMARKS.includes(role)) {
        landmarks.push([role, name]);
        if (role === 'article' && !articleNode) articleNode = n;
      }
    }
    let lang = null;
    if (articleNode && articleNode.backendDOMNodeId) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: articleNode.backendDOMNodeId });
      const result = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId, returnByValue: true,
        functionDeclaration: 'function () { let e = this; while (e) { if (e.getAttribute && e.getAttribute("lang")) return e.getAttribute("lang"); e = e.parentNode || e.host; } return null; }',
      });
      lang = result.result.value;
    }
    return { headings, landmarks, lang };
  } finally {
    await cdp.detach();
  }
}

async function main() {
  const [out, ...files] = process.argv.slice(2);
  if (!out || files.length === 0) {
    console.error('usage: axe-check.js OUT.json FILE.html [FILE.html ...]');
    process.exit(2);
  }
  const { context, profile } = await launch('axe', { width: 1280, height: 900 });
  const results = {};
  // SCREENSHOT_ONLY: the files to take screenshots of (one a line; default all).
  const shoot = process.env.SCREENSHOT_ONLY ? new Set(process.env.SCREENSHOT_ONLY.split('\n')) : null;
  try {
    const page = context.pages()[0] || await context.newPage();
    const assetMap = (process.env.ASSET_MAP || '').split(';').filter(Boolean).map(pair => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
    await page.route('**/*', route => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      for (const [prefix, folder] of assetMap) {
        if (url.startsWith(prefix)) {
          const local = path.join(folder, decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]));
          if (fs.existsSync(local)) return route.fulfill({ path: local });
        }
      }
      return route.abort();
    });
    for (const file of files) {
      const url = pathToFileURL(path.resolve(file)).href;
      const entry = { violations: [], layout: {}, styles: {}, ax: null };
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(url, { waitUntil: 'load' });
          entry.layout[`${scheme}-${width}`] = await layout(page);
          entry.styles[`${scheme}-${width}`] = await embedStyles(page);
          if (scheme === 'light' && width === 1280) entry.ax = await accessibility(page);
          if (process.env.SCREENSHOT_DIR && (!shoot || shoot.has(file))) {
            const name = path.basename(file).replace(/\.html$/, '') + `-${scheme}-${width}.png`;
            await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, name), fullPage: true });
          }
          {
            await page.addScriptTag({ path: AXE });
            const run = await page.evaluate(async (tags) => axe.run(document, {
              runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
            }), TAGS);
            for (const v of run.violations) {
              entry.violations.push({
                id: v.id, impact: v.impact, help: v.help, scheme, width,
                nodes: v.nodes.slice(0, 5).map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
              });
            }
          }
        }
      }
      results[file] = entry;
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  fs.writeFileSync(out, JSON.stringify(results, null, 1));
}

main().catch(err => { console.error('axe-check: ' + (err && err.stack || err)); process.exit(2); });
