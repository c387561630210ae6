#include "ops/CatalogueReads.hpp"

#include "core/Error.hpp"
#include "ops/Catalogue.hpp"

namespace igsgov::ops {

JsonObject readWith(store::Database& db, const std::string& name, const JsonObject& in) {
  const Operation* op = catalogue().find(name);
  if (!op || !op->read) throw Error(ErrorCode::internal, "operatie ontbreekt: " + name);
  return op->read(db, in);
}

std::string textWith(const std::string& name, const JsonObject& out) {
  const Operation* op = catalogue().find(name);
  return op && op->text ? op->text(out) : toJsonText(out, true);
}

}  // namespace igsgov::ops
