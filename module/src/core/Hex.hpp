// Lowercase hexadecimal text of bytes, and back. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace igsgov {

std::string hexEncode(std::string_view bytes);
// The bytes of `hex` (either case), or nullopt when it has an odd length or a
// character that is not a hex digit.
std::optional<std::string> hexDecode(std::string_view hex);

}  // namespace igsgov
