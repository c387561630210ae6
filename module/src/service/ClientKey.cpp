#include "service/ClientKey.hpp"

#include <cstdio>
#include <cstring>

namespace igsgov::service {

std::string clientKey(const Poco::Net::IPAddress& address) {
  if (address.family() == Poco::Net::IPAddress::IPv4) return "adres " + address.toString();
  if (address.isIPv4Mapped()) {
    const auto* bytes = static_cast<const unsigned char*>(address.addr());
    return "adres " + std::to_string(bytes[12]) + "." + std::to_string(bytes[13]) + "." + std::to_string(bytes[14]) + "." +
           std::to_string(bytes[15]);
  }
  const auto* bytes = static_cast<const unsigned char*>(address.addr());
  char prefix[40];
  std::snprintf(prefix, sizeof prefix, "%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", bytes[0], bytes[1], bytes[2], bytes[3],
                bytes[4], bytes[5], bytes[6], bytes[7]);
  return std::string("adres ") + prefix;
}

}  // namespace igsgov::service
