// The public pages as a reader meets them, in Debian's Chromium: open the overview, search
// without diacritics, open a cluster, switch language, look at a phone's width, and run
// axe-core on every page (no serious or critical violation allowed).
// Usage: node browser_test.mjs http://127.0.0.1:PORT
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.argv[2];
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok' : 'FAIL'}: ${what}`);
  if (!ok) failures.push(what);
};

async function axe(page, label) {
  // Evaluated over the DevTools protocol, so the page's CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad)
    console.log(`  axe ${v.impact} ${v.id} on ${label}: ${v.help} (${v.nodes.length}×) ${v.nodes[0].target}`);
  check(bad.length === 0, `axe: no serious or critical violation on ${label}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(`${base}/`);
  check((await page.locator('h1').innerText()).includes('Tổng quan'), 'the overview opens in Vietnamese');
  await axe(page, '/');

  await page.getByRole('link', { name: 'Danh sách cụm' }).first().click();
  await page.locator('input[name=q]').fill('huu bang');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.waitForURL(/q=huu\+bang/);
  const links = await page.locator('table.clusters tbody a').allInnerTexts();
  check(links.length === 1 && links[0].includes('Hữu Bằng'),
    `a search without diacritics finds Hữu Bằng alone (${links.join(' | ')})`);
  await axe(page, '/clusters?q=huu+bang');

  await page.getByRole('link', { name: /Hữu Bằng/ }).click();
  await page.waitForURL(/\/clusters\/huu-bang/);
  check((await page.locator('h1').innerText()).includes('Hữu Bằng'), 'the cluster page opens');
  check((await page.locator('svg.chart').count()) === 3, 'the cluster page draws its schedule and two S-curves');
  await axe(page, '/clusters/huu-bang');

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  check((await page.locator('html').getAttribute('lang')) === 'en', 'the language switch gives English');
  check((await page.locator('#registry').innerText()) === 'Registry', 'English headings');
  await page.getByRole('link', { name: 'Overview' }).click();
  check((await page.locator('h1').innerText()).includes('overview'), 'English is remembered on the next page');
  await axe(page, '/ (English)');

  for (const path of ['/map', '/districts/thach-that', '/delays', '/clusters']) {
    await page.goto(`${base}${path}`);
    await axe(page, path);
  }
  check(errors.length === 0, `no console errors (${errors.join(' | ')})`);

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const small = await phone.newPage();
  for (const path of ['/', '/clusters', '/clusters/huu-bang', '/map']) {
    await small.goto(`${base}${path}`);
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 360, `${path} fits a 360 px phone without sideways scrolling (${width} px)`);
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`${failures.length} failure(s)`);
  process.exit(1);
}
