// The key under which igsgovd counts a client for its per-address caps and
// its failed-login throttle: an IPv4 address as it is; an IPv6 address by its
// /64 prefix, since one subscriber or host usually gets a whole /64 and could
// otherwise use a fresh address per connection; an IPv4-mapped IPv6 address
// (::ffff:a.b.c.d) as the IPv4 address.
//
// Behind a reverse proxy every client has the proxy's address: the caps and
// the throttle then count the proxy (docs/dev/security.md).
// Pure function, thread-safe.
#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>

namespace igsgov::service {

std::string clientKey(const Poco::Net::IPAddress& address);

}  // namespace igsgov::service
