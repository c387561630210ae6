// Every C ABI function with NULL, invalid and out-of-contract arguments:
// each case returns a code and a Dutch message naming the argument, and never
// crashes. Also: versions, error names, init/shutdown reference counting and
// the per-thread last error.
#include "CapiFixture.hpp"

#include <climits>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <thread>

using namespace capitest;

namespace {

void expectArgument(int rc, const std::string& argument) {
  EXPECT_EQ(rc, IGSGOV_EARGUMENT);
  const igsgov_error* e = igsgov_error_last();
  EXPECT_EQ(e->code, IGSGOV_EARGUMENT);
  EXPECT_NE(std::string(e->message).find(argument), std::string::npos) << e->message;
  auto detail = parse(e->detail);
  EXPECT_EQ(detail->getValue<std::string>("code"), "argument");
  EXPECT_EQ(detail->getValue<int>("number"), IGSGOV_EARGUMENT);
}

}  // namespace

TEST(CapiVersion, NumberAndStringMatchTheHeader) {
  EXPECT_EQ(igsgov_version_number(), IGSGOV_VERSION_NUMBER);
  char expected[32];
  std::snprintf(expected, sizeof expected, "%d.%d.%d", IGSGOV_VERSION_MAJOR, IGSGOV_VERSION_MINOR,
                IGSGOV_VERSION_PATCH);
  EXPECT_STREQ(igsgov_version_string(), expected);
  EXPECT_EQ(igsgov_version_number() / 10000, IGSGOV_VERSION_MAJOR);
}

TEST(CapiError, NamesOfEveryCode) {
  EXPECT_STREQ(igsgov_error_name(IGSGOV_OK), "ok");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EGENERIC), "generic");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EINVALID), "invalid");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_ENOTFOUND), "not_found");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_ECONFLICT), "conflict");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EINTEGRITY), "integrity");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EIO), "io");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EUNSUPPORTED), "unsupported");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EDENIED), "denied");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EBUSY), "busy");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EINTERNAL), "internal");
  EXPECT_STREQ(igsgov_error_name(IGSGOV_EARGUMENT), "argument");
  for (int bad : {1, -12, INT_MIN, INT_MAX}) EXPECT_STREQ(igsgov_error_name(bad), "unknown") << bad;
}

TEST(CapiError, LastErrorStartsEmptyAndClears) {
  std::thread fresh([] {  // a new thread has no error yet
    const igsgov_error* e = igsgov_error_last();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->code, 0);
    EXPECT_STREQ(e->message, "");
    EXPECT_STREQ(e->detail, "{}");
  });
  fresh.join();
  igsgov_buf out{};
  EXPECT_EQ(igsgov_catalogue(&out), IGSGOV_EARGUMENT);  // not initialised
  EXPECT_EQ(igsgov_error_last()->code, IGSGOV_EARGUMENT);
  igsgov_error_clear();
  EXPECT_EQ(igsgov_error_last()->code, 0);
  EXPECT_STREQ(igsgov_error_last()->message, "");
}

TEST(CapiError, LastErrorIsPerThread) {
  Lib lib;
  EXPECT_EQ(igsgov_catalogue(nullptr), IGSGOV_EARGUMENT);
  int other = 1;
  std::string otherMessage = "x";
  std::thread t([&] {
    other = igsgov_error_last()->code;
    otherMessage = igsgov_error_last()->message;
  });
  t.join();
  EXPECT_EQ(other, 0);
  EXPECT_EQ(otherMessage, "");
  EXPECT_EQ(igsgov_error_last()->code, IGSGOV_EARGUMENT);
}

TEST(CapiError, SuccessClearsThePreviousError) {
  Lib lib;
  EXPECT_EQ(igsgov_catalogue(nullptr), IGSGOV_EARGUMENT);
  igsgov_buf out{};
  ASSERT_EQ(igsgov_catalogue(&out), IGSGOV_OK);
  igsgov_buf_dispose(&out);
  EXPECT_EQ(igsgov_error_last()->code, 0);
}

TEST(CapiInit, ShutdownWithoutInitIsAnArgumentError) {
  expectArgument(igsgov_shutdown(), "igsgov_shutdown");
}

