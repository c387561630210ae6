// SparqlClient against a tiny in-test HTTP server (a unit-test double for the
// HTTP edge: status codes, malformed answers, time-outs, a closed port). The
// real endpoint test against Virtuoso is in tests/integration/sparql.
#include "adapters/sparql/SparqlClient.hpp"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

#include <gtest/gtest.h>

#include <mutex>

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {

struct Seen {
  std::string method, contentType, uri, body, query, graph, accept;
  int clientPort = 0;
};

struct Log {
  std::mutex mu;
  std::vector<Seen> requests;
};

const char* kOkBody =
    R"({"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "http://ex.org/a"}}]}})";

class Handler : public Poco::Net::HTTPRequestHandler {
public:
  explicit Handler(Log& log) : log_(log) {}
  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
    Seen s;
    s.method = req.getMethod();
    s.contentType = req.getContentType();
    s.uri = req.getURI();
    s.accept = req.get("Accept", "");
    s.clientPort = req.clientAddress().port();
    Poco::Net::HTMLForm form(req, req.stream());  // reads the query string and a form body
    s.query = form.get("query", "");
    s.graph = form.get("default-graph-uri", "");
    {
      std::lock_guard<std::mutex> g(log_.mu);
      log_.requests.push_back(s);
    }
    std::string path = Poco::URI(req.getURI()).getPath();
    resp.setKeepAlive(req.getKeepAlive());
    if (path == "/ok") {
      resp.setContentType("application/sparql-results+json");
      resp.sendBuffer(kOkBody, std::strlen(kOkBody));
    } else if (path == "/malformed") {
      resp.setContentType("application/sparql-results+json");
      std::string b = R"({"head": {"vars": ["s"]}, "results": {"bindings": [{"s": )";
      resp.sendBuffer(b.data(), b.size());
    } else if (path == "/html") {
      resp.setContentType("text/html");
      std::string b = "<html>login</html>";
      resp.sendBuffer(b.data(), b.size());
    } else if (path == "/error") {
      resp.setStatus(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
      resp.setContentType("text/plain");
      std::string b = "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error";
      resp.sendBuffer(b.data(), b.size());
    } else if (path == "/slow") {
      Poco::Thread::sleep(2500);
      resp.setContentType("application/sparql-results+json");
      resp.sendBuffer(kOkBody, std::strlen(kOkBody));
    } else if (path == "/big") {
      resp.setContentType("application/sparql-results+json");
      std::string b(8192, ' ');
      resp.sendBuffer(b.data(), b.size());
    } else {
      resp.setStatus(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
      resp.send();
    }
  }

private:
  Log& log_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  explicit Factory(Log& log) : log_(log) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(log_);
  }

private:
  Log& log_;
};

