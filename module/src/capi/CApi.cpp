// The C ABI (module/include/igsgov/igsgov.h): argument checks first, then one
// guard that maps every C++ exception to a code and the thread's last error.
#include "igsgov/igsgov.h"

#include "capi/Handles.hpp"
#include "capi/LastError.hpp"
#include "capi/Logging.hpp"
#include "core/Error.hpp"
#include "journal/Signing.hpp"
#include "ops/Session.hpp"

#include <Poco/Exception.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <new>

// The header's version macros and the CMake project version must agree.
static_assert(IGSGOV_VERSION_MAJOR == IGSGOV_BUILD_VERSION_MAJOR && IGSGOV_VERSION_MINOR == IGSGOV_BUILD_VERSION_MINOR &&
                  IGSGOV_VERSION_PATCH == IGSGOV_BUILD_VERSION_PATCH,
              "igsgov.h IGSGOV_VERSION_* differ from project(VERSION) in CMakeLists.txt");

namespace {

using igsgov::ErrorCode;
using igsgov::Place;
namespace capi = igsgov::capi;

std::atomic<int> g_initCount{0};

template <class F>
int guard(const char* function, F fn) noexcept {
  try {
    return fn();
  } catch (const igsgov::Error& e) {
    capi::log(IGSGOV_LOG_WARN, std::string(function) + " failed: " + e.fullText());
    return capi::setError(e);
  } catch (const std::bad_alloc&) {
    return capi::setError(ErrorCode::generic, "onvoldoende geheugen");
  } catch (const Poco::FileNotFoundException& e) {
    return capi::setError(ErrorCode::notFound, "bestand niet gevonden: " + e.message());
  } catch (const Poco::FileAccessDeniedException& e) {
    return capi::setError(ErrorCode::io, "geen toegang tot bestand: " + e.message());
  } catch (const Poco::IOException& e) {
    return capi::setError(ErrorCode::io, "invoer/uitvoer mislukt: " + e.displayText());
  } catch (const Poco::Exception& e) {
    capi::log(IGSGOV_LOG_ERROR, std::string(function) + " failed unexpectedly: " + e.displayText());
    return capi::setError(ErrorCode::generic, "onverwachte fout: " + e.displayText());
  } catch (const std::exception& e) {
    capi::log(IGSGOV_LOG_ERROR, std::string(function) + " internal error: " + e.what());
    return capi::setError(ErrorCode::internal, std::string("interne fout: ") + e.what());
  } catch (...) {
    return capi::setError(ErrorCode::internal, "interne fout");
  }
}

bool initialised() { return g_initCount.load() > 0; }

int notInitialised(const char* function) {
  return capi::setError(ErrorCode::argument,
                        std::string(function) + " vóór igsgov_init (of na de laatste igsgov_shutdown)",
                        Place().set("function", function));
}

// Checks a versioned option struct's version field.
int checkVersion(unsigned int version, unsigned int known, const char* type) {
  if (version == 0)
    return capi::argumentError("options", std::string("versie 0 van ") + type + " (gebruik het _INIT-macro)");
  if (version > known)
    return capi::setError(ErrorCode::unsupported,
                          std::string("versie ") + std::to_string(version) + " van " + type +
                              " is nieuwer dan deze bibliotheek (kent versie " + std::to_string(known) + ")",
                          Place().set("argument", "options"));
  return IGSGOV_OK;
}

int fill(igsgov_buf* out, const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  out->ptr = p;
  out->size = s.size();
  return IGSGOV_OK;
}

}  // namespace

