// The C ABI (module/include/igsgov/igsgov.h): one guard maps every C++
// exception to a code and the thread's last error.
#include "igsgov/igsgov.h"

#include "capi/Logging.hpp"
#include "core/Error.hpp"
#include "ops/Session.hpp"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>

struct igsgov_register {
  std::unique_ptr<igsgov::ops::Session> session;
};

namespace {

std::atomic<int> g_initCount{0};

struct LastError {
  int code = 0;
  std::string message;
  std::string detail;
  igsgov_error view{0, "", "{}"};
};
thread_local LastError t_last;

int setError(int code, const std::string& message, const std::string& detail) {
  t_last.code = code;
  t_last.message = message;
  t_last.detail = detail;
  t_last.view = {code, t_last.message.c_str(), t_last.detail.c_str()};
  return code;
}

void clearError() { setError(0, "", "{}"); }

int fromError(const igsgov::Error& e) {
  return setError(e.code(), e.fullText(), igsgov::canonicalJson(e.toJson()));
}

template <class F>
int guard(F fn) {
  clearError();
  try {
    return fn();
  } catch (const igsgov::Error& e) {
    igsgov::capi::log(3, e.fullText());
    return fromError(e);
  } catch (const std::bad_alloc&) {
    return setError(IGSGOV_EGENERIC, "onvoldoende geheugen", "{}");
  } catch (const Poco::Exception& e) {
    igsgov::Error err(igsgov::ErrorCode::generic, "onverwachte fout: " + e.displayText());
    return fromError(err);
  } catch (const std::exception& e) {
    igsgov::Error err(igsgov::ErrorCode::internal, std::string("interne fout: ") + e.what());
    return fromError(err);
  } catch (...) {
    return setError(IGSGOV_EINTERNAL, "interne fout", "{}");
  }
}

int argError(const char* what) {
  return setError(IGSGOV_EARGUMENT, std::string("ongeldig argument: ") + what,
                  std::string("{\"code\":\"argument\",\"number\":-11,\"message\":\"") + what + "\",\"place\":{}}");
}

int fill(igsgov_buf* out, const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) return setError(IGSGOV_EGENERIC, "onvoldoende geheugen", "{}");
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  out->ptr = p;
  out->size = s.size();
  return IGSGOV_OK;
}

}  // namespace

extern "C" {

int igsgov_init(void) {
  g_initCount.fetch_add(1);
  return IGSGOV_OK;
}

int igsgov_shutdown(void) {
  int before = g_initCount.load();
  if (before <= 0) return argError("igsgov_shutdown zonder igsgov_init");
  if (g_initCount.fetch_sub(1) == 1) igsgov::capi::setLogCallback(nullptr, nullptr, 0);
  return IGSGOV_OK;
}

int igsgov_version_number(void) { return IGSGOV_VERSION_NUMBER; }

const char* igsgov_version_string(void) { return "0.1.0"; }

int igsgov_log_set_callback(igsgov_log_fn fn, void* userdata, int min_level) {
  return guard([&] {
    igsgov::capi::setLogCallback(fn, userdata, min_level);
    return IGSGOV_OK;
  });
}

int igsgov_open(igsgov_register** out, const char* path, const igsgov_open_options* options) {
  if (!out) return argError("out is NULL");
  *out = nullptr;
  if (!path || !*path) return argError("path is leeg");
  if (options && options->version != IGSGOV_OPEN_OPTIONS_VERSION) return argError("onbekende versie van igsgov_open_options");
  bool create = options && options->create;
  return guard([&] {
    auto reg = std::make_unique<igsgov_register>();
    reg->session = std::make_unique<igsgov::ops::Session>(path, create);
    igsgov::capi::log(2, std::string(create ? "register aangemaakt: " : "register geopend: ") + path);
    *out = reg.release();
    return IGSGOV_OK;
  });
}

void igsgov_close(igsgov_register* reg) { delete reg; }

int igsgov_execute(igsgov_buf* out, igsgov_register* reg, const char* operation, const char* json_in,
                   const igsgov_exec_options* options) {
  if (!out) return argError("out is NULL");
  out->ptr = nullptr;
  out->size = 0;
  if (!reg || !reg->session) return argError("register is NULL");
  if (!operation) return argError("operation is NULL");
  if (options && options->version != IGSGOV_EXEC_OPTIONS_VERSION) return argError("onbekende versie van igsgov_exec_options");
  return guard([&] {
    igsgov::ops::Caller caller;
    if (options && options->actor) caller.actor = options->actor;
    if (options && options->role) caller.role = options->role;
    if (options && options->reason) caller.reason = options->reason;
    auto input = igsgov::parseJsonObject(json_in && *json_in ? json_in : "{}", "invoer");
    auto result = reg->session->execute(operation, input, caller);
    igsgov::capi::log(1, std::string("operatie uitgevoerd: ") + operation + " door " + caller.actor);
    bool text = options && options->format == IGSGOV_FORMAT_TEXT;
    return fill(out, text ? igsgov::ops::Session::renderText(operation, result) : igsgov::toJsonText(result));
  });
}

int igsgov_catalogue(igsgov_buf* out) {
  if (!out) return argError("out is NULL");
  out->ptr = nullptr;
  out->size = 0;
  return guard([&] { return fill(out, igsgov::toJsonText(igsgov::ops::catalogue().describe())); });
}

void igsgov_buf_dispose(igsgov_buf* buf) {
  if (!buf) return;
  std::free(buf->ptr);
  buf->ptr = nullptr;
  buf->size = 0;
}

const igsgov_error* igsgov_error_last(void) { return &t_last.view; }

}  // extern "C"
