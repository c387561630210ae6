// A client an ERP would write against the types that openapi-typescript
// generates from igsgovd's /api/v1/openapi.json (generated/igsgov.ts, made by
// openapi-valid.sh). It only has to compile (tsc --strict): the answers'
// fields used here exist with these types in the document.
import type { components, paths } from "./generated/igsgov.js";

type Composition = paths["/api/v1/body.composition"]["get"]["responses"][200]["content"]["application/json"];
type Journal = paths["/api/v1/audit.journal"]["get"]["responses"][200]["content"]["application/json"];
type Problem = components["schemas"]["Error"];

async function call<T>(base: string, token: string, path: string): Promise<T> {
  const r = await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
  if (!r.ok) {
    const problem = (await r.json()) as Problem;
    throw new Error(`${problem.code} (${problem.number}): ${problem.message}`);
  }
  return (await r.json()) as T;
}

export async function seatedPeople(base: string, token: string, body: string): Promise<string[]> {
  const c = await call<Composition>(base, token, `/api/v1/body.composition?body=${encodeURIComponent(body)}`);
  const total: number = c.counts.total;
  return c.mandates.map((m) => `${m.person.name} (${m.role}, ${m.voting ? "stemgerechtigd" : "raadgevend"}) ${total}`);
}

export async function lastOperations(base: string, token: string): Promise<string[]> {
  const j = await call<Journal>(base, token, "/api/v1/audit.journal?limit=10");
  return j.entries.map((e) => `${e.seq} ${e.at} ${e.actor} ${e.operation} ${e.hash}`);
}
