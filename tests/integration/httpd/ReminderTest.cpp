// Email reminders (issue 17) against a real SMTP server started here on
// 127.0.0.1 (smtp_server.py, Debian's python3-aiosmtpd), run with the CLI as
// `igsgov reminders send --today DATE` (each run a fresh process: a restart).
// Content and recipients; only the account's cooperations; a server that is
// down or refuses: reported, exit 1, nothing recorded, sent by the next run;
// no duplicates after a restart, on the next day or with two runs at once.
#include "Harness.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/Timespan.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <memory>
#include <string>
#include <unistd.h>

using namespace igsgov::test;

namespace {

// The SMTP server, stopped by closing its stdin (and killed when a test fails early).
class SmtpServer {
public:
  // With a certificate and key (PEM files): STARTTLS offered with them.
  SmtpServer(int port, const std::string& mode, const std::string& dir, const std::vector<std::string>& tls = {})
      : handle_(Poco::Process::launch("/usr/bin/python3", withTls({sourceDir() + "/tests/integration/httpd/smtp_server.py",
                                                                    std::to_string(port), mode, dir}, tls),
                                      &in_, &out_, nullptr)) {
    Poco::PipeInputStream from(out_);
    std::string line;
    std::getline(from, line);
    if (line != "ready") throw std::runtime_error("smtp_server.py did not start");
  }
  ~SmtpServer() {
    in_.close();
    if (handle_.wait() != 0) Poco::Process::kill(handle_);
  }

private:
  static std::vector<std::string> withTls(std::vector<std::string> args, const std::vector<std::string>& tls) {
    args.insert(args.end(), tls.begin(), tls.end());
    return args;
  }
  Poco::Pipe in_, out_;
  Poco::ProcessHandle handle_;
};

std::vector<std::string> mails(const std::string& dir) {
  std::vector<std::string> out;
  for (Poco::DirectoryIterator it(dir), end; it != end; ++it)
    if (it.name().size() > 4 && it.name().substr(it.name().size() - 4) == ".txt") out.push_back(slurp(it.path().toString()));
  return out;
}

// `extra`: more settings, e.g. R"(,"starttls":true)".
std::string smtpConfig(const std::string& dir, int port, const std::string& extra = "") {
  std::string path = dir + "/smtp-" + std::to_string(port) + ".json";
  std::ofstream(path) << R"({"host":"127.0.0.1","port":)" << port
                      << R"(,"from":"igsgov <igsgov@example.be>","intranet_url":"https://igsgov.example.be/")" << extra
                      << "}";
  return path;
}

// A self-signed certificate (also the CA the client is told to trust) for these subjectAltName entries.
void makeCertificate(const std::string& dir, const std::string& name, const std::string& altNames) {
  auto made = run({"/usr/bin/env", "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                   "-nodes", "-keyout", dir + "/" + name + "-key.pem", "-out", dir + "/" + name + "-cert.pem", "-days",
                   "2", "-subj", "/CN=" + name, "-addext", "subjectAltName=" + altNames});
  ASSERT_EQ(made.exitCode, 0) << made.err;
}

void must(const SampleRegister& reg, const std::vector<std::string>& args) {
  auto r = cli(reg.path, args);
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
}

}  // namespace

