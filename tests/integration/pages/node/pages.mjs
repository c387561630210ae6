// End-to-end test of igsgovd's intranet pages in Debian's headless Chromium:
// every page walked as the roles use it (harness.mjs builds the register from
// the sample, with one account per role, and starts igsgovd and Chromium).
// Besides the sample, a statuten document for igs-cultuur-va with two versions
// and council decisions. Expected content comes from the sample file and the
// CLI (an independent surface), never from the pages themselves.
// Screenshots: <build>/tests/artefacts/pages/pages/*.png.
//
// Usage: node pages.mjs BUILD_DIR
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startIntranet, zipEntries } from './harness.mjs';

const igs = 'igs-cultuur-va';
let show, members;
const h = await startIntranet('pages', {
  setup: ({ cli, cliJson, build, db, work }) => {
    // A statuten document for igs-cultuur-va: v1 approved by every council, v2
    // approved by the first member and rejected by the second.
    show = cliJson('cooperation', 'show', '--id', igs);
    members = show.members;
    const docxDir = path.join(work, 'docx');
    execFileSync(path.join(build, 'bin/igsgov'),
      ['--db', db, 'generate', '--template', 'statuten', '--cooperation', igs, '--format', 'docx', '--out', docxDir]);
    const docx = path.join(docxDir, fs.readdirSync(docxDir)[0]);
    cli('document', 'create', '--id', 'st-va', '--cooperation', igs, '--kind', 'statuten', '--title', 'Statuten (e2e)');
    cli('document', 'add-version', '--id', 'st-va-1', '--document', 'st-va', '--label', 'statuten 2021', '--path', docx,
      '--status', 'voorgelegd', '--submitted', '2020-10-01', '--effective-from', '2021-01-01');
    cli('document', 'add-version', '--id', 'st-va-2', '--document', 'st-va', '--label', 'statutenwijziging 2026',
      '--path', docx, '--status', 'voorgelegd', '--submitted', '2026-03-01', '--effective-from', '2026-07-01');
    for (const m of members)
      cli('approval', 'record', '--version-id', 'st-va-1', '--member', m.id, '--council', 'gemeenteraad',
        '--date', '2020-12-01', '--outcome', 'goedgekeurd');
    cli('approval', 'record', '--version-id', 'st-va-2', '--member', members[0].id, '--council', 'gemeenteraad',
      '--date', '2026-04-01', '--outcome', 'goedgekeurd');
    cli('approval', 'record', '--version-id', 'st-va-2', '--member', members[1].id, '--council', 'gemeenteraad',
      '--date', '2026-04-02', '--outcome', 'verworpen');
  },
});
const { base, sample, check, cliJson, checkJson, artefacts, passwords, context, page, login, csrfOnPage } = h;
const shot = (p, n) => h.shot(p, n);

// Persons of a body on a date, from the sample file.
function expectedComposition(body, date) {
  const persons = new Map(sample.persons.map((p) => [p.id, p.name]));
  return sample.mandates
    .filter((m) => m.body === body && m.from <= date && (!m.until || m.until >= date) && !m.retracted)
    .map((m) => persons.get(m.person))
    .sort();
}

