#include "web/ExportLinks.hpp"

#include "core/Base64.hpp"
#include "core/Error.hpp"

#include <map>

namespace igsgov::web {

namespace {

// The intranet's table names and their operations.
const std::map<std::string, std::string>& tables() {
  static const std::map<std::string, std::string> m = {{"samenstelling", "export.composition"},
                                                       {"mandaten", "export.mandates"},
                                                       {"deelnemers", "export.members"},
                                                       {"bevindingen", "export.findings"}};
  return m;
}

bool hasId(const JsonArray& list, const std::string& id) {
  bool found = false;
  each(list, [&](JsonObject o) { found = found || text(o, "id") == id; });
  return found;
}

}  // namespace

Poco::Dynamic::Var downloadLinks(PageRequest& r, const std::string& table,
                                 const std::vector<std::pair<std::string, std::string>>& query) {
  if (!mayCall(r, tables().at(table), r.params.at("igs"))) return false;
  std::string href = base(r) + "/export/" + table + "?";
  for (const auto& [name, value] : query)
    if (!value.empty()) href += name + "=" + segment(value) + "&";
  auto links = newObject();
  links->set("xlsx", href + "formaat=xlsx");
  links->set("csv", href + "formaat=csv");
  return links;
}

PageResult exportDownload(PageRequest& r) {
  auto igs = loadIgs(r);
  const std::string igsId = text(igs, "id");
  const std::string table = r.params.at("tabel");
  auto op = tables().find(table);
  if (op == tables().end())
    throwNotFound("onbekende tabel '" + table + "' (wel: samenstelling, mandaten, deelnemers, bevindingen)",
                  Place().set("tabel", table));
  std::string format = field(r.fields, "formaat");
  if (format.empty()) format = "xlsx";
  if (format != "xlsx" && format != "csv")
    throwInvalid("onbekend formaat '" + format + "' (kies xlsx of csv)", Place().set("field", "'formaat'"));
  auto in = newObject();
  in->set("format", format);
  auto put = [&](const char* key, const char* name) {
    std::string v = field(r.fields, name);
    if (!v.empty()) in->set(key, v);
  };
  if (table == "samenstelling" || table == "mandaten") {
    std::string body = field(r.fields, "orgaan");
    if (body.empty() || !hasId(arrayOf(igs, "bodies"), body))
      throwNotFound("onbekend orgaan '" + body + "' in dit samenwerkingsverband", Place().set("field", "'orgaan'"));
    in->set("body", body);
    if (table == "samenstelling") {
      put("as_of", "datum");
      put("known_at", "gekend");
    }
  } else {
    in->set("cooperation", igsId);
    if (table == "bevindingen") put("as_of", "datum");
    if (table == "deelnemers") {
      put("key", "sleutel");
      std::string year = field(r.fields, "jaar");
      if (!year.empty()) {
        if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos)
          throwInvalid("geen geldig boekjaar: '" + year + "'", Place().set("field", "'jaar'"));
        in->set("year", std::stoll(year));
      }
    }
  }
  auto out = call(r, op->second, in);
  PageResult p;
  p.fileBytes = base64Decode(text(out, "file_base64"), Place().set("operation", op->second));
  p.fileName = text(out, "file_name");
  p.mediaType = text(out, "media_type");
  return p;
}

}  // namespace igsgov::web
