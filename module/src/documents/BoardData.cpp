#include "core/Error.hpp"
#include "documents/DataParts.hpp"
#include "model/Vocabulary.hpp"
#include "records/Composition.hpp"
#include "records/Entities.hpp"

namespace igsgov::documents {

namespace {

std::string chooseBody(store::Database& db, const std::string& cooperation, const std::string& asked) {
  auto bodies = records::currentAll(db, records::bodySpec(), "cooperation_id", cooperation);
  if (!asked.empty()) {
    for (const auto& b : bodies)
      if (b.id == asked) return asked;
    throwNotFound("orgaan '" + asked + "' hoort niet bij samenwerkingsverband '" + cooperation + "'",
                  Place().set("field", "body"));
  }
  for (const char* type : {"raad_van_bestuur", "beheerscomite"})
    for (const auto& b : bodies)
      if (records::textOf(b.data, "type").value_or("") == type) return b.id;
  if (!bodies.empty()) return bodies.front().id;
  return "";
}

std::string str(const JsonObject& o, const char* k) { return o && o->has(k) ? o->getValue<std::string>(k) : ""; }

}  // namespace

void addBoard(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf,
              const std::string& body) {
  std::string bodyId = chooseBody(db, cooperation, body);
  auto orgaan = newObject();
  auto mandaten = newArray();
  auto counts = newObject();
  for (const char* k : {"totaal", "stemgerechtigd", "raadgevend", "meerderheid", "oppositie"}) counts->set(k, 0);
  if (bodyId.empty()) {
    orgaan->set("id", "");
    orgaan->set("naam", "(geen bestuursorgaan geregistreerd)");
    orgaan->set("type", "");
    orgaan->set("type_label", "bestuursorgaan");
  } else {
    auto in = newObject();
    in->set("body", bodyId);
    in->set("as_of", asOf.iso());
    JsonObject comp = records::bodyComposition(db, in);
    auto b = comp->getObject("body");
    std::string type = str(b, "type");
    std::string label = model::bodyTypes().label(type);
    orgaan->set("id", bodyId);
    orgaan->set("naam", str(b, "name").empty() ? label : str(b, "name"));
    orgaan->set("type", type);
    orgaan->set("type_label", label);
    auto list = comp->getArray("mandates");
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto m = list->getObject(static_cast<unsigned>(i));
      auto row = newObject();
      row->set("rol", str(m, "role_label"));
      row->set("persoon", str(m->getObject("person"), "name"));
      row->set("gemeente", m->has("member") ? str(m->getObject("member"), "name") : "");
      row->set("kant", model::sides().label(str(m, "side")));
      row->set("fractie", str(m, "fractie"));
      row->set("stemrecht", m->getValue<bool>("voting") ? "ja" : "raadgevend");
      row->set("sinds", str(m, "from"));
      row->set("tot", str(m, "until"));
      // The decision as parts (the template formats the date) and as one text
      // for people, with the date as Belgians write it in a table.
      std::string besluit, council, date, reference;
      if (m->has("decision")) {
        auto d = m->getObject("decision");
        council = str(d, "council");
        date = str(d, "date");
        reference = str(d, "reference");
        auto parsed = Date::parse(date);
        for (const std::string& part : {council, parsed ? dutchShortDate(*parsed) : date, reference})
          if (!part.empty()) besluit += (besluit.empty() ? "" : ", ") + part;
      }
      row->set("besluit", besluit);
      row->set("besluit_raad", council);
      row->set("besluit_datum", date);
      row->set("besluit_kenmerk", reference);
      mandaten->add(row);
    }
    auto c = comp->getObject("counts");
    counts->set("totaal", c->getValue<long long>("total"));
    counts->set("stemgerechtigd", c->getValue<long long>("voting"));
    counts->set("raadgevend", c->getValue<long long>("advisory"));
    counts->set("meerderheid", c->getValue<long long>("meerderheid"));
    counts->set("oppositie", c->getValue<long long>("oppositie"));
  }
  data->set("orgaan", orgaan);
  data->set("mandaten", mandaten);
  data->set("aantallen", counts);
}

}  // namespace igsgov::documents
