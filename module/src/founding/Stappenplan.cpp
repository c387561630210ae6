#include "founding/Stappenplan.hpp"

#include "core/ConfigOverlay.hpp"
#include "core/Error.hpp"
#include "core/JsonFile.hpp"


#include <algorithm>
#include <cstdlib>
#include <set>

namespace igsgov {
EmbeddedFiles embeddedStappenplannen();
}

namespace igsgov::founding {
namespace {

// One file being read: every error names the file and the place in it.
class FileReader {
public:
  explicit FileReader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& part, const std::string& message) const {
    Place p;
    p.set("file", source_);
    if (!part.empty()) p.set("part", part);
    throwInvalid(message, p);
  }

  void onlyKnown(const JsonObject& o, const std::set<std::string>& known, const std::string& part) const {
    std::vector<std::string> names;
    o->getNames(names);
    for (const auto& n : names)
      if (!known.count(n)) fail(part, "onbekend veld '" + n + "'");
  }

  std::string text(const JsonObject& o, const std::string& key, bool required, const std::string& part) const {
    if (!o->has(key) || o->isNull(key)) {
      if (required) fail(part, "verplicht veld '" + key + "' ontbreekt");
      return "";
    }
    auto v = o->get(key);
    if (!v.isString()) fail(part, "veld '" + key + "' is een tekst");
    auto s = v.extract<std::string>();
    if (required && s.empty()) fail(part, "veld '" + key + "' is leeg");
    return s;
  }

  JsonObject object(const JsonObject& o, const std::string& key, const std::string& part) const {
    if (!o->has(key)) fail(part, "verplicht veld '" + key + "' ontbreekt");
    auto obj = o->getObject(key);
    if (obj.isNull()) fail(part, "veld '" + key + "' is een object");
    return obj;
  }

  JsonArray array(const JsonObject& o, const std::string& key, const std::string& part) const {
    if (!o->has(key)) fail(part, "verplicht veld '" + key + "' ontbreekt");
    auto arr = o->getArray(key);
    if (arr.isNull()) fail(part, "veld '" + key + "' is een lijst");
    if (arr->size() == 0) fail(part, "lijst '" + key + "' is leeg");
    return arr;
  }

  JsonObject element(const JsonArray& arr, std::size_t i, const std::string& part) const {
    auto obj = arr->getObject(static_cast<unsigned>(i));
    if (obj.isNull()) fail(part, "is geen object");
    return obj;
  }

private:
  std::string source_;
};

Condition parseCondition(const FileReader& in, const JsonObject& c, const std::string& part) {
  in.onlyKnown(c, {"evidence", "subject", "description"}, part);
  Condition cond;
  cond.evidence = in.text(c, "evidence", true, part);
  const auto& kinds = evidenceKinds();
  if (std::find(kinds.begin(), kinds.end(), cond.evidence) == kinds.end()) {
    std::string all;
    for (const auto& k : kinds) all += (all.empty() ? "" : ", ") + k;
    in.fail(part, "onbekend soort bewijs '" + cond.evidence + "' (bestaand: " + all + ")");
  }
  cond.subject = in.text(c, "subject", false, part);
  if (evidenceNeedsSubject(cond.evidence) && cond.subject.empty())
    in.fail(part, "een " + cond.evidence + " noemt zijn onderwerp in 'subject' (bv. 'engagementsverklaring')");
  cond.description = in.text(c, "description", true, part);
  return cond;
}

Step parseStep(const FileReader& in, const JsonObject& s, std::size_t index) {
  std::string part = "steps[" + std::to_string(index) + "]";
  Step step;
  step.id = in.text(s, "id", true, part);
  part = "stap '" + step.id + "'";
  in.onlyKnown(s, {"number", "id", "title", "per_gemeente", "done_when", "deadline"}, part);
  if (!s->has("number") || !s->get("number").isInteger()) in.fail(part, "'number' (een geheel getal) ontbreekt");
  step.number = s->getValue<int>("number");
  if (step.number != static_cast<int>(index) + 1)
    in.fail(part, "stap nummer " + std::to_string(step.number) + " staat op plaats " + std::to_string(index + 1) +
                      "; nummer de stappen 1, 2, 3 ... in volgorde");
  step.title = in.text(s, "title", true, part);
  if (!s->has("per_gemeente") || !s->get("per_gemeente").isBoolean())
    in.fail(part, "'per_gemeente' (true of false) ontbreekt");
  step.perGemeente = s->getValue<bool>("per_gemeente");
  auto conds = in.array(s, "done_when", part);
  std::set<std::string> keys;  // a check-off names its condition by evidence[:subject] (founding/CheckOffs.hpp)
  for (std::size_t i = 0; i < conds->size(); ++i) {
    std::string cpart = part + ", done_when[" + std::to_string(i) + "]";
    step.doneWhen.push_back(parseCondition(in, in.element(conds, i, cpart), cpart));
    const auto& c = step.doneWhen.back();
    if (!keys.insert(c.evidence + ":" + c.subject).second)
      in.fail(cpart, "de stap heeft al een voorwaarde '" + c.evidence + "'" +
                         (c.subject.empty() ? "" : " over '" + c.subject + "'") + "; geef elke voorwaarde een ander 'subject'");
  }
  if (s->has("deadline")) {
    std::string dpart = part + ", deadline";
    auto d = in.object(s, "deadline", part);
    in.onlyKnown(d, {"date", "description"}, dpart);
    auto iso = in.text(d, "date", true, dpart);
    auto date = Date::parse(iso);
    if (!date) in.fail(dpart, "'" + iso + "' is geen geldige datum (JJJJ-MM-DD)");
    step.deadline = Deadline{*date, in.text(d, "description", true, dpart)};
  }
  return step;
}

}  // namespace

