// validate-shacl.mjs SHAPES.ttl DATA.ttl [--expect-invalid]
// Validates DATA against the SHACL shapes with rdf-validate-shacl (parsed by
// N3.js, an independent Turtle parser). Prints every violation. Exit 0 when the
// outcome is the expected one (conforms; or, with --expect-invalid, does not).
import fs from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

function load(path) {
  const store = new N3.Store();
  store.addQuads(new N3.Parser({ format: 'text/turtle', baseIRI: 'urn:x-base:' }).parse(fs.readFileSync(path, 'utf8')));
  return store;
}

const [shapesPath, dataPath, flag] = process.argv.slice(2);
const shapes = load(shapesPath);
const data = load(dataPath);
if (data.size === 0) {
  console.error(`${dataPath}: no triples`);
  process.exit(1);
}
const report = await new SHACLValidator(shapes).validate(data);
for (const r of report.results) {
  const msg = r.message.map((m) => m.value).join('; ');
  console.log(`violation: ${r.focusNode?.value} ${r.path?.value ?? ''} ${r.sourceConstraintComponent?.value} ${msg}`);
}
const expectInvalid = flag === '--expect-invalid';
console.log(`${dataPath}: ${data.size} triples, conforms=${report.conforms}, ${report.results.length} violations`);
process.exit(report.conforms === !expectInvalid ? 0 : 1);
