// igsgovd's sign-in with OpenID Connect against a real OpenID provider
// (provider.mjs: the npm package oidc-provider), both started by this test on
// 127.0.0.1 with free ports and stopped by PID. Driven over HTTP (fetch, no
// browser; the Chromium journey is tests/integration/pages/node/journey-oidc.mjs):
// the provider logs the chosen subject in without its form, and changes the
// ID token on the way out for the negative cases (re-signed with its own key).
//
//   node oidc.mjs BUILD_DIR
//
// Cases: a good sign-in (RS256 and ES256) opens a session with the account's
// roles; the login page offers the providers; wrong audience, expired token,
// wrong nonce, wrong issuer, a tampered signature, a tampered state, a replayed
// callback (code and state) and an unknown subject are refused with a Dutch
// message and no session; failures count in the login throttle (429 with
// Retry-After); unlinking the account ends its OpenID session.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = path.resolve(process.argv[2] ?? path.join(here, '../../../../build'));
const work = path.join(process.env.IGSGOV_TEST_SCRATCH || path.join(build, 'tests'), 'oidc-work');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

let checks = 0;
let failures = 0;
function check(ok, what) {
  checks += 1;
  if (!ok) {
    failures += 1;
    console.error(`FAIL: ${what}`);
  }
}

const db = path.join(work, 'register.db');
const cli = (...args) => execFileSync(path.join(build, 'bin/igsgov'), ['--db', db, '--format', 'json', ...args],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
cli('init');
cli('import', path.join(here, '../../../../config/sample/register.json'));
cli('account', 'create', '--id', 'jan', '--display-name', 'Jan Peeters', '--oidc-subject', 'test:jan.peeters');
cli('account', 'grant', '--id', 'jan', '--role', 'secretariaat', '--cooperation', '*');
cli('account', 'create', '--id', 'els', '--display-name', 'Els Claes', '--oidc-subject', 'test-es:els');
cli('account', 'grant', '--id', 'els', '--role', 'auditor', '--cooperation', '*');

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// --- the provider -------------------------------------------------------------
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const redirectUri = `${base}/intranet/aanmelden/terug`;
const provider = spawn(process.execPath, [path.join(here, 'provider.mjs'), redirectUri],
  { stdio: ['ignore', 'pipe', fs.openSync(path.join(work, 'provider.log'), 'w')] });
const children = [];
children.push(provider);
const stopAll = () => { for (const c of children) if (c.exitCode === null) process.kill(c.pid, 'SIGTERM'); };
process.on('exit', stopAll);
// Bounded: once (session 24, a loaded CI run) the provider never printed its line and the
// test hung until CTest's 180 s timeout with no output; now it fails after 60 s saying so.
const { issuer } = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(
    `the OpenID provider did not say it listens within 60 s; provider.log: ${fs.readFileSync(path.join(work, 'provider.log'), 'utf8').trim()}`)), 60000);
  readline.createInterface({ input: provider.stdout }).once('line', (line) => { clearTimeout(timer); resolve(JSON.parse(line)); });
  provider.once('exit', (code) => { clearTimeout(timer); reject(new Error(`provider exited with ${code}; see provider.log`)); });
});

// --- igsgovd --------------------------------------------------------------------
fs.writeFileSync(path.join(work, 'oidc.secret'), 'geheim-voor-de-test-0123456789\n', { mode: 0o600 });
const providerConfig = (label, clientId) => ({
  label, issuer, client_id: clientId, client_secret_file: 'oidc.secret', redirect_uri: redirectUri,
  scopes: ['openid', 'email'], timeout_seconds: 10,
});
fs.writeFileSync(path.join(work, 'igsgovd.json'), JSON.stringify({
  register: db,
  listen: { host: '127.0.0.1', port },
  limits: { failed_login_burst: 12, failed_login_refill_seconds: 3600 },
  oidc: { providers: { test: providerConfig('Testgemeente', 'igsgov'), 'test-es': providerConfig('Testgemeente (EC)', 'igsgov-es') } },
}, null, 2));
// A bad provider entry stops igsgovd at start (exit 78) with a Dutch message naming the field.
for (const [change, field, text] of [
  [(p) => { p.client_secret_file = 'ontbreekt.secret'; }, 'client_secret_file', 'kan het bestand met het geheim niet lezen'],
  [(p) => { p.issuer = 'http://login.voorbeeld.be'; }, 'issuer', 'moet https gebruiken'],
  [(p) => { p.redirect_uri = `${base}/elders`; }, 'redirect_uri', '/intranet/aanmelden/terug'],
]) {
  const bad = providerConfig('Fout', 'igsgov');
  change(bad);
  fs.writeFileSync(path.join(work, 'fout.json'), JSON.stringify({ register: db, oidc: { providers: { fout: bad } } }));
  const r = spawnSync(path.join(build, 'bin/igsgovd'), ['--config', path.join(work, 'fout.json')], { encoding: 'utf8', timeout: 20000 });
  const said = r.stdout + r.stderr;
  check(r.status === 78 && said.includes(field) && said.includes(text), `bad ${field}: exit ${r.status}, ${said.trim().slice(0, 300)}`);
}

