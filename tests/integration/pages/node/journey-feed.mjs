// Journey: a directeur subscribes to the deadlines in a calendar program. From
// the deadlines page to /intranet/agenda, makes a link (shown once), the link
// answers iCalendar without a session, then revokes it (404 from then on).
// On the same page the e-mail reminders per kind of deadline: days out of range
// refused next to the field with the typed value kept, then saved (as the CLI
// reads back), at 1280 and 390 px.
import { startIntranet } from './harness.mjs';

const h = await startIntranet('feed', {
  setup: (h) => h.cli('account', 'change', '--id', 'a-directeur', '--email', 'directeur@igs.example'),
});
await h.run(async ({ page, base, check, login, shot, widths }) => {
  await login('directeur');
  await page.goto(`${base}/intranet/igs/igs-cultuur-va/termijnen`);
  await page.getByRole('link', { name: 'agenda-abonnement' }).click();
  check(page.url().endsWith('/intranet/agenda'), `deadlines page links to the feed page (${page.url()})`);
  await shot(page, 'agenda');
  await page.getByRole('button', { name: 'Maak een nieuwe agenda-link' }).click();
  const url = await page.locator('#link').inputValue();
  check(url.startsWith(`${base}/api/v1/kalender/igsgovcal_`) && url.endsWith('.ics'), `feed link shown (${url})`);
  const perCooperation = await page.locator('input[readonly]').count();
  check(perCooperation > 1, `a link per cooperation too (${perCooperation - 1})`);
  await shot(page, 'agenda-link');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(sw <= iw, `390 px: feed page without horizontal overflow (${sw} > ${iw})`);
  await shot(page, 'agenda-link-390');
  await page.setViewportSize({ width: widths.desktop, height: 800 });

  const feed = await page.request.get(url, { headers: { Cookie: '' } });
  const ics = await feed.text();
  check(feed.status() === 200 && feed.headers()['content-type'].startsWith('text/calendar'), `feed answers (${feed.status()})`);
  check(ics.startsWith('BEGIN:VCALENDAR') && /CATEGORIES:(Einde looptijd|Kalender|Statuten|Verlenging)/.test(ics),
    'iCalendar with Dutch categories');

  await page.getByRole('button', { name: 'Trek mijn agenda-link in' }).click();
  check((await page.locator('p.ok').innerText()).includes('ingetrokken'), 'revocation confirmed');
  await shot(page, 'agenda-ingetrokken');
  const gone = await page.request.get(url);
  check(gone.status() === 404, `revoked link is 404 (${gone.status()})`);

  // E-mail reminders per kind of deadline.
  check((await page.locator('#herinneringen ~ p strong').first().innerText()) === 'directeur@igs.example',
    'reminders say where the e-mails go');
  await page.getByLabel('E-mail voor Statuten').check();
  await page.getByLabel('Dagen vooraf voor Statuten').fill('400');
  await page.getByRole('button', { name: 'Bewaar Statuten' }).click();
  const error = page.locator('#fout-dagen-statuten');
  check((await error.count()) === 1 && (await error.innerText()).includes('tussen 0 en 365 dagen'),
    'days out of range: Dutch error next to the field');
  check((await page.getByLabel('Dagen vooraf voor Statuten').inputValue()) === '400', 'typed days kept');
  check(h.cliJson('reminder', 'list', '--account', 'a-directeur').reminders.every((r) => r.days === undefined),
    'refused: nothing saved');
  await shot(page, 'herinnering-fout');
  await page.getByLabel('Dagen vooraf voor Statuten').fill('14');
  await page.getByRole('button', { name: 'Bewaar Statuten' }).click();
  check((await page.locator('p.ok').innerText()).includes("14 dagen voor elke termijn 'Statuten'"), 'reminder saved');
  check(await page.getByLabel('E-mail voor Statuten').isChecked(), 'saved setting shown ticked');
  const saved = h.cliJson('reminder', 'list', '--account', 'a-directeur').reminders;
  check(saved.find((r) => r.kind === 'statuten')?.days === 14 && saved.filter((r) => r.days !== undefined).length === 1,
    `the register has the reminder (${JSON.stringify(saved)})`);
  await shot(page, 'herinneringen');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  const [rw, riw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(rw <= riw, `390 px: reminders without horizontal overflow (${rw} > ${riw})`);
  await shot(page, 'herinneringen-390');
});
