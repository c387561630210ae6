// igsgovd: the HTTP service of igsgov (REST API over the operation catalogue at
// /api/v1 and the intranet pages at /intranet, see docs/intranet.md).
//
// A Poco::Util::ServerApplication (the library never creates one): reads the
// configuration, opens the register, serves /api/v1 and /intranet until
// SIGTERM/SIGINT, then shuts down gracefully: it stops accepting, lets requests
// in flight finish (up to limits.shutdown_grace_seconds, then aborts them) and
// exits 0.
//
// Serving: one gate thread (Gate.hpp) accepts and holds connections until a
// request header is complete, under caps and deadlines; a pool of
// limits.max_threads workers (Workers.hpp) each serves one request at a time
// with Poco's HTTP classes (Exchange.hpp). Poco's own HTTPServer is not used:
// it reads request headers inside its worker threads, so slow clients could
// occupy them all (docs/dev/security.md).
//
//   igsgovd --config /etc/igsgov/igsgovd.json [--register FILE] [--host H] [--port N]
//
// Exit codes: 0 after a clean stop, 64 wrong usage, 78 bad configuration or
// register that cannot be opened, 70 unexpected failure.
#include "Api.hpp"
#include "Config.hpp"
#include "Exchange.hpp"
#include "Gate.hpp"
#include "Intranet.hpp"
#include "Reminders.hpp"
#include "Log.hpp"
#include "Service.hpp"
#include "Tls.hpp"
#include "Workers.hpp"
#include "core/Error.hpp"

#include <Poco/Net/NetSSL.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/Process.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/ServerApplication.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <sys/resource.h>
#include <thread>

#ifndef IGSGOVD_VERSION
#define IGSGOVD_VERSION "0"
#endif

namespace igsgov::httpd {

using Poco::Util::Application;
using Poco::Util::Option;
using Poco::Util::OptionSet;

class Daemon : public Poco::Util::ServerApplication {
protected:
  void defineOptions(OptionSet& options) override {
    ServerApplication::defineOptions(options);
    auto opt = [&](const char* name, const char* arg, const char* help) {
      Option o(name, "", help);
      o.required(false).repeatable(false);
      if (arg) o.argument(arg);
      o.callback(Poco::Util::OptionCallback<Daemon>(this, &Daemon::handleOption));
      options.addOption(o);
    };
    opt("config", "BESTAND", "configuratiebestand (JSON), bv. /etc/igsgov/igsgovd.json");
    opt("register", "BESTAND", "het register (overschrijft 'register' uit de configuratie)");
    opt("host", "ADRES", "luisteradres (standaard 127.0.0.1)");
    opt("port", "POORT", "poort (standaard 8080)");
    opt("help", nullptr, "deze hulp");
    opt("version", nullptr, "versie");
  }

  void handleOption(const std::string& name, const std::string& value) {
    if (name == "help" || name == "version") {
      if (name == "help") {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setUsage("--config BESTAND [OPTIES]");
        help.setHeader("igsgovd: REST-dienst van het igsgov-register (zie docs/igsgovd.md).");
        help.format(std::cout);
      } else {
        std::cout << "igsgovd " << IGSGOVD_VERSION << "\n";
      }
      stopOptionsProcessing();
      done_ = true;
      return;
    }
    overrides_[name] = value;
  }

