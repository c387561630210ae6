#!/usr/bin/python3
"""stable_iris.py BEFORE.ttl AFTER.ttl

Stable URIs: a harvester recognises a mandataris, an orgaan, a person or a
decision by its URI, so a later export of the same register after a change
(here a mandate changed: it ends and a successor takes over) keeps every IRI
of the earlier one (nothing is renamed; the ended mandate stays published) and
adds the successor's. Exit 1, listing the IRIs that disappeared, otherwise.
"""
import sys

import rdflib
from rdflib import URIRef

before_path, after_path = sys.argv[1:3]


def iris(path):
    g = rdflib.Graph()
    g.parse(path, format="turtle")
    return {t for triple in g for t in triple if isinstance(t, URIRef)}


before, after = iris(before_path), iris(after_path)
gone = sorted(before - after)
if gone:
    print(f"{after_path}: {len(gone)} IRIs of {before_path} are gone:", file=sys.stderr)
    for i in gone[:20]:
        print("  ", i, file=sys.stderr)
    sys.exit(1)
if not after - before:
    sys.exit(f"{after_path}: no new IRI after the change: the check would prove nothing")
print(f"{after_path}: all {len(before)} IRIs of the earlier export kept, {len(after - before)} new")
