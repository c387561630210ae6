// Every intranet page passes axe-core (WCAG 2.1 A and AA rules) without a
// serious or critical violation, as each role sees it. Pages are found by
// following links (crawl.mjs), so pages added later are checked too. The same
// walk checks that the text reads as Dutch for a person: no ISO date in a
// sentence, no UTC time (issue 15). axe runs once per page shape and role
// (crawl.mjs's shapeOf: one mandate history stands for all) and reports only
// violations in full (resultTypes), which halves the test's time; the text
// check runs on every page visited.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { startIntranet } from './harness.mjs';
import { crawl, shapeOf, textProblems } from './crawl.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const h = await startIntranet('axe');

await h.run(async ({ page }) => {
  // The login page, before anyone signs in.
  const pages = [];
  const audited = new Set();
  async function audit(label, key = null) {
    for (const p of await textProblems(page)) h.check(false, `${label}: ${p} in the text`);
    if (key !== null) {
      if (audited.has(key)) return;
      audited.add(key);
    }
    // page.evaluate runs through the DevTools protocol, outside the page's CSP (no script may run there).
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad)
      h.check(false, `${label}: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    h.check(result.passes.length > 0, `${label}: axe ran`);
  }
  // axe really runs here: a page with an image without text and an unlabelled field fails.
  await page.goto(`${h.base}/intranet/aanmelden`);
  await page.evaluate(axeSource);
  const broken = await page.evaluate(async () => {
    document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/intranet/x.png"><input type="text">');
    return (await window.axe.run(document)).violations.map((v) => v.id);
  });
  h.check(broken.includes('image-alt') && broken.includes('label'), `axe finds planted violations (${broken.join(', ')})`);
  await page.goto(`${h.base}/intranet/aanmelden`);
  await audit('aanmelden');
  for (const role of h.roles) {
    await h.login(role);
    const visited = await crawl(h, page, async (url) => {
      await audit(`${role} ${new URL(url).pathname}${new URL(url).search}`, `${role} ${shapeOf(url)}`);
    });
    pages.push(...visited);
    h.check(visited.length >= 8, `${role}: the crawl reached ${visited.length} pages`);
    if (role === 'secretariaat') await h.shot(page, `laatste-${role}`);
  }
  console.log(`axe checked ${pages.length} page visits`);
});
