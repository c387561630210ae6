// The journal's signing key through the C ABI: igsgov_key_generate, the
// signing_key of igsgov_open_options (version 2), and audit.verify with the
// public key. Version 1 option structs keep working (no key).
#include "CapiFixture.hpp"

#include <sys/stat.h>

using namespace capitest;

namespace {

Poco::JSON::Object::Ptr generate(const std::string& path) {
  igsgov_buf out{};
  EXPECT_EQ(igsgov_key_generate(&out, path.c_str()), IGSGOV_OK) << lastMessage();
  auto key = parse(std::string(out.ptr ? out.ptr : "{}", out.size));
  igsgov_buf_dispose(&out);
  return key;
}

igsgov_register* openWith(const std::string& path, const char* key, int create,
                          unsigned version = IGSGOV_OPEN_OPTIONS_VERSION) {
  igsgov_open_options o = IGSGOV_OPEN_OPTIONS_INIT;
  o.version = version;
  o.create = create;
  o.signing_key = key;
  igsgov_register* reg = nullptr;
  EXPECT_EQ(igsgov_open(&reg, path.c_str(), &o), IGSGOV_OK) << lastMessage();
  return reg;
}

}  // namespace

TEST(CapiSigning, GeneratedKeySignsAndItsPublicKeyVerifies) {
  Lib lib;
  Tmp tmp;
  auto key = generate(tmp.file("journal.key"));
  EXPECT_EQ(key->getValue<std::string>("public_key"), tmp.file("journal.key.pub"));
  EXPECT_EQ(key->getValue<std::string>("key_id").size(), 32u);
  struct stat st {};
  ASSERT_EQ(::stat(tmp.file("journal.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  igsgov_register* reg = openWith(tmp.file("r.db"), tmp.file("journal.key").c_str(), 1);
  run(reg, "person.create", R"({"id":"p1","name":"An Voorbeeld","fictitious":true})");
  auto out = run(reg, "audit.verify", "{\"public_key\":\"" + tmp.file("journal.key.pub") + "\"}");
  EXPECT_TRUE(out->getValue<bool>("signatures_checked"));
  EXPECT_EQ(out->getValue<long long>("signed_entries"), 2);
  auto head = run(reg, "audit.head");
  EXPECT_EQ(head->getValue<std::string>("key_id"), key->getValue<std::string>("key_id"));
  igsgov_close(reg);

  // A version 1 struct has no signing_key: it opens, reads, and may not write.
  igsgov_register* old = openWith(tmp.file("r.db"), nullptr, 0, 1);
  run(old, "audit.verify");
  igsgov_buf buf{};
  EXPECT_EQ(igsgov_execute(&buf, old, "person.create", R"({"id":"p2","name":"Bart Proef","fictitious":true})", nullptr),
            IGSGOV_EDENIED);
  EXPECT_NE(lastMessage().find("ondertekend"), std::string::npos) << lastMessage();
  igsgov_close(old);
}

TEST(CapiSigning, KeyArgumentsAreChecked) {
  Tmp tmp;
  igsgov_buf out{};
  EXPECT_EQ(igsgov_key_generate(&out, tmp.file("k").c_str()), IGSGOV_EARGUMENT) << "before igsgov_init";
  Lib lib;
  EXPECT_EQ(igsgov_key_generate(nullptr, tmp.file("k").c_str()), IGSGOV_EARGUMENT);
  EXPECT_EQ(igsgov_key_generate(&out, nullptr), IGSGOV_EARGUMENT);
  EXPECT_EQ(igsgov_key_generate(&out, ""), IGSGOV_EARGUMENT);
  generate(tmp.file("k"));
  EXPECT_EQ(igsgov_key_generate(&out, tmp.file("k").c_str()), IGSGOV_ECONFLICT) << "never overwritten";
  EXPECT_EQ(out.ptr, nullptr);

  igsgov_open_options o = IGSGOV_OPEN_OPTIONS_INIT;
  o.create = 1;
  o.signing_key = "";
  igsgov_register* reg = nullptr;
  EXPECT_EQ(igsgov_open(&reg, tmp.file("r.db").c_str(), &o), IGSGOV_EARGUMENT);
  std::string pub = tmp.file("k.pub");
  o.signing_key = pub.c_str();
  EXPECT_EQ(igsgov_open(&reg, tmp.file("r.db").c_str(), &o), IGSGOV_EDENIED) << "k.pub is mode 0644: " << lastMessage();
  EXPECT_FALSE(std::filesystem::exists(tmp.file("r.db"))) << "a refused key creates nothing";
  std::string missing = tmp.file("none.key");
  o.signing_key = missing.c_str();
  EXPECT_EQ(igsgov_open(&reg, tmp.file("r.db").c_str(), &o), IGSGOV_ENOTFOUND);
  EXPECT_EQ(reg, nullptr);
}