TEST(CapiInit, ReferenceCounted) {
  ASSERT_EQ(igsgov_init(), IGSGOV_OK);
  ASSERT_EQ(igsgov_init(), IGSGOV_OK);
  ASSERT_EQ(igsgov_shutdown(), IGSGOV_OK);
  igsgov_buf out{};
  EXPECT_EQ(igsgov_catalogue(&out), IGSGOV_OK) << "one init is still active";
  igsgov_buf_dispose(&out);
  ASSERT_EQ(igsgov_shutdown(), IGSGOV_OK);
  EXPECT_EQ(igsgov_catalogue(&out), IGSGOV_EARGUMENT);
  EXPECT_NE(lastMessage().find("igsgov_init"), std::string::npos) << lastMessage();
  EXPECT_EQ(out.ptr, nullptr);
  EXPECT_EQ(igsgov_shutdown(), IGSGOV_EARGUMENT) << "the count must not go below zero";
  ASSERT_EQ(igsgov_init(), IGSGOV_OK);
  EXPECT_EQ(igsgov_catalogue(&out), IGSGOV_OK) << "init works again after a full shutdown";
  igsgov_buf_dispose(&out);
  ASSERT_EQ(igsgov_shutdown(), IGSGOV_OK);
}

TEST(CapiInit, CallsBeforeInitAreRefused) {
  Tmp tmp;
  igsgov_register* reg = reinterpret_cast<igsgov_register*>(0x1);
  igsgov_open_options o = IGSGOV_OPEN_OPTIONS_INIT;
  o.create = 1;
  expectArgument(igsgov_open(&reg, tmp.file("r.db").c_str(), &o), "igsgov_open");
  EXPECT_EQ(reg, nullptr);
  EXPECT_FALSE(std::filesystem::exists(tmp.file("r.db")));
  igsgov_buf out{reinterpret_cast<char*>(0x1), 5};
  expectArgument(igsgov_execute(&out, nullptr, "audit.verify", nullptr, nullptr), "igsgov_execute");
  EXPECT_EQ(out.ptr, nullptr);
  EXPECT_EQ(out.size, 0u);
}

TEST(CapiOpen, NullAndEmptyArguments) {
  Lib lib;
  expectArgument(igsgov_open(nullptr, "x.db", nullptr), "out");
  igsgov_register* reg = reinterpret_cast<igsgov_register*>(0x1);
  expectArgument(igsgov_open(&reg, nullptr, nullptr), "path");
  EXPECT_EQ(reg, nullptr);
  expectArgument(igsgov_open(&reg, "", nullptr), "path");
  EXPECT_EQ(parse(igsgov_error_last()->detail)->getObject("place")->getValue<std::string>("argument"), "path");
}

TEST(CapiOpen, OptionVersions) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = nullptr;
  igsgov_open_options o = IGSGOV_OPEN_OPTIONS_INIT;
  o.create = 1;
  o.version = 0;
  expectArgument(igsgov_open(&reg, tmp.file("r.db").c_str(), &o), "options");
  o.version = IGSGOV_OPEN_OPTIONS_VERSION + 1;
  EXPECT_EQ(igsgov_open(&reg, tmp.file("r.db").c_str(), &o), IGSGOV_EUNSUPPORTED);
  EXPECT_NE(lastMessage().find("igsgov_open_options"), std::string::npos) << lastMessage();
  EXPECT_EQ(reg, nullptr);
  EXPECT_FALSE(std::filesystem::exists(tmp.file("r.db"))) << "a refused call changes nothing";
}

// For hosts without C macros (FFI): the init functions give the *_INIT values,
// write only the fields of the version asked for, and refuse 0, newer and NULL.
TEST(CapiOptions, InitFunctionsGiveTheMacroValues) {
  igsgov_open_options open;
  std::memset(&open, 0x5a, sizeof open);
  ASSERT_EQ(igsgov_open_options_init(&open, IGSGOV_OPEN_OPTIONS_VERSION), IGSGOV_OK);
  igsgov_open_options openMacro = IGSGOV_OPEN_OPTIONS_INIT;
  EXPECT_EQ(open.version, openMacro.version);
  EXPECT_EQ(open.create, openMacro.create);
  EXPECT_EQ(open.signing_key, openMacro.signing_key);

  igsgov_exec_options exec;
  std::memset(&exec, 0x5a, sizeof exec);
  ASSERT_EQ(igsgov_exec_options_init(&exec, IGSGOV_EXEC_OPTIONS_VERSION), IGSGOV_OK);
  igsgov_exec_options execMacro = IGSGOV_EXEC_OPTIONS_INIT;
  EXPECT_EQ(exec.version, execMacro.version);
  EXPECT_EQ(exec.actor, nullptr);
  EXPECT_EQ(exec.role, nullptr);
  EXPECT_EQ(exec.reason, nullptr);
  EXPECT_EQ(exec.format, IGSGOV_FORMAT_JSON);
}

