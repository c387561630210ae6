// Engine::execute: carries out a plan, one batch at a time (docs/dev/sync.md, "Executing a
// plan"). A batch is a short sequence of named steps:
//   recordIntents  write-ahead: one journal entry naming every upload to a path of its own;
//   upload         folders, then every transfer of the batch in parallel (putMany);
//   removeFiles    the deletions, unless the run stopped;
//   setPropertiesInPlace  properties of files nothing is uploaded to (adopted documents, the
//                  target's own file at a path in conflict), unless the run stopped;
//   recordBatch    ONE journal entry recording exactly the actions that were carried out.
// An action the batch did not carry out (the run stopped first) is left out of that entry:
// its path keeps its state, so the next run plans it again. An error that stops the run (io)
// is raised by `finish` once the batch that met it is recorded.
#include "sync/Engine.hpp"

#include "core/Error.hpp"
#include "sync/EngineSupport.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ostream>

namespace igsgov::sync {

namespace {

using Clock = std::chrono::steady_clock;

// Transfers per batch: a batch ends once this many bytes are in it.
constexpr std::uint64_t kBatchBytes = std::uint64_t{512} << 20;

// An upload to the action's own path (every upload: conflict copies are paths of their own).
bool writesPath(const Action& a) { return a.transfers(); }

bool isCritical(ErrorCode c) {
  return c == ErrorCode::denied || c == ErrorCode::integrity || c == ErrorCode::invalid ||
         c == ErrorCode::unsupported || c == ErrorCode::internal;
}

std::string concurrentChange(const Error& e) {
  return std::string("overgeslagen: gelijktijdig gewijzigd op het doel (") + e.what() + ")";
}

struct Progress {
  std::ostream* out;
  std::string target;
  std::size_t total;
  Clock::time_point start = Clock::now();
  Clock::time_point last{};
  void update(std::size_t done, bool final = false) {
    if (!out || total < 20) return;
    auto now = Clock::now();
    if (!final && now - last < std::chrono::milliseconds(500)) return;
    last = now;
    double secs = std::chrono::duration<double>(now - start).count();
    *out << "\rsync " << target << ": " << done << "/" << total << " acties (" << (done * 100 / total) << "%, "
         << static_cast<long long>(secs) << " s)" << (final ? "\n" : "") << std::flush;
  }
};

}  // namespace

// What one run's execution carries from batch to batch.
struct Engine::Execution {
  Execution(const RunOptions& o, std::string id) : options(o), runId(std::move(id)) {}
  const RunOptions& options;
  std::string runId;
  bool propertiesSupported = false;  // the adapter keeps properties (asked only when the plan has some)
  std::set<std::string> knownDirs;   // folders that exist on the target
  JsonArray problems = newArray();
  JsonArray conflicts = newArray();
  JsonArray warnings = newArray();
  long long done = 0, conflictCount = 0, skipped = 0;
  std::optional<Error> stopError;    // the run stops once the current batch is recorded
};

// plan[from, to) and what became of its actions.
struct Engine::Batch {
  std::size_t from = 0, to = 0;
  int number = 0;
  std::map<std::size_t, adapters::Entry> written;  // uploads that landed (plan index -> entry)
  std::set<std::size_t> removed;                   // deletions done (or the file was gone already)
  std::map<std::size_t, std::string> skipped;      // not done, with the reason (reported as problems)
  bool propertiesSet = false;                      // adopted documents got their properties

