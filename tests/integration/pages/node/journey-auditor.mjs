// Journey (4): an auditor sees no form that changes the register, and every
// write form a secretariaat or a directeur has, posted by the auditor's own
// browser session with the auditor's valid CSRF token (a forged POST), is
// refused with 403 and changes nothing (the journal's head stays the same).
// The write forms are collected by following links (crawl.mjs), so forms
// added later are tried too.
import { startIntranet } from './harness.mjs';
import { crawl, postForms } from './crawl.mjs';

const h = await startIntranet('auditor');
// Forms any signed-in person has for themselves: logging out, the own password and
// the own calendar link (account writes of one's own credentials, not of the records).
const own = (action) =>
  action === '/intranet/afmelden' || action === '/intranet/wachtwoord' || action === '/intranet/agenda';

await h.run(async ({ page }) => {
  // The write forms of the roles that may write.
  const forms = new Map();
  for (const role of ['secretariaat', 'directeur']) {
    await h.login(role);
    await crawl(h, page, async () => {
      for (const f of await postForms(page))
        if (!own(f.action) && !f.action.startsWith('/intranet/accounts') && !forms.has(f.action)) forms.set(f.action, f);
    });
  }
  console.log('write forms tried:', [...forms.keys()].join(', '));
  h.check(forms.size >= 2, `writers have write forms (${[...forms.keys()].join(', ')})`);

  // The auditor: no write form anywhere.
  await h.login('auditor');
  const visited = await crawl(h, page, async (url) => {
    const mine = (await postForms(page)).filter((f) => !own(f.action));
    h.check(mine.length === 0, `auditor sees no write form on ${new URL(url).pathname}: ${mine.map((f) => f.action).join(', ')}`);
    h.check((await page.locator('main textarea, main input[type=file]').count()) === 0, `auditor: no text to submit on ${url}`);
  });
  h.check(visited.length >= 8, `auditor reached ${visited.length} pages`);
  await page.goto(`${h.base}/intranet/igs/igs-cultuur-va/bevindingen`);
  await h.shot(page, 'auditor-bevindingen');

  // Forged POSTs with the auditor's session and token: 403, nothing changes.
  const csrf = await h.csrfOnPage();
  const before = h.cliJson('audit', 'head');
  const openBefore = h.checkJson('--cooperation', 'igs-cultuur-va').findings.filter((f) => !f.acknowledged).length;
  for (const [action, f] of forms) {
    const r = await page.request.post(`${h.base}${action}`, { form: { ...f.fields, csrf }, maxRedirects: 0 });
    h.check(r.status() === 403, `forged POST ${action} as auditor: ${r.status()}`);
    const body = await r.text();
    h.check(/mag|rol|toegang/i.test(body) && body.includes('lang="nl"'), `forged POST ${action}: a Dutch refusal`);
  }
  // Without the token, even a form the auditor could see is refused.
  const noToken = await page.request.post(`${h.base}/intranet/igs/igs-cultuur-va/bevindingen/erkennen`,
    { form: { key: 'x', reden: 'vervalst' }, maxRedirects: 0 });
  h.check(noToken.status() === 403, `POST without CSRF token: ${noToken.status()}`);
  const after = h.cliJson('audit', 'head');
  h.check(after.seq === before.seq && after.hash === before.hash, `journal unchanged (${before.seq} → ${after.seq})`);
  h.check(h.checkJson('--cooperation', 'igs-cultuur-va').findings.filter((f) => !f.acknowledged).length === openBefore,
    'no finding was acknowledged');
});
