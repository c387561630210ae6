// Journey (issue 15, 3): a secretariaat generates the engagementsverklaringen
// of all members of Cultuurregio Vlaamse Ardennen as PDF, downloads the batch
// as one ZIP (one real PDF per member, checked with unzip and pdftotext) and
// an earlier document from the register, then edits a verdeelsleutel of IGS
// Noordrand, computes 2026 and reads the schedule per member.
// Expected content comes from the CLI (an independent surface), never from the pages.
import { startIntranet, zipEntries } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// "€ 1.234,56": how the pages must write an amount in cents.
const euro = (cents) => {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
};
// "06/12/2026 08:21" in Europe/Brussels for a UTC record time.
const brussels = (iso) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
    'november', 'december'];
  return `${Number(parts.day)} ${months[Number(parts.month) - 1]} ${parts.year} om ${parts.hour}:${parts.minute}`;
};

const h = await startIntranet('generate');
await h.run(async ({ page, base, check, login, shot, widths, cliJson, artefacts, work }) => {
  const overflow = async (what) => {
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check(sw <= iw, `390 px: ${what} without horizontal overflow (${sw} > ${iw})`);
  };
  const members = cliJson('cooperation', 'show', '--id', 'igs-cultuur-va').members;
  const nameOfNis = new Map(members.map((m) => [m.nis, m.name]));

  await login('secretariaat');
  const docsUrl = `${base}/intranet/igs/igs-cultuur-va/documenten`;
  await page.goto(docsUrl);
  await page.getByLabel('Sjabloon').selectOption('engagementsverklaring');
  await page.getByLabel('Voor wie').selectOption({ label: 'Alle deelnemers (één document per deelnemer)' });
  await page.getByLabel('Formaat').selectOption('pdf');
  await page.getByLabel('Gegevens op datum').fill('2025-10-01');
  await shot(page, 'documenten-formulier');
  const started = Date.now();
  await Promise.all([
    page.waitForURL(/\?aanmaak=\d+/, { timeout: 240000 }),
    page.getByRole('button', { name: 'Maak en download' }).click(),
  ]);
  console.log(`8 PDFs through the page in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const registered = cliJson('documents', 'list', '--cooperation', 'igs-cultuur-va').documents;
  check(registered.length === members.length, `one document per member registered (${registered.length})`);
  check(registered.every((d) => d.format === 'pdf' && d.generated_by === 'a-secretariaat'),
    'registered as PDF with the signed-in account as actor');
  const result = page.locator('#resultaat-blok');
  check((await result.locator('h2').innerText()).includes(`${members.length} documenten gemaakt`), 'result heading');
  for (const m of members)
    check((await result.innerText()).includes(m.name), `result names ${m.name}`);
  await shot(page, 'documenten-resultaat');

  // The ZIP: one complete PDF per member; the text of one holds the member's name.
  const [zipDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download alles als ZIP' }).click(),
  ]);
  const zipName = zipDownload.suggestedFilename();
  check(/^engagementsverklaring_igs-cultuur-va_\d+\.zip$/.test(zipName), `ZIP file name ${zipName}`);
  const zipPath = path.join(artefacts, zipName);
  await zipDownload.saveAs(zipPath);
  const entries = zipEntries(fs.readFileSync(zipPath)) ?? [];
  check(entries.length === members.length, `ZIP holds ${entries.length} files for ${members.length} members`);
  const unzipped = path.join(work, 'zip');
  fs.mkdirSync(unzipped, { recursive: true });
  execFileSync('unzip', ['-q', '-o', zipPath, '-d', unzipped]);
  const seen = new Set();
  for (const entry of entries) {
    check(!entry.includes('/') && entry.endsWith('.pdf'), `ZIP entry ${entry} is a plain PDF name`);
    const bytes = fs.readFileSync(path.join(unzipped, path.basename(entry)));
    check(bytes.subarray(0, 5).toString() === '%PDF-' && bytes.subarray(-8).toString().includes('%%EOF'),
      `${entry} is a complete PDF`);
    const nis = entry.split('_')[2];
    seen.add(nis);
    const text = execFileSync('pdftotext', ['-layout', path.join(unzipped, path.basename(entry)), '-'], { encoding: 'utf8' });
    check(text.includes(nameOfNis.get(nis)), `${entry} names ${nameOfNis.get(nis)}`);
  }
  check(seen.size === members.length, 'every member has its own PDF');
  const first = path.join(unzipped, path.basename(entries[0]));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', first, path.join(artefacts, 'engagementsverklaring-pagina')]);

  // One earlier document from the register, by its own link.
  await page.goto(docsUrl);
  const row = page.locator('table.register tbody tr').first();
  const [one] = await Promise.all([page.waitForEvent('download'), row.getByRole('link').click()]);
  check(/^engagementsverklaring_igs-cultuur-va_\d+_[a-z-]+\.pdf$/.test(one.suggestedFilename()),
    `document file name ${one.suggestedFilename()}`);
  const onePath = path.join(work, one.suggestedFilename());
  await one.saveAs(onePath);
  check(fs.readFileSync(onePath).subarray(0, 5).toString() === '%PDF-', 'the register link downloads a PDF');
  // Who and when (Brussels time, as the CLI's record time says), template and member by name.
  const tableText = await page.locator('table.register').innerText();
  check(tableText.includes(brussels(registered[0].generated_at)), `time in Europe/Brussels: ${brussels(registered[0].generated_at)}`);
  check(!tableText.includes('UTC') && !/\d{4}-\d{2}-\d{2}T/.test(tableText), 'no UTC or ISO times on the page');
  check(tableText.includes('a-secretariaat'), 'who made it');
  check(members.every((m) => tableText.includes(m.name)), 'members by name in the register');
  await shot(page, 'documenten-register');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  await overflow('documents page');
  await shot(page, 'documenten-390');
  await page.setViewportSize({ width: widths.desktop, height: 900 });

  // A verdeelsleutel: € 0,25 instead of € 0,23 per inhabitant, then the 2026 schedule.
  await page.goto(`${base}/intranet/igs/igs-noordrand/bijdragen`);
  await shot(page, 'bijdragen');
  await page.getByRole('link', { name: 'Werkingsbijdrage Cultuur Noordrand' }).click();
  await page.locator('#p0_tarief').fill('0,25');
  await page.getByLabel('Reden (komt in het journaal)').fill('beslissing algemene vergadering');
  await page.getByRole('button', { name: 'Bewaar de verdeelsleutel' }).click();
  check(await page.getByText('De verdeelsleutel is bewaard.').isVisible(), 'saved notice');
  const key = cliJson('contribution', 'list', '--cooperation', 'igs-noordrand').keys.find((k) => k.id === 'noordrand-werking');
  check(key.items[0].key.rate_micro_eur === 250000, 'the key has the new rate in the register');
  await page.getByLabel('Boekjaar').fill('2026');
  await page.getByRole('button', { name: 'Bereken' }).click();
  await page.waitForURL(/jaar=2026/);
  const show = cliJson('contribution', 'show', '--key', 'noordrand-werking', '--year', '2026');
  const names = new Map(show.schedule.inputs.members.map((m) => [m.id, m.name]));
  const rows = page.locator('table.schedule tbody tr');
  check(await rows.count() === show.schedule.years[0].members.length, 'a row per member');
  for (const m of show.schedule.years[0].members) {
    const r = rows.filter({ hasText: names.get(m.member) });
    check(await r.count() === 1, `row of ${names.get(m.member)}`);
    check((await r.locator('td').last().innerText()).trim() === euro(m.total_cents),
      `${names.get(m.member)} pays ${euro(m.total_cents)}`);
  }
  check((await page.locator('table.schedule tfoot').innerText()).includes(euro(show.schedule.years[0].total_cents)), 'total');
  await shot(page, 'bijdragen-schema');
  // A refused amount: the message next to the field, what was typed kept.
  await page.locator('#p0_tarief').fill('0,2500001');
  await page.getByRole('button', { name: 'Bewaar de verdeelsleutel' }).click();
  check(await page.locator('#p0_fout-tarief').isVisible(), 'error next to the rate');
  check(await page.locator('#p0_tarief').inputValue() === '0,2500001', 'the typed rate stays');
  await shot(page, 'bijdragen-fout');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  await overflow('contribution page with an error');
  await shot(page, 'bijdragen-fout-390');
  await page.goto(`${base}/intranet/igs/igs-noordrand/bijdragen/noordrand-werking?jaar=2026`);
  await overflow('schedule page');
  await shot(page, 'bijdragen-schema-390');
});
