// Journey: the "Download als Excel / CSV" links (issue 17). A secretariaat downloads the
// composition, the body's mandate history, the members with inhabitants, the members with
// their contributions and the findings from the pages they see them on; each file is read
// back by tests/integration/cli/check_exports.py (python3-openpyxl, Python's csv module) and
// compared cell by cell with the register (the same operations' JSON through the CLI).
// Screenshots of the links on a desktop and a 390 px phone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startIntranet } from './harness.mjs';

const h = await startIntranet('exports', {
  setup: (h) => h.cli('contribution', 'compute', '--key', 'noordrand-werking', '--year', '2026'),
});
const oracle = path.join(h.source, 'tests/integration/cli/check_exports.py');

await h.run(async ({ page, base, check, login, shot, widths, cliJson, work }) => {
  const json = (name, value) => {
    const p = path.join(work, `${name}.json`);
    fs.writeFileSync(p, JSON.stringify(value));
    return p;
  };
  // Clicks the link `name` inside the download paragraph `scope`, saves the file, checks its
  // name, then compares it with the register.
  const download = async (scope, name, filePattern, kind, ...inputs) => {
    const [d] = await Promise.all([page.waitForEvent('download'), scope.getByRole('link', { name, exact: true }).click()]);
    const file = path.join(work, d.suggestedFilename());
    await d.saveAs(file);
    check(filePattern.test(d.suggestedFilename()), `file name ${d.suggestedFilename()}`);
    try {
      const out = execFileSync('/usr/bin/python3', [oracle, kind, file, ...inputs], { encoding: 'utf8' });
      check(true, out.trim());
    } catch (e) {
      check(false, `${kind} ${d.suggestedFilename()} differs from the register:\n${e.stdout}${e.stderr}`);
    }
  };

  await login('secretariaat');
  const igs = `${base}/intranet/igs/igs-cultuur-va`;
  const body = 'igs-cultuur-va-rvb';
  await page.goto(`${igs}/samenstelling`);
  const links = page.locator('p.download');
  check((await links.count()) === 2, 'composition page: two download lines (composition, mandate history)');
  check((await links.first().innerText()).includes('download als Excel / CSV'), 'the link says "download als Excel / CSV"');
  const today = cliJson('body', 'composition', '--body', body);
  await download(links.first(), 'Excel', /^samenstelling-igs-cultuur-va-rvb-\d{4}-\d\d-\d\d\.xlsx$/, 'composition',
    json('composition', today));
  await download(links.first(), 'CSV', /^samenstelling-igs-cultuur-va-rvb-\d{4}-\d\d-\d\d\.csv$/, 'composition',
    json('composition', today));
  await shot(page, 'samenstelling-download');

  // The composition on another date: the link carries the date the page shows.
  await page.goto(`${igs}/samenstelling?orgaan=${body}&datum=2023-06-01`);
  await download(page.locator('p.download').first(), 'Excel', /-2023-06-01\.xlsx$/, 'composition',
    json('composition-2023', cliJson('body', 'composition', '--body', body, '--as-of', '2023-06-01')));

  // The mandate history of the body, from a mandate's page.
  const coop = cliJson('cooperation', 'show', '--id', 'igs-cultuur-va');
  const seats = coop.bodies.find((b) => b.id === body).seats.map((s) => json(`seat-${s.id}`, cliJson('seat', 'history', '--id', s.id)));
  const mandateHistory = [json('coop', coop), json('persons', cliJson('person', 'list')), body, ...seats];
  await page.goto(`${igs}/mandaten/${today.mandates[0].mandate}`);
  await download(page.locator('p.download'), 'Excel', /^mandaten-igs-cultuur-va-rvb\.xlsx$/, 'mandates', ...mandateHistory);
  await download(page.locator('p.download'), 'CSV', /^mandaten-igs-cultuur-va-rvb\.csv$/, 'mandates', ...mandateHistory);

  // Members with their inhabitants.
  await page.goto(`${igs}/deelnemers`);
  await download(page.locator('p.download'), 'Excel', /^deelnemers-igs-cultuur-va\.xlsx$/, 'members', json('coop', coop));

  // Members with their contributions, from the contributions page of the IGS that has a schedule.
  await page.goto(`${base}/intranet/igs/igs-noordrand/bijdragen`);
  const schedule = cliJson('contribution', 'show', '--key', 'noordrand-werking', '--year', '2026');
  const noordrand = json('coop-noordrand', cliJson('cooperation', 'show', '--id', 'igs-noordrand'));
  await download(page.locator('.download'), 'Excel', /^deelnemers-igs-noordrand-2026\.xlsx$/, 'members', noordrand,
    json('schedule', schedule));
  await download(page.locator('.download'), 'CSV', /^deelnemers-igs-noordrand-2026\.csv$/, 'members', noordrand,
    json('schedule', schedule));
  await shot(page, 'bijdragen-download');

  // Findings.
  await page.goto(`${igs}/bevindingen`);
  const findings = json('findings', h.checkJson('--cooperation', 'igs-cultuur-va'));
  await download(page.locator('p.download'), 'CSV', /^bevindingen-igs-cultuur-va-\d{4}-\d\d-\d\d\.csv$/, 'findings', findings);
  await download(page.locator('p.download'), 'Excel', /^bevindingen-igs-cultuur-va-\d{4}-\d\d-\d\d\.xlsx$/, 'findings', findings);

  // A phone: the link lines fit in 390 px.
  await page.setViewportSize({ width: widths.phone, height: 844 });
  await page.goto(`${igs}/samenstelling`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!overflow, 'composition page with the download links fits 390 px');
  await shot(page, 'samenstelling-download-telefoon');
  await page.setViewportSize({ width: widths.desktop, height: 900 });

  // A bad format or table: a Dutch error page, no file.
  const bad = await page.request.get(`${igs}/export/samenstelling?orgaan=${body}&formaat=pdf`);
  check(bad.status() === 400 && (await bad.text()).includes('onbekend formaat'), `bad format: ${bad.status()}`);
  const other = await page.request.get(`${igs}/export/samenstelling?orgaan=igs-noordrand-rvb&formaat=csv`);
  check(other.status() === 404, `a body of another IGS: ${other.status()}`);
});
