#include "capi/LastError.hpp"

#include "core/Json.hpp"

namespace igsgov::capi {
namespace {

struct LastError {
  std::string message;
  std::string detail = "{}";
  igsgov_error view{0, "", "{}"};
};
thread_local LastError t_last;

// Builds the detail without Poco, for when memory is short.
int setPlain(int code, const char* message, const char* detail) {
  try {
    t_last.message = message;
    t_last.detail = detail;
    t_last.view = {code, t_last.message.c_str(), t_last.detail.c_str()};
  } catch (...) {
    t_last.view = {code, "onvoldoende geheugen", "{}"};
  }
  return code;
}

}  // namespace

int setError(const Error& e) {
  try {
    t_last.message = e.fullText();
    t_last.detail = canonicalJson(e.toJson());
    t_last.view = {e.code(), t_last.message.c_str(), t_last.detail.c_str()};
    return e.code();
  } catch (...) {
    return setPlain(e.code(), "onvoldoende geheugen",
                    "{\"code\":\"generic\",\"message\":\"onvoldoende geheugen\",\"number\":-1,\"place\":{}}");
  }
}

int setError(ErrorCode code, const std::string& message, Place place) {
  try {
    return setError(Error(code, message, std::move(place)));
  } catch (...) {
    return setPlain(static_cast<int>(code), "onvoldoende geheugen", "{}");
  }
}

int argumentError(const std::string& argument, const std::string& problem) {
  return setError(ErrorCode::argument, "ongeldig argument '" + argument + "': " + problem,
                  Place().set("argument", argument));
}

void clearError() {
  t_last.message.clear();
  t_last.detail = "{}";
  t_last.view = {0, t_last.message.c_str(), t_last.detail.c_str()};
}

const igsgov_error* lastError() { return &t_last.view; }

}  // namespace igsgov::capi