  int main(const std::vector<std::string>& args) override {
    if (done_) return EXIT_OK;
    if (!args.empty()) {
      std::cerr << "fout: onverwacht argument '" << args.front() << "' (zie --help)\n";
      return EXIT_USAGE;
    }
    ApiContext ctx;
    ctx.version = IGSGOVD_VERSION;
    std::string source = "opdrachtregel";
    try {
      if (overrides_.count("config")) {
        source = overrides_["config"];
        ctx.config = loadConfig(source);
      }
      if (overrides_.count("register")) ctx.config.registerPath = overrides_["register"];
      if (overrides_.count("host")) ctx.config.host = overrides_["host"];
      if (overrides_.count("port")) {
        int port = 0;
        if (!Poco::NumberParser::tryParse(overrides_["port"], port) || port < 0 || port > 65535)
          throwInvalid("geen geldige poort: " + overrides_["port"], Place().set("field", "--port"));
        ctx.config.port = port;
      }
      validate(ctx.config, source);
      ctx.log = makeLogger(ctx.config.logLevel);
      forwardLibraryLog(ctx.log);
      for (const auto& w : ctx.config.warnings) ctx.log->warn(LogLine("config").add("message", w).text());
      openService(ctx);
    } catch (const Error& e) {
      std::cerr << "fout: " << e.fullText() << "\n";
      return EXIT_CONFIG;
    }
    try {
      return serve(ctx);
    } catch (const Error& e) {
      ctx.log->error(LogLine("failed").add("message", e.fullText()).text());
      std::cerr << "fout: " << e.fullText() << "\n";
      return EXIT_CONFIG;
    } catch (const Poco::Exception& e) {
      ctx.log->error(LogLine("failed").add("message", e.displayText()).text());
      std::cerr << "fout: igsgovd kan niet starten: " << e.displayText() << "\n";
      return EXIT_SOFTWARE;
    }
  }

private:
  // Enough open files for max_connections (plus the register, logs and
  // listener): the soft limit is raised up to the hard one, else the
  // configuration is refused rather than failing accept() under load.
  static void ensureDescriptors(const Config& c) {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
    rlim_t need = static_cast<rlim_t>(c.maxConnections) + 64;
    if (lim.rlim_cur >= need) return;
    rlimit raised = lim;
    raised.rlim_cur = std::min(need, lim.rlim_max);
    setrlimit(RLIMIT_NOFILE, &raised);
    if (raised.rlim_cur < need)
      throwInvalid("limits.max_connections (" + std::to_string(c.maxConnections) +
                       ") vraagt meer open bestanden dan het systeem deze dienst toestaat (" +
                       std::to_string(lim.rlim_max) + "); verlaag de grens of verhoog LimitNOFILE",
                   Place().set("field", "'max_connections'"));
  }

  int serve(ApiContext& ctx) {
    const Config& c = ctx.config;
    ensureDescriptors(c);
    Poco::Net::Context::Ptr tls;
    if (c.tls()) tls = serverContext(c);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(c.host, static_cast<Poco::UInt16>(c.port)), 128);

    ServiceHandlerFactory factory(ctx);
    std::atomic<bool> stopping{false};
    ExchangeContext exchange = exchangeContext(c, factory, stopping);
    GateLimits limits = gateLimits(c);
    Gate gate(socket, tls ? tls->sslContext() : nullptr, limits, ctx.log);
    Workers workers(
        c.maxThreads, static_cast<std::size_t>(c.maxQueued),
        [&exchange](Connection& connection) { return httpd::serve(connection, exchange); },
        [&gate](Connection* connection, Outcome outcome) { gate.giveBack(connection, outcome); });
    gate.start(workers);
    ctx.log->info(LogLine("listening")
                      .add("address", socket.address().toString())
                      .add("tls", c.tls() ? "on" : "off")
                      .add("register", c.registerPath)
                      .add("version", ctx.version)
                      .add("pid", static_cast<long long>(Poco::Process::id()))
                      .text());
    ReminderRunner reminders(ctx);  // only with files.smtp_config
    waitForTerminationRequest();

    reminders.stop();
    ctx.log->info(LogLine("stopping").add("in_flight", static_cast<long long>(gate.inFlight())).text());
    stopping = true;
    gate.stop();  // no new connections; requests in flight may finish
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(c.shutdownGraceSeconds);
    while (gate.inFlight() > 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto left = static_cast<long long>(gate.inFlight());
    if (left > 0) gate.abortInFlight();
    workers.finish();
    workers.join();
    gate.join();
    ctx.log->info(LogLine("stopped").add("aborted", left).text());
    return EXIT_OK;
  }

  std::map<std::string, std::string> overrides_;
  bool done_ = false;
};

}  // namespace igsgov::httpd

int main(int argc, char** argv) {
  // Block the termination signals before any thread exists, so every thread
  // inherits the mask and waitForTerminationRequest() (sigwait) receives them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGQUIT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // A client that goes away while TLS writes to it must not end the process.
  std::signal(SIGPIPE, SIG_IGN);
  Poco::Net::initializeSSL();
  int rc = 0;
  {
    igsgov::httpd::Daemon daemon;
    rc = daemon.run(argc, argv);
  }
  Poco::Net::uninitializeSSL();
  return rc;
}
