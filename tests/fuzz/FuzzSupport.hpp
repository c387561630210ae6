// What every fuzz target (tests/fuzz/targets/*.cpp) shares: the rule for
// what counts as a finding, and a temporary folder.
//
// A target feeds its input to one part of igsgov. Bad input must end in an
// igsgov::Error with a Dutch message and a code other than `internal` or
// `generic` (docs/dev/fuzzing.md): refuse() runs the code under test and
// returns normally for such an Error. Anything else that escapes (another
// exception type, an Error without message, an internal error) is a finding:
// finding() prints it and aborts, so libFuzzer keeps the input as a crash and
// the replay test (Replay.cpp) fails on it. Crashes, sanitizer reports,
// timeouts and running out of memory are findings by themselves.
//
// Thread safety: refuse() and finding() are pure; a TempDir belongs to one
// target (made once, in its set-up). Only test code: never linked into igsgov.
#pragma once

#include "core/Error.hpp"
#include "core/TextRules.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#ifndef IGSGOV_SOURCE_DIR
#error "IGSGOV_SOURCE_DIR must name the source tree (set by tests/fuzz/CMakeLists.txt)"
#endif

namespace igsgov::fuzz {

[[noreturn]] inline void finding(const std::string& what) {
  std::fprintf(stderr, "\n=== igsgov fuzz finding: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void require(bool ok, const std::string& what) {
  if (!ok) finding(what);
}

// Runs fn(); an igsgov::Error that refuses bad input cleanly is the expected
// end, anything else is a finding. Returns true when fn() returned normally.
template <class F>
bool refuse(const char* what, F&& fn) {
  try {
    fn();
    return true;
  } catch (const Error& e) {
    if (e.errorCode() == ErrorCode::internal || e.errorCode() == ErrorCode::generic)
      finding(std::string(what) + ": " + errorCodeName(e.errorCode()) + " error for bad input: " + e.fullText());
    if (e.message().empty()) finding(std::string(what) + ": an Error without message");
    return false;
  } catch (const Poco::Exception& e) {
    finding(std::string(what) + ": " + e.className() + " escaped: " + e.displayText());
  } catch (const std::exception& e) {
    finding(std::string(what) + ": std::exception escaped: " + e.what());
  } catch (...) {
    finding(std::string(what) + ": unknown exception escaped");
  }
}

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// True when `s` is well-formed UTF-8 (core/TextRules.hpp's decoder).
inline bool validUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = decodeUtf8(s, i);
    if (c.length == 0) return false;
    i += c.length;
  }
  return true;
}

// A fresh folder under $TMPDIR (or /tmp), removed when the object goes.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

private:
  std::string path_;
};

// Writes bytes to a file (replacing it); aborts when it cannot.
void writeFile(const std::string& path, std::string_view bytes);
std::string readFile(const std::string& path);

}  // namespace igsgov::fuzz
