// Targets: builds a ready Engine for a configured target: the adapter from
// the adapter registry (folder and webdav registered here), the built-in
// sources (governing documents when that area is built in; "directory:<path>"
// entries in the target's "sources" add a local folder) and the inbox sink.
// Thread safety: free functions. Failure: Error(invalid/notFound) from the
// configuration or the adapter factory, naming the target.
#pragma once

#include "sync/Engine.hpp"

namespace igsgov::sync {

std::unique_ptr<Engine> makeEngine(records::Register& reg, const TargetConfig& target);

// The sources this build knows by name ("governance", ...).
std::vector<std::unique_ptr<Source>> builtinSources();
std::unique_ptr<InboxSink> builtinInbox();  // nullptr when no area can take inbox files

#ifdef IGSGOV_SYNC_GOVERNANCE
std::unique_ptr<Source> makeGovernanceSource();
std::unique_ptr<InboxSink> makeGovernanceInbox();
#endif
#ifdef IGSGOV_SYNC_DOCUMENTS
std::unique_ptr<Source> makeDocumentsSource();
#endif

}  // namespace igsgov::sync
