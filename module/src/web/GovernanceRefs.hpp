// Lookups shared by the statuten form and comparison pages (GovernanceForms.cpp,
// GovernanceCompare.cpp): a document or version of the route's IGS through
// document.list (so another IGS's document is 404, as for mandates), and the
// <option> lists of the forms. Free functions; see Pages.hpp for failures.
#pragma once

#include "web/Pages.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace igsgov::web {

struct GovernanceRef {
  JsonObject document;  // a document of document.list (with its "versions")
  JsonObject version;   // one of its versions; null when looking up a document
};

// The documents of the IGS (document.list).
JsonArray igsDocuments(PageRequest& r, const std::string& igsId);
// The document `id` of the IGS, else Error(notFound).
GovernanceRef findDocument(PageRequest& r, const std::string& igsId, const std::string& id);
// The version `id` of a document of the IGS, else Error(notFound) naming `field`.
GovernanceRef findVersion(PageRequest& r, const std::string& igsId, const std::string& id,
                          const std::string& field = "versie");

// fn(document, version) for every version of every document of `docs` (document.list), in order.
void forEachVersion(const JsonArray& docs, const std::function<void(const JsonObject&, const JsonObject&)>& fn);

// "/intranet/igs/<igs>/statuten".
std::string statutenBase(const std::string& igsId);

}  // namespace igsgov::web
