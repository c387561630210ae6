// Validates an OpenAPI document with @apidevtools/swagger-parser (schema of
// OpenAPI 3.0 plus semantic checks: unique operationIds, path parameters,
// resolvable $refs). Usage: node validate.mjs FILE [--expect-invalid]
import SwaggerParser from "@apidevtools/swagger-parser";
import { readFileSync } from "node:fs";

const [file, mode] = process.argv.slice(2);
const expectInvalid = mode === "--expect-invalid";
const doc = JSON.parse(readFileSync(file, "utf8"));
try {
  const api = await SwaggerParser.validate(doc);
  const ops = Object.values(api.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  console.log(`valid OpenAPI ${api.openapi}: ${Object.keys(api.paths).length} paths, ${ops} operations`);
  process.exit(expectInvalid ? 1 : 0);
} catch (err) {
  console.log(`invalid: ${err.message}`);
  process.exit(expectInvalid ? 0 : 1);
}
