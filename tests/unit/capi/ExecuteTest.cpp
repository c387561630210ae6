// Real work through the C ABI: create a register, import the sample, query a
// composition (checked against the sample file itself), text output, failed
// writes that change nothing, the journal's actor/reason, the catalogue and
// the log callback.
#include "CapiFixture.hpp"

#include <Poco/JSON/Array.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <vector>

using namespace capitest;

namespace {

// Names of the persons the sample file gives a mandate in `body` on `date`.
std::set<std::string> sampleNames(const std::string& body, const std::string& date) {
  std::ifstream in(samplePath());
  std::stringstream ss;
  ss << in.rdbuf();
  auto sample = parse(ss.str());
  std::map<std::string, std::string> names;
  auto persons = sample->getArray("persons");
  for (size_t i = 0; i < persons->size(); ++i) {
    auto p = persons->getObject(i);
    names[p->getValue<std::string>("id")] = p->getValue<std::string>("name");
  }
  std::set<std::string> out;
  auto mandates = sample->getArray("mandates");
  for (size_t i = 0; i < mandates->size(); ++i) {
    auto m = mandates->getObject(i);
    if (m->getValue<std::string>("body") != body) continue;
    std::string from = m->getValue<std::string>("from");
    std::string until = m->has("until") ? m->getValue<std::string>("until") : "9999-12-31";
    if (from <= date && date <= until) out.insert(names.at(m->getValue<std::string>("person")));
  }
  return out;
}

std::set<std::string> compositionNames(const Poco::JSON::Object::Ptr& c) {
  std::set<std::string> out;
  auto ms = c->getArray("mandates");
  for (size_t i = 0; i < ms->size(); ++i) out.insert(ms->getObject(i)->getObject("person")->getValue<std::string>("name"));
  return out;
}

long long journalEntries(igsgov_register* reg) {
  return run(reg, "audit.verify")->getValue<long long>("entries");
}

struct Lines {
  std::mutex mutex;
  std::vector<std::pair<int, std::string>> lines;
  static void take(int level, const char* message, void* self) {
    auto* l = static_cast<Lines*>(self);
    std::lock_guard lock(l->mutex);
    l->lines.emplace_back(level, message);
  }
  bool contains(const std::string& text, int level = -1) {
    std::lock_guard lock(mutex);
    for (const auto& [lvl, line] : lines)
      if (line.find(text) != std::string::npos && (level < 0 || lvl == level)) return true;
    return false;
  }
};

}  // namespace

TEST(CapiExecute, CompositionMatchesTheSample) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  for (std::string date : {"2023-06-01", "2025-06-01"}) {
    auto c = run(reg, "body.composition", "{\"body\":\"igs-cultuur-va-rvb\",\"as_of\":\"" + date + "\"}");
    EXPECT_EQ(c->getValue<std::string>("as_of"), date);
    EXPECT_EQ(c->getObject("body")->getValue<std::string>("id"), "igs-cultuur-va-rvb");
    auto expected = sampleNames("igs-cultuur-va-rvb", date);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(compositionNames(c), expected) << date;
  }
  igsgov_close(reg);
}

TEST(CapiExecute, TextFormatIsDutchText) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  igsgov_exec_options o = IGSGOV_EXEC_OPTIONS_INIT;
  o.format = IGSGOV_FORMAT_TEXT;
  igsgov_buf out{};
  ASSERT_EQ(igsgov_execute(&out, reg, "body.composition", "{\"body\":\"igs-cultuur-va-rvb\",\"as_of\":\"2023-06-01\"}", &o),
            IGSGOV_OK)
      << lastMessage();
  std::string text(out.ptr, out.size);
  igsgov_buf_dispose(&out);
  EXPECT_NE(text.front(), '{');
  for (const auto& name : sampleNames("igs-cultuur-va-rvb", "2023-06-01"))
    EXPECT_NE(text.find(name), std::string::npos) << name << " in\n" << text;
  igsgov_close(reg);
}

