// OidcHttp: the few HTTP(S) requests a relying party makes to its OpenID
// provider (discovery document, JWKS, token endpoint), with Poco::Net.
//
// Only URLs from igsgovd's configuration or from the configured issuer's
// discovery document are fetched, never one from a request. https is
// required, with the system's CA store, the peer's certificate and host name
// verified; plain http only to a loopback host (127.0.0.1, ::1, localhost:
// tests, or a provider on the same machine). Redirects are not followed (a 3xx
// is an error); each request has a time-out for connect, send and receive and
// an answer cap of 1 MiB.
//
// Thread safety: free functions without state (each call opens its own
// connection). Failure: Error(io) with a Dutch message naming the URL (place
// "url") and, when an answer came, the status; a URL that is not allowed:
// Error(invalid).
#pragma once

#include "core/Json.hpp"

#include <string>

namespace igsgov::web {

// Refuses (Error(invalid), place `field`) a URL that is not https or loopback http.
void checkProviderUrl(const std::string& url, const std::string& field);

// GET url, expecting 200 and a JSON object.
JsonObject getJson(const std::string& url, int timeoutSeconds);

// POST a form (application/x-www-form-urlencoded) with HTTP Basic client
// authentication (RFC 6749 §2.3.1); returns the JSON object of a 200 answer.
// Another status: Error(denied) with the provider's "error" code in the message.
JsonObject postForm(const std::string& url, const std::string& form, const std::string& clientId,
                    const std::string& clientSecret, int timeoutSeconds);

// application/x-www-form-urlencoded encoding of one value.
std::string formEncode(const std::string& value);

}  // namespace igsgov::web
