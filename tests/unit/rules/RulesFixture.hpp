// A fresh register driven through the operation catalogue, plus helpers to
// run the compliance check and look at its findings.
#pragma once

#include "../records/RegisterFixture.hpp"
#include "rules/Engine.hpp"

#include <set>
#include <vector>

namespace igsgov::testing {

class RulesFixture : public RegisterFixture {
protected:
  JsonObject check(const std::string& coop, const std::string& asOf, const std::string& extra = "") {
    return run("compliance.check", R"({"cooperation":")" + coop + R"(","as_of":")" + asOf + "\"" + extra + "}");
  }
  // The findings of one rule.
  std::vector<JsonObject> findings(const JsonObject& out, const std::string& rule) {
    std::vector<JsonObject> v;
    auto arr = out->getArray("findings");
    for (std::size_t i = 0; i < arr->size(); ++i) {
      auto f = arr->getObject(static_cast<unsigned>(i));
      if (f->getValue<std::string>("rule") == rule) v.push_back(f);
    }
    return v;
  }
  std::set<std::string> fired(const JsonObject& out) {
    std::set<std::string> s;
    auto arr = out->getArray("findings");
    for (std::size_t i = 0; i < arr->size(); ++i) s.insert(arr->getObject(static_cast<unsigned>(i))->getValue<std::string>("rule"));
    return s;
  }
  bool notEvaluable(const JsonObject& out, const std::string& rule) {
    auto arr = out->getArray("not_evaluable");
    for (std::size_t i = 0; i < arr->size(); ++i)
      if (arr->getObject(static_cast<unsigned>(i))->getValue<std::string>("rule") == rule) return true;
    return false;
  }
  void sql(const std::string& statement) { session_->reg().db().exec(statement); }

  // A clean projectvereniging for IGS cultuur: Grimbergen and Vilvoorde
  // (87.305 inwoners, both Halle-Vilvoorde), a board with both gemeenten,
  // majority and an advisory opposition member, 2 women and 1 man.
  void cleanPv(const std::string& id = "c1", const std::string& form = "projectvereniging",
               const std::string& domain = "cultuur") {
    run("cooperation.create", R"({"id":")" + id + R"(","name":"Test )" + id + R"(","legal_form":")" + form +
                                  R"(","domain":")" + domain +
                                  R"(","kbo":"0123.456.749","seat_nis":"23088","founded":"2021-01-01","term_end":"2026-12-31"})");
    run("member.add", R"({"id":")" + id + R"(-m1","cooperation":")" + id + R"(","kind":"gemeente","nis":"23025","from":"2021-01-01"})");
    run("member.add", R"({"id":")" + id + R"(-m2","cooperation":")" + id + R"(","kind":"gemeente","nis":"23088","from":"2021-01-01"})");
    run("body.create", R"({"id":")" + id + R"(-rvb","cooperation":")" + id + R"(","type":"raad_van_bestuur","from":"2021-01-01",
        "seats":[{"id":")" + id + R"(-s1","member":")" + id + R"(-m1"},{"id":")" + id + R"(-s2","member":")" + id +
        R"(-m2"},{"id":")" + id + R"(-s3","member":")" + id + R"(-m1"}]})");
    for (const auto& [p, g] : std::vector<std::pair<std::string, std::string>>{{"p1", "v"}, {"p2", "m"}, {"p3", "v"}})
      if (!hasPerson(p)) run("person.create", R"({"id":")" + p + R"(","name":"Persoon )" + p + R"(","gender":")" + g + R"(","fictitious":true})");
    appoint(id + "-a1", "p1", id, "s1", "m1", "bestuurder", "meerderheid", "CD&V");
    appoint(id + "-a2", "p2", id, "s2", "m2", "bestuurder", "meerderheid", "N-VA");
    appoint(id + "-a3", "p3", id, "s3", "m1", "bestuurder_raadgevend", "oppositie", "Groen");
  }
  void appoint(const std::string& mid, const std::string& person, const std::string& coop, const std::string& seat,
               const std::string& member, const std::string& role, const std::string& side, const std::string& fractie) {
    run("mandate.appoint", R"({"id":")" + mid + R"(","person":")" + person + R"(","body":")" + coop + R"(-rvb","seat":")" +
                               coop + "-" + seat + R"(","member":")" + coop + "-" + member + R"(","role":")" + role +
                               R"(","side":")" + side + "\"" + (fractie.empty() ? "" : R"(,"fractie":")" + fractie + "\"") +
                               R"(,"from":"2021-01-01","decision":{"council":"gemeenteraad","date":"2020-12-14"}})");
  }
  bool hasPerson(const std::string& id) {
    auto list = run("person.list", "{}")->getArray("persons");
    for (std::size_t i = 0; i < list->size(); ++i)
      if (list->getObject(static_cast<unsigned>(i))->getValue<std::string>("id") == id) return true;
    return false;
  }
};

}  // namespace igsgov::testing