TEST(CapiOptions, InitWritesOnlyTheFieldsOfTheVersionAskedFor) {
  igsgov_open_options open;
  std::memset(&open, 0x5a, sizeof open);
  ASSERT_EQ(igsgov_open_options_init(&open, 1), IGSGOV_OK);  // version 1 had no signing_key
  EXPECT_EQ(open.version, 1u);
  EXPECT_EQ(open.create, 0);
  const void* untouched;
  std::memset(&untouched, 0x5a, sizeof untouched);
  EXPECT_EQ(open.signing_key, untouched);
}

TEST(CapiOptions, InitRefusesNullZeroAndNewerVersions) {
  igsgov_open_options open = IGSGOV_OPEN_OPTIONS_INIT;
  igsgov_exec_options exec = IGSGOV_EXEC_OPTIONS_INIT;
  expectArgument(igsgov_open_options_init(nullptr, IGSGOV_OPEN_OPTIONS_VERSION), "options");
  expectArgument(igsgov_exec_options_init(nullptr, IGSGOV_EXEC_OPTIONS_VERSION), "options");
  expectArgument(igsgov_open_options_init(&open, 0), "options");
  expectArgument(igsgov_exec_options_init(&exec, 0), "options");
  EXPECT_EQ(igsgov_open_options_init(&open, IGSGOV_OPEN_OPTIONS_VERSION + 1), IGSGOV_EUNSUPPORTED);
  EXPECT_NE(lastMessage().find("igsgov_open_options"), std::string::npos) << lastMessage();
  EXPECT_EQ(igsgov_exec_options_init(&exec, IGSGOV_EXEC_OPTIONS_VERSION + 1), IGSGOV_EUNSUPPORTED);
  EXPECT_NE(lastMessage().find("igsgov_exec_options"), std::string::npos) << lastMessage();
}

TEST(CapiOpen, MissingRegisterIsNotCreated) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = nullptr;
  int rc = igsgov_open(&reg, tmp.file("missing.db").c_str(), nullptr);
  EXPECT_LT(rc, 0);
  EXPECT_EQ(reg, nullptr);
  EXPECT_STRNE(igsgov_error_last()->message, "");
  EXPECT_FALSE(std::filesystem::exists(tmp.file("missing.db")));
}

TEST(CapiOpen, CreateOverAnExistingRegisterIsAConflict) {
  Lib lib;
  Tmp tmp;
  igsgov_open_options o = IGSGOV_OPEN_OPTIONS_INIT;
  o.create = 1;
  igsgov_register* reg = nullptr;
  ASSERT_EQ(igsgov_open(&reg, tmp.file("r.db").c_str(), &o), IGSGOV_OK) << lastMessage();
  igsgov_close(reg);
  igsgov_register* again = nullptr;
  EXPECT_EQ(igsgov_open(&again, tmp.file("r.db").c_str(), &o), IGSGOV_ECONFLICT) << lastMessage();
  EXPECT_EQ(again, nullptr);
}

TEST(CapiExecute, NullArguments) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  expectArgument(igsgov_execute(nullptr, reg, "audit.verify", nullptr, nullptr), "out");
  igsgov_buf out{};
  expectArgument(igsgov_execute(&out, nullptr, "audit.verify", nullptr, nullptr), "reg");
  expectArgument(igsgov_execute(&out, reg, nullptr, nullptr, nullptr), "operation");
  EXPECT_EQ(out.ptr, nullptr);
  // NULL json_in and NULL options are defaults, not errors.
  ASSERT_EQ(igsgov_execute(&out, reg, "audit.verify", nullptr, nullptr), IGSGOV_OK) << lastMessage();
  igsgov_buf_dispose(&out);
  ASSERT_EQ(igsgov_execute(&out, reg, "audit.verify", "", nullptr), IGSGOV_OK) << lastMessage();
  igsgov_buf_dispose(&out);
  igsgov_close(reg);
}

