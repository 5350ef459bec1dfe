#!/usr/bin/env node
// publisher's axe-core runner: one headless Debian Chromium, many local pages.
//
// usage: node axe-check.js OUT.json FILE.html [FILE.html ...]
// Writes {file: {violations: [...], layout: {...}}} where layout holds, for the
// widths in LAYOUT_WIDTHS and both colour schemes, the page's scroll width and any
// element that sticks out of the viewport (reflow at 320 CSS px).
// env: CHROMIUM_BIN (default /usr/bin/chromium), AXE_TAGS, SCREENSHOT_DIR,
//      ASSET_MAP ("https://site/prefix/=/local/folder/;..."): published URLs served
//      from local files, so a fragment with absolute asset URLs is tested offline.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

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

async function main() {
  const [out, ...files] = process.argv.slice(2);
  if (!out || files.length === 0) {
    console.error('usage: axe-check.js OUT.json FILE.html [FILE.html ...]');
    process.exit(2);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'publisher-axe-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 900 },
  });
  const results = {};
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
      const entry = { violations: [], layout: {} };
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(url, { waitUntil: 'load' });
          entry.layout[`${scheme}-${width}`] = await layout(page);
          if (process.env.SCREENSHOT_DIR) {
            const name = path.basename(file).replace(/\.html$/, '') + `-${scheme}-${width}.png`;
            await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, name), fullPage: true });
          }
          if (width === 1280 || scheme === 'dark') {
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
