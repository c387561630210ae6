// The adapter conformance suite (like Poco's DataTest): the same cases run
// against the folder adapter and every WebDAV server we claim to support,
// each a real server started on 127.0.0.1 by this test program.
#include "Targets.hpp"

#include "adapters/common/Names.hpp"
#include "core/Sha256.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace igsgov::adapters::testing {
namespace {

template <typename Fn>
ErrorCode codeOf(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.errorCode();
  }
  return ErrorCode::ok;
}

template <typename Fn>
Error errorOf(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::ok, "");
}

std::string randomBytes(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; i += 8) {
    auto v = rng();
    for (std::size_t k = 0; k < 8 && i + k < n; ++k) s[i + k] = static_cast<char>(v >> (8 * k));
  }
  return s;
}

std::set<std::string> names(const std::vector<Entry>& entries) {
  std::set<std::string> out;
  for (const auto& e : entries) out.insert(e.name);
  return out;
}

class Conformance : public ::testing::TestWithParam<Target> {
protected:
  void SetUp() override {
    root_ = freshRoot(GetParam());
    adapter_ = makeAdapter(root_);
  }
  Adapter& a() { return *adapter_; }
  Root root_;
  std::unique_ptr<Adapter> adapter_;
};

TEST_P(Conformance, CapabilitiesAsExpected) {
  Capabilities caps = a().capabilities();
  EXPECT_EQ(caps.conditionalRequests, GetParam().conditional) << caps.describe();
  EXPECT_FALSE(caps.caseInsensitive);
  if (GetParam().kind != "nginx") {
    EXPECT_TRUE(caps.strongEtags) << caps.describe();
  }
  // The probe leaves nothing behind.
  EXPECT_TRUE(a().list("").empty());
}

TEST_P(Conformance, CreateThenGetAndStat) {
  Entry put = a().put("a.txt", "hello world\n", Precondition::createOnly());
  EXPECT_EQ(put.size, 12u);
  EXPECT_EQ(put.path, "a.txt");
  EXPECT_EQ(a().get("a.txt"), "hello world\n");
  auto st = a().stat("a.txt");
  ASSERT_TRUE(st);
  EXPECT_FALSE(st->isDir);
  EXPECT_EQ(st->size, 12u);
  EXPECT_EQ(st->etag, put.etag);
  EXPECT_FALSE(a().stat("missing.txt").has_value());
  EXPECT_EQ(codeOf([&] { a().get("missing.txt"); }), ErrorCode::notFound);
  // The file really is on the server's disk, under its own name.
  std::ifstream onDisk(root_.diskPath + "/a.txt");
  std::stringstream content;
  content << onDisk.rdbuf();
  EXPECT_EQ(content.str(), "hello world\n");
}

TEST_P(Conformance, CreateOnlyOnExistingIsConflict) {
  a().put("a.txt", "one", Precondition::createOnly());
  EXPECT_EQ(codeOf([&] { a().put("a.txt", "two", Precondition::createOnly()); }), ErrorCode::conflict);
  EXPECT_EQ(a().get("a.txt"), "one");
}

TEST_P(Conformance, StaleIfMatchIsConflict) {
  Entry v1 = a().put("doc.txt", "version 1", Precondition::createOnly());
  Entry v2 = a().put("doc.txt", "version 2", Precondition::none());
  EXPECT_EQ(codeOf([&] { a().put("doc.txt", "version 3", Precondition::ifMatch(v1.etag, sha256Hex("version 1"))); }),
            ErrorCode::conflict);
  EXPECT_EQ(a().get("doc.txt"), "version 2");
  Entry v3 = a().put("doc.txt", "version 3", Precondition::ifMatch(v2.etag, sha256Hex("version 2")));
  EXPECT_EQ(v3.size, 9u);
  EXPECT_EQ(a().get("doc.txt"), "version 3");
}

TEST_P(Conformance, ConcurrentChangeBetweenStatAndPutIsNeverOverwritten) {
  a().put("shared.docx", "AAAA-original", Precondition::createOnly());
  auto seen = a().stat("shared.docx");
  ASSERT_TRUE(seen);
  // Another client changes the file, keeping its size.
  auto other = makeAdapter(root_);
  other->put("shared.docx", "BBBB-theirs!!", Precondition::none());
  ASSERT_EQ(std::string("AAAA-original").size(), std::string("BBBB-theirs!!").size());
  EXPECT_EQ(codeOf([&] {
              a().put("shared.docx", "CCCC-ours!!!!", Precondition::ifMatch(seen->etag, sha256Hex("AAAA-original")));
            }),
            ErrorCode::conflict);
  EXPECT_EQ(a().get("shared.docx"), "BBBB-theirs!!");
  EXPECT_EQ(codeOf([&] { a().remove("shared.docx", Precondition::ifMatch(seen->etag, sha256Hex("AAAA-original"))); }),
            ErrorCode::conflict);
  EXPECT_TRUE(a().stat("shared.docx").has_value());
}

