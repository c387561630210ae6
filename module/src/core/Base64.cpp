#include "core/Base64.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

#include <cctype>
#include <iterator>
#include <sstream>

namespace igsgov {

std::string base64Encode(const std::string& bytes) {
  std::ostringstream os;
  Poco::Base64Encoder enc(os);
  enc.rdbuf()->setLineLength(0);
  enc << bytes;
  enc.close();
  return os.str();
}

std::string base64Decode(const std::string& text, const Place& place) {
  for (char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r'))
      throwInvalid("geen geldige base64-tekst", place);
  try {
    std::istringstream is(text);
    Poco::Base64Decoder dec(is);
    std::string out((std::istreambuf_iterator<char>(dec)), std::istreambuf_iterator<char>());
    return out;
  } catch (const Poco::Exception&) {
    throwInvalid("geen geldige base64-tekst", place);
  }
}

}  // namespace igsgov
