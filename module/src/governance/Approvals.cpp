#include "governance/Approvals.hpp"

#include "core/Error.hpp"
#include "governance/Vocabulary.hpp"
#include "records/Entities.hpp"

namespace igsgov::governance {

std::string defaultRule(const std::string& legalForm, const std::string& kind) {
  if (kind == "intern_reglement" || kind == "cultuurnota") return "bestuursorgaan";
  if (kind == "engagementsverklaring") return "colleges";
  if (kind == "subsidieaanvraag") return "vlaamse_overheid";
  if (legalForm == "welzijnsvereniging") return "alle_deelnemers";
  return "gemeenteraden";
}

RuleChoice ruleFor(store::Database& db, const std::string& coopId, const std::string& kind, const KnownAt& knownAt) {
  auto coop = versionOf(db, records::cooperationSpec(), coopId, knownAt);
  if (!coop) throwNotFound("onbekend samenwerkingsverband '" + coopId + "'", Place().set("field", "'cooperation'"));
  RuleChoice c;
  c.legalForm = text(*coop, "legal_form");
  c.rule = defaultRule(c.legalForm, kind);
  if (auto o = versionOf(db, ruleSpec(), coopId + ":" + kind, knownAt)) {
    c.rule = text(*o, "rule");
    c.overridden = true;
    c.reason = o->reason;
  }
  return c;
}

int ApprovalStatus::missing() const {
  int n = 0;
  for (const auto& a : approvers) n += a.state != "goedgekeurd";
  return n;
}

std::string cooperationOfVersion(store::Database& db, const records::Version& version, const KnownAt& knownAt) {
  auto doc = versionOf(db, documentSpec(), text(version, "document"), knownAt);
  if (!doc) throwNotFound("onbekend document '" + text(version, "document") + "'");
  return text(*doc, "cooperation");
}

namespace {

std::vector<Requirement> requirements(store::Database& db, const std::string& coopId, const std::string& rule,
                                      Date on, const KnownAt& knownAt) {
  std::vector<Requirement> out;
  if (rule == "bestuursorgaan") {
    out.push_back({"", "bestuursorgaan van het samenwerkingsverband", {"raad_van_bestuur", "beheerscomite"}});
    return out;
  }
  if (rule == "vlaamse_overheid") {
    out.push_back({"", "Vlaamse overheid", {"vlaamse_overheid"}});
    return out;
  }
  if (rule == "algemene_vergadering") {
    out.push_back({"", "algemene vergadering van het samenwerkingsverband", {"algemene_vergadering"}});
    return out;
  }
  for (const auto& m : allWhere(db, records::memberSpec(), "cooperation_id", coopId, knownAt)) {
    auto from = records::dateOf(m.data, "from");
    auto until = records::dateOf(m.data, "until");
    if ((from && on < *from) || (until && *until < on)) continue;
    std::string kind = text(m, "kind");
    Requirement r{m.id, text(m, "name"), {}};
    if (kind == "gemeente") r.councils = {rule == "colleges" ? "college" : "gemeenteraad"};
    else if (rule == "gemeenteraden" || rule == "colleges") continue;
    else if (kind == "ocmw") r.councils = {"ocmw_raad", "gemeenteraad"};
    else r.councils = {"algemene_vergadering", "raad_van_bestuur", "beheerscomite"};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

ApprovalStatus approvalStatus(store::Database& db, const records::Version& version, Date asOf, const KnownAt& knownAt) {
  ApprovalStatus s;
  s.versionId = version.id;
  s.asOf = asOf;
  auto doc = versionOf(db, documentSpec(), text(version, "document"), knownAt);
  if (!doc) throwNotFound("onbekend document '" + text(version, "document") + "'");
  s.cooperationId = text(*doc, "cooperation");
  s.rule = ruleFor(db, s.cooperationId, text(*doc, "kind"), knownAt);
  s.referenceDate = records::dateOf(version.data, "effective_from").value_or(asOf);
  auto decisions = allWhere(db, approvalSpec(), "version_id", version.id, knownAt);
  for (auto& req : requirements(db, s.cooperationId, s.rule.rule, s.referenceDate, knownAt)) {
    ApproverState st{req, "ontbreekt", std::nullopt};
    for (const auto& d : decisions) {
      if (text(d, "member") != req.member || !req.councils.count(text(d, "council"))) continue;
      auto date = records::dateOf(d.data, "date");
      if (!date || asOf < *date) continue;
      // Latest decision date wins; on the same date the later record.
      if (st.decision) {
        auto prev = *records::dateOf(st.decision->data, "date");
        if (*date < prev || (*date == prev && d.rowId < st.decision->rowId)) continue;
      }
      st.decision = d;
      st.state = text(d, "outcome");
    }
    s.approvers.push_back(std::move(st));
  }
  s.complete = !s.approvers.empty() && s.missing() == 0;
  return s;
}

std::string missingApprovers(const ApprovalStatus& s) {
  std::string out;
  for (const auto& a : s.approvers) {
    if (a.state == "goedgekeurd") continue;
    std::string who = a.requirement.name;
    if (!a.requirement.member.empty()) {
      std::string bodies;
      std::size_t i = 0;
      for (const auto& council : a.requirement.councils)
        bodies += (i++ == 0 ? "" : i == a.requirement.councils.size() ? " of " : ", ") + councils().label(council);
      who = bodies + " van " + who;
    }
    std::string state = a.state == "ontbreekt" ? "nog geen besluit" : a.state == "kennisname" ? "enkel kennisname" : a.state;
    out += (out.empty() ? "" : ", ") + who + " (" + state + ")";
  }
  return out;
}

JsonObject approvalStatusJson(store::Database& db, const ApprovalStatus& s) {
  auto o = newObject();
  o->set("version", s.versionId);
  o->set("cooperation", s.cooperationId);
  o->set("as_of", s.asOf.iso());
  o->set("reference_date", s.referenceDate.iso());
  auto rule = newObject();
  rule->set("rule", s.rule.rule);
  rule->set("label", approvalRules().label(s.rule.rule));
  rule->set("legal_form", s.rule.legalForm);
  rule->set("origin", s.rule.overridden ? "afwijking" : "rechtsvorm");
  if (s.rule.overridden) rule->set("reason", s.rule.reason);
  o->set("rule", rule);
  o->set("complete", s.complete);
  o->set("missing", s.missing());
  auto approvers = newArray();
  auto pending = newArray();
  for (const auto& a : s.approvers) {
    auto ao = newObject();
    if (!a.requirement.member.empty()) ao->set("member", a.requirement.member);
    ao->set("name", a.requirement.name);
    ao->set("state", a.state);
    if (a.decision) ao->set("decision", records::versionJson(*a.decision, false));
    approvers->add(ao);
    if (a.state != "goedgekeurd") pending->add(ao);
  }
  o->set("approvers", approvers);
  o->set("pending", pending);
  return o;
}

}  // namespace igsgov::governance
