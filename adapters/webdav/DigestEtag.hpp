// DigestEtag: the ETag a server with content-digest etags (Apache
// "FileETag Digest") gives a file: "\"" + base64(SHA-1 of the bytes) + "\"".
// The WebDAV adapter detects such a server at connect (the probe's etag equals
// digestEtag of the probe's bytes) and then knows the etag of what it uploaded
// without asking the server to re-read and hash the file.
// Thread safety: pure function. Failure: Error(internal) if OpenSSL fails.
#pragma once

#include <string>
#include <string_view>

namespace igsgov::adapters::webdav {

std::string digestEtag(std::string_view bytes);

}  // namespace igsgov::adapters::webdav
