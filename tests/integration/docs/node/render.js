// Renders DOCX templates with docxtemplater, for the differential test.
// Usage: node render.js jobs.json   where jobs.json = [{template, data, out}]
"use strict";
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const { parser } = require("./formatters.js");

const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let failed = 0;
for (const job of jobs) {
  try {
    const zip = new PizZip(fs.readFileSync(job.template));
    const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, parser });
    doc.render(JSON.parse(fs.readFileSync(job.data, "utf8")));
    fs.writeFileSync(job.out, doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
  } catch (e) {
    failed++;
    console.error(`${job.template}: ${e.message} ${JSON.stringify(e.properties && e.properties.errors ? e.properties.errors.map((x) => x.properties.id) : "")}`);
  }
}
process.exit(failed ? 1 : 0);
