// The founding page (issue 18): a beheerder follows an IGS in oprichting
// through the eleven steps of its stappenplan, sees per gemeente what blocks
// the next step, checks a condition off with a reason and sees it counted;
// a document attached to a check-off is uploaded (a file that is no
// DOCX/ODT/PDF is refused at its field, nothing written) and downloaded from
// the page; the findings page says the IGS is in oprichting;
// an auditor sees the same page without forms and a forged POST is 403.
// Expected values come from the CLI (founding status), never from the page.
// Screenshots at 1280 and 390 px; no horizontal overflow on a phone.
import fs from 'node:fs';
import path from 'node:path';
import { startIntranet } from './harness.mjs';

const igs = 'igs-va-nieuw';
const url = (h) => `${h.base}/intranet/igs/${igs}/oprichting`;

const h = await startIntranet('founding', {
  setup(h) {
    h.cli('cooperation', 'create', '--id', igs, '--name', 'IGS cultuur Vlaamse Ardennen', '--domain', 'cultuur');
    for (const [id, nis] of [['van-zwalm', '45065'], ['van-horebeke', '45062'], ['van-maarkedal', '45064']])
      h.cli('member', 'add', '--id', id, '--cooperation', igs, '--kind', 'gemeente', '--nis', nis, '--from', '2025-01-01');
    // The engagementsverklaring, approved by Zwalm's college only.
    const docxDir = path.join(h.work, 'docx');
    h.cli('generate', '--template', 'statuten', '--cooperation', 'igs-noordrand', '--format', 'docx', '--out', docxDir);
    const docx = path.join(docxDir, fs.readdirSync(docxDir)[0]);
    h.cli('document', 'create', '--id', 'van-ev', '--cooperation', igs, '--kind', 'engagementsverklaring');
    h.cli('document', 'add-version', '--id', 'van-ev-1', '--document', 'van-ev', '--label', 'engagementsverklaring 2025',
      '--path', docx, '--status', 'voorgelegd', '--submitted', '2025-02-01');
    h.cli('approval', 'record', '--version-id', 'van-ev-1', '--member', 'van-zwalm', '--council', 'college',
      '--date', '2025-03-10', '--outcome', 'goedgekeurd', '--decision-ref', 'CBS 2025/114');
  },
});

