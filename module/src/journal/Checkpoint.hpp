// Checkpoint: a statement of the journal's head (seq, record time, hash, key
// id, signature) that an auditor keeps outside the register (`igsgov audit
// head`), to prove later that the register still extends it (`audit verify
// --checkpoint`, Verifier). Its signature is the head entry's own signature
// (entryMessage in journal/Signing.hpp), so taking a checkpoint needs no key,
// and with the public key anyone can tell a genuine checkpoint from an edited one.
//
// Text form, one block per checkpoint. A file may hold several, oldest first:
// append each new one (`igsgov audit head >> controlepunten.txt`).
//
//   igsgov-checkpoint v1
//   seq 42
//   at 2026-11-22T10:00:00.000000Z
//   hash <64 hex>
//   key <32 hex>          ("-" when the entry is not signed)
//   signature <128 hex>   ("-" when the entry is not signed)
//
// Blank lines and lines starting with '#' (notes, e.g. "# raad van bestuur
// 12/3") are ignored. Pure functions, thread-safe. Failure: Error(invalid)
// naming the source and the line.
#pragma once

#include "core/Error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace igsgov::journal {

struct Checkpoint {
  long long seq = 0;
  std::string at;
  std::string hash;
  std::string keyId;      // empty when the entry is not signed
  std::string signature;  // empty when the entry is not signed
  int line = 0;           // where its block starts in the text it was read from
};

std::string formatCheckpoint(const Checkpoint& c);

// Every checkpoint in `text` (at least one). `source` names where the text
// came from (file or field) and gets the line number added on failure.
std::vector<Checkpoint> parseCheckpoints(std::string_view text, const Place& source);

}  // namespace igsgov::journal
