// The entity specs of the governance tables (0002_governance.sql) and small
// read helpers that honour record time: `knownAt` empty means "what the
// register knows now", otherwise the versions the register knew at that
// record time (EntityTable::knownAt per id). Not thread-safe (Register lock).
#pragma once

#include "records/EntityTable.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::governance {

const records::EntitySpec& documentSpec();  // gov_document: cooperation, kind, title
const records::EntitySpec& versionSpec();   // gov_version: document, label, file_sha256, file_name, added_by, status, submitted, effective_from, valid_until
const records::EntitySpec& approvalSpec();  // gov_approval: version_id, member, council, date, outcome, decision_ref, decision_uri
const records::EntitySpec& ruleSpec();      // gov_rule: cooperation, document_kind, rule

using KnownAt = std::optional<std::string>;

std::optional<records::Version> versionOf(store::Database& db, const records::EntitySpec& spec, const std::string& id,
                                          const KnownAt& knownAt);
// Every entity of `spec` whose `column` equals `value`, as known at knownAt, ordered by id.
std::vector<records::Version> allWhere(store::Database& db, const records::EntitySpec& spec, const std::string& column,
                                       const std::string& value, const KnownAt& knownAt);

std::string text(const records::Version& v, const std::string& field);  // "" when absent

// Every version of every document of `kind` (e.g. "statuten") of a cooperation,
// as known at knownAt, ordered by document id then version id.
std::vector<records::Version> documentVersions(store::Database& db, const std::string& cooperationId,
                                               const std::string& kind, const KnownAt& knownAt = {});

// The journal actor that wrote a row (who added / changed it).
std::string journalActor(store::Database& db, long long jseq);

}  // namespace igsgov::governance
