#include "FakeDavServer.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cctype>
#include <cstdio>
#include <functional>
#include <sstream>
#include <vector>

namespace igsgov::adapters::webdav::testing {

struct FakeDavServer::State {
  std::mutex mutex;
  std::map<std::string, std::string> files;  // name -> content
  FakeDavOptions options;
  FakeDavCounters counters;
};

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

const char* const fixedDate = "Sun, 22 Nov 2026 08:00:00 GMT";

std::string hrefOf(const std::string& name) {
  std::string out = "/dav/";
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02x", c);
      out += buf;
    }
  }
  return out;
}

std::string etagOf(const std::string& name, const std::string& content) {
  return "\"" + std::to_string(std::hash<std::string>{}(name + '\0' + content) % 1000000007) + "\"";
}

std::string fileResponse(const std::string& name, const std::string& content, const std::string& etag) {
  return "<D:response><D:href>" + hrefOf(name) + "</D:href><D:propstat><D:prop><D:resourcetype/><D:getetag>" + etag +
         "</D:getetag><D:getcontentlength>" + std::to_string(content.size()) +
         "</D:getcontentlength><D:getlastmodified>" + fixedDate +
         "</D:getlastmodified></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n";
}

const std::string folderSelf =
    "<D:response><D:href>/dav/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype>"
    "<D:getlastmodified>Sun, 22 Nov 2026 08:00:00 GMT</D:getlastmodified></D:prop>"
    "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n";
const std::string truncatedMarker =
    "<D:response><D:href>/dav/</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status>"
    "<D:error><D:number-of-matches-within-limits/></D:error></D:response>\n";

std::string between(const std::string& text, const std::string& open, const std::string& close) {
  auto a = text.find(open);
  if (a == std::string::npos) return "";
  a += open.size();
  auto b = text.find(close, a);
  return b == std::string::npos ? "" : text.substr(a, b - a);
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
  explicit Handler(std::shared_ptr<FakeDavServer::State> s) : s_(std::move(s)) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    ++s_->counters.requests;
    std::string body;
    Poco::StreamCopier::copyToString(req.stream(), body);
    std::string path;
    Poco::URI::decode(Poco::URI(req.getURI()).getPath(), path);
    res.setDate(Poco::Timestamp());
    if (path.rfind("/dav/", 0) != 0) return send(res, 404, "");
    const std::string name = path.substr(5);
    std::lock_guard lock(s_->mutex);
    const std::string& m = req.getMethod();
    if (m == "PROPFIND") return propfind(req, res, name, body);
    if (m == "REPORT") return report(res, name, body);
    if (m == "PUT") return put(req, res, name, body);
    if (m == "DELETE") return remove(req, res, name);
    if (m == "PROPPATCH") return send(res, 405, "");
    return send(res, 405, "");
  }

