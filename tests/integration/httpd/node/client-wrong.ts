// Must NOT compile: a field the document does not declare (negative control
// for client.ts, run by openapi-valid.sh with --expect-failure).
import type { paths } from "./generated/igsgov.js";

type Composition = paths["/api/v1/body.composition"]["get"]["responses"][200]["content"]["application/json"];
export const wrong = (c: Composition): string => c.mandates[0].persoon.naam;
