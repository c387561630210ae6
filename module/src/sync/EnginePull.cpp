// Engine::pull: the inbox half of a run (see Inbox.hpp and Engine.hpp).
#include "sync/Engine.hpp"

#include "adapters/common/RelPath.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"

namespace igsgov::sync {

namespace {

std::vector<adapters::Entry> listOrEmpty(adapters::Adapter& a, const std::string& dir) {
  try {
    return a.list(dir);
  } catch (const Error& e) {
    if (e.errorCode() == ErrorCode::notFound) return {};
    throw;
  }
}

}  // namespace

void Engine::pull(const RunOptions& options, const std::string& runId, JsonObject out) {
  std::map<std::string, PathState> states;
  reg_.read([&](store::Database& db) {
    states = loadStates(db, target_.name);
    return JsonObject();
  });
  auto pulled = newArray();
  auto problems = out->has("problems") ? out->getArray("problems") : newArray();
  const std::string inboxRemote = remotePath(target_.inbox);
  auto relOf = [&](const std::string& adapterPath) {
    return prefix_.empty() ? adapterPath : adapterPath.substr(prefix_.size());
  };
  for (const auto& igsDir : listOrEmpty(*adapter_, inboxRemote)) {
    if (!igsDir.isDir) continue;
    for (const auto& kindDir : listOrEmpty(*adapter_, igsDir.path)) {
      if (!kindDir.isDir) continue;
      for (const auto& f : listOrEmpty(*adapter_, kindDir.path)) {
        if (f.isDir) continue;
        std::string path = relOf(f.path);
        auto sit = states.find(path);
        const PathState* s = sit == states.end() ? nullptr : &sit->second;
        if (s && knownRemoteHash(f, s) == s->sha256) continue;  // unchanged (hash or strong etag)
        try {
          std::string bytes = adapter_->get(f.path);
          std::string sha = sha256Hex(bytes);
          InboxFile file{path.substr(target_.inbox.size() + 1), igsDir.name, kindDir.name, f.name, sha, &bytes};
          reg_.write({options.actor, "sync.pull", options.reason}, newObject(), [&](records::Writer& w) {
            PathState next;
            next.path = path;
            next.kind = "pull";
            next.etag = f.etag;
            next.sha256 = sha;
            next.size = bytes.size();
            next.runId = runId;
            auto in = newObject();
            in->set("target", target_.name);
            in->set("run", runId);
            in->set("path", path);
            in->set("sha256", sha);
            bool created = false;
            if (s && s->sha256 == sha) {
              next.item = s->item;  // only the etag changed
              next.version = s->version;
            } else {
              Imported imp = inbox_->import(w, file);
              next.item = imp.item;
              next.version = imp.version;
              created = imp.created;
            }
            in->set("item", next.item);
            in->set("created", created);
            w.setJournalInput(in);
            putState(w, target_.name, s, next);
            auto p = newObject();
            p->set("path", path);
            p->set("item", next.item);
            p->set("new_version", created);
            pulled->add(p);
            return JsonObject();
          });
        } catch (const Error& e) {
          if (e.errorCode() == ErrorCode::denied) critical(runId, e, options);
          auto p = newObject();
          p->set("path", path);
          p->set("action", "pull");
          p->set("message", std::string(e.what()));
          problems->add(p);
        }
      }
    }
  }
  out->set("pulled", pulled);
  out->set("problems", problems);
}

}  // namespace igsgov::sync
