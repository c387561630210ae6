// Targets: builds a ready Engine for a configured target: the adapter from
// the adapter registry (folder and webdav registered here), the built-in
// sources (governing documents and generated documents; "directory:<path>"
// entries in the target's "sources" add a local folder) and the inbox sink.
// Thread safety: free functions. Failure: Error(invalid/notFound) from the
// configuration or the adapter factory, naming the target.
#pragma once

#include "sync/Engine.hpp"

namespace igsgov::sync {

std::unique_ptr<Engine> makeEngine(records::Register& reg, const TargetConfig& target);

// The sources known by name ("governance", "documents").
std::vector<std::unique_ptr<Source>> builtinSources();
std::unique_ptr<InboxSink> builtinInbox();  // governance takes the inbox's files

std::unique_ptr<Source> makeGovernanceSource();
std::unique_ptr<InboxSink> makeGovernanceInbox();
std::unique_ptr<Source> makeDocumentsSource();

}  // namespace igsgov::sync
