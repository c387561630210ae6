// Journey (2) of issue 15: a directeur uploads statuten v2 of a cooperation
// with four gemeenten, records three of the four council approvals, sees the
// fourth missing in red (not the neutral mark of "niet vereist") and v2 not
// in force, records the fourth and sees v2 in force from its date (not
// before); then compares v1 and v2. Along the way: a refused form keeps what
// was typed and shows the Dutch error at its field, and a file that is no
// DOCX/ODT/PDF is refused by its bytes whatever its name.
// Expected values come from the CLI (igsgov statuten, approval pending,
// document compare), never from the pages.
import fs from 'node:fs';
import path from 'node:path';
import { startIntranet } from './harness.mjs';

// A minimal DOCX (stored zip) whose paragraphs are `paragraphs`.
function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function zip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8'), fname = Buffer.from(name, 'utf8'), crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += 30 + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const docx = (paragraphs) => zip([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('') + '<w:sectPr/></w:body></w:document>'],
]);

const v1Text = ['Statuten van Cultuur Scheldeland', 'Artikel 1. De vereniging heet Cultuur Scheldeland.',
  'Artikel 2. De zetel is gevestigd in Oudenaarde.', 'Artikel 3. De vereniging wordt opgericht voor zes jaar.'];
const v2Text = ['Statuten van Cultuur Scheldeland', 'Artikel 1. De vereniging heet Cultuur Scheldeland.',
  'Artikel 2. De zetel is gevestigd in Kluisbergen.', 'Artikel 3. De vereniging wordt opgericht voor zes jaar.',
  'Artikel 4. De raad van bestuur vergadert minstens vier keer per jaar.'];
const members = { 45035: 'Oudenaarde', 45060: 'Kluisbergen', 45062: 'Horebeke', 45064: 'Maarkedal' };

const h = await startIntranet('statuten', {
  setup(h) {
    h.cli('cooperation', 'create', '--id', 'igs-vier', '--name', 'Cultuur Scheldeland (test)', '--legal-form',
      'projectvereniging', '--domain', 'cultuur', '--founded', '2020-01-01');
    for (const nis of Object.keys(members))
      h.cli('member', 'add', '--id', `igs-vier-${nis}`, '--cooperation', 'igs-vier', '--kind', 'gemeente', '--nis', nis,
        '--from', '2020-01-01');
    const v1 = path.join(h.work, 'statuten-2020.docx');
    fs.writeFileSync(v1, docx(v1Text));
    fs.writeFileSync(path.join(h.work, 'statuten-2026.docx'), docx(v2Text));
    h.cli('document', 'create', '--id', 'vier-statuten', '--cooperation', 'igs-vier', '--kind', 'statuten');
    h.cli('document', 'add-version', '--id', 'vier-statuten-2020', '--document', 'vier-statuten', '--label',
      'statuten bij de oprichting', '--path', v1, '--status', 'voorgelegd', '--submitted', '2019-11-04',
      '--effective-from', '2020-01-01');
    for (const nis of Object.keys(members))
      h.cli('approval', 'record', '--version-id', 'vier-statuten-2020', '--member', `igs-vier-${nis}`, '--council',
        'gemeenteraad', '--date', '2019-12-16', '--outcome', 'goedgekeurd');
  },
});

