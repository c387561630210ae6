// Identifiers used in Flemish local government and their checks.
//
// KBO ondernemingsnummer: 10 digits, first 0 or 1, last two digits =
// 97 - (first eight mod 97). Accepted as "0123.456.749", "0123456749" or
// "BE 0123.456.749"; normalised to "0123.456.749".
// NIS code: 5 digits (validity against the dated reference list is checked by
// refdata, not here). Record ids: 1-64 characters [A-Za-z0-9._:-].
// Rijksregisternummers must never be stored: looksLikeRijksregisternummer()
// spots one so that input carrying it can be refused.
// URIs the register stores (a person's, a decision's): only http://host…,
// https://host… or urn:nid:nss, without spaces, control characters or the
// characters a URI never holds (<, >, ", {, }, |, \, ^, `); anything else
// (javascript:, data:, file:, a relative path) is refused, since pages and
// documents show these URIs as links. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

namespace igsgov::model {

// The normalised KBO number, or nullopt with `why` set (Dutch).
std::optional<std::string> normaliseKbo(const std::string& text, std::string& why);
bool isNisCode(const std::string& text);
bool isRecordId(const std::string& text);
bool looksLikeRijksregisternummer(const std::string& text);
// Why `text` is not a URI the register may store (Dutch, without the field:
// the caller's Place names it), or nullopt when it may.
std::optional<std::string> registerUriProblem(const std::string& text);

}  // namespace igsgov::model
