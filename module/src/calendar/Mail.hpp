// Email over SMTP for the deadline reminders (Reminders.hpp): the settings
// file (igsgovd's files.smtp_config, or --smtp-config) and one plain-text
// UTF-8 message sent with Poco::Net::SMTPClientSession, with STARTTLS
// (SecureSMTPClientSession; unless "tls_verify": false the peer's chain is
// verified against the system's CAs, or only the PEM file "tls_ca_file", and
// its certificate must name "host": a DNS name or an IP address in its
// subjectAltName) and AUTH LOGIN when configured.
//
// Settings file: {"host": "smtp.example.be", "port": 587, "starttls": true,
//   "username": "igsgov", "password": "…", "from": "igsgov <igsgov@example.be>",
//   "intranet_url": "https://igsgov.example.be", "timeout_seconds": 20}
// "tls_ca_file" is an absolute path (or relative to the working directory).
// (host, from and intranet_url required; port 25, no STARTTLS, no
// authentication, 20 s by default). The password is never shown in errors.
//
// Failure: loadSmtpSettings throws Error(invalid/notFound) naming the file
// and the field; sendMail throws Error(io) with the server's reply or the
// connection error (never the password). Thread safety: no shared state.
#pragma once

#include <string>

namespace igsgov::calendar {

struct SmtpSettings {
  std::string host;
  int port = 25;
  bool starttls = false;
  bool tlsVerify = true;
  std::string tlsCaFile;  // PEM CAs to trust instead of the system's (empty: the system's)
  std::string username, password;
  std::string from;
  std::string intranetUrl;  // without a trailing slash
  int timeoutSeconds = 20;
};

struct Mail {
  std::string to;       // one address
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text, '\n' line ends
};

SmtpSettings loadSmtpSettings(const std::string& path);
void sendMail(const SmtpSettings& settings, const Mail& mail);

}  // namespace igsgov::calendar