TEST(ReminderTest, SentOnceOverRealSmtpEvenAfterFailuresRestartsAndTwoRuns) {
  std::string dir = freshDir("reminders-" + std::to_string(getpid())), inbox = dir + "/inbox";
  std::filesystem::create_directories(inbox);
  auto reg = makeSampleRegister(dir);
  addAccount(reg, "mail-own", "herinnering-wachtwoord-1", {"directeur@igs-cultuur-va"});
  addAccount(reg, "mail-other", "herinnering-wachtwoord-2", {"directeur@igs-rupel"});
  must(reg, {"account", "change", "--id", "mail-own", "--email", "an@example.be"});
  must(reg, {"account", "change", "--id", "mail-other", "--email", "bert@example.be"});
  must(reg, {"cooperation", "change", "--id", "igs-rupel", "--term-end", "2026-12-31", "--reason", "test"});
  must(reg, {"reminder", "set", "--account", "mail-own", "--kind", "term_end", "--days", "30"});
  must(reg, {"reminder", "set", "--account", "mail-other", "--kind", "term_end", "--days", "30"});
  auto send = [&](const std::string& today, int port) {
    return cli(reg.path, {"reminders", "send", "--today", today, "--smtp-config", smtpConfig(dir, port)});
  };

  // Down: nothing listens. Reported, exit 1, nothing recorded.
  int port = freePort();
  auto down = send("2026-12-10", port);
  EXPECT_EQ(down.exitCode, 1) << down.out << down.err;
  EXPECT_NE(down.out.find("\"failed\""), std::string::npos);
  EXPECT_NE(down.out.find("niet bereikbaar"), std::string::npos) << down.out;
  {
    SmtpServer refusing(port, "refuse", inbox);
    auto refused = send("2026-12-10", port);
    EXPECT_EQ(refused.exitCode, 1) << refused.out;
    EXPECT_NE(refused.out.find("weigert"), std::string::npos) << refused.out;
  }
  EXPECT_TRUE(mails(inbox).empty());

  // Up: each account gets its own cooperation's deadline, once.
  {
    SmtpServer up(port, "accept", inbox);
    auto first = send("2026-12-10", port);
    EXPECT_EQ(first.exitCode, 0) << first.out << first.err;
    auto got = mails(inbox);
    ASSERT_EQ(got.size(), 2u) << first.out;
    for (const auto& m : got) {
      bool own = m.find("RCPT: an@example.be") != std::string::npos;
      EXPECT_TRUE(own || m.find("RCPT: bert@example.be") != std::string::npos) << m;
      EXPECT_NE(m.find("From: igsgov <igsgov@example.be>"), std::string::npos) << m;
      EXPECT_NE(m.find("Content-Type: text/plain"), std::string::npos) << m;
      std::string coop = own ? "Cultuurregio Vlaamse Ardennen" : "Erfgoed Rupelstreek";
      std::string other = own ? "Erfgoed Rupelstreek" : "Cultuurregio Vlaamse Ardennen";
      EXPECT_NE(m.find("Subject: Herinnering: Einde looptijd " + coop), std::string::npos) << m;
      EXPECT_NE(m.find("31 december 2026 (over 21 dagen)"), std::string::npos) << m;
      EXPECT_NE(m.find("Waarom: "), std::string::npos) << m;
      // The projectvereniging's term rule and its legal basis (rules/projectvereniging.json, pv.looptijd).
      if (own) {
        EXPECT_NE(m.find("Rechtsgrond: Decreet intergemeentelijke samenwerking 2001, art. 13."), std::string::npos) << m;
      }
      EXPECT_NE(m.find(std::string("https://igsgov.example.be/intranet/igs/") + (own ? "igs-cultuur-va" : "igs-rupel") +
                       "/termijnen"),
                std::string::npos)
          << m;
      EXPECT_EQ(m.find(other), std::string::npos) << m;
      EXPECT_NE(m.find("https://igsgov.example.be/intranet/agenda#herinneringen"), std::string::npos)
          << "where to change the settings: " << m;
    }
    // A restart, the next day, and two runs at once: nothing new.
    auto again = send("2026-12-10", port);
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_NE(again.out.find("\"already_sent\": 2"), std::string::npos) << again.out;
    EXPECT_EQ(send("2026-12-11", port).exitCode, 0);
    EXPECT_EQ(mails(inbox).size(), 2u);

    // Two runs at once for a new wish (the cultuur calendar within a year): each email once.
    must(reg, {"reminder", "set", "--account", "mail-own", "--kind", "calendar", "--days", "365"});
    std::vector<std::string> args{"--db", reg.path, "--format", "json", "reminders", "send", "--today", "2026-12-10",
                                  "--smtp-config", smtpConfig(dir, port)};
    Poco::Pipe outA, outB;  // the outputs are small (no email listed twice fits easily in a pipe)
    auto a = Poco::Process::launch(binaryDir() + "/bin/igsgov", args, nullptr, &outA, nullptr);
    auto b = Poco::Process::launch(binaryDir() + "/bin/igsgov", args, nullptr, &outB, nullptr);
    EXPECT_EQ(a.wait(), 0);
    EXPECT_EQ(b.wait(), 0);
    auto after = mails(inbox);
    EXPECT_GT(after.size(), 2u);
    std::set<std::string> distinct;
    for (const auto& m : after) distinct.insert(m);
    EXPECT_EQ(distinct.size(), after.size()) << "an email sent twice";
    for (const auto& m : after) EXPECT_EQ(m.find("Noordrand"), std::string::npos) << m;
    EXPECT_EQ(send("2026-12-10", port).exitCode, 0);
    EXPECT_EQ(mails(inbox).size(), after.size());

    // igsgovd's own periodic run (files.smtp_config; the first run a few seconds after the start,
    // for the real today): a deadline moved to ten days from now is sent once.
    Poco::DateTime soon;
    soon += Poco::Timespan(10, 0, 0, 0, 0);
    std::string date = Poco::DateTimeFormatter::format(soon, "%Y-%m-%d");
    must(reg, {"cooperation", "change", "--id", "igs-rupel", "--term-end", date, "--reason", "test"});
    std::ofstream(dir + "/igsgovd.json") << R"({"register": ")" << reg.path << R"(", "files": {"smtp_config": ")"
                                         << smtpConfig(dir, port) << R"("}})";
    Igsgovd server(dir, {"--config", dir + "/igsgovd.json"});
    std::size_t before = after.size();
    for (int i = 0; i < 600 && mails(inbox).size() == before; ++i) usleep(100 * 1000);
    auto periodic = mails(inbox);
    ASSERT_EQ(periodic.size(), before + 1) << server.log();
    bool found = false;
    for (const auto& m : periodic)
      found = found || (m.find("Subject: Herinnering: Einde looptijd Erfgoed Rupelstreek") != std::string::npos &&
                        m.find("(over 10 dagen)") != std::string::npos);
    EXPECT_TRUE(found);
    // The run logs after its last email was accepted.
    for (int i = 0; i < 300 && server.log().find("event=reminders sent=1") == std::string::npos; ++i) usleep(100 * 1000);
    EXPECT_NE(server.log().find("event=reminders sent=1"), std::string::npos) << server.log();
  }
}

