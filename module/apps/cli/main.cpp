// igsgov: the command-line front end. Every command is a catalogue operation
// executed through the C ABI of libigsgov (the same path a host system uses),
// except `audit keygen`, which needs no register (igsgov_key_generate).
#include "CommandLine.hpp"

#include "igsgov/igsgov.h"

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

namespace {

// Exit codes per igsgov_code (documented in --help and docs/cli.md).
int exitCode(int code) {
  switch (code) {
    case IGSGOV_OK: return 0;
    case IGSGOV_EINVALID: return 2;
    case IGSGOV_ENOTFOUND: return 3;
    case IGSGOV_ECONFLICT: return 4;
    case IGSGOV_EINTEGRITY: return 5;
    case IGSGOV_EIO: return 6;
    case IGSGOV_EUNSUPPORTED: return 7;
    case IGSGOV_EDENIED: return 8;
    case IGSGOV_EBUSY: return 9;
    case IGSGOV_EINTERNAL: return 10;
    case IGSGOV_EARGUMENT: return 64;
    default: return 1;
  }
}

// An error placed in a line of the input that came from an object or array
// option (CommandLine.hpp): the place as the user wrote it (option, file,
// line within it). Returns false when the error is not placed there.
bool placeInOption(const igsgov::cli::Call& call, const igsgov_error* e, std::string& message, std::string& detail) {
  Poco::JSON::Object::Ptr d;
  try {
    d = Poco::JSON::Parser().parse(e->detail).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    return false;
  }
  auto place = d->getObject("place");
  if (!place || place->optValue<std::string>("file", "") != "invoer" || !place->has("line")) return false;
  long line = 0, inOption = 0;
  try {
    line = std::stol(place->getValue<std::string>("line"));
  } catch (...) {
    return false;
  }
  const igsgov::cli::RawOption* option = igsgov::cli::placeInOption(call, line, inOption);
  if (!option) return false;
  place->remove("file");
  place->set("option", "--" + option->option);
  if (!option->file.empty()) place->set("file", option->file);
  place->set("line", std::to_string(inOption));
  std::string where = "optie --" + option->option;
  if (!option->file.empty()) where += ", bestand " + option->file;
  where += ", regel " + std::to_string(inOption) + ", kolom " + place->optValue<std::string>("column", "?");
  if (place->has("field")) where += ", veld " + place->getValue<std::string>("field");
  if (place->has("path")) where += ", pad " + place->getValue<std::string>("path");
  message = d->getValue<std::string>("message") + " (" + where + ")";
  std::ostringstream os;
  d->stringify(os);
  detail = os.str();
  return true;
}

int fail(int code, const std::string& format, const igsgov::cli::Call* call = nullptr) {
  const igsgov_error* e = igsgov_error_last();
  std::string message = e->message, detail = e->detail;
  if (call && !call->raw.empty()) placeInOption(*call, e, message, detail);
  std::cerr << "fout: " << message << "\n";
  if (format == "json") std::cout << detail << "\n";
  return exitCode(code);
}

// igsgov audit keygen BESTAND: a key pair for signing the journal (no register needed).
int keygen(const igsgov::cli::Call& call) {
  std::string file = call.input->optValue<std::string>("file", "");
  if (file.empty()) {
    std::cerr << "fout: geef het bestand voor de nieuwe privésleutel: igsgov audit keygen BESTAND\n";
    return 64;
  }
  igsgov_buf out{};
  if (int rc = igsgov_key_generate(&out, file.c_str()); rc != IGSGOV_OK) return fail(rc, call.format);
  std::string json(out.ptr, out.size);
  igsgov_buf_dispose(&out);
  if (call.format == "json") {
    std::cout << json << "\n";
    return 0;
  }
  auto key = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  std::cout << "Sleutelpaar gemaakt (sleutel-id " << key->getValue<std::string>("key_id") << ").\n"
            << "Privésleutel: " << key->getValue<std::string>("private_key")
            << " (alleen voor u leesbaar; geef hem aan igsgov met --signing-key of IGSGOV_SIGNING_KEY,\n"
            << "  aan igsgovd met 'journal.signing_key'; nooit naast het register bewaren)\n"
            << "Publieke sleutel: " << key->getValue<std::string>("public_key")
            << " (voor de auditors: igsgov audit verify --public-key "
            << key->getValue<std::string>("public_key") << ")\n";
  return 0;
}

// A private folder (mkdtemp, 0700) removed with its content at the end; path empty when it could not be made.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/igsgov-XXXXXX";
    if (mkdtemp(pattern.data())) path = pattern;
  }
  ~ScratchDir() {
    if (path.empty()) return;
    try {
      Poco::File(path).remove(true);
    } catch (...) {
    }
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};

// Whether the arguments ask for JSON output (--format json or --format=json).
bool jsonRequested(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--format=json" || (a == "--format" && i + 1 < argc && std::string(argv[i + 1]) == "json")) return true;
  }
  return false;
}