const daemonLog = fs.openSync(path.join(work, 'igsgovd.log'), 'w');
const daemon = spawn(path.join(build, 'bin/igsgovd'), ['--config', path.join(work, 'igsgovd.json')],
  { stdio: ['ignore', daemonLog, daemonLog] });
children.push(daemon);
for (let i = 0; ; i += 1) {
  try {
    if ((await fetch(`${base}/api/v1/health`)).ok) break;
  } catch { /* not yet */ }
  if (i > 200 || daemon.exitCode !== null) throw new Error('igsgovd did not start; see ' + path.join(work, 'igsgovd.log'));
  await new Promise((r) => setTimeout(r, 50));
}

// --- a small browser: one cookie jar per origin, redirects followed by hand ---
class Browser {
  constructor() { this.jars = new Map(); }
  jar(url) {
    const origin = new URL(url).origin;
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    return this.jars.get(origin);
  }
  cookieHeader(url) { return [...this.jar(url)].map(([k, v]) => `${k}=${v}`).join('; '); }
  async get(url) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: this.cookieHeader(url) } });
    res.setCookies = res.headers.getSetCookie();
    for (const c of res.setCookies) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (attrs.some((a) => /max-age=0$/i.test(a.trim())) || value === '') this.jar(url).delete(name);
      else this.jar(url).set(name, value);
    }
    res.text_ = await res.text();
    return res;
  }
  // From igsgovd's start link through the provider back to the callback (not fetched).
  async toCallback(name) {
    let url = `${base}/intranet/aanmelden/oidc/${name}`;
    for (let hop = 0; hop < 12; hop += 1) {
      const res = await this.get(url);
      if (![302, 303].includes(res.status)) throw new Error(`unexpected ${res.status} at ${url}: ${res.text_.slice(0, 300)}`);
      url = new URL(res.headers.get('location'), url).toString();
      if (url.startsWith(redirectUri)) return url;
    }
    throw new Error('too many redirects');
  }
}

async function mode(m, subject) {
  const res = await fetch(`${issuer}/__test/mode`, { method: 'POST', body: JSON.stringify({ mode: m, subject }) });
  if (res.status !== 204) throw new Error('provider control refused');
}

// One sign-in attempt with the provider changing the ID token as `m` says.
async function attempt(m, subject, name = 'test') {
  await mode(m, subject);
  const b = new Browser();
  const callback = await b.toCallback(name);
  const res = await b.get(callback);
  return { b, res, callback };
}

const refused = (res, status, text, what) => {
  check(res.status === status, `${what}: status ${res.status}, expected ${status}`);
  check(res.text_.includes(text), `${what}: page says "${text}" (got: ${(res.text_.match(/role="alert"[^>]*>([^<]*)/) || [])[1]})`);
  check(!res.setCookies.some((c) => c.startsWith('igsgov_sessie=') && !c.startsWith('igsgov_sessie=;')), `${what}: no session cookie`);
};

// The login page offers both providers.
{
  const res = await new Browser().get(`${base}/intranet/aanmelden`);
  check(res.text_.includes('href="/intranet/aanmelden/oidc/test"') && res.text_.includes('Aanmelden met Testgemeente</a>'),
    'login page offers "Aanmelden met Testgemeente"');
}

// The start link: a pre-login cookie (Lax, short-lived) and PKCE S256, state, nonce.
let goodBrowser;
{
  await mode('none', 'jan.peeters');
  const b = new Browser();
  const res = await b.get(`${base}/intranet/aanmelden/oidc/test`);
  const location = new URL(res.headers.get('location'));
  check(res.status === 303 && location.origin === issuer, 'start: 303 to the provider');
  const p = location.searchParams;
  check(p.get('code_challenge_method') === 'S256' && /^[A-Za-z0-9_-]{43}$/.test(p.get('code_challenge') ?? ''), 'start: PKCE S256');
  check((p.get('state') ?? '').length >= 43 && (p.get('nonce') ?? '').length >= 43, 'start: state and nonce of 256 bits');
  check(p.get('redirect_uri') === redirectUri && p.get('client_id') === 'igsgov' && p.get('scope') === 'openid email', 'start: client, redirect, scope');
  const cookie = res.setCookies.find((c) => c.startsWith('igsgov_oidc='));
  check(cookie && /SameSite=Lax/.test(cookie) && /HttpOnly/.test(cookie) && /Max-Age=600/.test(cookie) && /Path=\/intranet\/aanmelden/.test(cookie),
    `start: pre-login cookie HttpOnly, SameSite=Lax, 10 minutes (${cookie})`);
}

