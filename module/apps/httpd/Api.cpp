#include "Api.hpp"

#include "Body.hpp"
#include "Log.hpp"
#include "core/Error.hpp"
#include "journal/Changes.hpp"
#include "ops/ServerPaths.hpp"
#include "service/ClientKey.hpp"
#include "service/HttpErrors.hpp"
#include "service/Accounts.hpp"
#include "service/Tokens.hpp"
#include "service/CalendarFeeds.hpp"
#include "calendar/Ics.hpp"
#include "core/Date.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Base64Decoder.h>
#include <Poco/MemoryStream.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <istream>

namespace igsgov::httpd {

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr std::string_view kPrefix = "/api/v1/";
constexpr std::string_view kFeed = "kalender/";  // /api/v1/kalender/<secret>[/<cooperation>].ics

// The path as logged: a feed's secret is never written to the log.
std::string loggedPath(const std::string& path) {
  std::string feed = std::string(kPrefix) + std::string(kFeed);
  return path.compare(0, feed.size(), feed) == 0 ? feed + "…" : path;
}

// "2026-12-06T10:20:00.000001Z" -> "20261206T102000Z" (iCalendar UTC form).
std::string icsUtc(const std::string& at) {
  if (at.size() < 19) return "";
  return at.substr(0, 4) + at.substr(5, 2) + at.substr(8, 2) + "T" + at.substr(11, 2) + at.substr(14, 2) +
         at.substr(17, 2) + "Z";
}

// An error decided by the service itself (not by an operation), with its status.
struct HttpError {
  int status;
  Error error;
  long long retryAfter = 0;
};

[[noreturn]] void fail(int status, ErrorCode code, const std::string& message, Place place = {}) {
  throw HttpError{status, Error(code, message, std::move(place))};
}

// The body as text, or the service's refusal (413, 408, 400).
std::string bodyText(HTTPServerRequest& req, long long limit, bool& consumed) {
  Body body = readBody(req, limit);
  consumed = body.result == Body::Result::ok;
  Place place = Place().set("part", "body");
  switch (body.result) {
    case Body::Result::ok: break;
    case Body::Result::tooLarge:
      fail(413, ErrorCode::invalid, "de vraag is te groot (hoogstens " + std::to_string(limit) + " bytes)",
           place.set("limit", "limits.max_body_bytes"));
    case Body::Result::timedOut:
      fail(408, ErrorCode::invalid, "de vraag kwam niet op tijd volledig aan",
           place.set("limit", "limits.body_timeout_seconds"));
    case Body::Result::broken:
      fail(400, ErrorCode::invalid, "de vraag werd onderbroken of is slecht opgedeeld (chunked)", place);
  }
  return std::move(body.bytes);
}

// Query parameters typed after the operation's params; unknown names pass as
// text so Session's check names them.
JsonObject queryInput(const ops::Operation& op, const Poco::URI& uri) {
  auto in = newObject();
  for (const auto& [name, value] : uri.getQueryParameters()) {
    Place place = Place().set("operation", op.name).set("field", "'" + name + "'");
    if (in->has(name)) throwInvalid("parameter komt twee keer voor in de vraag", place);
    const ops::Param* param = nullptr;
    for (const auto& p : op.params)
      if (p.name == name) param = &p;
    // A path goes in as text so remoteInput refuses it with the same message as in a body.
    if (!param || param->type == "string" || param->type == "path" || param->type == "date" ||
        param->type == "timestamp") {
      in->set(name, value);
    } else if (param->type == "integer") {
      Poco::Int64 n = 0;
      if (!Poco::NumberParser::tryParse64(value, n)) throwInvalid("geheel getal verwacht", place);
      in->set(name, n);
    } else if (param->type == "boolean") {
      if (value != "true" && value != "false") throwInvalid("true of false verwacht", place);
      in->set(name, value == "true");
    } else {
      throwInvalid("dit soort parameter kan alleen in een POST-body (JSON)", place);
    }
  }
  return in;
}

class ApiHandler : public Poco::Net::HTTPRequestHandler {
public:
  explicit ApiHandler(ApiContext& ctx) : ctx_(ctx) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& resp) override {
    auto start = std::chrono::steady_clock::now();
    Poco::URI uri(req.getURI());
    LogLine line("request");
    line.add("method", req.getMethod()).add("path", loggedPath(uri.getPath())).add("peer", req.clientAddress().host().toString());
    int status = 200;
    std::string body;
    try {
      body = route(req, resp, uri, line);
      // The OpenAPI document is made once at start and is the same for everyone:
      // the cap protects against large operation answers, not against it.
      bool document = uri.getPath() == std::string(kPrefix) + "openapi.json";
      if (!document && static_cast<long long>(body.size()) > ctx_.config.maxResponseBytes)
        fail(422, ErrorCode::invalid,
             "het antwoord is te groot (" + std::to_string(body.size()) + " bytes, hoogstens " +
                 std::to_string(ctx_.config.maxResponseBytes) + "); vraag minder op, of gebruik de opdracht igsgov",
             Place().set("limit", "limits.max_response_bytes"));
    } catch (const HttpError& e) {
      contentType_.clear();
      status = e.status;
      body = service::errorBody(e.error);
      line.add("code", errorCodeName(e.error.errorCode()));
      if (e.retryAfter > 0) resp.set("Retry-After", std::to_string(e.retryAfter));
    } catch (const Error& e) {
      contentType_.clear();
      status = service::httpStatus(e);
      body = service::errorBody(e);
      line.add("code", errorCodeName(e.errorCode()));
    } catch (const std::exception& e) {
      contentType_.clear();
      Error err(ErrorCode::internal, std::string("interne fout: ") + e.what());
      status = 500;
      body = service::errorBody(err);
      line.add("code", "internal").add("detail", e.what());
    }
    if (status == 401) resp.set("WWW-Authenticate", "Bearer realm=\"igsgov\"");
    if (status == 503) resp.set("Retry-After", "1");
    // An unread body would be taken for the next request on this connection.
    bool hasBody = req.getContentLength64() > 0 || req.getChunkedTransferEncoding();
    if (hasBody && !bodyConsumed_) resp.setKeepAlive(false);
    resp.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(status));
    resp.setContentType(contentType_.empty() ? std::string("application/json; charset=utf-8") : contentType_);
    if (status == 200 && !fileName_.empty()) resp.set("Content-Disposition", "attachment; filename=\"" + fileName_ + "\"");
    resp.set("Cache-Control", "no-store");
    resp.setContentLength64(static_cast<Poco::Int64>(body.size()));
    resp.send().write(body.data(), static_cast<std::streamsize>(body.size()));
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    line.add("status", static_cast<long long>(status)).add("bytes", static_cast<long long>(body.size())).add("ms", ms);
    if (status >= 500) ctx_.log->error(line.text());
    else ctx_.log->info(line.text());
  }