private:
  static void send(HTTPServerResponse& res, int status, const std::string& xml) {
    res.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(status), status == 207 ? "Multi-Status" : "Status");
    if (!xml.empty()) res.setContentType("application/xml; charset=utf-8");
    res.setContentLength(static_cast<std::streamsize>(xml.size()));
    res.send() << xml;
  }
  static std::string multistatus(const std::string& inner) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\">\n" + inner + "</D:multistatus>\n";
  }

  void propfind(HTTPServerRequest& req, HTTPServerResponse& res, const std::string& name, const std::string& body) {
    const bool depth1 = req.get("Depth", "1") != "0";
    if (!name.empty()) {
      auto f = s_->files.find(name);
      if (f == s_->files.end()) return send(res, 404, "");
      return send(res, 207, multistatus(fileResponse(f->first, f->second, etagOf(f->first, f->second))));
    }
    if (!depth1) {
      if (body.find("supported-report-set") == std::string::npos) return send(res, 207, multistatus(folderSelf));
      ++s_->counters.supportedReportAsks;
      if (s_->options.brokenReportSet) return send(res, 207, "<D:multistatus xmlns:D=\"DAV:\"><D:response>");
      std::string reports = s_->options.offerSyncCollection
                                ? "<D:supported-report><D:report><D:sync-collection/></D:report></D:supported-report>"
                                : "";
      return send(res, 207,
                  multistatus("<D:response><D:href>/dav/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/>"
                              "</D:resourcetype><D:supported-report-set>" + reports +
                              "</D:supported-report-set></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>"
                              "</D:response>\n"));
    }
    ++s_->counters.propfindDepth1;
    if (s_->options.propfind507) return send(res, 507, "");
    std::string inner = folderSelf;
    int n = 0;
    for (const auto& [k, v] : s_->files) {
      if (s_->options.truncateAfter >= 0 && n++ >= s_->options.truncateAfter) {
        inner += truncatedMarker;
        break;
      }
      inner += fileResponse(k, v, etagOf(k, v));
    }
    send(res, 207, multistatus(inner));
  }

  void report(HTTPServerResponse& res, const std::string& name, const std::string& body) {
    if (!s_->options.offerSyncCollection || !name.empty()) return send(res, 405, "");
    std::string token = between(body, "<D:sync-token>", "</D:sync-token>");
    if (!token.empty() && s_->counters.tokensRefused < s_->options.refuseTokens) {
      ++s_->counters.tokensRefused;
      return send(res, 403, "<?xml version=\"1.0\"?>\n<D:error xmlns:D=\"DAV:\"><D:valid-sync-token/></D:error>\n");
    }
    std::size_t offset = token.rfind("tok-", 0) == 0 ? std::stoul(token.substr(4)) : 0;
    std::string limit = between(body, "<D:nresults>", "</D:nresults>");
    std::size_t n = limit.empty() ? s_->files.size() : std::stoul(limit);
    const bool secondPage = offset > 0 && offset == n;
    std::vector<std::pair<std::string, std::string>> all(s_->files.begin(), s_->files.end());
    std::string inner;
    if (secondPage && s_->options.churnBetweenPages && all.size() > 1) {
      inner += fileResponse(all[0].first, all[0].second, "\"changed\"");
      inner += "<D:response><D:href>" + hrefOf(all[1].first) + "</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>\n";
    }
    std::size_t end = std::min(all.size(), offset + n);
    for (std::size_t i = offset; i < end; ++i) inner += fileResponse(all[i].first, all[i].second, etagOf(all[i].first, all[i].second));
    if (end < all.size()) {
      inner += truncatedMarker;
      if (!(secondPage && s_->options.dropTokenOnPage2)) inner += "<D:sync-token>tok-" + std::to_string(end) + "</D:sync-token>\n";
    } else {
      inner += "<D:sync-token>tok-end</D:sync-token>\n";
    }
    ++s_->counters.reportPages;
    send(res, 207, multistatus(inner));
  }

  void put(HTTPServerRequest& req, HTTPServerResponse& res, const std::string& name, const std::string& body) {
    auto f = s_->files.find(name);
    if (req.get("If-None-Match", "") == "*" && f != s_->files.end()) return send(res, 412, "");
    if (req.has("If-Match") && (f == s_->files.end() || req.get("If-Match") != etagOf(f->first, f->second)))
      return send(res, 412, "");
    bool created = f == s_->files.end();
    s_->files[name] = body;
    send(res, created ? 201 : 204, "");
  }

  void remove(HTTPServerRequest& req, HTTPServerResponse& res, const std::string& name) {
    auto f = s_->files.find(name);
    if (f == s_->files.end()) return send(res, 404, "");
    if (req.has("If-Match") && req.get("If-Match") != etagOf(f->first, f->second)) return send(res, 412, "");
    s_->files.erase(f);
    send(res, 204, "");
  }

  std::shared_ptr<FakeDavServer::State> s_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  explicit Factory(std::shared_ptr<FakeDavServer::State> s) : s_(std::move(s)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(s_); }

private:
  std::shared_ptr<FakeDavServer::State> s_;
};

}  // namespace

FakeDavServer::FakeDavServer(std::map<std::string, std::string> files, FakeDavOptions options)
    : state_(std::make_shared<State>()) {
  state_->files = std::move(files);
  state_->options = options;
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  port_ = socket.address().port();
  auto* params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(true);
  params->setMaxThreads(8);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(state_), socket, params);
  server_->start();
}

FakeDavServer::~FakeDavServer() { server_->stopAll(true); }

std::string FakeDavServer::url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/dav/"; }

const FakeDavCounters& FakeDavServer::counters() const { return state_->counters; }

}  // namespace igsgov::adapters::webdav::testing