class ClientHttp : public ::testing::Test {
protected:
  void SetUp() override {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port_ = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setKeepAlive(true);
    params->setMaxThreads(4);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(log_), socket, params);
    server_->start();
  }
  void TearDown() override { server_->stopAll(true); }

  EndpointConfig config(const std::string& path, const std::string& extra = "") {
    return EndpointConfig::fromJsonText(R"({"endpoint": "http://127.0.0.1:)" + std::to_string(port_) + path +
                                        "\"" + extra + "}");
  }
  Error queryError(const EndpointConfig& c) {
    SparqlClient client(c);
    try {
      client.query("SELECT ?s WHERE { ?s ?p ?o }");
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "no error from " << c.endpoint;
    return Error(ErrorCode::ok, "");
  }

  Log log_;
  int port_ = 0;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace

TEST_F(ClientHttp, GetWithAcceptAndGraphOnOneKeptAliveConnection) {
  SparqlClient client(config("/ok", R"(, "graph": "http://ex.org/g?x=1&y")"));
  const std::string q = "SELECT ?s WHERE { ?s a <http://ex.org/T> } # ü & + =";
  for (int i = 0; i < 3; ++i) {
    ResultSet rs = client.query(q);
    ASSERT_EQ(rs.rows.size(), 1u);
    EXPECT_EQ(rs.get(0, "s")->value, "http://ex.org/a");
  }
  EXPECT_EQ(client.requestCount(), 3);
  EXPECT_EQ(client.connectionCount(), 1);
  std::lock_guard<std::mutex> g(log_.mu);
  ASSERT_EQ(log_.requests.size(), 3u);
  for (const auto& s : log_.requests) {
    EXPECT_EQ(s.method, "GET");
    EXPECT_EQ(s.accept, "application/sparql-results+json");
    EXPECT_EQ(s.query, q);  // the server decoded exactly what we sent
    EXPECT_EQ(s.graph, "http://ex.org/g?x=1&y");
    EXPECT_EQ(s.clientPort, log_.requests[0].clientPort);  // same TCP connection
  }
}

TEST_F(ClientHttp, PostIsFormEncodedNeverSparqlQuery) {
  SparqlClient client(config("/ok", R"(, "method": "post")"));
  const std::string q = "SELECT ?s WHERE { ?s ?p \"a&b=c\" }";
  EXPECT_EQ(client.query(q).rows.size(), 1u);
  // A long query goes as POST automatically.
  SparqlClient automatic(config("/ok"));
  std::string longQuery = "SELECT ?s WHERE { ?s ?p ?o } #" + std::string(3000, 'x');
  EXPECT_EQ(automatic.query(longQuery).rows.size(), 1u);
  std::lock_guard<std::mutex> g(log_.mu);
  ASSERT_EQ(log_.requests.size(), 2u);
  for (const auto& s : log_.requests) {
    EXPECT_EQ(s.method, "POST");
    EXPECT_EQ(s.contentType, "application/x-www-form-urlencoded");
    EXPECT_EQ(s.uri, "/ok");
  }
  EXPECT_EQ(log_.requests[0].query, q);
  EXPECT_EQ(log_.requests[1].query, longQuery);
}

TEST_F(ClientHttp, MalformedJsonIsInvalidNamingEndpointAndStatus) {
  Error e = queryError(config("/malformed"));
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(e.place().fields.at("endpoint"), "http://127.0.0.1:" + std::to_string(port_) + "/malformed");
  EXPECT_EQ(e.place().fields.at("status"), "200");
}

TEST_F(ClientHttp, NonJsonAnswerIsInvalid) {
  Error e = queryError(config("/html"));
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(e.place().fields.at("content_type"), "text/html");
}

TEST_F(ClientHttp, HttpErrorIsIoWithStatusAndServerText) {
  Error e = queryError(config("/error"));
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_EQ(e.place().fields.at("status"), "400");
  EXPECT_NE(e.message().find("SP030"), std::string::npos);
  Error nf = queryError(config("/nowhere"));
  EXPECT_EQ(nf.errorCode(), ErrorCode::io);
  EXPECT_EQ(nf.place().fields.at("status"), "404");
}

TEST_F(ClientHttp, TimeoutIsIo) {
  Error e = queryError(config("/slow", R"(, "timeout_s": 1)"));
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_EQ(e.place().fields.at("endpoint"), "http://127.0.0.1:" + std::to_string(port_) + "/slow");
}

TEST_F(ClientHttp, AnswerOverTheCapIsIo) {
  Error e = queryError(config("/big", R"(, "max_bytes": 4096)"));
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
}

TEST(ClientDown, ClosedPortIsIoNamingTheEndpoint) {
  int port;
  {
    Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
    port = s.address().port();
  }  // closed again: nobody listens there now
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/sparql";
  SparqlClient client(EndpointConfig::fromJsonText(R"({"endpoint": ")" + url + R"(", "timeout_s": 5})"));
  try {
    client.query("ASK {}");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::io);
    EXPECT_EQ(e.place().fields.at("endpoint"), url);
    EXPECT_EQ(e.place().fields.count("status"), 0u);
    EXPECT_NE(e.fullText().find(url), std::string::npos);
  }
}
