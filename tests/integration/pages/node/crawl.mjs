// Page discovery for the journeys that must cover every intranet page
// (journey-axe, journey-mobile, journey-auditor): follows the links a user
// sees, from the IGS list, so pages added later are covered without naming them.
//
// crawl(h, page, visit, { max }) visits each page reached by links under
// /intranet (same origin) once, at most two per shape (a shape is the path
// with every segment after /intranet/igs/:igs/:tab replaced by '*', plus the
// query's field names: one mandate history stands for all), and calls
// `await visit(url)` with the page loaded. Downloads, the style sheet and
// logging out are not followed. Returns the visited URLs.
//
// Also: textProblems(page) (text of <main> a secretariat would not accept:
// ISO dates, UTC times) and postForms(page) (the POST forms on the page, with
// their fields, to replay them).

export function shapeOf(url) {
  const u = new URL(url);
  const parts = u.pathname.split('/');
  // ['', 'intranet', 'igs', ':igs', ':tab', ...rest]
  const shape = parts.map((p, i) => (i > 4 ? '*' : p)).join('/');
  return shape + '?' + [...u.searchParams.keys()].sort().join('&');
}

export async function crawl(h, page, visit, { max = 60, start = '/intranet/igs' } = {}) {
  const seen = new Set();
  const perShape = new Map();
  const queue = [new URL(start, h.base).href];
  const visited = [];
  while (queue.length && visited.length < max) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const shape = shapeOf(url);
    if ((perShape.get(shape) ?? 0) >= 2) continue;
    perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
    const response = await page.goto(url);
    const type = response?.headers()['content-type'] ?? '';
    if (!type.startsWith('text/html')) continue;
    visited.push(url);
    await visit(url, response);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const link of links) {
      const u = new URL(link);
      u.hash = '';
      if (u.origin !== new URL(h.base).origin || !u.pathname.startsWith('/intranet/')) continue;
      if (/\/(afmelden|stijl\.css|bewijspakket)$/.test(u.pathname) || /\/bestand|download|\/export\/|\.zip$/.test(u.pathname)) continue;  // files, not pages
      if (!seen.has(u.href)) queue.push(u.href);
    }
  }
  return visited;
}

// Text in <main> (without code and form fields) that should read as Dutch for a person:
// no ISO date inside a sentence, no UTC time.
export async function textProblems(page) {
  const text = await page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return '';
    const copy = main.cloneNode(true);
    copy.querySelectorAll('code, pre, input, select, textarea, .sr').forEach((e) => e.remove());
    return copy.innerText ?? copy.textContent;
  });
  const problems = [];
  for (const m of text.matchAll(/\b\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}[^\s]*)?/g)) problems.push(`ISO-datum '${m[0]}'`);
  if (/\bUTC\b/.test(text)) problems.push('UTC-tijd');
  return problems;
}

// The page's POST forms: { action, fields: {name: value} }, the hidden and
// preset values as the page has them (the user's text fields stay as they are).
export async function postForms(page) {
  return page.$$eval('form', (forms) => forms
    .filter((f) => (f.getAttribute('method') ?? 'get').toLowerCase() === 'post')
    .map((f) => {
      const fields = {};
      for (const e of f.elements) if (e.name) fields[e.name] = e.value || 'x';
      return { action: new URL(f.getAttribute('action') ?? location.href, location.href).pathname, fields };
    }));
}
