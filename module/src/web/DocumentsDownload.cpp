// Downloads from the register of generated documents:
//   GET /intranet/igs/:igs/documenten/:document          one document (documents.list id=)
//   GET /intranet/igs/:igs/documenten/aanmaak/:generation the documents of one
//       generation as one ZIP (documents.list generation=), named
//       <template>_<igs>_<generation>.zip
// Both read through documents.list with the signed-in account as caller (a
// role that may not see the IGS gets 403, another IGS's document 404) and
// serve only files inside the configured documents folder whose size and
// SHA-256 are the registered ones (web/DocumentFiles.hpp).
#include "core/Error.hpp"
#include "documents/FileNames.hpp"
#include "documents/Generate.hpp"
#include "web/DocumentFiles.hpp"
#include "web/Pages.hpp"

namespace igsgov::web {

namespace {

JsonArray listed(PageRequest& r, const std::string& key, Poco::Dynamic::Var value) {
  auto in = newObject();
  in->set("cooperation", r.params.at("igs"));
  in->set(key, value);
  in->set("limit", 100000LL);
  auto docs = call(r, "documents.list", in)->getArray("documents");
  return docs ? docs : newArray();
}

}  // namespace

PageResult documentDownload(PageRequest& r) {
  loadIgs(r);  // 404 for an unknown IGS, 403 for one the caller may not see
  auto docs = listed(r, "id", r.params.at("document"));
  if (docs->size() != 1)
    throwNotFound("dit document bestaat niet voor dit samenwerkingsverband", Place().set("record", "document"));
  auto d = docs->getObject(0);
  PageResult p;
  p.fileBytes = readRegistered(r.documentsDir, d);
  p.fileName = fileName(d);
  p.mediaType = documents::documentMediaType(text(d, "format"));
  return p;
}

PageResult generationZip(PageRequest& r) {
  loadIgs(r);
  const std::string& g = r.params.at("generation");
  if (g.empty() || g.size() > 18 || g.find_first_not_of("0123456789") != std::string::npos)
    throwNotFound("deze reeks documenten bestaat niet", Place().set("record", "aanmaak"));
  auto docs = listed(r, "generation", std::stoll(g));
  if (docs->size() == 0)
    throwNotFound("deze reeks documenten bestaat niet voor dit samenwerkingsverband", Place().set("record", "aanmaak " + g));
  std::vector<ZipEntry> entries;
  for (std::size_t i = docs->size(); i-- > 0;) {  // newest first: back to the batch's order
    auto d = docs->getObject(static_cast<unsigned>(i));
    entries.push_back({fileName(d), readRegistered(r.documentsDir, d), text(d, "generated_at")});
  }
  auto first = docs->getObject(0);
  PageResult p;
  p.fileBytes = zipOf(entries);
  p.fileName = documents::batchFileName(text(first, "template"), r.params.at("igs"), std::stoll(g));
  p.mediaType = "application/zip";
  return p;
}

}  // namespace igsgov::web
