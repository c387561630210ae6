// igsgovd's worker pool: `threads` threads, each taking one connection whose
// request header is complete, serving exactly that request (Exchange.hpp) and
// handing the connection back with the outcome. Idle and half-sent
// connections never reach a worker: the gate (Gate.hpp) holds them.
//
// Requests wait in a queue of at most `maxQueued`; offer() refuses when it is
// full, and the gate answers 503 instead of queueing without end.
//
// Thread safety: offer() from the gate thread, finish()/join() from the main
// thread; the queue is under one mutex. Ownership: the pool never owns a
// connection; `done` gets each one back exactly once, from a worker thread.
#pragma once

#include "Connection.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace igsgov::httpd {

enum class Outcome {
  keepAlive,  // the answer is complete and the connection may carry the next request
  close,      // answered; close the connection (lingering, so the answer arrives)
  abort,      // the connection is broken; close it at once
};

class Workers {
public:
  using Serve = std::function<Outcome(Connection&)>;
  using Done = std::function<void(Connection*, Outcome)>;

  Workers(int threads, std::size_t maxQueued, Serve serve, Done done);
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  // Queues a connection for a worker; false (and nothing queued) when the queue is full.
  bool offer(Connection* connection);
  // No further offers; the threads serve what is queued, then end.
  void finish();
  void join();

private:
  void loop();

  std::size_t maxQueued_;
  Serve serve_;
  Done done_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Connection*> queue_;
  bool finishing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace igsgov::httpd
