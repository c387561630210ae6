// Proposals: designations read from a SPARQL source (LBLOD, adapters/sparql)
// kept in the register as proposals (table sparql_proposal) until a user
// accepts or rejects them. The bodies of sparql.proposals, sparql.list,
// sparql.accept and sparql.reject.
//
//   fetchProposals  reads the named source ("source": a name in the SPARQL
//                   configuration, "config" or $IGSGOV_SPARQL_CONFIG or
//                   sparql.json beside the register; never a URL from the
//                   caller) over the network first, outside any transaction,
//                   then stores the result in one Register::write (journal
//                   input: source name, endpoint URL, filters). A source that
//                   does not answer fails after its timeout_s, changing nothing
//                   and blocking no other writer.
//   storeProposals  stores every proposal of a proposalsOperation result as
//                   'pending' (id "lblod-" + 16 hex of SHA-256 of the mandataris
//                   URI). Re-reading is idempotent: an unchanged proposal is not
//                   written again; a changed pending one gets a new version; a
//                   decided one is left alone and reported as changed.
//   acceptProposal  turns a pending proposal into a mandate (records
//                   mandateAppoint), creating the person first when the
//                   register has none with the proposal's person URI, and marks
//                   the proposal accepted: one write, one journal entry.
//                   Needs the register's body id (LBLOD orgaan URIs are not
//                   register ids); the member is taken from "member" or found
//                   from the designating gemeente's name among the body's
//                   cooperation's members.
//   rejectProposal  marks it rejected with the reason.
// Thread safety: as the Register (fetchProposals holds no lock while it reads
// the network). Failure: Error with a Dutch message naming the proposal and
// field; nothing is written then.
#pragma once

#include "records/Register.hpp"

namespace igsgov::sync {

JsonObject fetchProposals(records::Register& reg, const JsonObject& in, const records::WriteInfo& info);
JsonObject storeProposals(records::Writer& w, const JsonObject& result);
JsonObject listProposals(store::Database& db, const JsonObject& in);
JsonObject acceptProposal(records::Writer& w, const JsonObject& in);
JsonObject rejectProposal(records::Writer& w, const JsonObject& in);

std::string proposalId(const std::string& sourceUri);
std::string proposalsText(const JsonObject& out);

}  // namespace igsgov::sync