TEST(CapiExecute, BadInputIsReportedAndChangesNothing) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  long long before = journalEntries(reg);
  igsgov_buf out{};

  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "{\"id\":", nullptr), IGSGOV_EINVALID);
  EXPECT_NE(std::string(igsgov_error_last()->detail).find("invoer"), std::string::npos) << igsgov_error_last()->detail;

  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "[1,2]", nullptr), IGSGOV_EINVALID) << lastMessage();

  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "{\"id\":\"p-x\",\"name\":\"X\",\"colour\":\"blauw\"}", nullptr),
            IGSGOV_EINVALID);
  auto place = parse(igsgov_error_last()->detail)->getObject("place");
  EXPECT_EQ(place->getValue<std::string>("field"), "'colour'");
  EXPECT_EQ(place->getValue<std::string>("operation"), "person.create");

  EXPECT_EQ(igsgov_execute(&out, reg, "body.composition", "{\"body\":\"nope\"}", nullptr), IGSGOV_ENOTFOUND);
  EXPECT_NE(lastMessage().find("nope"), std::string::npos) << lastMessage();

  EXPECT_EQ(igsgov_execute(&out, reg, "no.such", "{}", nullptr), IGSGOV_ENOTFOUND);
  EXPECT_NE(lastMessage().find("onbekende operatie"), std::string::npos) << lastMessage();

  igsgov_exec_options auditor = IGSGOV_EXEC_OPTIONS_INIT;
  auditor.role = "auditor";
  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "{\"id\":\"p-x\",\"name\":\"X\"}", &auditor), IGSGOV_EDENIED);
  EXPECT_NE(lastMessage().find("auditor"), std::string::npos) << lastMessage();
  // ... while the auditor may read.
  run(reg, "person.list", "{}", &auditor);

  EXPECT_EQ(out.ptr, nullptr);
  EXPECT_EQ(journalEntries(reg), before) << "no failed call may write";
  auto persons = run(reg, "person.list")->getArray("persons");
  for (size_t i = 0; i < persons->size(); ++i) EXPECT_NE(persons->getObject(i)->getValue<std::string>("id"), "p-x");
  igsgov_close(reg);
}

// Issues 13 and 14: a key given twice, a syntax error, NUL, control characters
// and invalid UTF-8 are refused with their place; nothing is stored.
TEST(CapiExecute, BadJsonAndBadTextAreRefusedWithTheirPlace) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  long long before = journalEntries(reg);
  igsgov_buf out{};
  auto placeOf = [](const char* key) {
    auto place = parse(igsgov_error_last()->detail)->getObject("place");
    return place->has(key) ? place->getValue<std::string>(key) : std::string();
  };

  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "{\"id\":\"p-x\",\n\"name\":\"A\",\n\"name\":\"B\"}", nullptr),
            IGSGOV_EINVALID);
  EXPECT_EQ(placeOf("file"), "invoer");
  EXPECT_EQ(placeOf("line"), "3");
  EXPECT_EQ(placeOf("column"), "1");
  EXPECT_EQ(placeOf("field"), "'name'");

  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "{\"id\": \"p-x\", \"name\": \"X\\q\"}", nullptr), IGSGOV_EINVALID);
  EXPECT_EQ(placeOf("line"), "1");
  EXPECT_EQ(placeOf("column"), "25");
  EXPECT_NE(lastMessage().find("ongeldige escape"), std::string::npos) << lastMessage();

  for (const char* bad : {"{\"id\":\"p-x\",\"name\":\"X\\u0000\"}", "{\"id\":\"p-x\",\"name\":\"X\\u001b[0m\"}",
                          "{\"id\":\"p-x\",\"name\":\"X\xC0\xAF\"}", "{\"id\":\"p-x\",\"name\":\"X\\udfff\"}"}) {
    EXPECT_EQ(igsgov_execute(&out, reg, "person.create", bad, nullptr), IGSGOV_EINVALID) << bad;
    EXPECT_EQ(placeOf("field"), "'name'") << lastMessage();
  }
  // The actor and reason of the options are text like any other.
  igsgov_exec_options o = IGSGOV_EXEC_OPTIONS_INIT;
  o.actor = "host\x1b]0;x";
  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "{\"id\":\"p-x\",\"name\":\"X\"}", &o), IGSGOV_EINVALID);
  EXPECT_EQ(placeOf("field"), "'actor'");
  o.actor = "host";
  o.reason = "\xFF";
  EXPECT_EQ(igsgov_execute(&out, reg, "person.create", "{\"id\":\"p-x\",\"name\":\"X\"}", &o), IGSGOV_EINVALID);
  EXPECT_EQ(placeOf("field"), "'reason'");

  EXPECT_EQ(journalEntries(reg), before) << "no refused call may write";
  auto persons = run(reg, "person.list")->getArray("persons");
  for (size_t i = 0; i < persons->size(); ++i) EXPECT_NE(persons->getObject(i)->getValue<std::string>("id"), "p-x");
  igsgov_close(reg);
}

