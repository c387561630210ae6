// Journey (1) of issue 15: a secretariat signs in with a password, records a
// new designation after a council decision (a new person, created in the same
// step), sees the composition change, corrects a typo with a reason and finds
// the correction in the history. Then forged POSTs: an auditor's, one without
// the CSRF token, and one of a secretariat of another IGS, all 403 and
// without effect. Expected content comes from the sample and the CLI.
import { startIntranet } from './harness.mjs';

const igs = 'igs-rupel';
const body = 'igs-rupel-bc';
const day = '2026-04-02';
const h = await startIntranet('mandates', {
  setup(h) {
    h.cli('account', 'create', '--id', 'a-sec-noordrand', '--display-name', 'Secretariaat Noordrand',
      '--password', 'wachtwoord-van-noordrand');
    h.cli('account', 'grant', '--id', 'a-sec-noordrand', '--role', 'secretariaat', '--cooperation', 'igs-noordrand');
  },
});

await h.run(async ({ page, base, check, cliJson, login, shot, widths, context }) => {
  const names = () => cliJson('composition', '--body', body, '--as-of', day).mandates.map((m) => m.person.name).sort();
  const noOverflow = async (what) => {
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check(sw <= iw, `${what}: no horizontal overflow (${sw} > ${iw})`);
  };
  const before = names();

  // --- the designation ------------------------------------------------------
  await login('secretariaat');
  await page.goto(`${base}/intranet/igs/${igs}/samenstelling?datum=${day}`);
  check((await page.locator('tbody th').count()) === before.length, 'composition before: as the CLI says');
  await page.getByRole('link', { name: 'Nieuw mandaat registreren' }).click();
  check((await page.locator('h1').innerText()).startsWith('Nieuw mandaat'), 'the appoint form opens');
  await page.getByLabel('Of: naam van een nieuwe persoon').fill('Nele Nieuwkomer');
  await page.getByLabel('Geslacht van de nieuwe persoon').selectOption({ label: 'vrouw' });
  await page.getByLabel('Namens deelnemer').selectOption({ label: 'Hemiksem' });
  await page.getByLabel('Rol *').selectOption({ label: 'plaatsvervanger' });
  await page.getByLabel('Meerderheid of oppositie').selectOption({ label: 'oppositie' });
  await page.getByLabel('Fractie').fill('Grone');  // the typo corrected below
  await page.getByLabel('Raad', { exact: true }).fill('gemeenteraad Hemiksem');
  await page.getByLabel('Datum van het besluit').fill('2026-03-23');
  await page.getByLabel('Referentie').fill('GR/2026/031');
  await page.getByLabel('Webadres van het besluit').fill('https://www.hemiksem.be/besluiten/GR-2026-031');
  // Forgotten: the start date. The error stands next to the field; what was typed stays.
  await page.getByRole('button', { name: 'Mandaat registreren' }).click();
  check((await page.locator('#fout-van').innerText()) === 'vul dit veld in', 'missing start date: error next to the field');
  check((await page.getByLabel('Vanaf *').getAttribute('aria-invalid')) === 'true', 'the field is marked invalid');
  check((await page.getByLabel('Of: naam van een nieuwe persoon').inputValue()) === 'Nele Nieuwkomer', 'the name typed stays');
  check((await page.getByLabel('Referentie').inputValue()) === 'GR/2026/031', 'the reference typed stays');
  check(JSON.stringify(names()) === JSON.stringify(before), 'the refused form changed nothing');
  check(!cliJson('person', 'list').persons.some((p) => p.name === 'Nele Nieuwkomer'), 'no person left behind');
  await shot(page, '01-nieuw-mandaat-fout-1280');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  await noOverflow('390 px appoint form');
  await shot(page, '02-nieuw-mandaat-fout-390');
  await page.setViewportSize({ width: widths.desktop, height: 900 });
  await page.getByLabel('Vanaf *').fill('2026-04-01');
  await page.getByRole('button', { name: 'Mandaat registreren' }).click();
  check((await page.getByRole('status').innerText()).includes('Het mandaat is geregistreerd'), 'registered');
  const mandateUrl = page.url().split('?')[0];
  const mandateId = decodeURIComponent(mandateUrl.split('/').pop());
  const text = await page.locator('main').innerText();
  check(text.includes('Nele Nieuwkomer') && text.includes('1 april 2026') && text.includes('23 maart 2026'),
    'the mandate page in Dutch dates and names');
  check(!/\b2026-0[34]-\d\d\b/.test(text), 'no ISO date in the page text');
  check(!text.includes('UTC'), 'no UTC time on the page');
  await shot(page, '03-mandaat-1280');

  // --- the composition changed ---------------------------------------------
  const after = names();
  check(after.length === before.length + 1 && after.includes('Nele Nieuwkomer'), 'the CLI sees the new mandate');
  await page.goto(`${base}/intranet/igs/${igs}/samenstelling?datum=${day}`);
  const shown = (await page.locator('tbody th').allInnerTexts()).map((s) => s.trim()).sort();
  check(JSON.stringify(shown) === JSON.stringify(after), `composition after: ${shown}`);
  await shot(page, '04-samenstelling-1280');
  await page.goto(`${base}/intranet/igs/${igs}/samenstelling?datum=2026-03-31`);
  check(!(await page.locator('main').innerText()).includes('Nele Nieuwkomer'), 'not yet in the composition the day before');

  // --- the correction --------------------------------------------------------
  await page.goto(mandateUrl);
  check((await page.getByLabel('Fractie').first().inputValue()) === 'Grone', 'the correction form starts from the record');
  await page.locator('#cor_fractie').fill('Groen');
  await page.getByRole('button', { name: 'Correctie vastleggen' }).click();
  check((await page.locator('#fout-cor_reden').innerText()) === 'vul dit veld in', 'a correction needs a reason');
  check((await page.locator('#cor_fractie').inputValue()) === 'Groen', 'the corrected value typed stays');
  await page.locator('#cor_reden').fill('tikfout in de naam van de fractie');
  await page.getByRole('button', { name: 'Correctie vastleggen' }).click();
  check((await page.getByRole('status').innerText()).includes('De correctie is vastgelegd'), 'corrected');
  const history = await page.locator('table.history').innerText();
  check(history.includes('correctie op') && history.includes('tikfout in de naam van de fractie') &&
    history.includes('Gebruiker secretariaat'), 'the history: what, why and who');
  check(/\d{1,2} [a-z]+ 20\d\d om \d\d:\d\d/.test(history), 'the history: when, in local time');
  const cliHistory = cliJson('mandate', 'history', '--id', mandateId).chain[0].versions;
  const last = cliHistory[cliHistory.length - 1];
  check(last.fractie === 'Groen' && last.recorded.kind === 'correction' &&
    last.recorded.reason === 'tikfout in de naam van de fractie' && last.recorded.actor === 'a-secretariaat',
    'the CLI sees the correction with its actor and reason');
  check(cliHistory[0].fractie === 'Grone' && cliHistory[0].recorded.until, 'the first version stays, superseded');
  await shot(page, '05-geschiedenis-1280');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  await noOverflow('390 px mandate history');
  await shot(page, '06-geschiedenis-390');
  await page.goto(`${base}/intranet/igs/${igs}/deelnemers`);
  await noOverflow('390 px members and bodies');
  await shot(page, '07-deelnemers-390');
  await page.setViewportSize({ width: widths.desktop, height: 900 });
  await shot(page, '08-deelnemers-1280');
  await page.goto(`${base}/intranet/igs/${igs}/zetels/igs-rupel-bc-11018`);
  await shot(page, '09-zetel-1280');

  // --- forged POSTs ----------------------------------------------------------
  const countNow = names().length;
  const post = (path, form) => context.request.post(`${base}${path}`, { form, maxRedirects: 0 });
  const appointForm = (csrf) => ({
    csrf, id: 'm-vervalst', persoon_id: 'p-vervalst', persoon: '', nieuwe_naam: 'Vervalst', geslacht: '',
    orgaan: body, zetel: '', deelnemer: '', rol: 'deskundige', kant: '', fractie: '', stem: '',
    van: '2026-04-01', tot: '', raad: '', besluit_datum: '', referentie: '', uri: '',
  });
  // Without a token, in the secretariat's own session.
  check((await post(`/intranet/igs/${igs}/mandaten/nieuw`, { ...appointForm(''), csrf: undefined })).status() === 403,
    'POST without CSRF token: 403');
  check((await post(`/intranet/igs/${igs}/mandaten/nieuw`, appointForm('0'.repeat(64)))).status() === 403,
    'POST with a wrong CSRF token: 403');
  // The auditor: no form, and its POST with its own valid token is refused.
  await login('auditor');
  await page.goto(mandateUrl);
  check((await page.locator('form[method="post"] button', { hasText: /Correctie|Toestandswijziging|Einde|intrekken/ }).count()) === 0,
    'the auditor sees no mandate forms');
  await page.goto(`${base}/intranet/igs/${igs}/samenstelling`);
  check((await page.getByRole('link', { name: 'Nieuw mandaat registreren' }).count()) === 0, 'the auditor is not offered to appoint');
  const auditorCsrf = await page.locator('input[name="csrf"]').first().inputValue();
  check((await post(`/intranet/igs/${igs}/mandaten/nieuw`, appointForm(auditorCsrf))).status() === 403,
    "the auditor's forged appointment: 403");
  check((await post(new URL(mandateUrl).pathname, { csrf: auditorCsrf, actie: 'intrekken', intr_reden: 'vervalst' })).status() === 403,
    "the auditor's forged retraction: 403");
  await shot(page, '10-auditor-samenstelling-1280');
  // A secretariat of another IGS.
  await context.clearCookies();
  await page.goto(`${base}/intranet/aanmelden`);
  await page.getByLabel('Gebruikersnaam').fill('a-sec-noordrand');
  await page.getByLabel('Wachtwoord').fill('wachtwoord-van-noordrand');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(`${base}/intranet/igs`);
  const otherCsrf = await page.locator('input[name="csrf"]').first().inputValue();
  check((await post(`/intranet/igs/${igs}/mandaten/nieuw`, appointForm(otherCsrf))).status() === 403,
    'a secretariat of another IGS: 403');
  check((await post(`/intranet/igs/${igs}/deelnemers`,
    { csrf: otherCsrf, actie: 'partner', par_naam: 'Vervalst', par_soort: 'privaat', par_van: '2026-01-01', par_tot: '' })).status() === 403,
    'a secretariat of another IGS adding a partner: 403');
  check(names().length === countNow, 'the forged POSTs changed no composition');
  check(!cliJson('person', 'list').persons.some((p) => p.name === 'Vervalst'), 'the forged POSTs created no person');
  check(cliJson('cooperation', 'show', '--id', igs).members.length === 5, 'the forged POSTs added no member');
});
