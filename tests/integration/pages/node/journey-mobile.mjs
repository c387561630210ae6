// Journey (6): every page a secretariaat and a directeur reach by links, at
// 390 px (a phone) and at 1280 px: no horizontal overflow of the page, and
// every table readable, either stacked (one card per row) or scrolling inside
// its own box. Screenshots of every page at both widths.
import { startIntranet } from './harness.mjs';
import { crawl } from './crawl.mjs';

const h = await startIntranet('mobile');

function fileName(url, width) {
  const u = new URL(url);
  const name = (u.pathname.replace(/^\/intranet\/?/, '') + u.search).replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${width}-${name || 'start'}`;
}

await h.run(async ({ page }) => {
  for (const role of ['secretariaat', 'directeur']) {
    await h.login(role);
    await page.setViewportSize({ width: h.widths.phone, height: 844 });
    const visited = await crawl(h, page, async (url) => {
      const where = `${role} ${new URL(url).pathname}${new URL(url).search} at ${h.widths.phone} px`;
      const layout = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const tables = [...document.querySelectorAll('main table')].map((t) => {
          let box = t.parentElement;
          while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
            box = box.parentElement;
          const scrolls = box && box !== document.body;
          const r = (scrolls ? box : t).getBoundingClientRect();
          return { fits: r.left >= -1 && r.right <= width + 1, scrolls, stacked: getComputedStyle(t).display === 'block' };
        });
        return { width, scrollWidth: document.documentElement.scrollWidth, tables };
      });
      h.check(layout.scrollWidth <= layout.width, `${where}: no horizontal overflow (${layout.scrollWidth} > ${layout.width})`);
      layout.tables.forEach((t, i) =>
        h.check(t.fits, `${where}: table ${i + 1} stays inside the screen or its own scroll box`));
      if (role === 'secretariaat') await h.shot(page, fileName(url, h.widths.phone));
    });
    h.check(visited.length >= 8, `${role}: ${visited.length} pages at ${h.widths.phone} px`);
    if (role === 'secretariaat') {
      await page.setViewportSize({ width: h.widths.desktop, height: 900 });
      for (const url of visited) {
        await page.goto(url);
        await h.shot(page, fileName(url, h.widths.desktop));
      }
    }
  }
  // The IGS list's table becomes one card per row on a phone (no sideways scrolling at all).
  await page.setViewportSize({ width: h.widths.phone, height: 844 });
  await page.goto(`${h.base}/intranet/igs`);
  h.check(await page.locator('table.stack tr').first().evaluate((tr) => getComputedStyle(tr).display === 'block'),
    'the list of IGS is stacked at 390 px');
});
