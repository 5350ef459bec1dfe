// publisher's one way to start a browser for its checks: Debian's Chromium (never a
// downloaded one), headless, with a fresh profile and no network of its own.
// env: CHROMIUM_BIN (default /usr/bin/chromium).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

// A persistent context in a new profile folder named after `name`, with `viewport`;
// the caller removes `profile` when done.
async function launch(name, viewport) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `publisher-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport,
  });
  return { context, profile };
}

module.exports = { launch };