extern "C" {

int igsgov_init(void) {
  capi::clearError();
  g_initCount.fetch_add(1);
  return IGSGOV_OK;
}

int igsgov_shutdown(void) {
  capi::clearError();
  int count = g_initCount.load();
  do {
    if (count <= 0) return capi::argumentError("igsgov_shutdown", "zonder bijhorende igsgov_init");
  } while (!g_initCount.compare_exchange_weak(count, count - 1));
  if (count == 1) {
    if (std::size_t open = capi::openCount())
      capi::log(IGSGOV_LOG_WARN, "last igsgov_shutdown with " + std::to_string(open) + " register(s) still open");
    if (!capi::inLogCallback()) capi::setLogCallback(nullptr, nullptr, 0);
  }
  return IGSGOV_OK;
}

int igsgov_version_number(void) { return IGSGOV_VERSION_NUMBER; }

const char* igsgov_version_string(void) { return IGSGOV_BUILD_VERSION; }

int igsgov_log_set_callback(igsgov_log_fn fn, void* userdata, int min_level) {
  capi::clearError();
  if (min_level < IGSGOV_LOG_TRACE || min_level > IGSGOV_LOG_ERROR)
    return capi::argumentError("min_level", std::to_string(min_level) + " is geen logniveau (0 tot 4)");
  if (capi::inLogCallback())
    return capi::argumentError("fn", "igsgov_log_set_callback mag niet vanuit de logfunctie zelf");
  return guard("igsgov_log_set_callback", [&]() -> int {
    capi::setLogCallback(fn, userdata, min_level);
    return IGSGOV_OK;
  });
}

int igsgov_open_options_init(igsgov_open_options* options, unsigned int version) {
  capi::clearError();
  if (!options) return capi::argumentError("options", "is NULL");
  if (int rc = checkVersion(version, IGSGOV_OPEN_OPTIONS_VERSION, "igsgov_open_options")) return rc;
  options->version = version;
  options->create = 0;
  if (version >= 2) options->signing_key = nullptr;
  return IGSGOV_OK;
}

int igsgov_exec_options_init(igsgov_exec_options* options, unsigned int version) {
  capi::clearError();
  if (!options) return capi::argumentError("options", "is NULL");
  if (int rc = checkVersion(version, IGSGOV_EXEC_OPTIONS_VERSION, "igsgov_exec_options")) return rc;
  *options = IGSGOV_EXEC_OPTIONS_INIT;
  return IGSGOV_OK;
}

int igsgov_open(igsgov_register** out, const char* path, const igsgov_open_options* options) {
  capi::clearError();
  if (!out) return capi::argumentError("out", "is NULL");
  *out = nullptr;
  if (!initialised()) return notInitialised("igsgov_open");
  if (!path) return capi::argumentError("path", "is NULL");
  if (!*path) return capi::argumentError("path", "is leeg");
  if (options)
    if (int rc = checkVersion(options->version, IGSGOV_OPEN_OPTIONS_VERSION, "igsgov_open_options")) return rc;
  bool create = options && options->create;
  igsgov::records::OpenOptions openOptions;
  if (options && options->version >= 2 && options->signing_key) {
    if (!*options->signing_key) return capi::argumentError("options.signing_key", "is leeg (NULL: niet ondertekenen)");
    openOptions.signingKeyFile = options->signing_key;
  }
  return guard("igsgov_open", [&]() -> int {
    auto session = std::make_shared<igsgov::ops::Session>(path, create, openOptions);
    *out = capi::adopt(std::move(session));
    capi::log(IGSGOV_LOG_INFO, std::string(create ? "register created: " : "register opened: ") + path);
    return IGSGOV_OK;
  });
}

void igsgov_close(igsgov_register* reg) {
  if (!reg) return;
  try {
    if (!capi::release(reg)) {
      capi::argumentError("reg", "is geen open register (al gesloten of niet van igsgov_open)");
      return;
    }
    capi::log(IGSGOV_LOG_DEBUG, "register closed");
  } catch (...) {
    // Closing never throws out; a failure to log is not worth reporting.
  }
}

int igsgov_execute(igsgov_buf* out, igsgov_register* reg, const char* operation, const char* json_in,
                   const igsgov_exec_options* options) {
  capi::clearError();
  if (!out) return capi::argumentError("out", "is NULL");
  out->ptr = nullptr;
  out->size = 0;
  if (!initialised()) return notInitialised("igsgov_execute");
  if (!reg) return capi::argumentError("reg", "is NULL");
  if (!operation) return capi::argumentError("operation", "is NULL");
  if (options) {
    if (int rc = checkVersion(options->version, IGSGOV_EXEC_OPTIONS_VERSION, "igsgov_exec_options")) return rc;
    if (options->format != IGSGOV_FORMAT_JSON && options->format != IGSGOV_FORMAT_TEXT)
      return capi::argumentError("options.format", std::to_string(options->format) + " is geen igsgov_format");
  }
  return guard("igsgov_execute", [&]() -> int {
    auto session = capi::acquire(reg);
    if (!session) return capi::argumentError("reg", "is geen open register (al gesloten of niet van igsgov_open)");
    igsgov::ops::Caller caller;
    if (options && options->actor) caller.actor = options->actor;
    if (options && options->role) caller.role = options->role;
    if (options && options->reason) caller.reason = options->reason;
    auto started = std::chrono::steady_clock::now();
    auto input = igsgov::parseJsonObject(json_in && *json_in ? json_in : "{}", "invoer");
    auto result = session->execute(operation, input, caller);
    bool text = options && options->format == IGSGOV_FORMAT_TEXT;
    fill(out, text ? igsgov::ops::Session::renderText(operation, result) : igsgov::toJsonText(result));
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    capi::log(IGSGOV_LOG_DEBUG, std::string("executed ") + operation + " for " + caller.actor + " in " +
                                    std::to_string(us.count()) + " us");
    return IGSGOV_OK;
  });
}

int igsgov_key_generate(igsgov_buf* out, const char* private_key_path) {
  capi::clearError();
  if (!out) return capi::argumentError("out", "is NULL");
  out->ptr = nullptr;
  out->size = 0;
  if (!initialised()) return notInitialised("igsgov_key_generate");
  if (!private_key_path) return capi::argumentError("private_key_path", "is NULL");
  if (!*private_key_path) return capi::argumentError("private_key_path", "is leeg");
  return guard("igsgov_key_generate", [&]() -> int {
    auto key = igsgov::journal::generateKey(private_key_path);
    auto result = igsgov::newObject();
    result->set("private_key", key.privatePath);
    result->set("public_key", key.publicPath);
    result->set("key_id", key.keyId);
    capi::log(IGSGOV_LOG_INFO, "signing key generated: " + key.privatePath + " (key id " + key.keyId + ")");
    return fill(out, igsgov::toJsonText(result));
  });
}

int igsgov_catalogue(igsgov_buf* out) {
  capi::clearError();
  if (!out) return capi::argumentError("out", "is NULL");
  out->ptr = nullptr;
  out->size = 0;
  if (!initialised()) return notInitialised("igsgov_catalogue");
  return guard("igsgov_catalogue",
               [&]() -> int { return fill(out, igsgov::toJsonText(igsgov::ops::catalogue().describe())); });
}

void igsgov_buf_dispose(igsgov_buf* buf) {
  if (!buf) return;
  std::free(buf->ptr);
  buf->ptr = nullptr;
  buf->size = 0;
}

const igsgov_error* igsgov_error_last(void) { return capi::lastError(); }

void igsgov_error_clear(void) { capi::clearError(); }

const char* igsgov_error_name(int code) {
  if (code > 0 || code < IGSGOV_EARGUMENT) return "unknown";
  return igsgov::errorCodeName(static_cast<ErrorCode>(code));
}

}  // extern "C"
