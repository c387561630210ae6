// Checks an answer of igsgovd's /api/v1 against the published OpenAPI
// document, for the node and shell tests (pages, oidc, linkeddata,
// openapi-valid.sh) as tests/integration/httpd/SchemaCheck does for the C++
// tests: the status and media type must be declared for the operation, and a
// JSON body must match the declared schema (validated with ajv, the JSON Schema
// validator @apidevtools/swagger-parser installs from this folder's
// package-lock.json; OpenAPI 3.0's "nullable" is ajv's own keyword).
//
// As a module: answerViolations(doc, {method, path, status, contentType, body})
// -> array of strings (empty: fine); checkAnswer(base, response, body, method)
// fetches the document once per base and throws on a violation.
// As a command: node check-answer.mjs OPENAPI_JSON METHOD PATH STATUS CONTENT_TYPE BODY_FILE
// (exit 1 with the violations on stderr).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');

const validators = new WeakMap(); // doc -> {ajv, compiled: Map}

function ajvFor(doc) {
  let v = validators.get(doc);
  if (!v) {
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    ajv.addFormat('binary', true);
    ajv.addSchema(doc, 'openapi');
    v = { ajv, compiled: new Map() };
    validators.set(doc, v);
  }
  return v;
}

const pointer = (parts) => '#/' + parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export function answerViolations(doc, { method, path, status, contentType, body }) {
  const route = path.split('?')[0];
  const item = doc.paths?.[route];
  if (!item) return route.startsWith('/api/v1/') ? [`${route}: not in the OpenAPI document`] : [];
  const m = method.toLowerCase();
  const op = item[m];
  if (!op) return [`${method} ${route}: method not declared`];
  const code = String(status);
  const responses = op.responses ?? {};
  const key = code in responses ? code : 'default' in responses ? 'default' : null;
  if (!key) return [`${method} ${route} -> ${code}: status not declared`];
  let response = responses[key];
  if (response.$ref) response = response.$ref.split('/').slice(1).reduce((o, k) => o?.[k], doc);
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!response.content) return body && body.length ? [`${method} ${route} -> ${code}: a body where none is declared`] : [];
  if (!(media in response.content)) return [`${method} ${route} -> ${code}: media type '${media}' not declared`];
  if (!(media === 'application/json' || media.endsWith('+json'))) return [];
  const schemaAt = ['paths', route, m, 'responses', key, 'content', media, 'schema'];
  const ref = responses[key].$ref
    ? responses[key].$ref.slice(2).split('/').concat(['content', media, 'schema'])
    : schemaAt;
  const { ajv, compiled } = ajvFor(doc);
  const id = pointer(ref);
  let validate = compiled.get(id);
  if (!validate) {
    validate = ajv.compile({ $ref: 'openapi' + id });
    compiled.set(id, validate);
  }
  let value;
  try {
    value = typeof body === 'string' ? JSON.parse(body) : body;
  } catch (e) {
    return [`${method} ${route} -> ${code}: not JSON (${e.message})`];
  }
  if (validate(value)) return [];
  return validate.errors.map((e) => `${method} ${route} -> ${code}: $${e.instancePath.replace(/\//g, '.')} ${e.message}`);
}

const documents = new Map(); // base URL -> promise of the document

// Checks a fetch() Response whose text is `body` (already read) against base's document; throws on a violation.
export async function checkAnswer(base, response, body, method = 'GET') {
  if (!documents.has(base)) documents.set(base, fetch(`${base}/api/v1/openapi.json`).then((r) => r.json()));
  const doc = await documents.get(base);
  const url = new URL(response.url);
  const wrong = answerViolations(doc, {
    method, path: url.pathname, status: response.status, contentType: response.headers.get('content-type'), body,
  });
  if (wrong.length) throw new Error(`igsgovd's answer does not match its OpenAPI document:\n  ${wrong.join('\n  ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [docFile, method, path, status, contentType, bodyFile] = process.argv.slice(2);
  if (!bodyFile) {
    console.error('usage: check-answer.mjs OPENAPI_JSON METHOD PATH STATUS CONTENT_TYPE BODY_FILE');
    process.exit(2);
  }
  const doc = JSON.parse(readFileSync(docFile, 'utf8'));
  const wrong = answerViolations(doc, { method, path, status, contentType, body: readFileSync(bodyFile, 'utf8') });
  if (wrong.length) {
    console.error(`igsgovd's answer does not match its OpenAPI document:\n  ${wrong.join('\n  ')}`);
    process.exit(1);
  }
}
