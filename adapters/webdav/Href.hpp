// Href: mapping between RelPaths and the URL paths a WebDAV server uses.
//
//   encodePath(base, rel, dir)  "/dav/" + percent-encoded segments (every byte
//                               outside A-Z a-z 0-9 - . _ ~ is %XX-encoded),
//                               with a trailing '/' when `dir`.
//   decodeStrict(text)          percent-decoding that refuses '%' not followed
//                               by two hex digits, %00, and results that are
//                               not valid UTF-8 (Error(io): the server sent a
//                               bad href). '+' stays '+'.
//   relativeTo(basePath, href)  the RelPath of a server href (absolute URL or
//                               absolute path) under the decoded base path;
//                               an href outside the base is Error(io).
// Pure functions, thread-safe.
#pragma once

#include "adapters/common/RelPath.hpp"

#include <string>
#include <string_view>

namespace igsgov::adapters::webdav {

std::string encodeSegment(std::string_view segment);
std::string encodePath(const std::string& basePath, const RelPath& rel, bool dir);
std::string decodeStrict(std::string_view text);
RelPath relativeTo(const std::string& decodedBasePath, std::string_view href);

}  // namespace igsgov::adapters::webdav