const std::vector<std::string>& evidenceKinds() {
  static const std::vector<std::string> kinds = {"afvinken",  "collegebesluit",   "raadsbesluit", "bestuursbesluit",
                                                 "rechtsvorm", "statuten",        "intern_reglement",
                                                 "indiening", "subsidiebesluit"};
  return kinds;
}

bool evidenceNeedsSubject(const std::string& kind) {
  return kind == "collegebesluit" || kind == "raadsbesluit" || kind == "bestuursbesluit";
}

const Step* Stappenplan::find(const std::string& stepId) const {
  for (const auto& s : steps)
    if (s.id == stepId) return &s;
  return nullptr;
}

Stappenplan parseStappenplan(const std::string& text, const std::string& source, const std::string& fileName) {
  FileReader in(source);
  auto doc = parseJsonFile(text, source);
  in.onlyKnown(doc, {"stappenplan", "title", "domain", "source", "steps"}, "");
  Stappenplan plan;
  plan.source = source;
  plan.name = in.text(doc, "stappenplan", true, "");
  std::string expected = fileName.substr(0, fileName.rfind('.'));
  if (plan.name != expected)
    in.fail("stappenplan", "het stappenplan heet '" + plan.name + "' maar het bestand '" + fileName +
                               "'; geef ze dezelfde naam");
  plan.title = in.text(doc, "title", true, "");
  plan.domain = in.text(doc, "domain", true, "");
  auto src = in.object(doc, "source", "");
  in.onlyKnown(src, {"citation", "link"}, "source");
  plan.citation = in.text(src, "citation", true, "source");
  plan.link = in.text(src, "link", false, "source");
  auto steps = in.array(doc, "steps", "");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < steps->size(); ++i) {
    auto step = parseStep(in, in.element(steps, i, "steps[" + std::to_string(i) + "]"), i);
    if (!ids.insert(step.id).second) in.fail("stap '" + step.id + "'", "stap-id '" + step.id + "' komt meer dan eens voor");
    plan.steps.push_back(std::move(step));
  }
  return plan;
}

std::vector<Stappenplan> loadStappenplannen(const std::string& dirArg) {
  std::string dir = dirArg;
  if (dir.empty())
    if (const char* env = std::getenv("IGSGOV_FOUNDING_DIR")) dir = env;
  std::vector<Stappenplan> out;
  for (const auto& f : overlaidConfigFiles(embeddedStappenplannen(), dir, {"map met stappenplannen", "stappenplan"}))
    out.push_back(parseStappenplan(f.text, f.source, f.name));
  return out;
}

}  // namespace igsgov::founding
