#!/usr/bin/env node
// End-to-end check of the writing coach in `publisher serve`, in headless Chromium.
//
// usage: node coach.js COACH_URL SOURCE.md OLD_SENTENCE NEW_SENTENCE [SCREENSHOT_DIR]
// Opens the coach page, replaces OLD_SENTENCE by NEW_SENTENCE in the source (as an
// author saving the file), waits until a long-sentence mark holds the new sentence, puts
// the old sentence back and waits until that mark is gone. Prints JSON: whether each
// happened and how long it took after the save (ms). With SCREENSHOT_DIR, saves PNGs of
// the coach (both variants) and the side-by-side view.
// env: CHROMIUM_BIN (default /usr/bin/chromium); NODE_PATH must find playwright-core.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch } = require(path.join(__dirname, '..', '..', 'tools', 'validators', 'browser.js'));

const TIMEOUT = 15000;

async function poll(page, check, arg) {
  const started = Date.now();
  while (Date.now() - started < TIMEOUT) {
    try {
      if (await page.evaluate(check, arg)) return Date.now();
    } catch (error) {
      // the page is reloading: try again
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  return null;
}

async function main() {
  const [url, source, oldSentence, newSentence, shots] = process.argv.slice(2);
  const { context, profile } = await launch('coach', { width: 1400, height: 1000 });
  const result = {};
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(url);
    result.ready = (await poll(page, () => document.documentElement.dataset.coach === 'ready')) !== null;
    result.marksBefore = await page.evaluate(() => document.querySelectorAll('mark.pub-coach-mark').length);
    if (shots) {
      await page.screenshot({ path: path.join(shots, 'coach-standard.png') });
      await page.evaluate(() => document.querySelector('mark.pub-coach-long').scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(shots, 'coach-standard-marks.png') });
    }
    const original = fs.readFileSync(source, 'utf8');
    if (!original.includes(oldSentence)) throw new Error('the sentence to edit is not in the source');
    const marked = (wanted) => document.documentElement.dataset.coach === 'ready' &&
      [...document.querySelectorAll('mark.pub-coach-long')].map(m => m.textContent).join(' ').includes(wanted);
    const probe = newSentence.split(' ').slice(-3).join(' ');
    let saved = Date.now();
    fs.writeFileSync(source, original.replace(oldSentence, newSentence));
    let at = await poll(page, marked, probe);
    result.marked = at !== null;
    result.markedAfterMs = at && at - saved;
    result.markTag = await page.evaluate((wanted) => {
      const marks = [...document.querySelectorAll('mark.pub-coach-long')];
      const last = marks.findIndex(m => m.textContent.includes(wanted));
      const mine = marks.slice(0, last + 1).reverse().find(m => m.id);  // the sentence's first mark
      const tag = mine && mine.querySelector('.pub-coach-tag');
      return tag ? tag.textContent : null;
    }, probe);
    if (shots) {
      await page.evaluate((wanted) => {
        [...document.querySelectorAll('mark.pub-coach-long')].find(m => m.textContent.includes(wanted)).scrollIntoView({ block: 'center' });
      }, probe);
      await page.screenshot({ path: path.join(shots, 'coach-edited-sentence.png') });
    }
    saved = Date.now();
    fs.writeFileSync(source, original);
    at = await poll(page, (wanted) => document.documentElement.dataset.coach === 'ready' &&
      ![...document.querySelectorAll('mark.pub-coach-long')].map(m => m.textContent).join(' ').includes(wanted), probe);
    result.cleared = at !== null;
    result.clearedAfterMs = at && at - saved;
    if (shots) {
      const base = url.replace(/[^/]*$/, '');
      await page.goto(base + 'compare');
      await page.screenshot({ path: path.join(shots, 'side-by-side.png') });
      await page.screenshot({ path: path.join(shots, 'side-by-side-full.png'), fullPage: true });
      const plain = await page.evaluate(() => [...document.querySelectorAll('nav a')].map(a => a.href).find(h => h.includes('.plain.html')));
      await page.goto(plain);
      await poll(page, () => document.documentElement.dataset.coach === 'ready');
      await page.screenshot({ path: path.join(shots, 'coach-plain.png') });
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
}

main().catch(error => { console.error(error); process.exit(1); });
