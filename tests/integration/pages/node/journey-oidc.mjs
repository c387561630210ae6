// Journey: sign-in with OpenID Connect. A beheerder links the secretariat's
// account to its login at the municipality's identity provider (a real
// oidc-provider on 127.0.0.1, tests/integration/oidc/node/provider.mjs, started
// here and stopped by PID); the secretariat then signs in through the
// provider's own login form and lands on the IGS list with its roles. Someone
// the provider knows but no account is linked to is refused in Dutch.
// Requests to anything but 127.0.0.1 are blocked (the provider's form links a web font).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { startIntranet, source } from './harness.mjs';

const oracle = path.join(source, 'tests/integration/oidc/node');
if (!fs.existsSync(path.join(oracle, 'node_modules/oidc-provider')))
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: oracle, stdio: 'ignore' });

let provider;
let issuer;
const h = await startIntranet('oidc', {
  async setup(h) {
    const redirectUri = `${h.base}/intranet/aanmelden/terug`;
    provider = spawn(process.execPath, [path.join(oracle, 'provider.mjs'), redirectUri],
      { stdio: ['ignore', 'pipe', fs.openSync(path.join(h.work, 'provider.log'), 'w')] });
    process.on('exit', () => { if (provider.exitCode === null) process.kill(provider.pid, 'SIGTERM'); });
    ({ issuer } = await new Promise((resolve, reject) => {
      readline.createInterface({ input: provider.stdout }).once('line', (line) => resolve(JSON.parse(line)));
      provider.once('exit', (code) => reject(new Error(`provider exited with ${code}`)));
    }));
    fs.writeFileSync(path.join(h.work, 'oidc.secret'), 'geheim-voor-de-test-0123456789\n', { mode: 0o600 });
    fs.writeFileSync(path.join(h.work, 'igsgovd.json'), JSON.stringify({
      register: h.db,
      oidc: { providers: { gemeente: {
        label: 'Gemeente Voorbeeld', issuer, client_id: 'igsgov', client_secret_file: 'oidc.secret',
        redirect_uri: redirectUri, scopes: ['openid', 'email', 'profile'],
      } } },
    }));
  },
  daemonArgs: (h) => ['--config', path.join(h.work, 'igsgovd.json')],
});

await h.run(async ({ page, base, check, login, shot, widths, context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());

  // The beheerder links a-secretariaat to "gemeente:marie.janssens" on the accounts page.
  await login('beheerder');
  await page.goto(`${base}/intranet/accounts`);
  const card = page.locator('#account-a-secretariaat');
  await card.getByLabel('OpenID-koppeling (aanmelddienst:subject)').fill('gemeente:marie.janssens');
  await card.getByRole('button', { name: 'Koppel' }).click();
  check((await page.locator('p.ok').innerText()).includes("gekoppeld aan 'gemeente:marie.janssens'"), 'beheerder: account linked');
  const linked = h.cliJson('account', 'list').accounts.find((a) => a.id === 'a-secretariaat');
  check(linked?.oidc_subject === 'gemeente:marie.janssens', `CLI sees the link (${linked?.oidc_subject})`);
  await shot(page, 'accounts-gekoppeld');

  // The secretariat: the login page offers the municipality's sign-in.
  await context.clearCookies();
  await page.goto(`${base}/intranet/aanmelden`);
  const link = page.getByRole('link', { name: 'Aanmelden met Gemeente Voorbeeld' });
  check(await link.isVisible(), 'login page: "Aanmelden met Gemeente Voorbeeld"');
  await shot(page, 'aanmelden');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(sw <= iw, `390 px: login page without horizontal overflow (${sw} > ${iw})`);
  await shot(page, 'aanmelden-390');
  await page.setViewportSize({ width: widths.desktop, height: 900 });

  // Through the provider's own form and back.
  await link.click();
  await page.waitForURL((u) => u.toString().startsWith(issuer));
  await page.locator('input[name="login"]').fill('marie.janssens');
  await page.locator('input[name="password"]').fill('om-het-even');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL(`${base}/intranet/igs`);
  check((await page.locator('header .user').innerText()).includes('Gebruiker secretariaat'), 'signed in as the linked account');
  check((await page.locator('header .user').innerText()).includes('secretariaat'), 'with its role');
  const igs = h.cliJson('cooperation', 'list').cooperations.length;
  check((await page.locator('main a[href^="/intranet/igs/"]').count()) >= igs, `the IGS list shows the ${igs} cooperations`);
  await shot(page, 'na-aanmelden');

  // Someone the provider knows, but no account is linked to.
  await context.clearCookies();
  await page.goto(`${base}/intranet/aanmelden`);
  await page.getByRole('link', { name: 'Aanmelden met Gemeente Voorbeeld' }).click();
  await page.waitForURL((u) => u.toString().startsWith(issuer));
  await page.locator('input[name="login"]').fill('onbekende.persoon');
  await page.locator('input[name="password"]').fill('om-het-even');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL((u) => u.toString().startsWith(`${base}/intranet/aanmelden/terug`));
  const alert = await page.locator('[role="alert"]').innerText();
  check(alert.includes('er is geen (ingeschakeld) account aan gekoppeld'), `unknown person refused in Dutch (${alert})`);
  check((await context.cookies(base)).every((c) => c.name !== 'igsgov_sessie'), 'unknown person: no session');
  await page.setViewportSize({ width: widths.phone, height: 800 });
  const [sw2, iw2] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(sw2 <= iw2, `390 px: refusal without horizontal overflow (${sw2} > ${iw2})`);
  await shot(page, 'geweigerd-390');
});