TEST(CapiExecute, ActorAndReasonReachTheJournalAndSurviveReopen) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  igsgov_exec_options o = IGSGOV_EXEC_OPTIONS_INIT;
  o.actor = "host:test";
  o.reason = "aangemaakt vanuit de C-test";
  o.role = "secretariaat";
  run(reg, "person.create", "{\"id\":\"p-capi\",\"name\":\"Cé Api\"}", &o);
  igsgov_close(reg);

  igsgov_register* again = nullptr;
  ASSERT_EQ(igsgov_open(&again, tmp.file("r.db").c_str(), nullptr), IGSGOV_OK) << lastMessage();
  auto verify = run(again, "audit.verify");
  EXPECT_TRUE(verify->getValue<bool>("ok"));
  long long last = verify->getValue<long long>("entries");
  auto entries = run(again, "audit.journal", "{\"from_seq\":" + std::to_string(last) + "}")->getArray("entries");
  ASSERT_EQ(entries->size(), 1u);
  auto e = entries->getObject(0);
  EXPECT_EQ(e->getValue<std::string>("actor"), "host:test");
  EXPECT_EQ(e->getValue<std::string>("reason"), "aangemaakt vanuit de C-test");
  EXPECT_EQ(e->getValue<std::string>("operation"), "person.create");
  bool found = false;
  auto persons = run(again, "person.list")->getArray("persons");
  for (size_t i = 0; i < persons->size(); ++i)
    found = found || persons->getObject(i)->getValue<std::string>("name") == "Cé Api";
  EXPECT_TRUE(found) << "UTF-8 survives the ABI both ways";
  igsgov_close(again);
}

TEST(CapiCatalogue, ListsOperationsWithParamsAndRoles) {
  Lib lib;
  igsgov_buf out{};
  ASSERT_EQ(igsgov_catalogue(&out), IGSGOV_OK);
  auto cat = parse(std::string(out.ptr, out.size));
  igsgov_buf_dispose(&out);
  auto ops = cat->getArray("operations");
  ASSERT_GT(ops->size(), 10u);
  bool composition = false;
  for (size_t i = 0; i < ops->size(); ++i) {
    auto op = ops->getObject(i);
    EXPECT_FALSE(op->getValue<std::string>("summary").empty());
    if (op->getValue<std::string>("name") != "body.composition") continue;
    composition = true;
    auto params = op->getArray("params");
    bool body = false;
    for (size_t j = 0; j < params->size(); ++j) body = body || params->getObject(j)->getValue<std::string>("name") == "body";
    EXPECT_TRUE(body);
  }
  EXPECT_TRUE(composition);
}

TEST(CapiLog, HostReceivesOurLinesUntilItStops) {
  Lib lib;
  Tmp tmp;
  Lines lines;
  ASSERT_EQ(igsgov_log_set_callback(&Lines::take, &lines, IGSGOV_LOG_DEBUG), IGSGOV_OK);
  igsgov_register* reg = openSample(tmp.file("r.db"));
  EXPECT_TRUE(lines.contains("register created: " + tmp.file("r.db"), IGSGOV_LOG_INFO));
  EXPECT_TRUE(lines.contains("executed register.import", IGSGOV_LOG_DEBUG));
  igsgov_buf out{};
  ASSERT_EQ(igsgov_execute(&out, reg, "body.composition", "{\"body\":\"geen-orgaan\"}", nullptr), IGSGOV_ENOTFOUND);
  EXPECT_TRUE(lines.contains("geen-orgaan", IGSGOV_LOG_WARN)) << "a failure is logged at warn with the message";

  ASSERT_EQ(igsgov_log_set_callback(&Lines::take, &lines, IGSGOV_LOG_WARN), IGSGOV_OK);
  size_t n = lines.lines.size();
  run(reg, "audit.verify");
  EXPECT_EQ(lines.lines.size(), n) << "debug lines are below the minimum level";

  ASSERT_EQ(igsgov_log_set_callback(nullptr, nullptr, IGSGOV_LOG_TRACE), IGSGOV_OK);
  igsgov_execute(&out, reg, "body.composition", "{\"body\":\"geen-orgaan\"}", nullptr);
  EXPECT_EQ(lines.lines.size(), n) << "no line after the callback was removed";
  igsgov_close(reg);
}

// Adapters log through the library's own logger (core/Log.hpp): a warning of
// the folder adapter during a sync run reaches the host (issue 14: they used a
// logger in spdlog's global registry without sinks, and nothing arrived).
TEST(CapiLog, AdapterWarningsReachTheHost) {
  Lib lib;
  Tmp tmp;
  Lines lines;
  // The sample's statuten go to <root>/igs-cultuur-va/statuten, which sync lists.
  const auto listed = tmp.dir / "target" / "igs-cultuur-va" / "statuten";
  std::filesystem::create_directories(listed);
  std::filesystem::create_directories(tmp.dir / "outside");
  std::filesystem::create_directory_symlink(tmp.dir / "outside", listed / "uitweg");
  std::ofstream(tmp.file("sync.json")) << R"({"targets": {"map": {"adapter": {"type": "folder", "root": ")"
                                       << tmp.file("target") << R"("}}}})";
  igsgov_register* reg = openSample(tmp.file("r.db"));
  ASSERT_EQ(igsgov_log_set_callback(&Lines::take, &lines, IGSGOV_LOG_WARN), IGSGOV_OK);
  run(reg, "sync.run", "{\"target\":\"map\",\"config\":\"" + tmp.file("sync.json") + "\",\"progress\":false}");
  EXPECT_TRUE(lines.contains("skipping symbolic link leaving the root: 'igs-cultuur-va/statuten/uitweg'", IGSGOV_LOG_WARN));
  ASSERT_EQ(igsgov_log_set_callback(nullptr, nullptr, IGSGOV_LOG_TRACE), IGSGOV_OK);
  igsgov_close(reg);
}

