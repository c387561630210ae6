#!/usr/bin/python3
"""dump_rdf.py FILE FORMAT: parse FILE (turtle or json-ld) with rdflib and print
its triples as JSON, one [subject, predicate, kind, value, datatype, language]
per triple, sorted, so a C++ test can compare them with what it wrote."""
import json
import sys

import rdflib
from rdflib import Literal, URIRef

g = rdflib.Graph().parse(sys.argv[1], format=sys.argv[2])
rows = []
for s, p, o in g:
    if isinstance(o, Literal):
        dt = str(o.datatype) if o.datatype else ""
        rows.append([str(s), str(p), "literal", str(o), dt, o.language or ""])
    else:
        rows.append([str(s), str(p), "iri" if isinstance(o, URIRef) else "blank", str(o), "", ""])
json.dump(sorted(rows), sys.stdout, ensure_ascii=False)
