// Pages that draw attention (issue 15): the list of every IGS and the
// overview of one put first what needs action. Made independent of the day it
// runs: Cultuur Noordrand's term is set to end in 40 days and an extension of
// its statuten waits for the approval of its last member. Expected figures come
// from the CLI (approval pending, deadlines, check), never from the pages.
// Each figure's link is followed to its list. The composition and statuten
// pages are printed (print media, A4 PDF): no navigation or form, a heading
// with the IGS and the date.
import fs from 'node:fs';
import path from 'node:path';
import { startIntranet } from './harness.mjs';

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
  'november', 'december'];
const dutch = (iso) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
// Today where the users are (the pages use Europe/Brussels, not the server's UTC).
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const plus = (iso, days) => new Date(Date.parse(iso + 'T12:00:00Z') + days * 86400000).toISOString().slice(0, 10);

const igs = 'igs-noordrand';
const termEnd = plus(today, 40);
let last; // the member whose approval is missing

const h = await startIntranet('attention', {
  setup(h) {
    const members = h.cliJson('cooperation', 'show', '--id', igs).members;
    last = members[members.length - 1];
    const docxDir = path.join(h.work, 'docx');
    h.cli('generate', '--template', 'statuten', '--cooperation', igs, '--format', 'docx', '--out', docxDir);
    const docx = path.join(docxDir, fs.readdirSync(docxDir)[0]);
    h.cli('document', 'create', '--id', 'nr-st', '--cooperation', igs, '--kind', 'statuten', '--title', 'Statuten Noordrand (e2e)');
    h.cli('document', 'add-version', '--id', 'nr-st-verlenging', '--document', 'nr-st', '--label', 'verlenging (e2e)',
      '--path', docx, '--status', 'voorgelegd', '--submitted', plus(today, -30), '--effective-from', plus(today, 41));
    for (const m of members.slice(0, -1))
      h.cli('approval', 'record', '--version-id', 'nr-st-verlenging', '--member', m.id, '--council', 'gemeenteraad',
        '--date', plus(today, -10), '--outcome', 'goedgekeurd');
    h.cli('cooperation', 'change', '--id', igs, '--term-end', termEnd, '--reason', 'e2e: looptijd eindigt binnenkort');
  },
});

