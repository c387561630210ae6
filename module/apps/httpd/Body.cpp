#include "Body.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerSession.h>

#include <istream>

namespace igsgov::httpd {

namespace {

// Why the stream went bad: the session keeps the exception its socket threw.
Body::Result failure(Poco::Net::HTTPServerRequest& request) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  const Poco::Exception* e = impl ? impl->session().networkException() : nullptr;
  return e && dynamic_cast<const Poco::TimeoutException*>(e) ? Body::Result::timedOut : Body::Result::broken;
}

}  // namespace

Body readBody(Poco::Net::HTTPServerRequest& request, long long limit) {
  Body body;
  auto declared = request.getContentLength64();
  if (declared > limit) {
    body.result = Body::Result::tooLarge;
    return body;
  }
  if (declared > 0) body.bytes.reserve(static_cast<std::size_t>(declared));
  std::istream& in = request.stream();
  char buf[8192];
  while (in) {
    in.read(buf, sizeof buf);
    body.bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (static_cast<long long>(body.bytes.size()) > limit) {
      body.result = Body::Result::tooLarge;
      body.bytes.clear();
      return body;
    }
  }
  // A fixed-length body that ends early is a client that broke off (the
  // stream only says end of file).
  bool shortBody = declared > 0 && static_cast<long long>(body.bytes.size()) != declared;
  if (in.bad() || shortBody) {
    body.result = in.bad() ? failure(request) : Body::Result::broken;
    body.bytes.clear();
  }
  return body;
}

}  // namespace igsgov::httpd
