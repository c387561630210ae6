// validate-shacl.mjs SHAPES.ttl DATA.ttl... [--expect-invalid DATA.ttl...]
// Validates each DATA file against the SHACL shapes with rdf-validate-shacl
// (parsed by N3.js, an independent Turtle parser), in one process (node's start
// and loading the validator cost more than validating: CI time). Prints every
// violation. Files before --expect-invalid must conform, files after it must
// not (negative controls). Exit 0 when every outcome is the expected one.
import fs from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

function load(path) {
  const store = new N3.Store();
  store.addQuads(new N3.Parser({ format: 'text/turtle', baseIRI: 'urn:x-base:' }).parse(fs.readFileSync(path, 'utf8')));
  return store;
}

const [shapesPath, ...rest] = process.argv.slice(2);
const split = rest.indexOf('--expect-invalid');
const valid = split < 0 ? rest : rest.slice(0, split);
const invalid = split < 0 ? [] : rest.slice(split + 1);
if (!shapesPath || valid.length + invalid.length === 0) {
  console.error('usage: validate-shacl.mjs SHAPES.ttl DATA.ttl... [--expect-invalid DATA.ttl...]');
  process.exit(2);
}
const shapes = load(shapesPath);
let failures = 0;
for (const [dataPath, expectInvalid] of [...valid.map((p) => [p, false]), ...invalid.map((p) => [p, true])]) {
  const data = load(dataPath);
  if (data.size === 0) {
    console.error(`${dataPath}: no triples`);
    failures++;
    continue;
  }
  // A new validator per file: it keeps state between validations.
  const report = await new SHACLValidator(shapes).validate(data);
  for (const r of report.results) {
    const msg = r.message.map((m) => m.value).join('; ');
    console.log(`violation: ${r.focusNode?.value} ${r.path?.value ?? ''} ${r.sourceConstraintComponent?.value} ${msg}`);
  }
  const ok = report.conforms === !expectInvalid;
  console.log(`${dataPath}: ${data.size} triples, conforms=${report.conforms}, ${report.results.length} violations` +
              `${expectInvalid ? ' (must not conform)' : ''}${ok ? '' : ' UNEXPECTED'}`);
  if (!ok) failures++;
}
process.exit(failures ? 1 : 0);
