// Bestuursperiode: the Flemish local legislatures (1 January 2001 + 6k to
// 31 December six years later: 2019-2024, 2025-2030, ...), the periods in which
// the export places an IGS body (a bestuursorgaan in bestuursperiode). IGS
// boards are re-designated after every municipal election, so a mandate
// belongs to the legislature in which it starts. Pure; thread-safe.
#pragma once

#include "core/Date.hpp"

namespace igsgov::linkeddata {

struct Bestuursperiode {
  Date start;  // 1 January of the first year
  Date end;    // 31 December of the sixth year (the last day)
};

Bestuursperiode bestuursperiodeOf(Date day);

}  // namespace igsgov::linkeddata
