// Base64 text of bytes (standard alphabet, padded, no line breaks), and back.
// Pure functions, thread-safe.
#pragma once

#include "core/Error.hpp"

#include <string>

namespace igsgov {

std::string base64Encode(const std::string& bytes);
// The bytes of `text` (line breaks allowed). Error(invalid) naming `place`
// when the text is not base64.
std::string base64Decode(const std::string& text, const Place& place);

}  // namespace igsgov
