// Generated documents (module/src/documents, issue 5, table doc_generated) as a
// sync source. Compiled only when that area is built.
//
// The newest generation per (template, cooperation, member, year, format) is
// pushed, kind = the template's name (e.g. "engagementsverklaring"), at
//   member documents:      <igs>/<template folder>/<year>/<gemeente>.<ext>
//   cooperation documents: <igs>/<template folder>/<as of date>.<ext>
// where the template folder of "engagementsverklaring" is "engagementsverklaringen"
// and otherwise the template's name (mapping variables: igs, template, year,
// as_of, gemeente, member, ext, id). The bytes are the written output file
// (streamed by the upload). A pushed file that is gone or no longer has the
// registered SHA-256 stops the run before anything is changed (Error naming
// the file: generate it again); older generations are not read.
#include "sync/Targets.hpp"

#include "core/Error.hpp"
#include "core/FileHash.hpp"
#include "documents/DocumentPaths.hpp"
#include "records/Entities.hpp"
#include "records/EntityTable.hpp"

#include <filesystem>

namespace igsgov::sync {

namespace {

std::string segment(std::string s) {
  for (auto& c : s)
    if (std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20) c = '-';
  while (!s.empty() && (s.front() == '.' || s.front() == ' ')) s.erase(s.begin());
  return s.empty() ? "document" : s;
}

class DocumentsSource : public Source {
public:
  std::string name() const override { return "documents"; }

  std::vector<SourceItem> items(store::Database& db) override {
    auto st = db.prepare(
        "SELECT id, template_name, cooperation_id, coalesce(member_id, ''), as_of, output_path, output_sha256, size, format, "
        "generated_at FROM doc_generated ORDER BY row_id");
    std::map<std::string, SourceItem> newest;  // key -> item (later rows win)
    while (st.step()) {
      std::string id = st.text(0), tmpl = std::filesystem::path(st.text(1)).stem().string(), coop = st.text(2);
      std::string member = st.text(3), asOf = st.text(4), out = st.text(5), sha = st.text(6), format = st.text(8);
      std::string year = asOf.substr(0, 4);
      std::string gemeente;
      if (!member.empty()) {
        auto m = records::current(db, records::memberSpec(), member);
        gemeente = segment(m ? records::textOf(m->data, "name").value_or(member) : member);
      }
      std::string folder = tmpl == "engagementsverklaring" ? "engagementsverklaringen" : segment(tmpl);
      SourceItem s;
      s.kind = tmpl;
      s.vars = {{"igs", coop}, {"template", segment(tmpl)}, {"year", year}, {"as_of", asOf},
                {"gemeente", gemeente}, {"member", member}, {"ext", format}, {"id", id}};
      s.path = member.empty() ? coop + "/" + folder + "/" + asOf + "." + format
                              : coop + "/" + folder + "/" + year + "/" + gemeente + "." + format;
      s.item = id;
      s.version = st.text(9);  // generated_at
      s.sha256 = sha;
      s.size = static_cast<std::uint64_t>(st.integer(7));
      s.meta = newObject();
      s.meta->set("template", st.text(1));
      s.meta->set("cooperation", coop);
      if (!member.empty()) s.meta->set("member", member);
      s.meta->set("as_of", asOf);
      s.meta->set("generated_at", st.text(9));
      s.file = documents::resolveDocumentPath(db.path(), out);  // recorded below the register or absolute
      newest[tmpl + "|" + coop + "|" + member + "|" + (member.empty() ? asOf : year) + "|" + format] = std::move(s);
    }
    // Only what is pushed must still be there as generated (older generations are not read).
    std::vector<SourceItem> items;
    std::vector<char> buffer(1 << 20);
    for (auto& [_, s] : newest) {
      auto hashed = hashFile(s.file, buffer);
      if (!hashed || hashed->sha256 != s.sha256)
        throw Error(ErrorCode::notFound,
                    "gegenereerd document " + s.item + " ontbreekt of werd gewijzigd na het genereren; genereer het opnieuw",
                    Place().set("file", s.file));
      items.push_back(std::move(s));
    }
    return items;
  }
};

}  // namespace

std::unique_ptr<Source> makeDocumentsSource() { return std::make_unique<DocumentsSource>(); }

}  // namespace igsgov::sync
