// PackReadme: LEESMIJ.txt, the Dutch text inside every evidence pack that
// tells an auditor what the pack holds and how to check it by hand with
// sha256sum and openssl, without igsgov. `summary` is the pack's pakket.json
// (cooperation, period, made_at, journal_intact, signed, ...).
// Pure function; thread-safe.
#pragma once

#include "core/Json.hpp"

#include <string>

namespace igsgov::evidence {

std::string packReadme(const JsonObject& summary);

}  // namespace igsgov::evidence
