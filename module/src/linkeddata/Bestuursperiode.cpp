#include "linkeddata/Bestuursperiode.hpp"

namespace igsgov::linkeddata {

Bestuursperiode bestuursperiodeOf(Date day) {
  int offset = day.year() - 2001;
  int first = 2001 + 6 * (offset >= 0 ? offset / 6 : -((-offset + 5) / 6));
  return {Date::fromYmd(first, 1, 1), Date::fromYmd(first + 5, 12, 31)};
}

}  // namespace igsgov::linkeddata
