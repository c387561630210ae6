#include "Exchange.hpp"

#include "ErrorReply.hpp"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <memory>

namespace igsgov::httpd {

namespace {

// An HTTPServerSession that leaves the socket open when it ends: the
// connection outlives the request (the gate keeps or closes it).
class OneRequestSession : public Poco::Net::HTTPServerSession {
public:
  OneRequestSession(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params)
      : HTTPServerSession(socket, params) {}
  ~OneRequestSession() override { detachSocket(); }
};

// Answers a problem found outside the handler and ends the connection.
Outcome answerAndClose(ConnectionSocket& io, int status, const Error& error) {
  try {
    std::string answer = errorReply(status, error);
    io.sendBytes(answer.data(), static_cast<int>(answer.size()));
  } catch (const Poco::Exception&) {
    return Outcome::abort;
  }
  return Outcome::close;
}

}  // namespace

Outcome serve(Connection& connection, const ExchangeContext& ctx) {
  ConnectionSocket& io = *connection.io;
  io.setReadDeadline(connection.deadline);  // the header's (it is in the inbox already)
  io.startAnswer(ctx.response);
  OneRequestSession session(connection.socket, ctx.params);
  bool keepAlive = false;
  {
    Poco::Net::HTTPServerResponseImpl response(session);
    std::unique_ptr<Poco::Net::HTTPServerRequestImpl> request;
    try {
      Poco::Net::HTTPServerParams::Ptr params = ctx.params;
      request = std::make_unique<Poco::Net::HTTPServerRequestImpl>(response, session, params.get());
    } catch (const Poco::Net::MessageException& e) {
      // The gate parsed this header already; still, answer without the
      // response, which refers to the request that failed to parse.
      return answerAndClose(io, 400,
                            Error(ErrorCode::invalid, "de kop van de vraag is onleesbaar (" + e.displayText() + ")",
                                  Place().set("part", "kop")));
    } catch (const Poco::DataException& e) {
      return answerAndClose(io, 400,
                            Error(ErrorCode::invalid, "de kop van de vraag is onleesbaar (" + e.displayText() + ")",
                                  Place().set("part", "kop")));
    } catch (const Poco::Exception&) {
      return Outcome::abort;
    }
    Poco::Net::HTTPServerRequestImpl& req = *request;

    bool stopping = ctx.stopping && ctx.stopping->load();
    response.setDate(Poco::Timestamp());
    response.setVersion(req.getVersion());
    response.setKeepAlive(ctx.keepAlive && req.getKeepAlive() && !stopping);
    io.setReadDeadline(std::chrono::steady_clock::now() + ctx.body);
    bool declaredBody = req.getChunkedTransferEncoding() || req.getContentLength64() > 0;
    try {
      std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(ctx.factory->createRequestHandler(req));
      if (req.getExpectContinue()) response.sendContinue();
      handler->handleRequest(req, response);
    } catch (const Poco::TimeoutException&) {
      if (!response.sent())
        return answerAndClose(io, 408,
                              Error(ErrorCode::invalid, "de vraag kwam niet op tijd volledig aan",
                                    Place().set("limit", "limits.body_timeout_seconds")));
      return Outcome::abort;
    } catch (const std::exception& e) {
      if (!response.sent())
        return answerAndClose(io, 500, Error(ErrorCode::internal, std::string("interne fout: ") + e.what()));
      return Outcome::abort;
    }
    if (!response.sent())
      return answerAndClose(io, 500, Error(ErrorCode::internal, "interne fout: de vraag kreeg geen antwoord"));
    // A body left unread would be taken for the next request.
    bool bodyDone = !declaredBody || req.stream().eof();
    keepAlive = response.getKeepAlive() && bodyDone && !(ctx.stopping && ctx.stopping->load());
  }  // the response's stream is flushed here
  // A failed read was answered by the handler (408, 400); a failed write
  // leaves nothing worth keeping.
  if (io.writeFailed()) return Outcome::abort;
  if (!keepAlive || session.networkException()) return Outcome::close;
  Poco::Buffer<char> rest(0);
  session.drainBuffer(rest);
  io.unread(rest.begin(), rest.size());
  return Outcome::keepAlive;
}

}  // namespace igsgov::httpd