TEST_P(Conformance, ListsTwoThousandFiveHundredEntries) {
  a().mkdirs("big");
  std::string dir = root_.diskPath + "/big";
  for (int i = 0; i < 2500; ++i) std::ofstream(dir + "/file-" + std::to_string(i) + ".txt") << "x" << i;
  giveToServer(dir);
  auto entries = a().list("big");
  ASSERT_EQ(entries.size(), 2500u);
  auto n = names(entries);
  EXPECT_EQ(n.size(), 2500u);
  EXPECT_TRUE(n.count("file-0.txt"));
  EXPECT_TRUE(n.count("file-2499.txt"));
  for (const auto& e : entries) {
    EXPECT_FALSE(e.isDir);
    EXPECT_EQ(e.path, "big/" + e.name);
    EXPECT_EQ(e.size, e.name.size() - std::string("file-.txt").size() + 1);
  }
}

TEST_P(Conformance, UnicodeNamesKeepTheirFormAndClashInNfc) {
  const std::string nfd = "cafe\xCC\x81 \xC3\xAF.txt";   // "café ï.txt", é decomposed
  const std::string nfcName = "caf\xC3\xA9 \xC3\xAF.txt";  // the same, composed
  ASSERT_EQ(nfc(nfd), nfcName);
  a().put(nfd, "decomposed", Precondition::createOnly());
  auto entries = a().list("");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].name, nfd);  // the server's own spelling is kept
  EXPECT_EQ(a().get(nfd), "decomposed");
  EXPECT_EQ(codeOf([&] { a().put(nfcName, "composed", Precondition::createOnly()); }), ErrorCode::conflict);
  EXPECT_EQ(a().list("").size(), 1u);
  // Characters that need percent-encoding survive the round trip.
  const std::string odd = "a+b & c%d #1 (kopie) 'x'.txt";
  a().put(odd, "odd", Precondition::createOnly());
  EXPECT_EQ(a().get(odd), "odd");
  EXPECT_TRUE(names(a().list("")).count(odd));
}

TEST_P(Conformance, CaseClashIsRefused) {
  a().put("Readme.docx", "one", Precondition::createOnly());
  EXPECT_EQ(codeOf([&] { a().put("README.docx", "two", Precondition::none()); }), ErrorCode::conflict);
  a().mkdirs("Verslagen");
  EXPECT_EQ(codeOf([&] { a().mkdirs("verslagen/2025"); }), ErrorCode::conflict);
  EXPECT_EQ(codeOf([&] { a().move("Readme.docx", "readme.DOCX"); }), ErrorCode::conflict);
  EXPECT_EQ(names(a().list("")), (std::set<std::string>{"Readme.docx", "Verslagen"}));
}

TEST_P(Conformance, MoveWithoutOverwrite) {
  a().put("a.txt", "A", Precondition::createOnly());
  a().put("b.txt", "B", Precondition::createOnly());
  EXPECT_EQ(codeOf([&] { a().move("a.txt", "b.txt"); }), ErrorCode::conflict);
  EXPECT_EQ(a().get("a.txt"), "A");
  EXPECT_EQ(a().get("b.txt"), "B");
  a().mkdirs("sub");
  Entry moved = a().move("a.txt", "sub/c.txt");
  EXPECT_EQ(moved.path, "sub/c.txt");
  EXPECT_EQ(moved.size, 1u);
  EXPECT_FALSE(a().stat("a.txt"));
  EXPECT_EQ(a().get("sub/c.txt"), "A");
  a().move("sub/c.txt", "b.txt", true);
  EXPECT_EQ(a().get("b.txt"), "A");
  EXPECT_EQ(codeOf([&] { a().move("nothing.txt", "x.txt"); }), ErrorCode::notFound);
}

