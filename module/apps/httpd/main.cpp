// igsgovd: the HTTP service of igsgov (REST API over the operation catalogue at
// /api/v1 and the intranet pages at /intranet, see docs/intranet.md).
//
// A Poco::Util::ServerApplication (the library never creates one): reads the
// configuration, opens the register, serves /api/v1 and /intranet until SIGTERM/SIGINT, then
// shuts down gracefully: it stops accepting, lets requests in flight finish
// (up to limits.shutdown_grace_seconds, then aborts them) and exits 0.
//
//   igsgovd --config /etc/igsgov/igsgovd.json [--register FILE] [--host H] [--port N]
//
// Exit codes: 0 after a clean stop, 64 wrong usage, 78 bad configuration or
// register that cannot be opened, 70 unexpected failure.
#include "Api.hpp"
#include "Intranet.hpp"
#include "Config.hpp"
#include "Log.hpp"
#include "core/Error.hpp"
#include "service/OpenApi.hpp"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/Process.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/ServerApplication.h>

#include <chrono>
#include <csignal>
#include <iostream>
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
      ctx.session = std::make_unique<ops::Session>(ctx.config.registerPath, false);
      web::SiteOptions siteOptions;
      siteOptions.tls = ctx.config.tls();
      siteOptions.version = ctx.version;
      siteOptions.sessions.idle = std::chrono::minutes(ctx.config.sessionIdleMinutes);
      siteOptions.sessions.lifetime = std::chrono::hours(ctx.config.sessionMaxHours);
      siteOptions.documentsDir = documentsFolder(ctx.config);
      siteOptions.files = ctx.config.files;
      ctx.site = std::make_unique<web::Site>(*ctx.session, siteOptions);
      ctx.openApiJson = toJsonText(service::openApiDocument(ops::catalogue().describe(), ctx.version), false);
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
  Poco::Net::ServerSocket listen(const Config& c) {
    Poco::Net::SocketAddress address(c.host, static_cast<Poco::UInt16>(c.port));
    if (!c.tls()) return Poco::Net::ServerSocket(address, 128);
    Poco::Net::Context::Ptr context;
    try {
      context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, c.tlsPrivateKey, c.tlsCertificate, "",
                                       Poco::Net::Context::VERIFY_NONE, 9, false,
                                       "ALL:!ADH:!LOW:!EXP:!MD5:!RC4:@STRENGTH");
      context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    } catch (const Poco::Exception& e) {
      throwInvalid("TLS-certificaat of sleutel onbruikbaar: " + e.displayText(),
                   Place().set("file", c.tlsCertificate).set("field", "'tls'"));
    }
    return Poco::Net::SecureServerSocket(address, 128, context);
  }

  int serve(ApiContext& ctx) {
    const Config& c = ctx.config;
    Poco::Net::ServerSocket socket = listen(c);
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(c.maxThreads);
    params->setMaxQueued(c.maxQueued);
    params->setKeepAlive(c.keepAliveSeconds > 0);
    params->setKeepAliveTimeout(Poco::Timespan(c.keepAliveSeconds, 0));
    params->setTimeout(Poco::Timespan(c.requestTimeoutSeconds, 0));
    params->setServerName("igsgovd");
    Poco::ThreadPool pool(2, c.maxThreads);
    Poco::Net::HTTPServer server(new ServiceHandlerFactory(ctx), pool, socket, params);
    server.start();
    ctx.log->info(LogLine("listening")
                      .add("address", socket.address().toString())
                      .add("tls", c.tls() ? "on" : "off")
                      .add("register", c.registerPath)
                      .add("version", ctx.version)
                      .add("pid", static_cast<long long>(Poco::Process::id()))
                      .text());
    waitForTerminationRequest();

    ctx.log->info(LogLine("stopping").add("in_flight", static_cast<long long>(server.currentConnections())).text());
    server.stopAll(false);  // stop accepting; requests in flight may finish
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(c.shutdownGraceSeconds);
    while (server.currentConnections() > 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    int left = server.currentConnections();
    if (left > 0) server.stopAll(true);
    pool.joinAll();
    ctx.log->info(LogLine("stopped").add("aborted", static_cast<long long>(left)).text());
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
  Poco::Net::initializeSSL();
  int rc = 0;
  {
    igsgov::httpd::Daemon daemon;
    rc = daemon.run(argc, argv);
  }
  Poco::Net::uninitializeSSL();
  return rc;
}