TEST(CapiExecute, OptionVersionsAndFormat) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  igsgov_buf out{};
  igsgov_exec_options o = IGSGOV_EXEC_OPTIONS_INIT;
  o.version = 0;
  expectArgument(igsgov_execute(&out, reg, "audit.verify", nullptr, &o), "options");
  o.version = 1000;
  EXPECT_EQ(igsgov_execute(&out, reg, "audit.verify", nullptr, &o), IGSGOV_EUNSUPPORTED);
  EXPECT_NE(lastMessage().find("igsgov_exec_options"), std::string::npos) << lastMessage();
  o.version = IGSGOV_EXEC_OPTIONS_VERSION;
  o.format = 7;
  expectArgument(igsgov_execute(&out, reg, "audit.verify", nullptr, &o), "options.format");
  EXPECT_EQ(out.ptr, nullptr);
  igsgov_close(reg);
}

TEST(CapiExecute, ForeignAndClosedHandlesAreReportedNotDereferenced) {
  Lib lib;
  Tmp tmp;
  igsgov_buf out{};
  // Pointers that are not ours: never dereferenced (these would crash if read).
  for (std::uintptr_t bogus : {std::uintptr_t{0x1}, std::uintptr_t{0x10}, std::uintptr_t{0xdeadbeef}}) {
    expectArgument(igsgov_execute(&out, reinterpret_cast<igsgov_register*>(bogus), "audit.verify", nullptr, nullptr),
                   "reg");
  }
  int local = 42;
  expectArgument(igsgov_execute(&out, reinterpret_cast<igsgov_register*>(&local), "audit.verify", nullptr, nullptr),
                 "reg");
  igsgov_register* reg = openSample(tmp.file("r.db"));
  igsgov_close(reg);
  expectArgument(igsgov_execute(&out, reg, "audit.verify", nullptr, nullptr), "reg");
  EXPECT_NE(lastMessage().find("geen open register"), std::string::npos) << lastMessage();
}

TEST(CapiClose, NullIsIgnoredAndTwiceIsReported) {
  Lib lib;
  Tmp tmp;
  igsgov_close(nullptr);
  EXPECT_EQ(igsgov_error_last()->code, 0);
  igsgov_register* reg = openSample(tmp.file("r.db"));
  igsgov_close(reg);
  EXPECT_EQ(igsgov_error_last()->code, 0);
  igsgov_close(reg);
  EXPECT_EQ(igsgov_error_last()->code, IGSGOV_EARGUMENT);
  int local = 0;
  igsgov_error_clear();
  igsgov_close(reinterpret_cast<igsgov_register*>(&local));
  EXPECT_EQ(igsgov_error_last()->code, IGSGOV_EARGUMENT);
  EXPECT_EQ(local, 0);
}

TEST(CapiClose, KeepsThePreviousError) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  igsgov_buf out{};
  ASSERT_EQ(igsgov_execute(&out, reg, "no.such.operation", nullptr, nullptr), IGSGOV_ENOTFOUND);
  igsgov_close(reg);
  igsgov_buf_dispose(&out);
  EXPECT_EQ(igsgov_error_last()->code, IGSGOV_ENOTFOUND);
  EXPECT_NE(lastMessage().find("no.such.operation"), std::string::npos) << lastMessage();
}

TEST(CapiBuf, DisposeIsSafeOnNullEmptyAndTwice) {
  Lib lib;
  igsgov_buf_dispose(nullptr);
  igsgov_buf empty{};
  igsgov_buf_dispose(&empty);
  igsgov_buf out{};
  ASSERT_EQ(igsgov_catalogue(&out), IGSGOV_OK);
  ASSERT_NE(out.ptr, nullptr);
  EXPECT_EQ(out.ptr[out.size], '\0');
  EXPECT_EQ(std::strlen(out.ptr), out.size);
  igsgov_buf_dispose(&out);
  EXPECT_EQ(out.ptr, nullptr);
  EXPECT_EQ(out.size, 0u);
  igsgov_buf_dispose(&out);
}

TEST(CapiLog, LevelOutOfRange) {
  Lib lib;
  auto fn = [](int, const char*, void*) {};
  expectArgument(igsgov_log_set_callback(fn, nullptr, -1), "min_level");
  expectArgument(igsgov_log_set_callback(fn, nullptr, 5), "min_level");
  EXPECT_EQ(igsgov_log_set_callback(nullptr, nullptr, IGSGOV_LOG_INFO), IGSGOV_OK);
}

TEST(CapiCatalogue, NullOut) {
  Lib lib;
  expectArgument(igsgov_catalogue(nullptr), "out");
}
