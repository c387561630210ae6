#include "calendar/Mail.hpp"

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "core/JsonFile.hpp"

#include <Poco/FileStream.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/X509Certificate.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>

#include <openssl/x509v3.h>

#include <filesystem>

namespace igsgov::calendar {

namespace {

Place at(const std::string& path, const std::string& field) {
  Place p;
  p.set("file", path);
  if (!field.empty()) p.set("field", "'" + field + "'");
  return p;
}

std::string text(const JsonObject& o, const std::string& key, const std::string& path, bool required) {
  if (!o->has(key)) {
    if (required) throwInvalid("verplicht veld ontbreekt", at(path, key));
    return "";
  }
  if (!o->get(key).isString()) throwInvalid("verwacht een tekst", at(path, key));
  std::string v = o->getValue<std::string>(key);
  if (required && v.empty()) throwInvalid("mag niet leeg zijn", at(path, key));
  return v;
}

// The server's certificate names `host` (RFC 6125 through OpenSSL: a DNS name
// against the subjectAltName DNS entries, wildcards in the leftmost label only;
// an IP address against the IP entries). Poco's own check is not used: it
// skips 127.0.0.1 and localhost unless VERIFY_STRICT and resolves the names in
// the certificate through DNS.
bool certificateNames(const Poco::Net::X509Certificate& cert, const std::string& host) {
  X509* x = const_cast<X509*>(cert.certificate());
  Poco::Net::IPAddress ip;
  if (Poco::Net::IPAddress::tryParse(host, ip)) return X509_check_ip_asc(x, host.c_str(), 0) == 1;
  return X509_check_host(x, host.data(), host.size(), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr) == 1;
}

// The session with its socket reachable (protected in Poco), to check the certificate after STARTTLS.
class SmtpSession : public Poco::Net::SecureSMTPClientSession {
public:
  using Poco::Net::SecureSMTPClientSession::SecureSMTPClientSession;
  Poco::Net::SecureStreamSocket secureSocket() { return Poco::Net::SecureStreamSocket(socket()); }
};

// STARTTLS on the session; with verification on, the chain must lead to a
// trusted CA (the system's, or tls_ca_file) and the certificate must name the
// configured host.
void startTls(SmtpSession& session, const SmtpSettings& s, const Place& place) {
  auto mode = s.tlsVerify ? Poco::Net::Context::VERIFY_STRICT : Poco::Net::Context::VERIFY_NONE;
  try {
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", s.tlsCaFile, mode, 9, s.tlsCaFile.empty());
    context->enableExtendedCertificateVerification(false);  // the name is checked below, by OpenSSL
    if (!session.startTLS(context)) throw Error(ErrorCode::io, "de SMTP-server biedt geen STARTTLS aan", place);
    Poco::Net::SecureStreamSocket secure = session.secureSocket();
    secure.completeHandshake();
    if (s.tlsVerify && !certificateNames(secure.peerCertificate(), s.host))
      throw Error(ErrorCode::io,
                  "het certificaat van de SMTP-server is niet uitgegeven voor '" + s.host +
                      "' (de naam in 'host'): de verbinding is geweigerd, er is niets verstuurd",
                  place);
  } catch (const Poco::Net::SSLException& e) {
    throw Error(ErrorCode::io,
                "de beveiligde verbinding (STARTTLS) met de SMTP-server is mislukt, het certificaat is niet "
                "vertrouwd of ongeldig: " + e.displayText(),
                place);
  }
}

}  // namespace

SmtpSettings loadSmtpSettings(const std::string& path) {
  std::string body;
  try {
    Poco::FileInputStream in(path);
    Poco::StreamCopier::copyToString(in, body);
  } catch (const Poco::Exception&) {
    throwNotFound("SMTP-instellingen kunnen niet gelezen worden", at(path, ""));
  }
  auto o = parseJsonFile(body, path);
  for (const auto& [key, value] : *o)
    if (key != "host" && key != "port" && key != "starttls" && key != "tls_verify" && key != "tls_ca_file" &&
        key != "username" &&
        key != "password" && key != "from" && key != "intranet_url" && key != "timeout_seconds")
      throwInvalid("onbekend veld", at(path, key));
  SmtpSettings s;
  s.host = text(o, "host", path, true);
  s.from = text(o, "from", path, true);
  s.intranetUrl = text(o, "intranet_url", path, true);
  while (!s.intranetUrl.empty() && s.intranetUrl.back() == '/') s.intranetUrl.pop_back();
  s.username = text(o, "username", path, false);
  s.password = text(o, "password", path, false);
  s.tlsCaFile = text(o, "tls_ca_file", path, false);
  if (!s.tlsCaFile.empty() && !std::filesystem::is_regular_file(s.tlsCaFile))
    throwNotFound("het bestand met de te vertrouwen certificaten bestaat niet", at(path, "tls_ca_file"));
  auto integer = [&](const char* key, int lo, int hi, int& out) {
    if (!o->has(key)) return;
    if (!o->get(key).isInteger()) throwInvalid("verwacht een geheel getal", at(path, key));
    int v = o->getValue<int>(key);
    if (v < lo || v > hi)
      throwInvalid("ligt tussen " + std::to_string(lo) + " en " + std::to_string(hi), at(path, key));
    out = v;
  };
  integer("port", 1, 65535, s.port);
  integer("timeout_seconds", 1, 300, s.timeoutSeconds);
  auto flag = [&](const char* key, bool& out) {
    if (!o->has(key)) return;
    if (!o->get(key).isBoolean()) throwInvalid("verwacht true of false", at(path, key));
    out = o->getValue<bool>(key);
  };
  flag("starttls", s.starttls);
  flag("tls_verify", s.tlsVerify);
  if (!s.username.empty() && s.password.empty()) throwInvalid("een gebruikersnaam zonder wachtwoord", at(path, "password"));
  return s;
}

void sendMail(const SmtpSettings& s, const Mail& mail) {
  Place place = Place().set("smtp", s.host + ":" + std::to_string(s.port)).set("to", mail.to);
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(s.host, static_cast<Poco::UInt16>(s.port)), Poco::Timespan(s.timeoutSeconds, 0));
    socket.setReceiveTimeout(Poco::Timespan(s.timeoutSeconds, 0));
    socket.setSendTimeout(Poco::Timespan(s.timeoutSeconds, 0));
    SmtpSession session(socket);
    session.login();  // EHLO
    if (s.starttls) startTls(session, s, place);
    // After STARTTLS the server forgets the EHLO (RFC 3207): say it again (login with AUTH does so itself).
    if (!s.username.empty()) session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, s.username, s.password);
    else if (s.starttls) session.login();
    Poco::Net::MailMessage message;
    message.setSender(s.from);
    message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.to));
    message.setSubject(Poco::Net::MailMessage::encodeWord(mail.subject, "UTF-8"));
    message.setContentType("text/plain; charset=UTF-8");
    message.setContent(mail.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    session.sendMessage(message);
    session.close();
  } catch (const Error&) {
    throw;
  } catch (const Poco::Net::SMTPException& e) {
    throw Error(ErrorCode::io, "de SMTP-server weigert de e-mail: " + e.message(), place);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, "de SMTP-server is niet bereikbaar: " + e.displayText(), place);
  }
}

}  // namespace igsgov::calendar
