// "oprichting": the state of the founding steps (founding/Progress.hpp) for the
// template "oprichting" (stand van de oprichting).
#include "documents/DataParts.hpp"
#include "founding/CheckOffs.hpp"
#include "founding/Progress.hpp"
#include "records/Entities.hpp"

namespace igsgov::documents {

void addOprichting(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf) {
  auto o = newObject();
  auto coop = records::current(db, records::cooperationSpec(), cooperation);
  auto plans = founding::loadStappenplannen();
  const auto* plan =
      coop ? founding::defaultPlan(plans, records::textOf(coop->data, "domain").value_or("")) : nullptr;
  data->set("heeft_oprichting", plan != nullptr);
  if (!plan) {
    data->set("oprichting", o);
    return;
  }
  auto p = founding::progress(db, *plan, cooperation, asOf);
  o->set("titel", plan->title);
  o->set("bron", plan->citation);
  o->set("in_oprichting", p->getValue<bool>("in_oprichting"));
  o->set("klaar", p->getValue<int>("done_steps"));
  o->set("totaal", p->getValue<int>("total_steps"));
  o->set("heeft_volgende", p->has("next_step"));
  o->set("volgende_stap", p->optValue<int>("next_step", 0));
  o->set("volgende_titel", p->optValue<std::string>("next_step_title", ""));
  auto missing = newArray();
  auto blockers = p->getArray("blockers");
  for (std::size_t i = 0; i < blockers->size(); ++i) missing->add(blockers->getElement<std::string>(static_cast<unsigned>(i)));
  o->set("ontbreekt", missing);
  auto steps = newArray();
  auto in = p->getArray("steps");
  for (std::size_t i = 0; i < in->size(); ++i) {
    auto s = in->getObject(static_cast<unsigned>(i));
    auto row = newObject();
    bool done = s->getValue<bool>("done");
    row->set("nummer", s->getValue<int>("number"));
    row->set("titel", s->getValue<std::string>("title"));
    row->set("stand", done ? "gezet" : s->optValue<bool>("late", false) ? "open, termijn verstreken" : "open");
    auto d = s->getObject("deadline");
    row->set("termijn", d ? d->getValue<std::string>("date") : std::string());
    // What proves each condition (per gemeente), and what is still missing.
    auto bewijs = newArray();
    auto conds = s->getArray("conditions");
    for (std::size_t c = 0; c < conds->size(); ++c) {
      auto results = conds->getObject(static_cast<unsigned>(c))->getArray("results");
      for (std::size_t k = 0; k < results->size(); ++k) {
        auto r = results->getObject(static_cast<unsigned>(k));
        std::string who = r->optValue<std::string>("member_name", "");
        bool ok = r->getValue<bool>("done");
        std::string line = (who.empty() ? "" : who + ": ") +
                           (ok ? r->getValue<std::string>("evidence") : r->getValue<std::string>("missing"));
        bewijs->add(line);
      }
    }
    row->set("bewijs", bewijs);
    steps->add(row);
  }
  o->set("stappen", steps);
  data->set("oprichting", o);
}

}  // namespace igsgov::documents
