// MandatenGraph: the register as OSLO Mandaten / Besluit linked data (the
// model LBLOD publishes for gemeenten), built from the interchange document
// (interchange::exportRegister), so it shows exactly what the register knows.
//
// Under the base B (Iris.hpp: checkBaseUri), every node has a stable IRI made
// from register ids:
//   B bestuurseenheden/<cooperation>            besluit:Bestuurseenheid, legal form as besluit:classificatie
//   B bestuursorganen/<body>                    besluit:Bestuursorgaan that besluit:bestuurt the IGS
//   B bestuursorganen/<body>/<year>             the same in a bestuursperiode (Bestuursperiode.hpp)
//   B mandaten/<body>/<year>/<role>             mandaat:Mandaat, org:role a bestuursfunctie concept
//   B mandatarissen/<mandate>                   mandaat:Mandataris: person, start, einde, status, fractie
//   B personen/<person>                         person:Person, unless the register holds the person's URI
//   B besluiten/<hash>, zittingen/..., ...      the designating besluit (or its own URI) and its zitting
//   B gemeenten/<nis>, gemeenteraden/<nis>      the designating council and its gemeente
//   B concepten/...                             bestuursfunctie, bestuursorgaan type, interlokale vereniging
// Retracted mandates are left out. A person's rijksregisternummer is never
// published (the register never holds one: records/Organisation.cpp refuses it).
// The full table and the reasons: docs/dev/linked-data.md.
//
// Pure function of its input; thread-safe. Failure: Error(invalid) naming the
// record and field when the register holds an unusable URI (no scheme).
#pragma once

#include "core/Json.hpp"
#include "linkeddata/Rdf.hpp"

#include <map>
#include <string>

namespace igsgov::linkeddata {

using GemeenteNames = std::map<std::string, std::string>;  // NIS code -> name

Graph mandatenGraph(const JsonObject& interchangeDoc, const std::string& base, const GemeenteNames& gemeenten);

}  // namespace igsgov::linkeddata
