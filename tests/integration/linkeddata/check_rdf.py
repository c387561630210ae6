#!/usr/bin/python3
"""check_rdf.py TTL JSONLD INTERCHANGE_JSON BASE

Oracle for igsgov's linked-data export, with Debian's python3-rdflib (an
independent Turtle and JSON-LD parser): both files parse, hold the same triples,
and say exactly what the register says (interchange JSON of the same register):
every mandate that is not retracted is one mandataris with its person, role,
dates (typed xsd:date), status, fractie and decision reference, text read back
byte for byte (quotes, backslashes, < and > survive the escaping), persons with
their own URI where the register has one, fictitious persons marked, and no
rijksregisternummer anywhere. Prints each failure; exit 1 when there is one.
"""
import json
import re
import sys
from urllib.parse import quote

import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD, RDF

ttl, jsonld, interchange, base = sys.argv[1:5]
MANDAAT = rdflib.Namespace("http://data.vlaanderen.be/ns/mandaat#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
PERSOON = rdflib.Namespace("http://data.vlaanderen.be/ns/persoon#")
REGORG = rdflib.Namespace("http://www.w3.org/ns/regorg#")
ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
IGSGOV = rdflib.Namespace("https://w3id.org/igsgov/ns#")
STATUS = {
    "effectief": "21063a5b-912c-4241-841c-cc7fb3c73e75",
    "verhinderd": "c301248f-0199-45ca-b3e5-4c596731d5fe",
    "waarnemend": "e1ca6edd-55e1-4288-92a5-53f4cf71946a",
    "titelvoerend": "aacb3fed-b51d-4e0b-a411-f3fa641da1b3",
}
failures = []


def fail(message):
    failures.append(message)
    print("FOUT:", message)


def seg(text):
    return quote(text, safe="._~-")


def iri_of(text):
    # What Iris.hpp's externalIri does: characters an IRI may not hold, percent-encoded.
    return "".join("%%%02X" % b if b <= 0x20 or b == 0x7F or chr(b) in '<>"{}|\\^`' else chr(b)
                   for b in text.encode("utf-8")).encode("latin-1").decode("utf-8")


def one(g, s, p):
    values = list(g.objects(s, p))
    if len(values) != 1:
        fail(f"{s} {p}: {len(values)} waarden in plaats van 1: {values}")
        return None
    return values[0]


g = rdflib.Graph().parse(ttl, format="turtle")
j = rdflib.Graph().parse(jsonld, format="json-ld")
if len(g) == 0:
    fail("Turtle zonder triples")
if not isomorphic(g, j):
    fail(f"Turtle ({len(g)} triples) en JSON-LD ({len(j)} triples) verschillen")

doc = json.load(open(interchange, encoding="utf-8"))
persons = {p["id"]: p for p in doc.get("persons", [])}
published_persons = set()
mandataris_nodes = set(g.subjects(RDF.type, MANDAAT.Mandataris))
expected_nodes = set()
for m in doc.get("mandates", []):
    node = URIRef(base + "mandatarissen/" + seg(m["id"]))
    if m.get("retracted"):
        if (node, None, None) in g:
            fail(f"ingetrokken mandaat {m['id']} is gepubliceerd")
        continue
    expected_nodes.add(node)
    p = persons[m["person"]]
    person = URIRef(iri_of(p["uri"]) if p.get("uri") else base + "personen/" + seg(p["id"]))
    published_persons.add(person)
    if one(g, node, MANDAAT.isBestuurlijkeAliasVan) != person:
        fail(f"{m['id']}: persoon is niet {person}")
    if one(g, node, MANDAAT.start) != Literal(m["from"], datatype=XSD.date):
        fail(f"{m['id']}: start is niet {m['from']}^^xsd:date")
    einde = list(g.objects(node, MANDAAT.einde))
    if einde != ([Literal(m["until"], datatype=XSD.date)] if m.get("until") else []):
        fail(f"{m['id']}: einde {einde} is niet {m.get('until')}")
    status = m.get("status", "effectief")
    want = [URIRef("http://data.vlaanderen.be/id/concept/MandatarisStatusCode/" + STATUS[status])] if status in STATUS else []
    if list(g.objects(node, MANDAAT.status)) != want:
        fail(f"{m['id']}: status {list(g.objects(node, MANDAAT.status))} is niet {status}")
    post = one(g, node, ORG.holds)
    role = one(g, post, ORG.role) if post else None
    if role is not None and not str(role).endswith("/bestuursfunctie/" + m["role"]):
        fail(f"{m['id']}: rol {role} is niet {m['role']}")
    fracties = [one(g, ms, ORG.organisation) for ms in g.objects(node, ORG.hasMembership)]
    names = [str(one(g, f, REGORG.legalName)) for f in fracties if f is not None]
    if names != ([m["fractie"]] if m.get("fractie") else []):
        fail(f"{m['id']}: fractie {names!r} is niet {m.get('fractie')!r}")
    besluiten = list(g.subjects(MANDAAT.bekrachtigtAanstellingVan, node))
    d = m.get("decision")
    if len(besluiten) != (1 if d else 0):
        fail(f"{m['id']}: {len(besluiten)} besluiten")
    elif d:
        b = besluiten[0]
        if d.get("uri") and b != URIRef(iri_of(d["uri"])):
            fail(f"{m['id']}: besluit {b} is niet de URI uit het register")
        refs = [str(r) for r in g.objects(b, ELI.id_local)]
        if refs != ([d["reference"]] if d.get("reference") else []):
            fail(f"{m['id']}: referentie {refs!r} is niet {d.get('reference')!r}")

if mandataris_nodes != expected_nodes:
    fail(f"mandatarissen verschillen: te veel {sorted(mandataris_nodes - expected_nodes)}, "
         f"te weinig {sorted(expected_nodes - mandataris_nodes)}")

by_node = {}
for p in persons.values():
    by_node[URIRef(iri_of(p["uri"]) if p.get("uri") else base + "personen/" + seg(p["id"]))] = p
person_nodes = set(g.subjects(RDF.type, URIRef("http://www.w3.org/ns/person#Person")))
if person_nodes != published_persons:
    fail(f"personen zonder gepubliceerd mandaat gepubliceerd of omgekeerd: {sorted(person_nodes ^ published_persons)}")
for node in person_nodes & published_persons:
    p = by_node[node]
    if str(one(g, node, FOAF.name)) != p["name"]:
        fail(f"{p['id']}: naam {one(g, node, FOAF.name)!r} is niet {p['name']!r}")
    full = f"{one(g, node, PERSOON.gebruikteVoornaam)} {one(g, node, FOAF.familyName)}"
    if full != p["name"] and " " in p["name"]:
        fail(f"{p['id']}: voornaam + achternaam {full!r} is niet {p['name']!r}")
    fictief = list(g.objects(node, IGSGOV.fictief))
    if fictief != ([Literal(True)] if p.get("fictitious") else []):
        fail(f"{p['id']}: fictief {fictief} klopt niet")

for c in doc.get("cooperations", []):
    igs = URIRef(base + "bestuurseenheden/" + seg(c["id"]))
    if str(one(g, igs, SKOS.prefLabel)) != c["name"]:
        fail(f"{c['id']}: naam {one(g, igs, SKOS.prefLabel)!r} is niet {c['name']!r}")

# Never a rijksregisternummer: no 11 digits (with or without the usual dots and dashes) in any literal.
rrn = re.compile(r"\b\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}\b")
for s, p, o in g:
    if isinstance(o, Literal) and rrn.search(str(o)):
        fail(f"literal dat op een rijksregisternummer lijkt: {s} {p} {o!r}")

print(f"{ttl}: {len(g)} triples, {len(expected_nodes)} mandatarissen, {len(person_nodes)} personen, "
      f"{len(failures)} fouten")
sys.exit(1 if failures else 0)
