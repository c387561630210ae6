#include "sync/Targets.hpp"

#include "adapters/common/Registry.hpp"
#include "adapters/folder/FolderAdapter.hpp"
#include "adapters/webdav/WebDavAdapter.hpp"
#include "core/Error.hpp"
#include "sync/DirectorySource.hpp"

#include <mutex>

namespace igsgov::sync {

namespace {

adapters::Registry& registry() {
  static adapters::Registry reg;
  static std::once_flag once;
  std::call_once(once, [] {
    adapters::folder::registerFactory(reg);
    adapters::webdav::registerFactory(reg);
  });
  return reg;
}

}  // namespace

std::vector<std::unique_ptr<Source>> builtinSources() {
  std::vector<std::unique_ptr<Source>> out;
  out.push_back(makeGovernanceSource());
  out.push_back(makeDocumentsSource());
  return out;
}

std::unique_ptr<InboxSink> builtinInbox() {
  return makeGovernanceInbox();
}

std::unique_ptr<Engine> makeEngine(records::Register& reg, const TargetConfig& target) {
  std::unique_ptr<adapters::Adapter> adapter;
  try {
    adapter = registry().create(target.adapter);
  } catch (const Error& e) {
    Place p = e.place();
    p.set("part", "doel '" + target.name + "', adapter");
    if (!target.configFile.empty()) p.set("file", target.configFile);
    throw Error(e.errorCode(), e.message(), p);
  }
  auto sources = builtinSources();
  std::vector<std::string> names = target.sources;
  TargetConfig t = target;
  t.sources.clear();
  for (const auto& n : names) {
    if (n.rfind("directory:", 0) == 0) {
      sources.push_back(std::make_unique<DirectorySource>(n.substr(10), n));
      t.sources.push_back(n);
      continue;
    }
    bool known = false;
    for (const auto& s : sources) known = known || s->name() == n;
    if (!known)
      throwInvalid("onbekende bron '" + n + "' (gekend: governance, documents, directory:<map>)",
                   Place().set("file", target.configFile).set("part", "doel '" + target.name + "'").set("field", "'sources'"));
    t.sources.push_back(n);
  }
  std::unique_ptr<InboxSink> inbox = t.inbox.empty() ? nullptr : builtinInbox();
  if (!t.inbox.empty() && !inbox)
    throwInvalid("deze build kan geen inbox verwerken (geen documentbeheer)",
                 Place().set("file", target.configFile).set("part", "doel '" + target.name + "'").set("field", "'inbox'"));
  return std::make_unique<Engine>(reg, std::move(t), std::move(adapter), std::move(sources), std::move(inbox));
}

}  // namespace igsgov::sync
