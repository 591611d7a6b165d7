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

  for (const path of ['/map', '/districts/thach-that', '/delays', '/clusters', '/land',
                      '/compare?c=huu-bang,cau-bau-gd-2', '/clusters/huu-bang/enquiry',
                      '/subscribe?scope=cluster:huu-bang']) {
    await page.goto(`${base}${path}`);
    await axe(page, path);
  }
  check(errors.length === 0, `no console errors (${errors.join(' | ')})`);

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const small = await phone.newPage();
  for (const path of ['/', '/clusters', '/clusters/huu-bang', '/map', '/delays', '/land',
                      '/compare?c=huu-bang,cau-bau-gd-2', '/clusters/huu-bang/enquiry']) {
    await small.goto(`${base}${path}`);
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 360, `${path} fits a 360 px phone without sideways scrolling (${width} px)`);
  }
  // Tap targets (WCAG 2.2, 2.5.8): each header link at least 24 px tall, and no two closer
  // than 24 px centre to centre, nor overlapping.
  await small.goto(`${base}/`);
  const boxes = await small.locator('header.site nav a').evaluateAll(
    (links) => links.map((a) => { const r = a.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }));
  const tooSmall = boxes.filter(([, , , h]) => h < 24).length;
  let crowded = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [ax, ay, aw, ah] = boxes[i], [bx, by, bw, bh] = boxes[j];
      const overlapX = ax < bx + bw && bx < ax + aw, overlapY = ay < by + bh && by < ay + ah;
      const dx = (ax + aw / 2) - (bx + bw / 2), dy = (ay + ah / 2) - (by + bh / 2);
      if ((overlapX && overlapY) || Math.hypot(dx, dy) < 24) crowded++;
    }
  check(boxes.length >= 6 && tooSmall === 0 && crowded === 0,
        `header links at 360 px: ${boxes.length}, ${tooSmall} under 24 px tall, ${crowded} pairs too close`);

  // An investor on a phone: finds land in one commune, compares two clusters, writes to a
  // developer and saves the search for alerts, tapping the links the pages offer.
  // (The emails themselves are checked over aiosmtpd in mail/an investor finds land, ….)
  await small.goto(`${base}/land?commune=10369`);
  const cards = await small.locator('ul.cards.land li.card').count();
  check(cards >= 1, `/land?commune=10369 lists the commune's clusters as cards at 360 px (${cards})`);
  await small.locator('ul.cards.land li.card').first().getByRole('link', { name: 'So sánh với cụm khác' }).click();
  check(small.url().includes('/compare?c='), 'a card opens the comparison');
  await small.goto(`${base}/compare?c=cau-bau-gd-2,huu-bang`);
  check((await small.locator('main').innerText()).includes('Hữu Bằng'), 'two clusters side by side');
  await small.goto(`${base}/clusters/huu-bang`);
  await small.getByRole('link', { name: 'Gửi yêu cầu thuê đất tới chủ đầu tư' }).click();
  await small.getByLabel('Họ tên').fill('Nguyễn Thị Lan');
  await small.getByLabel('Email').fill('lan@investor.example');
  await small.getByLabel('Diện tích cần thuê (ha)').fill('2,5');
  await small.getByLabel('Nội dung').fill('Chúng tôi cần 2,5 ha đất sẵn sàng trong quý 1/2027.');
  await small.getByLabel(/Tôi đồng ý/).check();
  check((await small.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'the enquiry form fits 360 px');
  await small.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  check((await small.locator('h1').innerText()).includes('Đã gửi yêu cầu'), 'the enquiry is sent from the phone');
  await small.goto(`${base}/land?commune=10369`);
  await small.getByRole('link', { name: 'Nhận email khi kết quả tìm kiếm này thay đổi' }).click();
  await small.getByLabel('Email').fill('lan@investor.example');
  await small.getByRole('button', { name: 'Đăng ký' }).click();
  check((await small.locator('h1').innerText()).includes('Kiểm tra hộp thư'), 'the saved search asks to confirm by email');
  await axe(small, 'the subscription answer at 360 px');

  // The back office: a district official signs in, is refused a bad report with a clear
  // message, submits a good one and sees it on the public page at once.
  const office = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await office.goto(`${base}/admin`);
  await office.waitForURL(/\/login/);
  await axe(office, '/login');
  await office.getByLabel('Email').fill(process.env.TRACKER_E2E_EMAIL);
  await office.getByLabel('Mật khẩu').fill(process.env.TRACKER_E2E_PASSWORD);
  await office.getByRole('button', { name: 'Đăng nhập' }).click();
  await office.waitForURL(/\/admin$/);
  check((await office.locator('header').innerText()).includes(process.env.TRACKER_E2E_EMAIL),
    'signed in, the header names the account');
  await axe(office, '/admin');
  const row = office.locator('tr', { hasText: 'Hữu Bằng' });
  await row.getByRole('link', { name: 'Báo cáo tiến độ' }).click();
  await office.waitForURL(/\/admin\/clusters\/huu-bang\/report/);
  await axe(office, 'the report form');
  await office.locator('input[name="items[0].percent"]').fill('150');
  await office.locator('input[name=disbursed_vnd]').fill('987654321000');
  await office.locator('textarea[name=note]').fill('Kiểm tra bằng trình duyệt');
  await office.getByRole('button', { name: 'Gửi báo cáo' }).click();
  check((await office.locator('.form-errors').innerText()).includes('không được quá 100'),
    'a percentage over 100 is refused with a Vietnamese message');
  check((await office.locator('input[name="items[0].percent"]').getAttribute('aria-invalid')) === 'true',
    'the wrong field is marked for assistive technology');
  await axe(office, 'the report form with errors');
  await office.locator('input[name="items[0].percent"]').fill('80');
  await office.getByRole('button', { name: 'Gửi báo cáo' }).click();
  // Figures unlike the record (here: below the seeded reports) are questioned: confirmed,
  // with a reason, they go through.
  const doubts = await office.locator('.form-errors').innerText();
  check(doubts.includes('đánh dấu “Xác nhận” và ghi lý do'),
    `unusual figures are questioned in Vietnamese (${doubts.split('\n')[1]})`);
  await office.locator('input[name=confirm]').check();
  await office.locator('textarea[name=confirm_reason]').fill('Gồm vốn của hai giai đoạn');
  await office.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await office.waitForURL(/\/clusters\/huu-bang/);
  const publicPage = await office.locator('main').innerText();
  check(publicPage.includes('Kiểm tra bằng trình duyệt'), 'the public page shows the new report at once');
  check(publicPage.includes('Gồm vốn của hai giai đoạn'), 'and the reason its figures were confirmed');
  for (const [path, what] of [['/admin/clusters/huu-bang/baseline', 'the re-baselining form'],
                              ['/admin/clusters/huu-bang/delays', 'the delay flags page'],
                              ['/admin/delays', 'the delay flags overview']]) {
    await office.goto(`${base}${path}`);
    await axe(office, what);
  }

  // The official records Hữu Bằng's industrial land and the land ready to lease; then an
  // investor on a phone finds it among the clusters with at least 2 ha available now in its
  // commune (xã 10003, a candidate until confirmed).
  await office.goto(`${base}/admin/clusters/huu-bang/registry`);
  await office.locator('input[name=industrial_area_m2]').fill('300.000');
  await office.getByRole('button', { name: 'Lưu' }).click();
  await office.waitForLoadState();
  check(!office.url().includes('/registry'), `the registry form saves (${office.url()} ${await office.locator('.form-errors').allInnerTexts()})`);
  await office.goto(`${base}/admin/clusters/huu-bang/facts`);
  await office.locator('input[name=ready_to_lease_m2]').fill('300000');
  await office.locator('[name=source]').fill('Biên bản nghiệm thu hạ tầng, thử bằng trình duyệt');
  await office.getByRole('button', { name: 'Lưu' }).click();
  await office.waitForLoadState();
  check(!office.url().includes('/facts'), `the facts form saves (${office.url()} ${await office.locator('.form-errors').allInnerTexts()})`);
  const investor = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true })).newPage();
  await investor.goto(`${base}/land?commune=10003&min_ha=2&ready=now`);
  const found = await investor.locator('ul.cards.land li.card h2').allInnerTexts();
  check(found.some((name) => name.includes('Hữu Bằng')),
        `at 360 px, /land finds Hữu Bằng with at least 2 ha available now in xã 10003 (${found.join(', ')})`);
  check((await investor.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'that search fits 360 px');
  await investor.locator('ul.cards.land li.card', { hasText: 'Hữu Bằng' }).getByRole('link', { name: 'Gửi yêu cầu thuê đất tới chủ đầu tư' }).click();
  check((await investor.locator('h1').innerText()).includes('Gửi yêu cầu thuê đất'), 'its card leads to the enquiry form');

  const officePhone = await (await browser.newContext({
    viewport: { width: 360, height: 740 }, isMobile: true,
    storageState: await office.context().storageState(),
  })).newPage();
  for (const path of ['/admin', '/admin/clusters/huu-bang/report', '/admin/clusters/huu-bang/tenants',
                      '/admin/clusters/huu-bang/baseline', '/admin/clusters/huu-bang/delays']) {
    await officePhone.goto(`${base}${path}`);
    const width = await officePhone.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 360, `${path} fits a 360 px phone (${width} px)`);
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`${failures.length} failure(s)`);
  process.exit(1);
}
