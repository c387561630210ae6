// Builders for catalogue entries, shared by the files that register
// operations: the name "area.verb" gives the CLI words, the access gives the
// default roles (reads: every role; writes: beheerder, directeur, secretariaat).
#pragma once

#include "ops/Catalogue.hpp"
#include "ops/ResultSchema.hpp"

namespace igsgov::ops {

Operation makeOperation(std::string name, std::string summary, Access access, std::vector<Param> params);
Operation writeOp(std::string name, std::string summary, std::vector<Param> params, WriteFn fn, TextFn text = {});
Operation readOp(std::string name, std::string summary, std::vector<Param> params, ReadFn fn, TextFn text = {});
// A write that opens its own register writes (Operation::run), e.g. one journal entry per sync batch.
Operation runOp(std::string name, std::string summary, std::vector<Param> params, RunFn fn, TextFn text = {});

extern const Param kReasonParam;          // optional reason, recorded in the journal
extern const Param kReasonRequiredParam;  // the same, required (corrections)

}  // namespace igsgov::ops
