// DigestEtag: the ETag a server with content-digest etags (Apache
// "FileETag Digest") gives a file: "\"" + base64(SHA-1 of the bytes) + "\"".
// The WebDAV adapter detects such a server at connect (the probe's etag equals
// digestEtag of the probe's bytes) and then knows the etag of what it uploaded
// without asking the server to re-read and hash the file.
// DigestEtagBuilder computes it piece by piece, for uploads streamed from a file.
// Thread safety: digestEtag is a pure function; a builder belongs to one thread.
// Failure: Error(internal) if OpenSSL fails.
#pragma once

#include <string>
#include <string_view>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace igsgov::adapters::webdav {

class DigestEtagBuilder {
public:
  DigestEtagBuilder();
  ~DigestEtagBuilder();
  DigestEtagBuilder(const DigestEtagBuilder&) = delete;
  DigestEtagBuilder& operator=(const DigestEtagBuilder&) = delete;

  void update(std::string_view bytes);
  std::string finish();  // the quoted etag; the builder must not be used afterwards

private:
  EVP_MD_CTX* ctx_;
};

std::string digestEtag(std::string_view bytes);

}  // namespace igsgov::adapters::webdav