  // `a` (at plan index k) was carried out: recording it tells the truth.
  bool carriedOut(const Action& a, std::size_t k, bool propertiesSupported) const {
    if (skipped.count(k)) return false;
    switch (a.type) {
      case ActionType::create:
      case ActionType::update:
      case ActionType::restore:
        return written.count(k) > 0;
      case ActionType::remove:
        return removed.count(k) > 0;
      case ActionType::adopt:
      case ActionType::conflict:
      case ActionType::remoteChanged:
        // Nothing to transfer; properties to set where the adapter keeps them.
        return propertiesSet || !propertiesSupported || !carriesProperties(a);
      case ActionType::forget:
        return true;  // nothing to do on the target
    }
    return false;
  }
};

JsonObject Engine::execute(std::vector<Action>& plan, const RunOptions& options, const std::string& runId, JsonObject out) {
  Execution x(options, runId);
  if (std::any_of(plan.begin(), plan.end(), carriesProperties)) {
    try {
      x.propertiesSupported = adapter_->capabilities().properties;
    } catch (const Error&) {
      // The uploads will report the adapter's trouble themselves.
    }
  }
  Progress progress{options.progress, target_.name, plan.size()};
  int number = 0;
  for (std::size_t from = 0; from < plan.size() && !x.stopError;) {
    Batch b;
    b.from = from;
    b.to = batchEnd(plan, from);
    b.number = ++number;
    recordIntents(x, plan, b);
    upload(x, plan, b);
    removeFiles(x, plan, b);
    if (x.propertiesSupported && !x.stopError) {
      setPropertiesInPlace(plan.begin() + b.from, plan.begin() + b.to, x.warnings);
      b.propertiesSet = true;
    }
    recordBatch(x, plan, b);
    from = b.to;
    progress.update(from, from >= plan.size() || x.stopError.has_value());
  }
  return finish(x, plan.size(), out);
}

std::size_t Engine::batchEnd(const std::vector<Action>& plan, std::size_t from) const {
  // At most `batch` actions and ~kBatchBytes of transfers (the content is read by the
  // uploads themselves, so this bounds the work between two journal entries, not memory).
  std::size_t end = from;
  std::uint64_t bytes = 0;
  while (end < plan.size() && static_cast<long long>(end - from) < target_.batch && bytes < kBatchBytes) {
    if (plan[end].transfers() && plan[end].desired) bytes += plan[end].desired->size;
    ++end;
  }
  return end;
}

void Engine::recordIntents(Execution& x, const std::vector<Action>& plan, const Batch& b) {
  if (std::none_of(plan.begin() + b.from, plan.begin() + b.to, writesPath)) return;
  reg_.write({x.options.actor, "sync.run", x.options.reason}, newObject(), [&](records::Writer& w) {
    auto in = newObject();
    in->set("target", target_.name);
    in->set("run", x.runId);
    in->set("batch", b.number);
    auto intents = newArray();
    for (std::size_t k = b.from; k < b.to; ++k) {
      if (!writesPath(plan[k])) continue;
      const Desired& d = *plan[k].desired;
      putIntent(w, target_.name, Intent{FileFacts(d), 0}, x.runId);
      auto one = newArray();
      one->add(d.path);
      one->add(d.sha256);
      intents->add(one);
    }
    in->set("intents", intents);
    w.setJournalInput(in);
    return JsonObject();
  });
}

void Engine::upload(Execution& x, const std::vector<Action>& plan, Batch& b) {
  std::vector<adapters::PutItem> puts;
  std::vector<std::size_t> index;
  for (std::size_t k = b.from; k < b.to; ++k) {
    const Action& a = plan[k];
    if (!a.transfers()) continue;
    std::string dir = parentOf(a.path);
    if (!x.knownDirs.count(dir)) {
      try {
        if (!remotePath(dir).empty()) adapter_->mkdirs(remotePath(dir));
        x.knownDirs.insert(dir);
      } catch (const Error& e) {
        if (isCritical(e.errorCode())) critical(x.runId, e, x.options);
        x.stopError = e;  // no transfer of this batch is attempted
        return;
      }
    }
    adapters::Precondition pre = adapters::Precondition::createOnly();
    if (a.type == ActionType::update) pre = adapters::Precondition::ifMatch(a.remote->etag, a.remoteSha);
    // Properties on every uploaded document, set by the upload's own worker (idempotent).
    std::map<std::string, std::string> props;
    if (x.propertiesSupported) props = propertiesWritten(a);
    puts.push_back({remotePath(a.path), contentOf(*a.desired), pre, std::move(props)});
    index.push_back(k);
  }
  if (puts.empty()) return;
  auto outcomes = adapter_->putMany(puts);
  for (std::size_t n = 0; n < outcomes.size(); ++n) {
    const std::size_t k = index[n];
    if (outcomes[n].ok()) {
      b.written[k] = *outcomes[n].entry;
      if (outcomes[n].propertiesError) x.warnings->add(propertiesWarning(plan[k].path, *outcomes[n].propertiesError));
      continue;
    }
    const Error& e = *outcomes[n].error;
    const Desired& d = *plan[k].desired;
    if (!d.file.empty() && (e.errorCode() == ErrorCode::integrity || !std::filesystem::exists(d.file))) {
      // A local file edited or removed after it was listed: the adapter stored nothing
      // (Content.hpp); the next run lists what is there now. Not the target's fault: no lock.
      b.skipped[k] = std::string("overgeslagen: het bestand ") +
                     (e.errorCode() == ErrorCode::integrity ? "werd gewijzigd" : "verdween") + " tijdens de sync (" +
                     e.what() + ")";
      continue;
    }
    if (isCritical(e.errorCode())) critical(x.runId, e, x.options);
    if (e.errorCode() == ErrorCode::conflict || e.errorCode() == ErrorCode::notFound) {
      b.skipped[k] = concurrentChange(e);
    } else {
      b.skipped[k] = e.what();
      if (!x.stopError) x.stopError = e;
    }
  }
}

void Engine::removeFiles(Execution& x, const std::vector<Action>& plan, Batch& b) {
  for (std::size_t k = b.from; k < b.to && !x.stopError; ++k) {
    const Action& a = plan[k];
    if (a.type != ActionType::remove) continue;
    try {
      adapter_->remove(remotePath(a.path), adapters::Precondition::ifMatch(a.remote->etag, a.remoteSha));
      b.removed.insert(k);
    } catch (const Error& e) {
      if (isCritical(e.errorCode())) critical(x.runId, e, x.options);
      if (e.errorCode() == ErrorCode::notFound) {
        b.removed.insert(k);  // gone already: what the deletion wanted
      } else if (e.errorCode() == ErrorCode::conflict) {
        b.skipped[k] = concurrentChange(e);
      } else {
        b.skipped[k] = e.what();
        x.stopError = e;
      }
    }
  }
}

void Engine::recordBatch(Execution& x, const std::vector<Action>& plan, const Batch& b) {
  reg_.write({x.options.actor, "sync.run", x.options.reason}, newObject(), [&](records::Writer& w) {
    auto in = newObject();
    in->set("target", target_.name);
    in->set("run", x.runId);
    in->set("batch", b.number);
    auto acts = newArray();
    for (std::size_t k = b.from; k < b.to; ++k) {
      const Action& a = plan[k];
      if (auto s = b.skipped.find(k); s != b.skipped.end()) {
        ++x.skipped;
        auto p = newObject();
        p->set("path", a.path);
        p->set("action", actionName(a.type));
        p->set("message", s->second);
        x.problems->add(p);
        continue;
      }
      if (!b.carriedOut(a, k, x.propertiesSupported)) continue;  // the run stopped first: planned again next run
      auto act = newArray();
      act->add(actionName(a.type));
      act->add(a.path);
      if (a.desired) act->add(a.desired->sha256);
      acts->add(act);
      const PathState* prev = a.base ? &*a.base : nullptr;
      if (writesPath(a) || (prev && prev->unrecorded)) closeIntent(w, target_.name, a.path);
      auto written = b.written.find(k);
      auto next = stateAfter(a, written == b.written.end() ? nullptr : &written->second, x.runId);
      if (next) putState(w, target_.name, prev, *next);
      else if (prev) dropState(w, *prev);
      if (next && next->status != "synced") {
        auto cj = newObject();
        cj->set("path", a.path);
        cj->set("kind", next->status);
        if (!next->conflictPath.empty()) cj->set("ours", next->conflictPath);
        x.conflicts->add(cj);
        ++x.conflictCount;
      }
      ++x.done;
    }
    in->set("actions", acts);
    w.setJournalInput(in);
    bool last = b.to >= plan.size() || x.stopError.has_value();
    runUpdate(w, x.runId, last ? (x.stopError ? "failed" : "done") : "running", x.done, x.conflictCount,
              x.stopError ? std::string(x.stopError->what()) : "");
    return JsonObject();
  });
}

JsonObject Engine::finish(const Execution& x, std::size_t planned, JsonObject out) {
  out->set("done", x.done);
  out->set("skipped", x.skipped);
  out->set("conflicts", x.conflicts);
  out->set("problems", x.problems);
  out->set("warnings", x.warnings);
  if (x.stopError) {
    Place p = x.stopError->place();
    p.set("part", "doel '" + target_.name + "'");
    throw Error(x.stopError->errorCode(),
                "sync onderbroken na " + std::to_string(x.done) + " van " + std::to_string(planned) +
                    " acties (wat lukte is vastgelegd; voer de sync opnieuw uit om verder te gaan): " +
                    x.stopError->message(),
                p);
  }
  return out;
}

void Engine::setPropertiesInPlace(std::vector<Action>::const_iterator from, std::vector<Action>::const_iterator to,
                                  JsonArray warnings) {
  for (auto a = from; a != to; ++a) {
    if (a->transfers()) continue;  // set by the upload's own worker
    auto props = propertiesWritten(*a);
    if (props.empty()) continue;
    try {
      adapter_->setProperties(remotePath(a->path), props);
    } catch (const Error& e) {
      warnings->add(propertiesWarning(a->path, e));
    }
  }
}

}  // namespace igsgov::sync