// STARTTLS checks the server's certificate against the configured host name
// (and its chain against tls_ca_file): a trusted certificate for another name
// is refused with a clear Dutch error and nothing is recorded as sent; one
// for 127.0.0.1 is accepted.
TEST(ReminderTest, StartTlsChecksTheServersHostName) {
  std::string dir = freshDir("reminders-tls-" + std::to_string(getpid())), inbox = dir + "/inbox";
  std::filesystem::create_directories(inbox);
  auto reg = makeSampleRegister(dir);
  addAccount(reg, "mail-tls", "herinnering-wachtwoord-3", {"directeur@igs-rupel"});
  must(reg, {"account", "change", "--id", "mail-tls", "--email", "tls@example.be"});
  must(reg, {"cooperation", "change", "--id", "igs-rupel", "--term-end", "2026-12-31", "--reason", "test"});
  must(reg, {"reminder", "set", "--account", "mail-tls", "--kind", "term_end", "--days", "30"});
  makeCertificate(dir, "other", "DNS:smtp.elders.example");
  makeCertificate(dir, "local", "IP:127.0.0.1,DNS:localhost");
  int port = freePort();
  auto send = [&](const std::string& ca) {
    return cli(reg.path, {"reminders", "send", "--today", "2026-12-10", "--smtp-config",
                          smtpConfig(dir, port, R"(,"starttls":true,"tls_ca_file":")" + dir + "/" + ca + "-cert.pem\"")});
  };
  {
    SmtpServer other(port, "accept", inbox, {dir + "/other-cert.pem", dir + "/other-key.pem"});
    auto refused = send("other");
    EXPECT_EQ(refused.exitCode, 1) << refused.out << refused.err;
    EXPECT_NE(refused.out.find("het certificaat van de SMTP-server is niet uitgegeven voor '127.0.0.1'"),
              std::string::npos)
        << refused.out;
    // A certificate no trusted CA signed: refused during the handshake.
    auto untrusted = send("local");
    EXPECT_EQ(untrusted.exitCode, 1) << untrusted.out;
    EXPECT_NE(untrusted.out.find("het certificaat is niet vertrouwd of ongeldig"), std::string::npos) << untrusted.out;
  }
  EXPECT_TRUE(mails(inbox).empty());
  {
    SmtpServer local(port, "accept", inbox, {dir + "/local-cert.pem", dir + "/local-key.pem"});
    auto sent = send("local");
    EXPECT_EQ(sent.exitCode, 0) << sent.out << sent.err;
    auto got = mails(inbox);
    ASSERT_EQ(got.size(), 1u) << sent.out;
    EXPECT_NE(got[0].find("RCPT: tls@example.be"), std::string::npos) << got[0];
  }
}