TEST(CapiLog, CallbackMayCallTheLibraryWithoutDeadlock) {
  Lib lib;
  Tmp tmp;
  struct State {
    int calls = 0;
    int catalogueRc = 1;
    int setRc = 1;
  } state;
  auto fn = [](int, const char*, void* p) {
    auto* s = static_cast<State*>(p);
    if (s->calls++ > 0) return;
    igsgov_buf out{};
    s->catalogueRc = igsgov_catalogue(&out);  // logs nothing itself, but must not deadlock
    igsgov_buf_dispose(&out);
    s->setRc = igsgov_log_set_callback(nullptr, nullptr, 0);  // refused: would deadlock
  };
  ASSERT_EQ(igsgov_log_set_callback(fn, &state, IGSGOV_LOG_TRACE), IGSGOV_OK);
  igsgov_register* reg = openSample(tmp.file("r.db"));
  EXPECT_GE(state.calls, 1);
  EXPECT_EQ(state.catalogueRc, IGSGOV_OK);
  EXPECT_EQ(state.setRc, IGSGOV_EARGUMENT);
  igsgov_close(reg);
  igsgov_log_set_callback(nullptr, nullptr, 0);
}

TEST(CapiLog, LastShutdownRemovesTheCallback) {
  Tmp tmp;
  Lines lines;
  ASSERT_EQ(igsgov_init(), IGSGOV_OK);
  ASSERT_EQ(igsgov_log_set_callback(&Lines::take, &lines, IGSGOV_LOG_TRACE), IGSGOV_OK);
  ASSERT_EQ(igsgov_shutdown(), IGSGOV_OK);
  ASSERT_EQ(igsgov_init(), IGSGOV_OK);
  igsgov_register* reg = openSample(tmp.file("r.db"));
  EXPECT_TRUE(lines.lines.empty());
  igsgov_close(reg);
  ASSERT_EQ(igsgov_shutdown(), IGSGOV_OK);
}

// Issue 17: the linked-data export is the catalogue's register.export, so a host
// program gets it through the C ABI like every operation: the document in
// `content` (its correctness is checked by tests/integration/linkeddata), a bad
// base URI refused with its field, an auditor may read it, nothing written.
TEST(CapiExecute, LinkedDataExportThroughTheAbi) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  long long before = journalEntries(reg);
  igsgov_exec_options auditor = IGSGOV_EXEC_OPTIONS_INIT;
  auditor.role = "auditor";
  const std::string base = "https://data.voorbeeld.be/id/";
  auto ttl = run(reg, "register.export", R"({"format":"turtle","base_uri":")" + base + "\"}", &auditor);
  EXPECT_EQ(ttl->getValue<std::string>("media_type"), "text/turtle; charset=utf-8");
  EXPECT_EQ(ttl->getValue<std::string>("base_uri"), base);
  std::string content = ttl->getValue<std::string>("content");
  EXPECT_NE(content.find("a mandaat:Mandataris"), std::string::npos);
  EXPECT_NE(content.find("<" + base + "mandatarissen/igs-cultuur-va-rvb-1-45035>"), std::string::npos);
  EXPECT_GT(ttl->getValue<long long>("triples"), 100);
  auto jsonld = run(reg, "register.export", R"({"format":"jsonld","base_uri":")" + base + "\"}");
  EXPECT_EQ(jsonld->getValue<std::string>("media_type"), "application/ld+json");
  EXPECT_EQ(jsonld->getValue<long long>("triples"), ttl->getValue<long long>("triples"));

  igsgov_buf out{};
  EXPECT_EQ(igsgov_execute(&out, reg, "register.export", R"({"format":"turtle","base_uri":"data.voorbeeld.be/id/"})",
                           nullptr),
            IGSGOV_EINVALID);
  auto place = parse(igsgov_error_last()->detail)->getObject("place");
  EXPECT_EQ(place->getValue<std::string>("field"), "'base_uri'") << igsgov_error_last()->detail;
  EXPECT_EQ(out.ptr, nullptr);
  EXPECT_EQ(journalEntries(reg), before) << "an export writes nothing";
  igsgov_close(reg);
}