TEST_P(Conformance, RemoveFilesAndFolders) {
  a().mkdirs("x/y/z");
  a().put("x/y/z/f.txt", "f", Precondition::createOnly());
  Entry g = a().put("x/g.txt", "g", Precondition::createOnly());
  EXPECT_EQ(codeOf([&] { a().remove("x/g.txt", Precondition::ifMatch("\"stale\"", sha256Hex("not g"))); }),
            ErrorCode::conflict);
  a().remove("x/g.txt", Precondition::ifMatch(g.etag, sha256Hex("g")));
  EXPECT_FALSE(a().stat("x/g.txt"));
  a().remove("x");
  EXPECT_FALSE(a().stat("x"));
  EXPECT_EQ(codeOf([&] { a().remove("x"); }), ErrorCode::notFound);
  EXPECT_TRUE(a().list("").empty());
}

TEST_P(Conformance, MkdirsAndMissingParents) {
  a().mkdirs("2025/raad van bestuur");
  a().mkdirs("2025/raad van bestuur");  // existing is fine
  auto st = a().stat("2025/raad van bestuur");
  ASSERT_TRUE(st);
  EXPECT_TRUE(st->isDir);
  EXPECT_EQ(codeOf([&] { a().put("nowhere/f.txt", "x", Precondition::createOnly()); }), ErrorCode::notFound);
  EXPECT_EQ(codeOf([&] { a().list("nowhere"); }), ErrorCode::notFound);
  a().put("2025/f.txt", "x", Precondition::createOnly());
  EXPECT_EQ(codeOf([&] { a().mkdirs("2025/f.txt"); }), ErrorCode::conflict);
  EXPECT_EQ(codeOf([&] { a().list("2025/f.txt"); }), ErrorCode::invalid);
}

TEST_P(Conformance, PathsEscapingTheRootAreRefused) {
  for (std::string bad : std::vector<std::string>{"../x.txt", "/etc/passwd", "a/../../x", "a\\..\\b", std::string("a\0b", 3), "..", "C:x",
                          ".igsgov-tmp-x", "a/\x01.txt"}) {
    EXPECT_EQ(codeOf([&] { a().put(bad, "x"); }), ErrorCode::invalid) << bad;
    EXPECT_EQ(codeOf([&] { a().get(bad == ".igsgov-tmp-x" ? "../y" : bad); }), ErrorCode::invalid) << bad;
  }
  EXPECT_EQ(codeOf([&] { a().list("../"); }), ErrorCode::invalid);
  EXPECT_EQ(codeOf([&] { a().move("a", "../b"); }), ErrorCode::invalid);
  EXPECT_TRUE(a().list("").empty());
}

TEST_P(Conformance, BigFileRoundTripWithHashCheck) {
  std::string big = randomBytes(20u << 20, 7);
  std::string sha = sha256Hex(big);
  Entry e = a().put("big.bin", big, Precondition::createOnly());
  EXPECT_EQ(e.size, big.size());
  std::ostringstream out;
  EXPECT_EQ(a().get("big.bin", out), big.size());
  EXPECT_EQ(sha256Hex(out.str()), sha);
  Entry again = a().put("big.bin", big, Precondition::ifMatch(e.etag, sha));
  EXPECT_EQ(again.size, big.size());
}

TEST_P(Conformance, PutManyInParallel) {
  a().mkdirs("batch");
  std::vector<PutItem> items;
  for (int i = 0; i < 120; ++i)
    items.push_back({"batch/f" + std::to_string(i) + ".txt", Content::bytes("content " + std::to_string(i)), Precondition::createOnly()});
  items.push_back({"batch/F1.txt", Content::bytes("clash"), Precondition::createOnly()});   // case clash with f1.txt
  items.push_back({"../escape.txt", Content::bytes("bad"), Precondition::createOnly()});   // invalid path
  auto outcomes = a().putMany(items);
  ASSERT_EQ(outcomes.size(), items.size());
  for (int i = 0; i < 120; ++i) ASSERT_TRUE(outcomes[i].ok()) << outcomes[i].error->fullText();
  ASSERT_FALSE(outcomes[120].ok());
  EXPECT_EQ(outcomes[120].error->errorCode(), ErrorCode::conflict);
  ASSERT_FALSE(outcomes[121].ok());
  EXPECT_EQ(outcomes[121].error->errorCode(), ErrorCode::invalid);
  EXPECT_EQ(a().list("batch").size(), 120u);
  EXPECT_EQ(a().get("batch/f77.txt"), "content 77");
}

