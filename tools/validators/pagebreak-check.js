#!/usr/bin/env node
// publisher's page-marker check: EPUB content documents (XHTML, unpacked) in
// headless Debian Chromium, as a Chromium-based reading system shows them.
//
// usage: node pagebreak-check.js OUT.json FILE.xhtml [FILE.xhtml ...]
// Writes {file: [{id, label, inViewport, scrollY, inAccessibilityTree, axRole}]}:
// for every page marker (role="doc-pagebreak"), whether navigating to #id scrolls it
// into the viewport (a page list's "go to page N"), and whether it is in Chromium's
// accessibility tree with its label (CDP Accessibility.getFullAXTree).
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { launch } = require('./browser.js');

async function main() {
  const [out, ...files] = process.argv.slice(2);
  if (!out || files.length === 0) {
    console.error('usage: pagebreak-check.js OUT.json FILE.xhtml [FILE.xhtml ...]');
    process.exit(2);
  }
  // A phone-sized reading system: the text is several screens long.
  const { context, profile } = await launch('pages', { width: 400, height: 700 });
  const results = {};
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.route('**/*', route => {
      const url = route.request().url();
      return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
    });
    for (const file of files) {
      const url = pathToFileURL(path.resolve(file)).href;
      await page.goto(url, { waitUntil: 'load' });
      const markers = await page.evaluate(() => [...document.querySelectorAll('[role="doc-pagebreak"]')]
        .map(m => ({ id: m.id, label: m.getAttribute('aria-label') })));
      // What reaches the accessibility tree: the markers' DOM nodes and their AX nodes.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Accessibility.enable');
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const byId = {};
      (function walk(node) {
        const attrs = node.attributes || [];
        for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'id') byId[attrs[i + 1]] = node.backendNodeId;
        for (const child of node.children || []) walk(child);
      })(root);
      const ax = {};
      for (const n of nodes) if (n.backendDOMNodeId && !n.ignored) ax[n.backendDOMNodeId] = n;
      await cdp.detach();
      const entries = [];
      for (const marker of markers) {
        await page.goto(url + '#' + marker.id, { waitUntil: 'load' });
        const where = await page.evaluate((id) => {
          const el = document.getElementById(id);
          const box = el.getBoundingClientRect();
          return { top: box.top, inViewport: box.top >= -1 && box.top < innerHeight, scrollY };
        }, marker.id);
        const node = ax[byId[marker.id]];
        entries.push({
          id: marker.id, label: marker.label, inViewport: where.inViewport, scrollY: where.scrollY,
          inAccessibilityTree: Boolean(node), axRole: node && node.role ? node.role.value : null,
          axName: node && node.name ? node.name.value : null,
        });
      }
      results[file] = entries;
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  fs.writeFileSync(out, JSON.stringify(results, null, 1));
}

main().catch(err => { console.error('pagebreak-check: ' + (err && err.stack || err)); process.exit(2); });
