#include "interchange/StreamedArrays.hpp"

#include "core/Error.hpp"
#include "interchange/FilePlaces.hpp"

#include <algorithm>

namespace igsgov::interchange {

namespace {
// An interchange file is input: its strings obey the text rules too.
constexpr JsonRules kFileRules{.text = true};
}  // namespace

JsonObject StreamedArrays::parse(const std::string& text, const std::string& file, const std::vector<std::string>& keys) {
  text_ = &text;
  file_ = file;
  auto spans = memberSpans(text, keys);
  std::vector<JsonSpan> cuts;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (!spans[k]) continue;
    auto elements = elementSpans(text, *spans[k]);
    if (!elements) continue;
    streamed_.emplace(keys[k], std::make_pair(*spans[k], std::move(*elements)));
    cuts.push_back(*spans[k]);
  }
  if (cuts.empty()) {
    doc_ = parseJsonObject(text, file, kFileRules);
    return doc_;
  }
  // The whole file once, so that every problem (also in the streamed elements,
  // which the fast path reads without a parser) is reported with its line and
  // column, and no element is read from a file that has one.
  checkJson(text, file, kFileRules);
  std::sort(cuts.begin(), cuts.end(), [](const JsonSpan& a, const JsonSpan& b) { return a.begin < b.begin; });
  std::string rest;  // the file with the streamed arrays left empty
  rest.reserve(text.size());
  std::size_t pos = 0;
  for (const auto& c : cuts) {
    rest.append(text, pos, c.begin - pos).append("[]");
    pos = c.end;
  }
  rest.append(text, pos);
  doc_ = parseJsonObject(rest, file);
  return doc_;
}

void StreamedArrays::use(JsonObject doc, const std::string& file) {
  doc_ = std::move(doc);
  file_ = file;
}

JsonArray& StreamedArrays::dom(const std::string& key) {
  auto it = dom_.find(key);
  if (it == dom_.end()) it = dom_.emplace(key, arrayField(doc_, key, file_, "")).first;
  return it->second;
}

std::size_t StreamedArrays::size(const std::string& key) {
  if (auto s = streamed_.find(key); s != streamed_.end()) return s->second.second.size();
  return dom(key)->size();
}

std::optional<std::pair<std::string_view, JsonSpan>> StreamedArrays::text(const std::string& key, std::size_t i) const {
  auto s = streamed_.find(key);
  if (s == streamed_.end()) return std::nullopt;
  return std::make_pair(std::string_view(*text_), s->second.second[i]);
}

JsonObject StreamedArrays::at(const std::string& key, std::size_t i, const std::string& path) {
  auto s = streamed_.find(key);
  if (s == streamed_.end()) return objectAt(dom(key), i, file_, path);
  const JsonSpan& span = s->second.second[i];
  if ((*text_)[span.begin] != '{')  // a well-formed value (JsonSpans checked it), but not an object
    throwInvalid("object verwacht", Place().set("file", file_).set("path", path));
  // The file was checked as a whole (parse()): this parse does not fail.
  Poco::Dynamic::Var v = parseJson(std::string(span.of(*text_)), file_);
  if (v.type() != typeid(Poco::JSON::Object::Ptr))
    throwInvalid("object verwacht", Place().set("file", file_).set("path", path));
  return v.extract<Poco::JSON::Object::Ptr>();
}

std::string StreamedArrays::stringOf(const std::string& key, std::size_t i, const std::string& member) {
  if (auto s = streamed_.find(key); s != streamed_.end())
    return std::string(stringMember(*text_, s->second.second[i], member).value_or(""));
  auto o = dom(key)->getObject(static_cast<unsigned>(i));
  return o.isNull() ? std::string() : o->optValue<std::string>(member, "");
}

bool StreamedArrays::mayHave(const std::string& key, const std::string& member) const {
  auto s = streamed_.find(key);
  return s == streamed_.end() || s->second.first.of(*text_).find("\"" + member + "\"") != std::string_view::npos;
}

}  // namespace igsgov::interchange
