// Journey: an auditor looks up, for a seat of the raad van bestuur, who held
// it on two dates and how the register knew it, then opens a mandate's history.
// A small journey that shows the pattern for journey-*.mjs files (harness.mjs).
import { startIntranet } from './harness.mjs';

const h = await startIntranet('history');
await h.run(async ({ page, base, check, sample, login, shot, widths }) => {
  await login('auditor');
  const body = 'igs-rupel-bc';  // the raad van bestuur of igs-rupel in the sample
  const persons = new Map(sample.persons.map((p) => [p.id, p.name]));
  const expected = (date) => sample.mandates
    .filter((m) => m.body === body && m.from <= date && (!m.until || m.until >= date) && !m.retracted)
    .map((m) => persons.get(m.person)).sort();
  for (const date of ['2019-08-01', '2026-01-01']) {
    await page.goto(`${base}/intranet/igs/igs-rupel/samenstelling?datum=${date}`);
    const names = (await page.locator('tbody th').allInnerTexts()).map((s) => s.trim()).sort();
    check(JSON.stringify(names) === JSON.stringify(expected(date)), `composition on ${date}: ${names}`);
  }
  await shot(page, 'samenstelling');
  await page.locator('tbody a').first().click();
  const heading = await page.locator('h1').innerText();
  const mandateId = decodeURIComponent(page.url().split('/mandaten/')[1] ?? '');
  check(heading.includes('Geschiedenis van mandaat: ') && mandateId && !heading.includes(mandateId),
    `mandate history page named after its holder, not its id (${heading})`);
  await page.setViewportSize({ width: widths.phone, height: 800 });
  const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(sw <= iw, `390 px: mandate history without horizontal overflow (${sw} > ${iw})`);
  await shot(page, 'mandaat-390');
});
