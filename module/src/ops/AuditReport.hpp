// The result of journal::verify for people and programs, shared by
// audit.verify and the evidence pack (audit.pack).
//
//   throwNotIntact    Error(integrity) naming the first problem's place
//                     (journaalregel, tabel, rij, kolom) and how many more.
//   verifyReportJson  the report of an intact register as audit.verify's output.
//   verifyText        that output as Dutch sentences.
// Pure functions; thread-safe.
#pragma once

#include "core/Json.hpp"
#include "journal/Verifier.hpp"

#include <string>

namespace igsgov::ops {

[[noreturn]] void throwNotIntact(const journal::VerifyReport& report);
JsonObject verifyReportJson(const journal::VerifyReport& report, long long checkpoints);
std::string verifyText(const JsonObject& out);

}  // namespace igsgov::ops
