// Baseline of the PDF benchmark (bench_pdf): converts every .docx of IN_DIR to
// PDF the way users of docxtemplater + libreoffice-convert do, one
// `soffice --headless --convert-to pdf` per document with a fresh profile
// (libreoffice-convert's convert()), PARALLEL conversions at a time, and
// writes the PDFs to OUT_DIR. Prints {"seconds":..,"count":..} on stdout.
// Usage: node baseline.js IN_DIR OUT_DIR PARALLEL   (npm ci in ./node first)
"use strict";
const path = require("path");
const fs = require("fs");
const { promisify } = require("util");
const libre = require(path.join(__dirname, "node", "node_modules", "libreoffice-convert"));

const convert = promisify(libre.convert);
const [inDir, outDir, parallelArg] = process.argv.slice(2);
const parallel = Math.max(1, Number(parallelArg) || 1);
const files = fs.readdirSync(inDir).filter((f) => f.endsWith(".docx")).sort();

async function worker(queue) {
  for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
    const docx = await fs.promises.readFile(path.join(inDir, f));
    const pdf = await convert(docx, "pdf", undefined);
    await fs.promises.writeFile(path.join(outDir, f.replace(/\.docx$/, ".pdf")), pdf);
  }
}

(async () => {
  const queue = files.slice();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: parallel }, () => worker(queue)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ seconds, count: files.length }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
