// Dumps docxtemplater's own e2e fixtures (cases with the default parser, no
// modules, plain JSON data) as JSON for our harness (FixturesHarness.cpp).
"use strict";
const fixtures = require("docxtemplater/js/tests/e2e/fixtures.js");

const out = [];
for (const f of fixtures) {
  const o = f.options || {};
  const reasons = [];
  if (o.parser) reasons.push("custom parser");
  if (o.modules || f.pptx || f.async || f.resolved) reasons.push("modules/pptx/async");
  const d = o.delimiters;
  if ((d && (d.start !== "{" || d.end !== "}")) || o.syntax || o.fileTypeConfig || o.nullGetter)
    reasons.push("non-default options");
  let scope = f.scope;
  try {
    const s = JSON.stringify(scope, (k, v) => {
      if (typeof v === "function") throw new Error("function");
      return v;
    });
    scope = s === undefined ? {} : JSON.parse(s);
  } catch (e) {
    reasons.push("function in data");
  }
  let content = f.content;
  if (f.contentText) content = `<w:t>${f.contentText}</w:t>`;
  if (f.contentParagraph) content = `<w:p><w:r><w:t>${f.contentParagraph}</w:t></w:r></w:p>`;
  let errorIds = null;
  if (f.error) {
    const e = f.error;
    const list = e.properties && e.properties.errors ? e.properties.errors : [e];
    errorIds = list.map((x) => (x.properties && x.properties.id) || x.name || "error");
  }
  out.push({
    it: f.it,
    skip: reasons.join(", "),
    content: content || "",
    scope,
    paragraphLoop: !!o.paragraphLoop,
    linebreaks: !!o.linebreaks,
    result: f.result === undefined ? null : f.result,
    resultText: f.resultText === undefined ? null : f.resultText,
    errorIds,
  });
}
process.stdout.write(JSON.stringify(out));