await h.run(async ({ page }) => {
  const pending = h.cliJson('approval', 'pending', '--version-id', 'nr-st-verlenging', '--as-of', today);
  h.check(pending.complete === false && pending.pending.length === 1 && pending.pending[0].name === last.name,
    `CLI: the extension waits for ${last.name}`);
  const deadlines60 = h.cliJson('deadlines', '--cooperation', igs, '--from', today, '--until', plus(today, 60)).deadlines;
  const mandates90 = h.cliJson('deadlines', '--cooperation', igs, '--from', today, '--until', plus(today, 90)).deadlines
    .filter((d) => d.kind === 'mandate_end');
  const open = h.checkJson('--cooperation', igs, '--as-of', today).findings
    .filter((f) => !f.acknowledged && (f.severity === 'fout' || f.severity === 'waarschuwing'));

  await h.login('directeur');
  // --- all IGS -------------------------------------------------------------
  const first = page.locator('ol.todo li');
  const urgent = await first.allInnerTexts();
  const days = 40;
  h.check(urgent.some((t) => t.includes('Cultuur Noordrand') && t.includes(`Nog geen goedkeuring van ${last.name} voor ‘verlenging (e2e)’`)),
    `list: the missing approval of ${last.name} comes first: ${urgent.join(' | ')}`);
  h.check(urgent.some((t) => t.includes(`De looptijd eindigt op ${dutch(termEnd)} (over ${days} dagen); de verlenging (verlenging (e2e)) wacht nog op ${last.name}`)),
    'list: the term ending within 90 days while the extension waits');
  for (const w of [h.widths.desktop, h.widths.phone]) {
    await page.setViewportSize({ width: w, height: 900 });
    await h.shot(page, `lijst-${w}`);
  }
  await page.setViewportSize({ width: h.widths.desktop, height: 900 });
  const row = page.locator('table.stack tbody tr', { hasText: 'Cultuur Noordrand' });
  const cell = row.locator('td.fig-dringend').first();
  h.check((await cell.innerText()).includes('1 ontbreekt'), 'list: the missing approval cell says so in words');
  h.check((await cell.locator('.sr').innerText()).includes('dringend'), 'list: a screen reader hears "dringend", not only a colour');

  // --- one IGS -------------------------------------------------------------
  await page.goto(`${h.base}/intranet/igs/${igs}`);
  const figure = (key) => page.locator('ul.attention li', { hasText: key });
  const approvals = figure('Ontbrekende goedkeuringen');
  h.check(await approvals.evaluate((li) => li.classList.contains('fig-dringend')), 'overview: missing approval is urgent');
  h.check((await approvals.locator('.mark').innerText()).trim() === '✗', 'overview: missing approval has the ✗ mark');
  const red = await approvals.evaluate((li) => getComputedStyle(li).borderLeftColor);
  const neutral = await figure('Mandaten die eindigen').evaluate((li) => getComputedStyle(li).borderLeftColor);
  h.check(red !== neutral, `overview: missing approval is coloured differently (${red} vs ${neutral})`);
  h.check((await figure('Looptijd').innerText()).includes(`eindigt op ${dutch(termEnd)}`), 'overview: term end in Dutch');
  h.check((await figure('Termijnen').locator('a').innerText()).trim().endsWith(deadlines60.length ? String(deadlines60.length) : 'geen'),
    `overview: ${deadlines60.length} deadlines in 60 days as the CLI says`);
  h.check((await figure('Mandaten die eindigen').locator('a').innerText()).trim().endsWith(mandates90.length ? String(mandates90.length) : 'geen'),
    `overview: ${mandates90.length} mandates ending in 90 days as the CLI says`);
  const openText = (await figure('Open bevindingen').locator('a').innerText()).trim();
  h.check(open.length ? openText.includes(`${open.length} (`) : openText.endsWith('geen'), `overview: ${open.length} open findings (${openText})`);
  for (const w of [h.widths.desktop, h.widths.phone]) {
    await page.setViewportSize({ width: w, height: 900 });
    await h.shot(page, `overzicht-${w}`);
  }
  await page.setViewportSize({ width: h.widths.desktop, height: 900 });

  // Each figure links to its list.
  await approvals.locator('a').click();
  await page.waitForURL(`${h.base}/intranet/igs/${igs}/statuten`);
  const matrixRow = page.locator('table.matrix tbody tr', { hasText: last.name });
  const missingCell = matrixRow.locator('td').last();
  h.check(await missingCell.evaluate((td) => td.className === 'cell-ontbreekt'), 'statuten: the missing approval cell is red');
  h.check((await missingCell.innerText()).includes('ontbreekt'), 'statuten: and says "ontbreekt"');
  h.check((await missingCell.evaluate((td) => getComputedStyle(td, '::before').content)).includes('✗'),
    'statuten: and has the ✗ mark, not only a colour');
  await page.goto(`${h.base}/intranet/igs/${igs}`);
  await figure('Termijnen').locator('a').click();
  await page.waitForURL(/\/termijnen\?van=/);
  h.check((await page.locator('ol.deadlines > li').count()) === deadlines60.length, 'termijnen: the same deadlines as the figure');
  await page.goto(`${h.base}/intranet/igs/${igs}`);
  await figure('Open bevindingen').locator('a').click();
  await page.waitForURL(`${h.base}/intranet/igs/${igs}/bevindingen`);
  h.check((await page.locator('article.finding').count()) >= open.length, 'bevindingen: the open findings are listed');

  // --- print ---------------------------------------------------------------
  for (const [tab, what] of [['samenstelling', 'samenstelling op'], ['statuten', 'statuten en goedkeuringen']]) {
    await page.goto(`${h.base}/intranet/igs/${igs}/${tab}`);
    // The printable width of A4 with the style sheet's margins: 210 mm - 2 × 12 mm = 186 mm = 703 CSS px.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    h.check(!(await page.locator('nav.tabs').isVisible()) && !(await page.locator('header.top').isVisible()),
      `${tab} print: no navigation`);
    h.check(!(await page.locator('main form').first().isVisible()), `${tab} print: no form`);
    const heading = page.locator('.print-only');
    const text = await heading.innerText();
    h.check(await heading.isVisible(), `${tab} print: a heading`);
    h.check(text.includes('Cultuur Noordrand') && text.includes(what) && text.includes(dutch(today)),
      `${tab} print: the heading names the IGS and the date (${text})`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    h.check(width <= 703, `${tab} print: fits the width of A4 (${width} px)`);
    const pdf = path.join(h.artefacts, `${tab}-afdruk.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    h.check(fs.statSync(pdf).size > 1000, `${tab} print: PDF made`);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: h.widths.desktop, height: 900 });
  }
});