await h.run(async () => {
  // Login: a wrong password gives a Dutch error on the login page.
  let resp = await page.goto(`${base}/`);
  check(page.url() === `${base}/intranet/aanmelden`, `/ leads to the login page (got ${page.url()})`);
  await shot(page, '01-aanmelden');
  await page.getByLabel('Gebruikersnaam').fill('a-auditor');
  await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  check((await page.locator('.error').textContent()).includes('Onbekende gebruikersnaam of verkeerd wachtwoord'),
    'wrong password: Dutch error');
  check(await page.getByLabel('Gebruikersnaam').inputValue() === 'a-auditor', 'the name typed stays after an error');
  await shot(page, '02-aanmelden-fout');

  // Secretariaat: list, overview, composition, history, statuten, deadlines, findings, documents.
  await login('secretariaat');
  const cookies = await context.cookies();
  const sessionCookie = cookies.find((c) => c.name === 'igsgov_sessie');
  check(sessionCookie && sessionCookie.httpOnly && sessionCookie.sameSite === 'Strict', 'session cookie HttpOnly, SameSite=Strict');
  const listText = await page.locator('main').innerText();
  for (const c of sample.cooperations) check(listText.includes(c.name), `list shows ${c.name}`);
  // Keyboard: the first Tab reaches the skip link, Enter moves focus to main.
  await page.keyboard.press('Tab');
  check((await page.evaluate(() => document.activeElement.textContent)) === 'Naar de inhoud', 'first Tab: skip link');
  await page.keyboard.press('Enter');
  check((await page.evaluate(() => document.activeElement.id)) === 'inhoud', 'skip link focuses main');
  await shot(page, '03-lijst');

  await page.getByRole('link', { name: show.name }).click();
  const overview = await page.locator('main').innerText();
  for (const m of members) check(overview.includes(m.name), `overview lists member ${m.name}`);
  check(overview.includes('projectvereniging'), 'overview shows the legal form');
  check(overview.includes('31 december 2026'), 'overview shows the term end');
  await shot(page, '04-overzicht');

  // Composition changes with the as-of date (plain GET form).
  await page.goto(`${base}/intranet/igs/igs-rupel/samenstelling`);
  const names = async () => (await page.locator('tbody th').allInnerTexts()).map((s) => s.trim()).sort();
  await page.getByLabel('Op datum').fill('2019-08-01');
  await page.getByRole('button', { name: 'Toon' }).click();
  check(page.url().includes('datum=2019-08-01'), 'as-of form is a GET');
  const early = await names();
  const expectEarly = expectedComposition('igs-rupel-bc', '2019-08-01');
  check(JSON.stringify(early) === JSON.stringify(expectEarly), `composition 2019-08-01: ${early} = ${expectEarly}`);
  await shot(page, '05-samenstelling-2019');
  await page.getByLabel('Op datum').fill('2026-01-01');
  await page.getByRole('button', { name: 'Toon' }).click();
  const late = await names();
  const expectLate = expectedComposition('igs-rupel-bc', '2026-01-01');
  check(JSON.stringify(late) === JSON.stringify(expectLate), `composition 2026-01-01: ${late} = ${expectLate}`);
  check(JSON.stringify(early) !== JSON.stringify(late), 'composition differs between the dates');
  await shot(page, '06-samenstelling-2026');
  // As the register knew it before the sample was imported: no rows, a note.
  await page.getByLabel('Zoals gekend op').fill('2000-01-01T00:00');
  await page.getByRole('button', { name: 'Toon' }).click();
  check(page.url().includes('gekend_op=2000-01-01T00%3A00'), 'known-at is part of the GET form');
  check((await page.locator('tbody tr').count()) === 0 &&
    (await page.locator('main .error').innerText()).includes('nog niet geregistreerd'), 'composition as known in 2000: none');
  await shot(page, '06b-samenstelling-gekend-2000');
  await page.getByLabel('Zoals gekend op').fill('');
  await page.getByRole('button', { name: 'Toon' }).click();

  await page.locator('tbody a').first().click();
  check(page.url().includes('/mandaten/'), 'history link opens the mandate page');
  const history = await page.locator('main').innerText();
  check(history.includes('Geschiedenis van mandaat: '), 'mandate page heading');
  check((await page.locator('tbody tr').count()) >= 1 && history.includes('registratie op'), 'mandate history shows its versions');
  await shot(page, '07-mandaat');

  // Statuten: timeline and approvals matrix.
  await page.goto(`${base}/intranet/igs/${igs}/statuten?datum=2026-11-01`);
  // The section of the test's own document (the sample may hold other governance documents).
  const section = page.locator('section.document', { has: page.locator('h2', { hasText: /^Statuten \(e2e\)$/ }) });
  check((await section.count()) === 1, 'statuten page shows the test document');
  const matrixCell = async (member, column) => {
    const headers = (await section.locator('table.matrix thead th').allInnerTexts()).map((s) => s.trim());
    const col = headers.indexOf(column);
    const exact = new RegExp('^' + member.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$');
    const row = section.locator('table.matrix tbody tr', { has: page.locator('th', { hasText: exact }) });
    return col < 1 ? null : (await row.locator('td').nth(col - 1).innerText()).trim();
  };
  const c1 = await matrixCell(members[0].name, 'statuten 2021');
  check(c1 && c1.startsWith('goedgekeurd') && c1.includes('december 2020'), `matrix ${members[0].name} × v1: ${c1}`);
  const c2 = await matrixCell(members[1].name, 'statutenwijziging 2026');
  check(c2 && c2.startsWith('verworpen'), `matrix ${members[1].name} × v2: ${c2}`);
  const c3 = await matrixCell(members[2].name, 'statutenwijziging 2026');
  check(c3 && c3.startsWith('ontbreekt'), `matrix ${members[2].name} × v2 missing (required, no decision): ${c3}`);
  check((await section.locator('.in-force').innerText()) === 'statuten 2021', 'statuten 2021 in force on 2026-11-01');
  check((await section.locator('.timeline li.current').innerText()).startsWith('statuten 2021'), 'timeline marks the version in force');
  await shot(page, '08-statuten');

  await page.goto(`${base}/intranet/igs/${igs}/termijnen?van=2026-01-01&tot=2027-12-31`);
  check((await page.locator('main').innerText()).includes(`Einde looptijd ${show.name}`), 'deadlines: term end');
  await shot(page, '09-termijnen');

  const check_ = checkJson('--cooperation', igs);
  await page.goto(`${base}/intranet/igs/${igs}/bevindingen`);
  const findingsText = await page.locator('main').innerText();
  for (const f of check_.findings) check(findingsText.includes(f.key), `findings page shows ${f.rule}`);
  check((await page.locator('textarea[name="reden"]').count()) === 0, 'secretariaat: no acknowledge form');
  await shot(page, '10-bevindingen-secretariaat');

  // Documents: generate and download DOCX and ODT.
  await page.goto(`${base}/intranet/igs/${igs}/documenten`);
  await shot(page, '11-documenten');
  for (const [format, must] of [['docx', ['[Content_Types].xml', 'word/document.xml']], ['odt', ['mimetype', 'content.xml', 'META-INF/manifest.xml']]]) {
    await page.getByLabel('Sjabloon').selectOption('statuten');
    await page.getByLabel('Formaat').selectOption(format);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Maak en download' }).click()]);
    const file = path.join(artefacts, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    const entries = zipEntries(bytes);
    check(download.suggestedFilename().endsWith('.' + format), `download name ${download.suggestedFilename()}`);
    check(entries !== null, `${format} is a zip`);
    for (const e of must) check(entries && entries.includes(e), `${format} has ${e}`);
    if (format === 'odt') check(entries && entries[0] === 'mimetype', 'odt: mimetype first');
  }
  await page.goto(`${base}/intranet/igs/${igs}/documenten`);
  check((await page.locator('main table tbody tr').count()) >= 3, 'generated documents are listed');

  // Directeur may acknowledge a finding.
  await login('directeur');
  await page.goto(`${base}/intranet/igs/${igs}/bevindingen`);
  const forms = page.locator('form', { has: page.locator('textarea[name="reden"]') });
  check((await forms.count()) === check_.findings.length, 'directeur: a form per open finding');
  await forms.first().locator('textarea').fill('gekend; de gemeenten zijn aangrenzend <b>test</b>');
  await forms.first().getByRole('button', { name: 'Erken bevinding' }).click();
  const acked = await page.locator('main').innerText();
  check(acked.includes('De bevinding is erkend'), 'acknowledged message');
  check(acked.includes('Erkend door a-directeur: gekend; de gemeenten zijn aangrenzend <b>test</b>'), 'acknowledgement shown, escaped');
  check((await page.locator('main b').count()) === 0, 'user text is not HTML');
  await shot(page, '12-bevindingen-erkend');

  // Auditor: no forms, and 403 when posting anyway.
  await login('auditor');
  await page.goto(`${base}/intranet/igs/${igs}/documenten`);
  check((await page.locator('select[name="sjabloon"]').count()) === 0, 'auditor: no generate form');
  await shot(page, '13-documenten-auditor');
  const csrf = await csrfOnPage();
  const post = await context.request.post(`${base}/intranet/igs/${igs}/documenten`,
    { form: { csrf, sjabloon: 'statuten', formaat: 'docx', deelnemer: '', datum: '2026-01-01' }, maxRedirects: 0 });
  check(post.status() === 403, `auditor POST generate: 403 (got ${post.status()})`);
  check((await post.text()).includes('mag geen documenten maken'), 'auditor 403 names the problem');
  await page.goto(`${base}/intranet/igs/${igs}/bevindingen`);
  check((await page.locator('textarea[name="reden"]').count()) === 0, 'auditor: no acknowledge form');
  // Issue 18: the auditor downloads the evidence pack from the findings page.
  {
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Bewijspakket downloaden (ZIP)' }).click()]);
    const file = path.join(artefacts, download.suggestedFilename());
    await download.saveAs(file);
    check(download.suggestedFilename() === `bewijspakket-${igs}.zip`, `pack name ${download.suggestedFilename()}`);
    check(fs.readFileSync(file).subarray(0, 4).toString('latin1') === 'PK\x03\x04', 'pack is a ZIP');
  }
  const ack = await context.request.post(`${base}/intranet/igs/${igs}/bevindingen/erkennen`,
    { form: { csrf, key: check_.findings[0].key, reden: 'x' }, maxRedirects: 0 });
  check(ack.status() === 403, `auditor POST acknowledge: 403 (got ${ack.status()})`);
  const noCsrf = await context.request.post(`${base}/intranet/igs/${igs}/bevindingen/erkennen`,
    { form: { key: 'x', reden: 'x' }, maxRedirects: 0 });
  check(noCsrf.status() === 403, 'POST without CSRF token: 403');

  // Auditor: no accounts page.
  check((await page.locator('a[href="/intranet/accounts"]').count()) === 0, 'auditor: no accounts link');
  resp = await page.goto(`${base}/intranet/accounts`);
  check(resp.status() === 403, `auditor: accounts page 403 (got ${resp.status()})`);

  // Beheerder: makes an account on the accounts page, gives it a role; the
  // new person signs in with the password shown once.
  await login('beheerder');
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Gebruikersnaam').fill('els.claes');
  await page.getByLabel("Naam zoals op de pagina's").fill('Els Claes');
  await page.getByRole('button', { name: 'Maak account met wachtwoord' }).click();
  const shown = (await page.locator('code.secret').textContent()).trim();
  check(shown.length === 20, `a generated password is shown once (${shown.length} characters)`);
  await shot(page, '13b-accounts-nieuw');
  const card = page.locator('#account-els\\.claes');
  await card.getByLabel('Rol').selectOption('secretariaat');
  await card.getByLabel('voor').selectOption(igs);
  await card.getByRole('button', { name: 'Geef rol' }).click();
  check((await page.locator('.ok').first().textContent()).includes('Rol gegeven'), 'role given on the page');
  await context.clearCookies();
  await page.goto(`${base}/intranet/aanmelden`);
  await page.getByLabel('Gebruikersnaam').fill('els.claes');
  await page.getByLabel('Wachtwoord').fill(shown);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(`${base}/intranet/igs`);
  const visible = await page.locator('main table tbody th a').allTextContents();
  check(visible.length === 1, `the new secretariaat sees its one IGS only (${visible.join(', ')})`);
  await login('auditor');

  // Error pages with status codes.
  resp = await page.goto(`${base}/intranet/igs/bestaat-niet`);
  check(resp.status() === 404 && (await page.locator('main').innerText()).includes('bestaat-niet'), 'unknown IGS: 404, Dutch');
  await shot(page, '14-fout-404');
  resp = await page.goto(`${base}/intranet/igs/${igs}/samenstelling?datum=2023-02-30`);
  check(resp.status() === 400 && (await page.locator('main').innerText()).includes('geen geldige datum'), 'bad date: 400');

  // 375 px wide: no horizontal overflow on any page.
  await page.setViewportSize({ width: 375, height: 800 });
  const mobile = ['', `/${igs}`, '/igs-rupel/samenstelling?datum=2019-08-01', `/${igs}/statuten`, `/${igs}/termijnen`,
    `/${igs}/bevindingen`, `/${igs}/documenten`];
  for (const [i, p] of mobile.entries()) {
    await page.goto(`${base}/intranet/igs${p}`);
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check(sw <= iw, `375 px: no overflow on /intranet/igs${p} (${sw} > ${iw})`);
    await shot(page, `15-mobiel-${i}`);
  }

  // Logout ends the session.
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.waitForURL(`${base}/intranet/aanmelden`);
  await page.goto(`${base}/intranet/igs`);
  check(page.url().startsWith(`${base}/intranet/aanmelden`), 'after logout the pages need a login again');
});
