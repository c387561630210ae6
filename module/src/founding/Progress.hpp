// Progress: the state of each step of a stappenplan for one cooperation (an
// IGS in oprichting), derived from the register wherever it holds the
// evidence, and from check-offs (founding/CheckOffs.hpp) where it does not.
//
// Per condition of a step (founding/Stappenplan.hpp), evaluated on `asOf`:
//   collegebesluit S  the gemeente's college approved a version of a document
//                     of kind S of this cooperation (the latest decision of
//                     that college on or before asOf counts);
//   raadsbesluit S    the same for the gemeenteraad;
//   bestuursbesluit S the raad van bestuur (or beheerscomité) approved one;
//   rechtsvorm        the cooperation's legal form is in the register;
//   statuten          a statuten version is approved by the gemeente's
//                     gemeenteraad (per gemeente) or by every required
//                     council (governance/Approvals.hpp) for the whole IGS;
//   intern_reglement  an intern reglement version whose approvals are complete;
//   afvinken, indiening, subsidiebesluit: a current check-off with its note.
// A step marked per_gemeente is judged per member gemeente (members of kind
// gemeente whose membership covers asOf); conditions about the cooperation as
// a whole (rechtsvorm, intern reglement, bestuursbesluit) hold for all at once.
// A step is done only when every condition holds for every gemeente: never
// without evidence or a check-off with a note. With no gemeente in the
// register, a per-gemeente step is open ("nog geen deelnemende gemeenten").
// Each condition that does not hold yields a plain Dutch blocker
// ("Zwalm: engagementsverklaring nog niet goedgekeurd door het college").
//
// Output (founding.status, stable English keys): see docs/dev/founding.md.
// Failures: Error(notFound) for an unknown cooperation or stappenplan.
// Not thread-safe (Register lock); reads only.
#pragma once

#include "founding/Stappenplan.hpp"
#include "store/Database.hpp"

namespace igsgov::founding {

JsonObject progress(store::Database& db, const Stappenplan& plan, const std::string& cooperation, Date asOf);

}  // namespace igsgov::founding
