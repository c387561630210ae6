// Walks the whole operation catalogue: a parameter whose name or help suggests
// a file or folder on the server must have type "path", because only that type
// is kept from remote callers (ops/ServerPaths.hpp, docs/dev/security.md). A
// new operation with a "…_dir" or "…bestand" parameter typed as text fails
// here before it can reach the REST API. Parameters that only look like paths
// are listed below, each with the reason it is not one.
#include "ops/Catalogue.hpp"
#include "ops/ServerPaths.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using namespace igsgov::ops;

namespace {

// "operation.param" -> why it is not a server path.
const std::map<std::string, std::string> kNotPaths = {
    {"document.add-version.content_base64", "the file's content itself (base64), the alternative to a path"},
    {"audit.pack-verify.zip_base64", "the pack itself (base64), the alternative to a path"},
    {"plan.import-csv.csv", "the CSV text itself, the alternative to a path"},
    {"register.import.register", "the register itself (a JSON object), the alternative to a path"},
    {"documents.list.sha256", "a hash to look up a generated document by, not a file name"},
    {"audit.verify.public_key_pem", "the public key itself (PEM text), the alternative to a path"},
    {"audit.verify.checkpoint_text", "the checkpoints themselves (text), the alternative to a path"},
};

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool nameSuggestsPath(const std::string& name) {
  for (const char* exact : {"path", "dir", "config", "out", "template", "file", "folder", "ics"})
    if (name == exact) return true;
  for (const char* suffix : {"_path", "_dir", "_file", "_folder", "_config"})
    if (endsWith(name, suffix)) return true;
  return false;
}

// The lower-case words of a Dutch help text (bytes >= 0x80 count as letters).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      w += static_cast<char>(std::tolower(c));
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

bool helpSuggestsPath(const std::string& help) {
  for (const auto& w : words(help)) {
    for (const char* exact : {"pad", "paden", "folder", "directory", "bestandspad"})
      if (w == exact) return true;
    // bestand, doelbestand, kalenderbestanden, map, uitvoermap, regelmappen, ...
    for (const char* suffix : {"bestand", "bestanden", "map", "mappen"})
      if (endsWith(w, suffix)) return true;
  }
  return false;
}

}  // namespace

TEST(CatalogueParams, EveryParameterNamingAServerFileHasTypePath) {
  std::vector<std::string> offenders;
  for (const auto& op : catalogue().all()) {
    for (const auto& p : op.params) {
      std::string key = op.name + "." + p.name;
      bool looksLikePath = nameSuggestsPath(p.name) || helpSuggestsPath(p.help);
      if (!looksLikePath || p.type == "path" || kNotPaths.count(key)) continue;
      offenders.push_back(key + " (type " + p.type + ", help \"" + p.help + "\")");
    }
  }
  std::string list;
  for (const auto& o : offenders) list += "\n  " + o;
  EXPECT_TRUE(offenders.empty()) << "parameters that look like server paths but are not typed \"path\" "
                                    "(type them \"path\", or add them to kNotPaths with the reason):"
                                 << list;
}

TEST(CatalogueParams, TheListOfNonPathsIsCurrent) {
  // Every entry still names an existing parameter that still looks like a path.
  for (const auto& [key, reason] : kNotPaths) {
    bool found = false;
    for (const auto& op : catalogue().all())
      for (const auto& p : op.params)
        if (op.name + "." + p.name == key) {
          found = true;
          EXPECT_NE(p.type, "path") << key;
          EXPECT_TRUE(nameSuggestsPath(p.name) || helpSuggestsPath(p.help)) << key << ": no longer needed on the list";
        }
    EXPECT_TRUE(found) << key << ": no such parameter (remove it from kNotPaths)";
  }
}

TEST(CatalogueParams, SettingsOnlyOnPathsAndKnownToTheService) {
  for (const auto& op : catalogue().all())
    for (const auto& p : op.params) {
      if (p.setting.empty()) continue;
      if (p.type == "string") {  // a service value (linked_data.base_uri), never a file
        EXPECT_TRUE(kServiceValues.count(p.setting)) << op.name << "." << p.name << ": value " << p.setting;
        continue;
      }
      EXPECT_EQ(p.type, "path") << op.name << "." << p.name;
      EXPECT_TRUE(kServerSettings.count(p.setting)) << op.name << "." << p.name << ": setting " << p.setting;
    }
}

TEST(CatalogueParams, NoOperationTakesUndeclaredFields) {
  // Open parameters could carry a path the walk above never sees.
  for (const auto& op : catalogue().all()) EXPECT_FALSE(op.openParams) << op.name;
}

TEST(CatalogueParams, TheDetectorFindsWhatItShould) {
  EXPECT_TRUE(nameSuggestsPath("html_path"));
  EXPECT_TRUE(nameSuggestsPath("calendar_dir"));
  EXPECT_TRUE(nameSuggestsPath("config"));
  EXPECT_FALSE(nameSuggestsPath("cooperation"));
  EXPECT_TRUE(helpSuggestsPath("map met kalenderbestanden"));
  EXPECT_TRUE(helpSuggestsPath("schrijf naar dit pad"));
  EXPECT_TRUE(helpSuggestsPath("uitvoermap"));
  EXPECT_TRUE(helpSuggestsPath("schrijf de vergelijking ook als HTML-bestand"));
  EXPECT_FALSE(helpSuggestsPath("patroon per soort (mapping)"));
  EXPECT_FALSE(helpSuggestsPath("samenwerkingsverband"));
}

// `igsgov COMMAND --help` and the OpenAPI description show each parameter's
// help: a parameter without one leaves a user guessing (issue 18).
TEST(CatalogueParams, EveryParameterSaysWhatItIs) {
  for (const auto& op : catalogue().all()) {
    EXPECT_FALSE(op.summary.empty()) << op.name;
    for (const auto& p : op.params) EXPECT_FALSE(p.help.empty()) << op.name << "." << p.name << " has no help";
  }
}

// A parameter with a fixed set of values lists them (shown in --help as "waarden: ...").
TEST(CatalogueParams, CodeListParametersListTheirValues) {
  for (const char* name : {"mandate.appoint", "mandate.correct", "cooperation.create", "member.add", "body.create"}) {
    const Operation* op = catalogue().find(name);
    ASSERT_NE(op, nullptr) << name;
    for (const auto& p : op->params) {
      if (p.name == "role" || p.name == "side" || p.name == "status" || p.name == "legal_form" || p.name == "type" ||
          p.name == "partner_kind") {
        EXPECT_FALSE(p.values.empty()) << name << "." << p.name;
      }
    }
  }
}