// Content that changed after it was listed (its bytes no longer match the
// announced SHA-256): the put fails with integrity and leaves nothing. Not on
// the path, not the old file replaced, no leftover in the listing; the adapter
// stays usable. Large enough that most of the body has gone out before the end
// shows the mismatch (WebDAV: the connection is dropped mid-body).
TEST_P(Conformance, ContentChangedSinceListedIsNotStored) {
  const std::string big(3 << 20, 'x');
  const std::string other = big + "y";
  auto changed = Content::bytes(big, sha256Hex(other));
  Error e = errorOf([&] { a().put("changed.bin", *changed, Precondition::createOnly()); });
  EXPECT_EQ(e.errorCode(), ErrorCode::integrity) << e.fullText();
  EXPECT_EQ(e.place().fields.at("path"), "'changed.bin'");
  EXPECT_FALSE(a().stat("changed.bin"));

  Entry old = a().put("keep.bin", "old content", Precondition::createOnly());
  auto outcomes = a().putMany({{"keep.bin", changed, Precondition::ifMatch(old.etag, sha256Hex("old content"))},
                               {"fine.bin", Content::bytes(big, sha256Hex(big)), Precondition::createOnly()}});
  ASSERT_FALSE(outcomes[0].ok());
  EXPECT_EQ(outcomes[0].error->errorCode(), ErrorCode::integrity);
  ASSERT_TRUE(outcomes[1].ok()) << outcomes[1].error->fullText();
  EXPECT_EQ(a().get("keep.bin"), "old content");
  EXPECT_EQ(sha256Hex(a().get("fine.bin")), sha256Hex(big));
  EXPECT_EQ(names(a().list("")), (std::set<std::string>{"keep.bin", "fine.bin"}));
}

// A large upload refused by its precondition (the server may answer before it
// has read the body) is a conflict, not a network error, and changes nothing.
TEST_P(Conformance, LargeUploadRefusedByItsPreconditionIsAConflict) {
  const std::string first = randomBytes(16 << 20, 7), second = randomBytes(16 << 20, 8);
  Entry e = a().put("large.bin", first, Precondition::createOnly());
  EXPECT_EQ(codeOf([&] { a().put("large.bin", second, Precondition::createOnly()); }), ErrorCode::conflict);
  a().put("other.bin", "x", Precondition::createOnly());
  Entry other = *a().stat("other.bin");
  EXPECT_EQ(codeOf([&] { a().put("large.bin", second, Precondition::ifMatch(other.etag, sha256Hex("x"))); }),
            ErrorCode::conflict);
  EXPECT_EQ(sha256Hex(a().get("large.bin")), sha256Hex(first));
  EXPECT_EQ(a().stat("large.bin")->size, e.size);
}

const Target targets[] = {
    {"folder", "folder", "", true},
    {"apache_basic", "apache", "basic", true},
    {"apache_digest", "apache", "digest", true},
    {"apache_https", "apache", "https", true},
    {"lighttpd", "lighttpd", "basic", true},
    {"nginx", "nginx", "basic", false},
};

TEST_P(Conformance, PropertiesWhereTheBackendKeepsThem) {
  Capabilities caps = a().capabilities();
  const std::string kind = GetParam().kind;
  // Apache mod_dav_fs and lighttpd with its SQLite property database (our test server enables it) keep
  // dead properties; nginx dav-ext and the folder adapter (sidecar only) do not.
  if (kind == "apache" || kind == "lighttpd") {
    EXPECT_TRUE(caps.properties) << caps.describe();
  }
  if (kind == "nginx" || kind == "folder") {
    EXPECT_FALSE(caps.properties) << caps.describe();
  }
  a().put("p.docx", "content\n", Precondition::createOnly());
  std::map<std::string, std::string> props{
      {"igs", "IGS <West> & \"Oost\""}, {"kind", "statuten"}, {"sha256", sha256Hex("content\n")},
      {"label", "versie 'één'\tmet tab"}};
  if (!caps.properties) {
    EXPECT_EQ(codeOf([&] { a().setProperties("p.docx", props); }), ErrorCode::unsupported);
    EXPECT_EQ(a().get("p.docx"), "content\n");
    return;
  }
  a().setProperties("p.docx", props);
  EXPECT_EQ(a().getProperties("p.docx"), props);
  // Idempotent, and a second call replaces values of the same names only.
  a().setProperties("p.docx", {{"kind", "reglement"}});
  props["kind"] = "reglement";
  EXPECT_EQ(a().getProperties("p.docx"), props);
  EXPECT_EQ(codeOf([&] { a().setProperties("p.docx", {{"1bad name", "x"}}); }), ErrorCode::invalid);
  EXPECT_EQ(codeOf([&] { a().setProperties("missing.docx", {{"kind", "x"}}); }), ErrorCode::notFound);
  // An empty value removes the property, in the same request as the others; removing one the
  // file does not have is no error.
  a().setProperties("p.docx", {{"label", ""}, {"status", "conflict"}, {"never-set", ""}});
  props.erase("label");
  props["status"] = "conflict";
  EXPECT_EQ(a().getProperties("p.docx"), props);
  // Content and listing are unaffected.
  EXPECT_EQ(a().get("p.docx"), "content\n");
  EXPECT_EQ(names(a().list("")), std::set<std::string>{"p.docx"});
  // A PUT over the file keeps its properties on Apache and lighttpd (RFC 4918 leaves it to the
  // server): whoever rewrites a file must set or remove every property name it uses (the sync
  // engine sends its whole set of names with each upload).
  auto before = a().stat("p.docx");
  a().put("p.docx", "content, changed\n", Precondition::ifMatch(before->etag, sha256Hex("content\n")));
  EXPECT_EQ(a().getProperties("p.docx"), props);
}

