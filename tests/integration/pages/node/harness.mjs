// Shared harness of the intranet journeys (pages.mjs and journey-*.mjs).
//
// startIntranet(name, { setup }) builds a fresh register with the CLI in
// <scratch>/pages-work/<name>/ (scratch: $IGSGOV_TEST_SCRATCH, else <build>/tests;
// tests/support/Scratch.hpp) with the sample imported, one personal account
// per role: a-beheerder, a-directeur, a-secretariaat, a-auditor, each with
// the password in h.passwords[role], granted for every cooperation), runs
// `setup(h)` (CLI only: the daemon is not started yet; h.base is already set),
// starts igsgovd (with `daemonArgs`, an array or a function of h) on
// 127.0.0.1 with a free port and headless Debian Chromium (nl-BE), and
// returns the handle h. h.finish() closes the browser, stops igsgovd by PID,
// prints the count of checks and exits 1 on any failed check, exception or
// non-zero daemon exit. Use it as:
//
//   const h = await startIntranet('naam');
//   await h.run(async ({ page }) => { ...; h.check(ok, 'what'); });
//
// Expected content must come from the sample file or the CLI (an independent
// surface), never from the pages themselves. Screenshots go to
// <build>/tests/artefacts/pages/<name>/ (h.shot(page, 'file')).
import { chromium } from 'playwright-core';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const widths = { desktop: 1280, phone: 390 };
export const roles = ['beheerder', 'directeur', 'secretariaat', 'auditor'];

// Minimal zip reader: the entry names from the central directory (null when not a zip).
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--)
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let off = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(off) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(off + 28), extra = buf.readUInt16LE(off + 30), comment = buf.readUInt16LE(off + 32);
    names.push(buf.toString('utf8', off + 46, off + 46 + nameLen));
    off += 46 + nameLen + extra + comment;
  }
  return names;
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

export async function startIntranet(name, { setup, daemonArgs = [] } = {}) {
  const build = path.resolve(process.argv[2] ?? 'build');
  const work = path.join(process.env.IGSGOV_TEST_SCRATCH || path.join(build, 'tests'), 'pages-work', name);
  const artefacts = path.join(build, 'tests', 'artefacts', 'pages', name);
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(artefacts, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(artefacts, { recursive: true });
  const db = path.join(work, 'register.db');
  const igsgov = path.join(build, 'bin/igsgov');

  const h = {
    name, build, source, work, artefacts, db, widths, roles,
    sample: JSON.parse(fs.readFileSync(path.join(source, 'config/sample/register.json'), 'utf8')),
    passwords: Object.fromEntries(roles.map((r) => [r, `wachtwoord-van-${r}`])),
    checks: 0,
    failures: 0,
    shots: [],
  };
  h.check = (ok, what) => {
    h.checks++;
    if (!ok) {
      h.failures++;
      console.error(`FAIL: ${what}`);
    }
  };
  h.cli = (...args) => execFileSync(igsgov, ['--db', db, '--format', 'json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, IGSGOV_ACTOR: 'e2e' },
  });
  h.cliJson = (...args) => JSON.parse(h.cli(...args));
  // `igsgov check` exits 20 when there are open errors (docs/dev/rules.md); the output is the same JSON.
  h.checkJson = (...args) => {
    const r = spawnSync(igsgov, ['--db', db, '--format', 'json', 'check', ...args], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 20) throw new Error(`igsgov check: exit ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  h.shot = async (page, file) => {
    const p = path.join(artefacts, `${file}.png`);
    await page.screenshot({ path: p, fullPage: true });
    h.shots.push(p);
  };

  // --- register ------------------------------------------------------------
  h.cli('init');
  h.cli('import', path.join(source, 'config/sample/register.json'));
  for (const role of roles) {
    h.cli('account', 'create', '--id', `a-${role}`, '--display-name', `Gebruiker ${role}`, '--password', h.passwords[role]);
    h.cli('account', 'grant', '--id', `a-${role}`, '--role', role, '--cooperation', '*');
  }
  // The port is chosen before setup, so setup can name igsgovd's address (h.base)
  // in what it prepares (an OpenID provider's redirect URI, a configuration file).
  const port = await freePort();
  h.base = `http://127.0.0.1:${port}`;
  if (setup) await setup(h);

  // --- igsgovd -------------------------------------------------------------
  const log = fs.openSync(path.join(work, 'igsgovd.log'), 'w');
  const extra = typeof daemonArgs === 'function' ? daemonArgs(h) : daemonArgs;
  const daemon = spawn(path.join(build, 'bin/igsgovd'),
    ['--register', db, '--host', '127.0.0.1', '--port', String(port), ...extra],
    { stdio: ['ignore', log, log] });
  h.daemon = daemon;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'igsgov-chromium-'));
  const stop = () => {
    if (daemon.exitCode === null) process.kill(daemon.pid, 'SIGTERM');
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  process.on('exit', stop);

  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${h.base}/api/v1/health`);
      if (r.ok) break;
    } catch {}
    if (i >= 200 || daemon.exitCode !== null)
      throw new Error('igsgovd did not become healthy; see ' + path.join(work, 'igsgovd.log'));
    await new Promise((r) => setTimeout(r, 50));
  }

  h.context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: widths.desktop, height: 900 },
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    // Date and time inputs follow Chromium's application locale, which on Linux comes from
    // LANGUAGE/LANG (not --lang alone) and needs the nl.pak of Debian's chromium-l10n: with
    // only en-US.pak, or LANG=C, a date input shows 04/01/2026 for 1 April (issue 15).
    env: { ...process.env, LANG: 'nl_BE.UTF-8', LANGUAGE: 'nl_BE:nl' },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-quic', '--disable-component-update', '--disable-sync', '--lang=nl-BE'],
  });
  h.page = h.context.pages()[0] ?? (await h.context.newPage());

  // Signs in with the role's password account (a-<role>) and waits for the IGS list.
  h.login = async (role, page = h.page) => {
    await h.context.clearCookies();
    await page.goto(`${h.base}/intranet/aanmelden`);
    await page.getByLabel('Gebruikersnaam').fill(`a-${role}`);
    await page.getByLabel('Wachtwoord').fill(h.passwords[role]);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${h.base}/intranet/igs`);
  };
  h.csrfOnPage = (page = h.page) => page.locator('input[name="csrf"]').first().inputValue();

  // Runs the journey; any exception counts as a failure. Then finishes.
  h.run = async (journey) => {
    try {
      await journey(h);
    } catch (e) {
      h.failures++;
      console.error('FAIL:', e);
    }
    await h.finish();
  };
  h.finish = async () => {
    try {
      await h.context.close();
    } catch {}
    stop();
    await new Promise((r) => (daemon.exitCode !== null ? r() : daemon.on('exit', r)));
    console.log(`${name}: ${h.checks} checks, ${h.failures} failures; igsgovd exit code ${daemon.exitCode}`);
    console.log(`screenshots (${h.shots.length}) and downloads in ${artefacts}`);
    if (daemon.exitCode !== 0) h.failures++;
    if (h.checks === 0) {
      console.error('FAIL: the journey checked nothing');
      h.failures++;
    }
    process.exit(h.failures ? 1 : 0);
  };
  return h;
}