await h.run(async ({ page, base, check, cli, cliJson, login, shot, widths, work }) => {
  const statuten = `${base}/intranet/igs/igs-vier/statuten`;
  const inForceCli = (date) => cliJson('statuten', '--cooperation', 'igs-vier', '--as-of', date).in_force?.label ?? '';
  const inForcePage = async () => (await page.locator('#doc-vier-statuten strong.in-force').innerText()).trim();
  const noOverflow = async (what) => {
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check(sw <= iw, `390 px: ${what} without horizontal overflow (${sw} > ${iw})`);
  };

  await login('directeur');
  await page.goto(statuten);
  await page.getByRole('link', { name: 'Nieuwe versie opladen' }).click();
  check((await page.locator('h1').innerText()).startsWith('Nieuwe versie opladen'), 'the upload form');

  // A text file named .pdf: refused by its bytes, the label typed stays, the error sits at the file field.
  await page.getByLabel('Naam van de versie').fill('statutenwijziging 2026');
  await page.getByLabel(/^Bestand/).setInputFiles({ name: 'statuten-2026.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('dit is geen pdf') });
  await page.getByLabel('Status').selectOption('voorgelegd');
  await page.getByLabel('Voorgelegd aan de raden op').fill('2026-03-02');
  await page.getByLabel('In werking vanaf').fill('2026-07-01');
  await page.getByRole('button', { name: 'Versie opladen' }).click();
  const fileError = await page.locator('#bestand-fout').innerText().catch(() => '');
  check(fileError.length > 0, `a file that is no DOCX/ODT/PDF is refused at its field: "${fileError}"`);
  check(await page.getByLabel('Naam van de versie').inputValue() === 'statutenwijziging 2026', 'the label typed stays');
  check(await page.getByLabel('In werking vanaf').inputValue() === '2026-07-01', 'the date typed stays');
  check((await page.getByLabel(/^Bestand/).getAttribute('aria-invalid')) === 'true', 'the file field is marked invalid');
  await shot(page, 'upload-fout-1280');
  check(cliJson('document', 'history', '--document', 'vier-statuten').versions.length === 1, 'nothing registered');

  await page.getByLabel(/^Bestand/).setInputFiles(path.join(work, 'statuten-2026.docx'));
  await page.getByRole('button', { name: 'Versie opladen' }).click();
  await page.waitForURL(/\/statuten\?gedaan=versie/);
  check(await page.getByText('De nieuwe versie is opgeladen en geregistreerd.').isVisible(), 'upload confirmed');
  const history = cliJson('document', 'history', '--document', 'vier-statuten');
  const v2 = history.versions.at(-1);
  check(history.versions.length === 2 && v2.label === 'statutenwijziging 2026' && v2.effective_from === '2026-07-01' &&
    v2.status === 'voorgelegd' && v2.file_name === 'statuten-2026.docx', `v2 registered: ${JSON.stringify(v2)}`);
  check(v2.changes[0].by === 'a-directeur', `the journal names the signed-in account: ${v2.changes[0].by}`);

  // A decision without date: the error at the date field, the reference typed stays.
  const decide = async (nis, date, withDate = true) => {
    await page.goto(`${statuten}?datum=2026-08-01`);
    const row = page.locator('#doc-vier-statuten tbody tr', { has: page.locator('th', { hasText: members[nis] }) });
    await row.locator('td').nth(1).getByRole('link', { name: 'registreer' }).click();
    check(await page.getByLabel('Deelnemer wiens raad besliste').inputValue() === `igs-vier-${nis}`,
      `the form comes with ${members[nis]} chosen`);
    await page.getByLabel('Referentie van het besluit').fill(`GR/2026/${nis}`);
    await page.getByLabel(/^URI van het besluit/).fill(`https://besluiten.example/${nis}/statuten`);
    if (withDate) await page.getByLabel('Datum van het besluit').fill(date);
    await page.getByRole('button', { name: 'Registreer besluit' }).click();
  };
  await decide(45035, '', false);
  const dateError = await page.locator('#datum-fout').innerText().catch(() => '');
  check(dateError.includes('datum'), `a decision without date: error at the date field: "${dateError}"`);
  check(await page.getByLabel('Referentie van het besluit').inputValue() === 'GR/2026/45035', 'the reference typed stays');
  await page.getByLabel('Datum van het besluit').fill('2026-04-20');
  await page.getByRole('button', { name: 'Registreer besluit' }).click();
  await page.waitForURL(/gedaan=besluit/);
  await decide(45060, '2026-04-21');
  await decide(45062, '2026-04-27');

  // Three of four: the fourth is missing, in red and with a cross, v2 not in force.
  await page.goto(`${statuten}?datum=2026-08-01`);
  const pending = cliJson('approval', 'pending', v2.id, '--as-of', '2026-08-01').pending.map((a) => a.member);
  check(JSON.stringify(pending) === JSON.stringify(['igs-vier-45064']), `CLI: only Maarkedal pending: ${pending}`);
  const cell = page.locator('#doc-vier-statuten tbody tr', { has: page.locator('th', { hasText: 'Maarkedal' }) }).locator('td').nth(1);
  check((await cell.getAttribute('class')) === 'cell-ontbreekt', 'the missing approval has its own class');
  check((await cell.innerText()).startsWith('ontbreekt'), `the missing approval says so in words: ${await cell.innerText()}`);
  const cross = await cell.evaluate((e) => getComputedStyle(e, '::before').content);
  check(cross.includes('✗'), `and with a cross: ${cross}`);
  const missingBg = await cell.evaluate((e) => getComputedStyle(e).backgroundColor);
  const notNeeded = page.locator('.legend .cell-niet-vereist');
  const notNeededBg = await notNeeded.evaluate((e) => getComputedStyle(e).backgroundImage + getComputedStyle(e).backgroundColor);
  const [r, g, b] = missingBg.match(/\d+/g).map(Number);
  check(r > g + 15 && r > b + 15, `missing is red: ${missingBg}`);
  check(!notNeededBg.includes(missingBg), `"niet vereist" looks different: ${notNeededBg} vs ${missingBg}`);
  const okCells = await page.locator('#doc-vier-statuten tbody td.cell-ja').count();
  check(okCells === 4 + 3, `v1's four and v2's three approvals are green: ${okCells}`);
  check(inForceCli('2026-08-01') === 'statuten bij de oprichting', 'CLI: v1 in force on 1 August 2026');
  check(await inForcePage() === 'statuten bij de oprichting', `page: v1 in force: ${await inForcePage()}`);
  check(await page.getByText('statutenwijziging 2026 — voorgelegd (geldt niet op 1 augustus 2026)').isVisible(),
    'v2 does not apply on 1 August 2026');
  await shot(page, 'drie-van-vier-1280');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  await noOverflow('statuten page');
  await shot(page, 'drie-van-vier-390');
  await page.setViewportSize({ width: widths.desktop, height: 900 });

  // The fourth: v2 in force from 1 July 2026, v1 the day before.
  await decide(45064, '2026-05-04');
  await page.waitForURL(/gedaan=besluit/);
  check(inForceCli('2026-08-01') === 'statutenwijziging 2026', 'CLI: v2 in force on 1 August 2026');
  check(inForceCli('2026-06-30') === 'statuten bij de oprichting', 'CLI: v1 still in force on 30 June 2026');
  await page.goto(`${statuten}?datum=2026-07-01`);
  check(await inForcePage() === 'statutenwijziging 2026', `page: v2 in force on its date: ${await inForcePage()}`);
  check(await page.locator('#doc-vier-statuten tbody td.cell-ontbreekt').count() === 0, 'nothing missing any more');
  await shot(page, 'vier-van-vier-1280');
  await page.goto(`${statuten}?datum=2026-06-30`);
  check(await inForcePage() === 'statuten bij de oprichting', 'page: v1 in force the day before');

  // Compare v1 and v2.
  await page.getByRole('link', { name: 'Versies vergelijken' }).click();
  await page.getByLabel('Oude versie').selectOption('vier-statuten-2020');
  await page.getByLabel('Nieuwe versie').selectOption(v2.id);
  await page.getByRole('button', { name: 'Vergelijk' }).click();
  const diff = cliJson('document', 'compare', '--from', 'vier-statuten-2020', '--to', v2.id);
  const summary = `${diff.changed} gewijzigd, ${diff.added} toegevoegd, ${diff.removed} geschrapt, ${diff.unchanged} ongewijzigd.`;
  check(await page.getByText(summary).isVisible(), `summary as the CLI: ${summary}`);
  const headings = await page.locator('.diff .diff-kind').allInnerTexts();
  check(headings.length === diff.changes.length, `one block per change: ${headings.length} vs ${diff.changes.length}`);
  check(headings.some((t) => t.startsWith('Gewijzigd: paragraaf 3')), `changed paragraph 3 named in words: ${headings}`);
  check(headings.some((t) => t.startsWith('Toegevoegd: paragraaf 5')), `added paragraph 5 named in words: ${headings}`);
  check(await page.locator('.diff del').first().innerText() === 'Artikel 2. De zetel is gevestigd in Oudenaarde.', 'old text in <del>');
  check(await page.locator('.diff ins').last().innerText() === v2Text[4], 'new text in <ins>');
  const delStyle = await page.locator('.diff del').first().evaluate((e) => getComputedStyle(e).textDecorationLine);
  check(delStyle.includes('line-through'), `removed text struck through, not only coloured: ${delStyle}`);
  await shot(page, 'vergelijking-1280');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  await noOverflow('comparison');
  await shot(page, 'vergelijking-390');
  await page.goto(`${statuten}/versies/${v2.id}/besluit`);
  await noOverflow('decision form');
  await shot(page, 'besluit-390');
});