TEST_P(Conformance, PutManySetsEachItemsPropertiesAfterItsUpload) {
  Capabilities caps = a().capabilities();
  a().mkdirs("props");
  a().put("props/existing.docx", "already there", Precondition::createOnly());
  std::vector<PutItem> items;
  for (int i = 0; i < 24; ++i) {
    std::string content = "document " + std::to_string(i);
    items.push_back({"props/d" + std::to_string(i) + ".docx", Content::bytes(content), Precondition::createOnly(),
                     {{"sha256", sha256Hex(content)}, {"label", "nr. " + std::to_string(i) + " <&>"}}});
  }
  items.push_back({"props/plain.docx", Content::bytes("no properties"), Precondition::createOnly()});
  items.push_back({"props/badname.docx", Content::bytes("bad name"), Precondition::createOnly(), {{"1 bad", "x"}}});
  items.push_back({"props/existing.docx", Content::bytes("clash"), Precondition::createOnly(), {{"kind", "x"}}});  // conflict
  auto out = a().putMany(items);
  ASSERT_EQ(out.size(), items.size());
  for (std::size_t i = 0; i < 26; ++i) ASSERT_TRUE(out[i].ok()) << items[i].path << ": " << out[i].error->fullText();
  // The upload stands whatever happens to its properties.
  EXPECT_EQ(a().get("props/d7.docx"), "document 7");
  EXPECT_EQ(a().get("props/badname.docx"), "bad name");
  EXPECT_FALSE(out[24].propertiesError) << out[24].propertiesError->fullText();  // none asked, none failed
  ASSERT_TRUE(out[25].propertiesError);
  EXPECT_EQ(out[25].propertiesError->errorCode(), ErrorCode::invalid);  // names are checked first everywhere
  ASSERT_FALSE(out[26].ok());
  EXPECT_EQ(out[26].error->errorCode(), ErrorCode::conflict);
  EXPECT_FALSE(out[26].propertiesError);  // only ever set on a successful upload
  for (std::size_t i = 0; i < 24; ++i) {
    if (caps.properties) {
      EXPECT_FALSE(out[i].propertiesError) << out[i].propertiesError->fullText();
      EXPECT_EQ(a().getProperties(items[i].path), items[i].properties) << items[i].path;
    } else {
      ASSERT_TRUE(out[i].propertiesError) << items[i].path;
      EXPECT_EQ(out[i].propertiesError->errorCode(), ErrorCode::unsupported);
    }
  }
  if (caps.properties) {
    EXPECT_TRUE(a().getProperties("props/plain.docx").empty());
    EXPECT_TRUE(a().getProperties("props/badname.docx").empty());
    EXPECT_TRUE(a().getProperties("props/existing.docx").empty());  // the refused upload set nothing
  }
  EXPECT_EQ(a().list("props").size(), 27u);
  EXPECT_EQ(a().get("props/existing.docx"), "already there");
}

INSTANTIATE_TEST_SUITE_P(Adapters, Conformance, ::testing::ValuesIn(targets),
                         [](const ::testing::TestParamInfo<Target>& info) { return info.param.name; });

}  // namespace
}  // namespace igsgov::adapters::testing
