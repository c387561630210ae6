// docxtemplater side of the template benchmark: renders the same letter N
// times (template re-parsed per document, as docxtemplater does) and prints
// {"docs_per_s":..,"peak_rss_kb":..} on stdout.
"use strict";
const path = require("path");
const fs = require("fs");
const nodeDir = path.join(__dirname, "..", "..", "integration", "docs", "node");
const PizZip = require(path.join(nodeDir, "node_modules", "pizzip"));
const Docxtemplater = require(path.join(nodeDir, "node_modules", "docxtemplater"));
const { parser } = require(path.join(nodeDir, "formatters.js"));

const [template, dataFile, nArg] = process.argv.slice(2);
const n = Number(nArg);
const bytes = fs.readFileSync(template);
const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
let size = 0;
const t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) {
  const doc = new Docxtemplater(new PizZip(bytes), { paragraphLoop: true, linebreaks: true, parser });
  doc.render(data);
  size += doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }).length;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ docs_per_s: n / seconds, peak_rss_kb: process.resourceUsage().maxRSS, bytes: size }));