struct Library {
  Library() { igsgov_init(); }
  ~Library() { igsgov_shutdown(); }
};

}  // namespace

int main(int argc, char** argv) {
  Library lib;
  igsgov_buf cat{};
  if (igsgov_catalogue(&cat) != IGSGOV_OK) return fail(IGSGOV_EINTERNAL, "text");
  Poco::JSON::Parser parser;
  auto catalogue = parser.parse(std::string(cat.ptr, cat.size)).extract<Poco::JSON::Object::Ptr>();
  igsgov_buf_dispose(&cat);
  igsgov::cli::addLocalCommands(catalogue);

  igsgov::cli::Call call;
  try {
    call = igsgov::cli::parse(std::vector<std::string>(argv + 1, argv + argc), catalogue);
  } catch (const igsgov::cli::UsageError& e) {
    std::cerr << "fout: " << e.what() << "\n";
    // docs/cli.md: with --format json the error is JSON on stdout too.
    if (jsonRequested(argc, argv)) {
      Poco::JSON::Object error;
      error.set("code", "argument");
      error.set("message", std::string(e.what()));
      error.stringify(std::cout);
      std::cout << "\n";
    }
    return 64;
  }
  if (call.man) {
    std::cout << igsgov::cli::manPage(catalogue, igsgov_version_string());
    return 0;
  }
  if (call.version) {
    std::cout << "igsgov " << igsgov_version_string() << "\n";
    return 0;
  }
  if (call.help || !call.operation) {
    std::cout << (call.operation        ? igsgov::cli::commandHelp(call.operation)
                  : !call.group.empty() ? igsgov::cli::groupHelp(catalogue, call.group)
                                        : igsgov::cli::overviewHelp(catalogue));
    return 0;
  }
  std::string name = call.operation->getValue<std::string>("name");
  if (name == "audit.keygen") return keygen(call);
  // An operation that reads no register (audit pack verify: an auditor without
  // one) runs on a throwaway register in a private folder, removed afterwards.
  std::optional<ScratchDir> scratch;
  bool scratchRegister = call.db.empty() && call.operation->has("standalone");
  if (scratchRegister) {
    scratch.emplace();
    if (scratch->path.empty()) {
      std::cerr << "fout: geen tijdelijke map te maken (TMPDIR)\n";
      return 6;
    }
    call.db = scratch->path + "/leeg.db";
  }
  if (call.db.empty()) {
    std::cerr << "fout: geen register opgegeven: gebruik --db BESTAND of zet IGSGOV_DB\n";
    return 64;
  }
  igsgov_open_options open = IGSGOV_OPEN_OPTIONS_INIT;
  open.create = scratchRegister || call.operation->getValue<std::string>("access") == "create";
  open.signing_key = call.signingKey.empty() ? nullptr : call.signingKey.c_str();
  igsgov_register* reg = nullptr;
  if (int rc = igsgov_open(&reg, call.db.c_str(), &open); rc != IGSGOV_OK) return fail(rc, call.format);

  igsgov_exec_options exec = IGSGOV_EXEC_OPTIONS_INIT;
  exec.actor = call.actor.c_str();
  exec.reason = call.reason.empty() ? nullptr : call.reason.c_str();
  exec.format = call.format == "json" ? IGSGOV_FORMAT_JSON : IGSGOV_FORMAT_TEXT;
  // Operations marked "exit_code" in the catalogue (compliance.check) put the
  // process exit code in their JSON output (docs/dev/rules.md). Run them in JSON
  // first; for text output run again with the same as_of (a read, same result).
  int status = 0;
  std::string in = igsgov::cli::inputText(call);
  if (call.operation->has("exit_code")) {
    igsgov_exec_options asJson = exec;
    asJson.format = IGSGOV_FORMAT_JSON;
    igsgov_buf first{};
    if (int rc = igsgov_execute(&first, reg, name.c_str(), in.c_str(), &asJson); rc != IGSGOV_OK) {
      igsgov_close(reg);
      return fail(rc, call.format, &call);
    }
    auto result = Poco::JSON::Parser().parse(std::string(first.ptr, first.size)).extract<Poco::JSON::Object::Ptr>();
    igsgov_buf_dispose(&first);
    status = result->optValue<int>("exit_code", 0);
    if (result->has("as_of") && !call.input->has("as_of")) {
      call.input->set("as_of", result->getValue<std::string>("as_of"));
      in = igsgov::cli::inputText(call);
    }
  }
  igsgov_buf out{};
  int rc = igsgov_execute(&out, reg, name.c_str(), in.c_str(), &exec);
  if (rc != IGSGOV_OK) {
    igsgov_close(reg);
    return fail(rc, call.format, &call);
  }
  std::cout << std::string(out.ptr, out.size);
  if (out.size && out.ptr[out.size - 1] != '\n') std::cout << "\n";
  igsgov_buf_dispose(&out);
  igsgov_close(reg);
  return status;
}