private:
  std::string route(HTTPServerRequest& req, HTTPServerResponse& resp, const Poco::URI& uri, LogLine& line) {
    const std::string& path = uri.getPath();
    const std::string& method = req.getMethod();
    if (path.compare(0, kPrefix.size(), kPrefix) != 0)
      fail(404, ErrorCode::notFound, "onbekend pad; de API staat onder /api/v1/", Place().set("path", path));
    std::string name = path.substr(kPrefix.size());
    if (name.compare(0, kFeed.size(), kFeed) == 0) {
      requireMethod(resp, method, {"GET"}, "kalender");
      return feed(req, name.substr(kFeed.size()), line);
    }
    if (name == "health" || name == "openapi.json") {
      requireMethod(resp, method, {"GET"}, name);
      return name == "health" ? health() : ctx_.openApiJson;
    }
    const ops::Operation* op = ops::catalogue().find(name);
    if (!op || op->access == ops::Access::create)
      fail(404, ErrorCode::notFound, "onbekende operatie '" + name + "'", Place().set("operation", name));
    line.add("operation", op->name);
    if (op->access == ops::Access::read) requireMethod(resp, method, {"GET", "POST"}, name);
    else requireMethod(resp, method, {"POST"}, name);

    auto who = authenticate(req);
    line.add("actor", who.id).add("role", service::grantsText(who.grants));
    JsonObject input;
    if (method == "GET") {
      input = queryInput(*op, uri);
    } else {
      std::string text = bodyText(req, ctx_.config.maxBodyBytes, bodyConsumed_);
      bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
      input = blank ? newObject() : parseJsonObject(text, "vraag");
    }
    // Paths name files on this server: refused, or taken from igsgovd's configuration.
    input = ops::remoteInput(*op, input, ctx_.config.files);
    input = ops::withServiceValues(*op, input, ctx_.config.values);
    ops::Caller caller{who.id, "", "", who.grants, ""};
    if (input->has("reason") && input->get("reason").isString()) caller.reason = input->getValue<std::string>("reason");
    JsonObject out = ctx_.session->execute(op->name, input, caller);
    // A document (register.export as Turtle or JSON-LD) is answered as itself.
    if (op->content && out->has("content") && out->has("media_type")) {
      contentType_ = out->getValue<std::string>("media_type");
      return out->getValue<std::string>("content");
    }
    if (!op->download.field.empty() && out->has(op->download.field)) return downloadBody(*op, out);
    return toJsonText(out, false);
  }

  // The operation's file itself as the body (Operation::download), never written on the server.
  std::string downloadBody(const ops::Operation& op, const JsonObject& out) {
    std::string bytes, text = out->getValue<std::string>(op.download.field);
    Poco::MemoryInputStream in(text.data(), text.size());
    Poco::Base64Decoder decoder(in);
    bytes.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    // An output that names its own media type and file name (export.*: XLSX or CSV) wins.
    contentType_ = out->has("media_type") ? out->getValue<std::string>("media_type") : op.download.mediaType;
    std::string name = op.download.fileStem, extension = op.download.extension;
    if (out->has("file_name")) {
      name = out->getValue<std::string>("file_name");
      extension.clear();
    } else if (out->has("cooperation")) {
      name += "-" + out->getValue<std::string>("cooperation");
    }
    std::replace_if(name.begin(), name.end(),
                    [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.'; },
                    '_');
    fileName_ = name + extension;
    return bytes;
  }

  void requireMethod(HTTPServerResponse& resp, const std::string& method, std::initializer_list<const char*> allowed,
                     const std::string& name) {
    std::string list;
    for (const char* m : allowed) {
      if (method == m) return;
      list += (list.empty() ? "" : ", ") + std::string(m);
    }
    resp.set("Allow", list);
    fail(405, ErrorCode::invalid, "methode " + method + " niet toegelaten voor '" + name + "' (wel: " + list + ")",
         Place().set("operation", name));
  }

  // The client's throttle keys; 429 with Retry-After while the client has
  // spent its budget of failed logins (tokens and feed links alike).
  std::vector<std::string> refuseWhileThrottled(HTTPServerRequest& req, const Place& place) {
    std::vector<std::string> keys{service::clientKey(req.clientAddress().host())};
    if (auto wait = ctx_.throttle->retryAfter(keys))
      throw HttpError{429,
                      Error(ErrorCode::busy,
                            "te veel mislukte aanmeldpogingen vanaf uw adres; probeer het opnieuw over " +
                                std::to_string(wait) + " seconden",
                            Place(place).set("limit", "limits.failed_login_burst")),
                      wait};
    return keys;
  }

  service::Identity authenticate(HTTPServerRequest& req) {
    Place place = Place().set("header", "Authorization");
    if (!req.has("Authorization"))
      fail(401, ErrorCode::denied, "aanmelden vereist: stuur 'Authorization: Bearer <token>'", place);
    const std::string& value = req.get("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (value.size() <= scheme.size() || Poco::icompare(value.substr(0, scheme.size()), std::string(scheme)) != 0)
      fail(401, ErrorCode::denied, "alleen 'Authorization: Bearer <token>' wordt aanvaard", place);
    std::string secret = value.substr(scheme.size());
    // Guessing tokens: while this client has spent its budget of failures,
    // no token is even looked up (a guess learns nothing).
    auto keys = refuseWhileThrottled(req, place);
    std::optional<service::Identity> who;
    ctx_.session->reg().read([&](store::Database& db) {
      if (auto token = service::authenticate(db, secret)) who = service::tokenIdentity(db, *token);
      return JsonObject();
    });
    if (!who) {
      ctx_.throttle->failed(keys);
      fail(401, ErrorCode::denied, "onbekend of ingetrokken token", place);
    }
    return *who;
  }

  // A calendar feed: the deadlines the feed's account may see (of one
  // cooperation, or of all it sees), as iCalendar. The URL's secret is the
  // only credential; anything wrong about it is the same 404, and counts as a
  // failed login of the client's address.
  std::string feed(HTTPServerRequest& req, const std::string& rest, LogLine& line) {
    Place place = Place().set("path", loggedPath(std::string(kPrefix) + std::string(kFeed)));
    constexpr std::string_view ext = ".ics";
    std::string secret, cooperation;
    if (rest.size() > ext.size() && rest.compare(rest.size() - ext.size(), ext.size(), ext) == 0) {
      std::string stem = rest.substr(0, rest.size() - ext.size());
      auto slash = stem.find('/');
      secret = stem.substr(0, slash);
      if (slash != std::string::npos) cooperation = stem.substr(slash + 1);
    }
    auto keys = refuseWhileThrottled(req, place);
    std::optional<service::Identity> who;
    long long head = 0;
    std::string headAt;
    ctx_.session->reg().read([&](store::Database& db) {
      if (auto account = service::feedAccount(db, secret)) who = service::accountIdentity(db, *account);
      auto& st = db.cached("SELECT seq, at FROM journal ORDER BY seq DESC LIMIT 1");
      if (st.step()) {
        head = st.integer(0);
        headAt = st.text(1);
      }
      st.reset();
      return JsonObject();
    });
    if (!who) {
      ctx_.throttle->failed(keys);
      fail(404, ErrorCode::notFound, "onbekende of ingetrokken agenda-link", place);
    }
    line.add("actor", who->id).add("operation", "kalender");
    auto in = newObject();
    Date today = Date::today();
    in->set("from", today.addDays(-90).iso());  // recent past deadlines stay visible a while
    in->set("until", today.addYears(2).iso());
    if (!cooperation.empty()) in->set("cooperation", cooperation);
    in = ops::remoteInput(*ops::catalogue().find("deadlines.list"), in, ctx_.config.files);
    ops::Caller caller{who->id, "", "", who->grants, who->id};
    JsonObject out;
    try {
      out = ctx_.session->execute("deadlines.list", in, caller);
    } catch (const Error& e) {
      // A cooperation the account may not see looks like one that does not exist.
      if (e.errorCode() == ErrorCode::denied || e.errorCode() == ErrorCode::notFound)
        fail(404, ErrorCode::notFound, "onbekend samenwerkingsverband voor deze agenda-link", place);
      throw;
    }
    std::vector<calendar::Deadline> list;
    auto arr = out->getArray("deadlines");
    for (std::size_t i = 0; i < arr->size(); ++i)
      list.push_back(calendar::deadlineFromJson(arr->getObject(static_cast<unsigned>(i))));
    calendar::IcsOptions io;
    io.name = "igsgov termijnen" + (cooperation.empty() ? "" : " " + cooperation) + " – " + who->displayName;
    io.sequence = head;
    io.lastModifiedUtc = icsUtc(headAt);
    io.refreshMinutes = 60;
    contentType_ = "text/calendar; charset=utf-8";
    return calendar::toIcs(list, io);
  }

  std::string health() {
    long long head = 0;
    ctx_.session->reg().read([&](store::Database& db) {
      head = journal::headSeq(db);
      return JsonObject();
    });
    auto out = newObject();
    out->set("status", "ok");
    out->set("service", "igsgovd");
    out->set("version", ctx_.version);
    out->set("journal_head", head);
    return toJsonText(out, false);
  }

  ApiContext& ctx_;
  bool bodyConsumed_ = false;
  std::string contentType_;  // set when the answer is an operation's document, not JSON
  std::string fileName_;     // set when that document is a download (Content-Disposition: attachment)
};

}  // namespace

Poco::Net::HTTPRequestHandler* ApiHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new ApiHandler(ctx_);
}

}  // namespace igsgov::httpd
