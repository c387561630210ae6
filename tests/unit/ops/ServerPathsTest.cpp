// ops/ServerPaths.hpp: a remote caller's path parameters are refused for every
// operation of the catalogue; settings fill the parameters that have one.
#include "ops/ServerPaths.hpp"

#include "core/Error.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::ops;

TEST(ServerPaths, EveryPathParameterOfEveryOperationIsRefusedFromARemoteCaller) {
  int checked = 0;
  for (const auto& op : catalogue().all())
    for (const auto& p : op.params) {
      if (p.type != "path") continue;
      SCOPED_TRACE(op.name + "." + p.name);
      auto in = newObject();
      in->set(p.name, "/etc/passwd");
      try {
        remoteInput(op, in, {{"sync_config", "/srv/sync.json"}, {"calendar_dir", "/srv/kalender"}});
        ADD_FAILURE() << "accepted";
      } catch (const Error& e) {
        EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
        EXPECT_EQ(e.place().fields.at("field"), "'" + p.name + "'");
        EXPECT_EQ(e.place().fields.at("operation"), op.name);
        EXPECT_NE(std::string(e.what()).find("niet toegelaten via de REST-API"), std::string::npos) << e.what();
      }
      ++checked;
    }
  EXPECT_GE(checked, 10);
}

TEST(ServerPaths, APathParameterWithNamesTakesOnlyThoseNamesFromARemoteCaller) {
  const Operation* generate = catalogue().find("documents.generate");
  ASSERT_NE(generate, nullptr);
  auto in = newObject();
  in->set("template", "engagementsverklaring");
  auto out = remoteInput(*generate, in, {{"intranet.documents_dir", "/srv/documenten"}});
  EXPECT_EQ(out->getValue<std::string>("template"), "engagementsverklaring");
  EXPECT_EQ(out->getValue<std::string>("documents_dir"), "/srv/documenten");  // the service's folder
  for (const std::string path : {"engagementsverklaring.docx", "./engagementsverklaring", "../engagementsverklaring",
                                 "engagementsverklaring/", " engagementsverklaring", "/etc/passwd"}) {
    SCOPED_TRACE(path);
    in->set("template", path);
    try {
      remoteInput(*generate, in, {});
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.place().fields.at("field"), "'template'");
      EXPECT_NE(std::string(e.what()).find("engagementsverklaring, intentieverklaring"), std::string::npos) << e.what();
    }
  }
  in->set("template", 7LL);  // not text: refused like a path
  EXPECT_THROW(remoteInput(*generate, in, {}), Error);
  EXPECT_EQ(settingField("intranet.documents_dir"), "intranet.documents_dir");
  EXPECT_EQ(settingField("sync_config"), "files.sync_config");
}

TEST(ServerPaths, SettingsFillTheirParametersForRemoteCallers) {
  const Operation* deadlines = catalogue().find("deadlines.list");
  ASSERT_NE(deadlines, nullptr);
  auto in = newObject();
  in->set("cooperation", "igs-x");
  auto out = remoteInput(*deadlines, in, {{"calendar_dir", "/srv/kalender"}, {"sync_config", "/srv/sync.json"}});
  EXPECT_EQ(out->getValue<std::string>("calendar_dir"), "/srv/kalender");
  EXPECT_EQ(out->getValue<std::string>("cooperation"), "igs-x");
  EXPECT_FALSE(out->has("ics"));       // a path without a setting stays absent
  EXPECT_FALSE(out->has("sync_config"));
  EXPECT_FALSE(in->has("calendar_dir"));  // the caller's object is not changed
  // No setting configured: the operation's own default applies.
  EXPECT_FALSE(remoteInput(*deadlines, in, {})->has("calendar_dir"));

  const Operation* sync = catalogue().find("sync.run");
  ASSERT_NE(sync, nullptr);
  auto run = newObject();
  run->set("target", "archief");
  EXPECT_EQ(remoteInput(*sync, run, {{"sync_config", "/srv/sync.json"}})->getValue<std::string>("config"),
            "/srv/sync.json");
}

TEST(ServerPaths, FrontEndInputKeepsItsOwnPathsAndGetsTheSettings) {
  const Operation* deadlines = catalogue().find("deadlines.list");
  ASSERT_NE(deadlines, nullptr);
  auto in = newObject();
  in->set("calendar_dir", "/chosen/by/the/page");
  EXPECT_EQ(withServerFiles(*deadlines, in, {{"calendar_dir", "/srv/kalender"}})->getValue<std::string>("calendar_dir"),
            "/chosen/by/the/page");
  EXPECT_EQ(withServerFiles(*deadlines, newObject(), {{"calendar_dir", "/srv/kalender"}})
                ->getValue<std::string>("calendar_dir"),
            "/srv/kalender");
}

TEST(ServerPaths, ServiceValuesFillAbsentStringParameters) {
  const Operation* exp = catalogue().find("register.export");
  ASSERT_NE(exp, nullptr);
  const std::map<std::string, std::string> values = {{"linked_data.base_uri", "https://data.voorbeeld.be/id/"}};
  auto in = newObject();
  in->set("format", "turtle");
  auto out = withServiceValues(*exp, in, values);
  EXPECT_EQ(out->getValue<std::string>("base_uri"), "https://data.voorbeeld.be/id/");
  EXPECT_EQ(out->getValue<std::string>("format"), "turtle");  // no setting: untouched
  EXPECT_FALSE(in->has("base_uri"));                         // the caller's object is not changed
  in->set("base_uri", "https://ander.voorbeeld.be/");        // given: the caller's value stays
  EXPECT_EQ(withServiceValues(*exp, in, values)->getValue<std::string>("base_uri"), "https://ander.voorbeeld.be/");
  EXPECT_FALSE(withServiceValues(*exp, newObject(), {})->has("base_uri"));
}
