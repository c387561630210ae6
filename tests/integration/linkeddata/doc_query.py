#!/usr/bin/python3
"""doc_query.py DOC.md TTL INTERCHANGE_JSON [TTL INTERCHANGE_JSON ...]

The example SPARQL query of the users' guide (the ```sparql block of
docs/open-data.md, "wie zit op 1 juni 2025 ...") run with Debian's
python3-rdflib on an export must give exactly the register's mandates in force
on that day (not retracted): the same names, start and end dates and decision
references. Keeps the published example true. Exit 1 with a diff otherwise.
Several exports in one process (importing rdflib is most of the cost).
"""
import json
import re
import sys

import rdflib

doc, pairs = sys.argv[1], sys.argv[2:]
if not pairs or len(pairs) % 2:
    sys.exit("usage: doc_query.py DOC.md TTL INTERCHANGE_JSON [TTL INTERCHANGE_JSON ...]")
DAY = "2025-06-01"
blocks = re.findall(r"```sparql\n(.*?)```", open(doc, encoding="utf-8").read(), re.S)
if len(blocks) != 1:
    sys.exit(f"{doc}: expected one ```sparql block, found {len(blocks)}")
query = blocks[0]
if f'"{DAY}"^^xsd:date' not in query:
    sys.exit(f"{doc}: the example no longer asks for {DAY}; update doc_query.py")

failed = False
for ttl, interchange in zip(pairs[0::2], pairs[1::2]):
    g = rdflib.Graph()
    g.parse(ttl, format="turtle")
    got = sorted(
        (str(r.naam), str(r.start), str(r.einde or ""), str(r.referentie or ""))
        for r in g.query(query)
    )

    reg = json.load(open(interchange, encoding="utf-8"))
    names = {p["id"]: p["name"] for p in reg["persons"]}
    want = sorted(
        (names[m["person"]], m["from"], m.get("until", ""), m.get("decision", {}).get("reference", ""))
        for m in reg["mandates"]
        if not m.get("retracted") and m["from"] <= DAY and m.get("until", "9999-12-31") >= DAY
    )
    if not want:
        failed = True
        print(f"{interchange}: no mandate in force on {DAY}: the check would prove nothing", file=sys.stderr)
        continue
    if got != want:
        print(f"{ttl}: the example query of {doc} does not give the register's mandates of {DAY}", file=sys.stderr)
        for row in sorted(set(want) - set(got)):
            print("  missing:", row, file=sys.stderr)
        for row in sorted(set(got) - set(want)):
            print("  extra:  ", row, file=sys.stderr)
        failed = True
        continue
    print(f"{ttl}: the example query gives the {len(got)} mandates in force on {DAY}")
sys.exit(1 if failed else 0)
