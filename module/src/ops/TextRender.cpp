#include "ops/TextRender.hpp"

#include "core/Date.hpp"

#include <sstream>

namespace igsgov::ops {
namespace {

void render(std::ostringstream& os, const Poco::Dynamic::Var& v, int indent, const std::string& key);

std::string pad(int n) { return std::string(static_cast<size_t>(n) * 2, ' '); }

std::string scalar(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "-";
  if (v.type() == typeid(bool)) return v.extract<bool>() ? "ja" : "nee";
  return v.convert<std::string>();
}

void renderObject(std::ostringstream& os, const JsonObject& o, int indent) {
  std::vector<std::string> names;
  o->getNames(names);
  for (const auto& n : names) render(os, o->get(n), indent, n);
}

void render(std::ostringstream& os, const Poco::Dynamic::Var& v, int indent, const std::string& key) {
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    os << pad(indent) << key << ":\n";
    renderObject(os, v.extract<Poco::JSON::Object::Ptr>(), indent + 1);
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto a = v.extract<Poco::JSON::Array::Ptr>();
    os << pad(indent) << key << " (" << a->size() << "):\n";
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto item = a->get(static_cast<unsigned>(i));
      if (item.type() == typeid(Poco::JSON::Object::Ptr)) {
        os << pad(indent + 1) << "-\n";
        renderObject(os, item.extract<Poco::JSON::Object::Ptr>(), indent + 2);
      } else {
        os << pad(indent + 1) << "- " << scalar(item) << "\n";
      }
    }
  } else {
    os << pad(indent) << key << ": " << scalar(v) << "\n";
  }
}

std::string dateText(const std::string& iso) {
  auto d = Date::parse(iso);
  return d ? dutchLongDate(*d) : iso;
}

}  // namespace

std::string genericText(const JsonObject& output) {
  std::ostringstream os;
  if (!output.isNull()) renderObject(os, output, 0);
  return os.str();
}

std::string compositionText(const JsonObject& o) {
  std::ostringstream os;
  auto body = o->getObject("body");
  os << body->optValue<std::string>("name", "") << " (" << body->optValue<std::string>("id", "") << ")";
  if (body->has("cooperation_name")) os << " — " << body->getValue<std::string>("cooperation_name");
  os << "\nSamenstelling op " << dateText(o->getValue<std::string>("as_of"));
  if (o->has("known_at")) os << ", zoals gekend op " << o->getValue<std::string>("known_at");
  os << "\n";
  if (!o->getValue<bool>("body_active")) os << "Let op: het orgaan was op die datum niet actief.\n";
  auto list = o->getArray("mandates");
  if (list->size() == 0) os << "  (niemand)\n";
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto m = list->getObject(static_cast<unsigned>(i));
    auto person = m->getObject("person");
    os << "  " << m->getValue<std::string>("role_label") << ": " << person->getValue<std::string>("name");
    if (person->has("fictitious")) os << " (fictief)";
    if (m->has("member")) os << ", voor " << m->getObject("member")->getValue<std::string>("name");
    if (m->has("side")) os << ", " << m->getValue<std::string>("side");
    if (m->has("fractie")) os << " (" << m->getValue<std::string>("fractie") << ")";
    os << (m->getValue<bool>("voting") ? ", stemgerechtigd" : ", raadgevend");
    os << ", sinds " << dateText(m->getValue<std::string>("from"));
    if (m->has("until")) os << " tot en met " << dateText(m->getValue<std::string>("until"));
    if (m->has("decision")) {
      auto d = m->getObject("decision");
      os << "\n      aangeduid door " << d->optValue<std::string>("council", "?");
      if (d->has("date")) os << " op " << dateText(d->getValue<std::string>("date"));
      if (d->has("reference")) os << " (" << d->getValue<std::string>("reference") << ")";
    }
    os << "\n";
  }
  auto c = o->getObject("counts");
  os << "Totaal " << c->getValue<long long>("total") << ": " << c->getValue<long long>("voting") << " stemgerechtigd, "
     << c->getValue<long long>("advisory") << " raadgevend; " << c->getValue<long long>("meerderheid")
     << " meerderheid, " << c->getValue<long long>("oppositie") << " oppositie\n";
  return os.str();
}

}  // namespace igsgov::ops
