// RelPath: a path inside an adapter's root, validated and normalised.
//
// Contract:
//   - A RelPath is relative, '/'-separated, has no empty, "." or ".." segment,
//     no leading or trailing '/', no NUL or other control character, no
//     backslash, and is valid UTF-8. The root itself is the empty path "".
//   - parse() accepts a few harmless spellings and normalises them
//     ("a//b/" -> "a/b", "./a" -> "a"); everything that could escape the root
//     or means something else on another system ("..", "/abs", "a\\..\\b",
//     "C:x" style drive prefixes, NUL) is refused with Error(invalid) whose
//     place names the path.
//   - Names are kept byte for byte (no Unicode normalisation here: see Names.hpp).
// Thread safety: a value type; const use from many threads is safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace igsgov::adapters {

class RelPath {
public:
  RelPath() = default;  // the root

  // Validates and normalises; throws Error(invalid) naming the path on refusal.
  static RelPath parse(std::string_view text);

  const std::string& str() const { return path_; }
  bool isRoot() const { return path_.empty(); }
  std::vector<std::string> segments() const;
  std::string name() const;   // last segment; "" for the root
  RelPath parent() const;     // the root's parent is the root
  // Appends one validated segment (a name, not a path); throws Error(invalid).
  RelPath child(std::string_view name) const;

  bool operator==(const RelPath& o) const { return path_ == o.path_; }
  bool operator<(const RelPath& o) const { return path_ < o.path_; }

private:
  explicit RelPath(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

// Names starting with ".igsgov-" are reserved for adapters' temporary files.
bool isReservedName(std::string_view name);
// Throws Error(invalid) if a segment of `path` is reserved.
void refuseReserved(const RelPath& path);

// Throws Error(invalid) when `name` is not a valid single path segment.
void validateSegment(std::string_view name, std::string_view wholePath);

}  // namespace igsgov::adapters