// Good sign-in (RS256): a session of the linked account with its roles.
{
  const { b, res, callback } = await attempt('none', 'jan.peeters');
  check(res.status === 200 && res.text_.includes('U bent aangemeld als <strong>Jan Peeters</strong>'), `good: signed in (${res.status})`);
  check(res.text_.includes('http-equiv="refresh"'), 'good: the page moves on by itself');
  const session = res.setCookies.find((c) => c.startsWith('igsgov_sessie='));
  check(session && /SameSite=Strict/.test(session) && /HttpOnly/.test(session), 'good: session cookie HttpOnly, SameSite=Strict');
  check(res.setCookies.some((c) => /^igsgov_oidc=;.*Max-Age=0/.test(c)), 'good: pre-login cookie removed');
  const list = await b.get(`${base}/intranet/igs`);
  check(list.status === 200 && list.text_.includes('Jan Peeters') && list.text_.includes('secretariaat'), 'good: the IGS list as Jan (secretariaat)');
  goodBrowser = b;

  // Replay: the same callback (code and state) again, with the used pre-login cookie.
  const again = await b.get(callback);
  refused(again, 401, 'al gebruikt', 'replayed callback without its cookie');
}
{
  // Replay with the pre-login cookie the browser had: the pending login is used up.
  await mode('none', 'jan.peeters');
  const b = new Browser();
  const callback = await b.toCallback('test');
  const kept = new Map(b.jars.get(base));
  const first = await b.get(callback);
  check(first.status === 200, 'replay: first use signs in');
  const thief = new Browser();
  thief.jars.set(base, kept);
  refused(await thief.get(callback), 401, 'al gebruikt', 'replayed code and state with the same cookie');
}

// ES256 (the other provider entry): Els, auditor.
{
  const { b, res } = await attempt('none', 'els', 'test-es');
  check(res.status === 200 && res.text_.includes('Els Claes'), `ES256: signed in (${res.status}) ${res.text_.slice(0, 200)}`);
  const list = await b.get(`${base}/intranet/igs`);
  check(list.status === 200 && list.text_.includes('auditor'), 'ES256: the IGS list as auditor');
}

// Tokens the provider changed on the way out.
refused((await attempt('audience', 'jan.peeters')).res, 401, 'niet voor deze toepassing bestemd (aud', 'wrong audience');
refused((await attempt('expired', 'jan.peeters')).res, 401, 'het token is verlopen (exp)', 'expired token');
refused((await attempt('nonce', 'jan.peeters')).res, 401, 'de nonce hoort niet bij deze aanmelding', 'wrong nonce');
refused((await attempt('issuer', 'jan.peeters')).res, 401, 'uitgever (iss)', 'wrong issuer');
refused((await attempt('signature', 'jan.peeters')).res, 401, 'de handtekening klopt niet', 'tampered signature');

// A state that is not the one this browser's login sent.
{
  await mode('none', 'jan.peeters');
  const b = new Browser();
  const callback = new URL(await b.toCallback('test'));
  callback.searchParams.set('state', 'A'.repeat(43));
  refused(await b.get(callback.toString()), 401, 'hoort niet bij deze browser (state)', 'tampered state');
}

// An unknown subject: signed in at the provider, but no account is made.
{
  const { res } = await attempt('none', 'onbekend');
  refused(res, 403, 'er is geen (ingeschakeld) account aan gekoppeld', 'unknown subject');
  check(res.text_.includes('test:onbekend'), 'unknown subject: the page names the link for the beheerder');
  check(!JSON.parse(cli('account', 'list')).accounts.some((a) => a.oidc_subject === 'test:onbekend'), 'unknown subject: no account made');
}

// Unlinking the account ends its OpenID session at the next request.
{
  const before = await goodBrowser.get(`${base}/intranet/igs`);
  check(before.status === 200, 'session works before unlinking');
  cli('account', 'change', '--id', 'jan', '--oidc-subject', '');
  const after = await goodBrowser.get(`${base}/intranet/igs`);
  check(after.status === 303 && (after.headers.get('location') ?? '').startsWith('/intranet/aanmelden'), `unlinking ends the session (${after.status})`);
  refused((await attempt('none', 'jan.peeters')).res, 403, 'geen (ingeschakeld) account', 'an unlinked subject');
}

// Failures count in the login throttle: 12 in all, then 429 with Retry-After, also for a good login.
{
  let status = 0;
  for (let i = 0; i < 20 && status !== 429; i += 1) status = (await new Browser().get(`${redirectUri}?code=x&state=y`)).status;
  check(status === 429, 'failed OpenID sign-ins run into the throttle');
  const res = await new Browser().get(`${base}/intranet/aanmelden/oidc/test-es`);
  check(res.status === 429 && Number(res.headers.get('retry-after')) > 0 && res.text_.includes('Te veel mislukte aanmeldpogingen'),
    'throttled: the start link answers 429 with Retry-After');
}

stopAll();
await new Promise((r) => setTimeout(r, 300));
console.log(`oidc: ${checks} checks, ${failures} failures; logs in ${work}`);
process.exit(failures === 0 ? 0 : 1);
