// A real OpenID provider for igsgovd's OIDC sign-in tests (a test oracle, never shipped):
// the npm package oidc-provider on 127.0.0.1 with a port the OS picks.
//
//   node provider.mjs REDIRECT_URI [REDIRECT_URI...]
//
// Prints one JSON line on stdout once it listens: {"issuer": "http://127.0.0.1:N", "port": N}.
// Clients (both confidential, secret "geheim-voor-de-test-0123456789", PKCE S256 as igsgovd sends):
//   "igsgov"     ID token signed RS256
//   "igsgov-es"  ID token signed ES256
//   "andere-app" another relying party (for a token meant for someone else)
// Accounts: any login name is an account whose 'sub' is that name. Consent is
// given for the test's clients without asking (first-party recipe), so a login
// is one form (devInteractions' own "Sign-in" page: fields login, password).
//
// Control for the tests (plain HTTP on the same port, never part of OIDC):
//   POST /__test/mode {"mode": M, "subject": S|null}
//     subject: every following authorization logs S in without a form (headless tests); null: the form.
//     mode: how the token endpoint's ID token is changed before it leaves (re-signed with the
//     provider's own key unless said otherwise):
//       none       unchanged
//       audience   aud = "andere-app"
//       expired    iat and exp 20 and 10 minutes in the past
//       nonce      nonce = another random value
//       issuer     iss = "http://evil.example"
//       signature  one byte of the signature flipped (not re-signed)
// The provider is stopped by the test (SIGTERM to its PID).
import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

const redirectUris = process.argv.slice(2);
if (redirectUris.length === 0) {
  console.error('usage: node provider.mjs REDIRECT_URI...');
  process.exit(64);
}

const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaJwk = { ...rsa.privateKey.export({ format: 'jwk' }), kid: 'rs-1', alg: 'RS256', use: 'sig' };
const ecJwk = { ...ec.privateKey.export({ format: 'jwk' }), kid: 'es-1', alg: 'ES256', use: 'sig' };
const secret = 'geheim-voor-de-test-0123456789';

let control = { mode: 'none', subject: null };
let handler = (req, res) => { res.statusCode = 503; res.end(); };
const server = http.createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;
const issuer = `http://127.0.0.1:${port}`;

const client = (id, alg) => ({
  client_id: id,
  client_secret: secret,
  redirect_uris: redirectUris,
  grant_types: ['authorization_code'],
  response_types: ['code'],
  id_token_signed_response_alg: alg,
  token_endpoint_auth_method: 'client_secret_basic',
});

const provider = new Provider(issuer, {
  clients: [client('igsgov', 'RS256'), client('igsgov-es', 'ES256'), client('andere-app', 'RS256')],
  jwks: { keys: [rsaJwk, ecJwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, email: `${id}@voorbeeld.test`, email_verified: true, name: id }; } };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

const b64 = (buf) => Buffer.from(buf).toString('base64url');

function changeIdToken(token) {
  const [h, p, s] = token.split('.');
  if (control.mode === 'signature') {
    const sig = Buffer.from(s, 'base64url');
    sig[sig.length >> 1] ^= 0x01;
    return `${h}.${p}.${b64(sig)}`;
  }
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  const claims = JSON.parse(Buffer.from(p, 'base64url'));
  const now = Math.floor(Date.now() / 1000);
  if (control.mode === 'audience') claims.aud = 'andere-app';
  if (control.mode === 'expired') { claims.iat = now - 1200; claims.exp = now - 600; }
  if (control.mode === 'nonce') claims.nonce = crypto.randomBytes(16).toString('hex');
  if (control.mode === 'issuer') claims.iss = 'http://evil.example';
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  const signature = header.alg === 'ES256'
    ? crypto.sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' })
    : crypto.sign('sha256', Buffer.from(input), rsa.privateKey);
  return `${input}.${b64(signature)}`;
}

provider.use(async (ctx, next) => {
  // Headless tests: log the chosen subject in without showing the form.
  if (control.subject && ctx.method === 'GET' && /^\/interaction\/[^/]+$/.test(ctx.path)) {
    const to = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: control.subject } },
      { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(to);
    return;
  }
  await next();
  if (ctx.path === '/token' && control.mode !== 'none' && ctx.body && ctx.body.id_token)
    ctx.body = { ...ctx.body, id_token: changeIdToken(ctx.body.id_token) };
});

const callback = provider.callback();
handler = (req, res) => {
  if (req.url === '/__test/mode' && req.method === 'POST') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      try {
        const next = JSON.parse(body);
        control = { mode: next.mode ?? 'none', subject: next.subject ?? null };
        res.writeHead(204).end();
      } catch (e) {
        res.writeHead(400).end(String(e));
      }
    });
    return;
  }
  callback(req, res);
};

process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(JSON.stringify({ issuer, port }));