await h.run(async ({ page }) => {
  const before = h.cliJson('founding', 'status', '--cooperation', igs);
  h.check(before.in_oprichting === true && before.done_steps === 0 && before.next_step === 1, 'CLI: in oprichting, no step done');

  await h.login('beheerder');
  await page.goto(url(h));
  const body = await page.locator('main').innerText();
  h.check(body.includes(`${before.done_steps} van 11 stappen klaar`), 'page: the count of steps done');
  for (const b of before.blockers) h.check(body.includes(b), `page: the blocker "${b}"`);
  const step4 = before.steps[3];
  for (const b of step4.blockers) h.check(body.includes(b), `page: step 4 says "${b}"`);
  h.check(body.includes('Zwalm: Het college keurde de engagementsverklaring goed op 10 maart 2025 (CBS 2025/114)'),
    'page: the college decision of Zwalm as evidence, with its date in Dutch and its reference');
  h.check(body.includes('ten laatste 1 april 2026'), 'page: the KIOSK deadline in Dutch');
  h.check(!/\b\d{4}-\d{2}-\d{2}\b/.test(body.replace(/value="[^"]*"/g, '')), 'page: no ISO date in the text');
  h.check(!body.includes('van-zwalm') && !body.includes('afvinken:'), 'page: names, not ids or codes');
  for (const w of [h.widths.desktop, h.widths.phone]) {
    await page.setViewportSize({ width: w, height: 900 });
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    h.check(sw <= iw, `no horizontal overflow at ${w} px (${sw} > ${iw})`);
    await h.shot(page, `oprichting-${w}`);
  }
  await page.setViewportSize({ width: h.widths.desktop, height: 900 });

  // Check off "draagvlak" for Zwalm, with a reason and the MT's minutes attached.
  // First a text file named .pdf: refused at the file field, the reason typed stays, nothing written.
  const headBefore = h.cliJson('audit', 'head');
  await page.getByLabel('Wat is vervuld?').selectOption({ label: 'stap 1 – Zorg voor draagvlak – Zwalm' });
  await page.getByLabel('Vervuld op').fill('2025-02-03');
  await page.getByLabel('Waarom is dit vervuld?').fill('MT akkoord op 3 februari');
  await page.getByLabel(/^Bijlage/).setInputFiles({ name: 'verslag-mt.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('dit is geen pdf') });
  await page.getByRole('button', { name: 'Afvinken' }).click();
  const fileError = await page.locator('#fout-afv_bijlage').innerText().catch(() => '');
  h.check(fileError === "Het bestand 'verslag-mt.pdf' is geen DOCX, ODT of PDF (herkend aan de inhoud, niet aan de naam).",
    `page: a file that is no DOCX/ODT/PDF is refused at its field: "${fileError}"`);
  h.check(await page.getByLabel('Waarom is dit vervuld?').inputValue() === 'MT akkoord op 3 februari', 'page: the reason typed stays');
  h.check(h.cliJson('audit', 'head').seq === headBefore.seq, 'journal: nothing written for a refused file');
  for (const w of [h.widths.desktop, h.widths.phone]) {
    await page.setViewportSize({ width: w, height: 900 });
    await h.shot(page, `oprichting-bijlage-fout-${w}`);
  }
  await page.setViewportSize({ width: h.widths.desktop, height: 900 });
  const minutes = Buffer.from('%PDF-1.4\n% verslag MT Zwalm 3 februari 2025\n%%EOF\n');
  await page.getByLabel('Wat is vervuld?').selectOption({ label: 'stap 1 – Zorg voor draagvlak – Zwalm' });
  await page.getByLabel('Vervuld op').fill('2025-02-03');
  await page.getByLabel(/^Bijlage/).setInputFiles({ name: 'verslag-mt.pdf', mimeType: 'application/pdf', buffer: minutes });
  await page.getByRole('button', { name: 'Afvinken' }).click();
  await page.waitForURL(/gedaan=afvinken/);
  h.check((await page.locator('p.ok[role=status]').innerText()).includes('afgevinkt'), 'page: the check-off is confirmed');
  const after = h.cliJson('founding', 'status', '--cooperation', igs);
  const zwalm = after.steps[0].conditions[0].results.find((r) => r.member === 'van-zwalm');
  h.check(zwalm.done && zwalm.check_off.note === 'MT akkoord op 3 februari' && zwalm.check_off.date === '2025-02-03',
    'CLI: the check-off is in the register with its reason and date');
  h.check((await page.locator('main').innerText()).includes('Zwalm: afgevinkt op 3 februari 2025: MT akkoord op 3 februari'),
    'page: the check-off as evidence');
  const journal = h.cliJson('audit', 'journal', '--operation', 'founding.check-off').entries;
  h.check(journal.length === 1 && journal[0].actor === 'a-beheerder', 'journal: one entry by the beheerder');
  h.check(typeof zwalm.check_off.document_sha256 === 'string' && zwalm.check_off.document_sha256.length === 64,
    'CLI: the check-off names its attachment');
  // The attachment, downloaded from the page, is the file uploaded.
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('li', { hasText: 'MT akkoord op 3 februari' }).getByRole('link', { name: 'bijlage downloaden' }).click()]);
  const got = fs.readFileSync(await download.path());
  h.check(Buffer.compare(got, minutes) === 0 && download.suggestedFilename() === 'bijlage-draagvlak.pdf',
    `page: the attachment downloads as uploaded (${download.suggestedFilename()}, ${got.length} bytes)`);
  for (const w of [h.widths.desktop, h.widths.phone]) {
    await page.setViewportSize({ width: w, height: 900 });
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    h.check(sw <= iw, `after the check-off: no horizontal overflow at ${w} px (${sw} > ${iw})`);
    await h.shot(page, `oprichting-afgevinkt-${w}`);
  }
  await page.setViewportSize({ width: h.widths.desktop, height: 900 });

  // The findings page says plainly that the IGS is in oprichting, as compliance.check does.
  const compliance = h.checkJson('--cooperation', igs);
  await page.goto(`${h.base}/intranet/igs/${igs}/bevindingen`);
  const findings = await page.locator('main').innerText();
  h.check(compliance.in_oprichting.length === 1 && findings.includes(compliance.in_oprichting[0].note),
    'findings page: the note that the IGS is in oprichting');
  h.check(compliance.counts.fout === 0 && !findings.includes('fout ') && findings.includes('waarschuwing'),
    'findings: the domain conditions are waarschuwingen, no fout for a cooperation that does not exist yet');
  for (const w of [h.widths.desktop, h.widths.phone]) {
    await page.setViewportSize({ width: w, height: 900 });
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    h.check(sw <= iw, `findings: no horizontal overflow at ${w} px (${sw} > ${iw})`);
    await h.shot(page, `bevindingen-oprichting-${w}`);
  }
  await page.setViewportSize({ width: h.widths.desktop, height: 900 });
  await page.goto(url(h));

  // Refused: no reason. Stays on the form, next to the field.
  await page.getByLabel('Wat is vervuld?').selectOption({ label: 'stap 1 – Zorg voor draagvlak – Horebeke' });
  await page.getByRole('button', { name: 'Afvinken' }).click();
  h.check((await page.locator('#fout-afv_reden').count()) === 1, 'page: a missing reason is said at its field');
  await h.shot(page, 'oprichting-fout');

  // The auditor: the same page, no form; a forged POST is 403 and changes nothing.
  await h.login('auditor');
  await page.goto(url(h));
  h.check((await page.locator('main form[method=post]').count()) === 0, 'auditor: no write form');
  const csrf = await h.csrfOnPage();
  const head = h.cliJson('audit', 'head');
  const r = await page.request.post(url(h), {
    form: { csrf, actie: 'afvinken', afv_item: 'gebied|afvinken|', afv_reden: 'vervalst' }, maxRedirects: 0 });
  h.check(r.status() === 403, `auditor: POST is 403 (${r.status()})`);
  const headAfter = h.cliJson('audit', 'head');
  h.check(headAfter.seq === head.seq, 'auditor: the journal is unchanged');
  await h.shot(page, 'oprichting-auditor');
});
