// Error: the one exception type of igsgov, rooted in Poco::Exception.
//
// Every failure inside the library is thrown as igsgov::Error (or a Poco
// exception that the operation guard converts). An Error carries:
//   - a code (ErrorCode, the same numbers the C ABI returns and REST reports),
//   - a Dutch message for the end user (Poco's message()),
//   - a place: which record, field, file, line or column the problem is in.
// Adapters translate foreign errors (HTTP status, errno, SQLite codes) into an
// Error at their own edge. The C ABI maps Error to codes in one guard.
#pragma once

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <string>

namespace igsgov {

// Numbers are part of the C ABI (igsgov.h) and the REST error bodies: never renumber.
enum class ErrorCode : int {
  ok = 0,
  generic = -1,      // unexpected failure
  invalid = -2,      // bad input: a value, a field, a file
  notFound = -3,     // a referenced record does not exist
  conflict = -4,     // the change contradicts the register (overlap, duplicate, precondition)
  integrity = -5,    // the register or its journal does not verify
  io = -6,           // file system, network, database I/O
  unsupported = -7,  // a version or feature this build does not support
  denied = -8,       // the caller's role does not allow the operation
  busy = -9,         // the register is locked by another writer
  internal = -10,    // a bug: please report
  argument = -11,    // a null or invalid argument at the C ABI
};

const char* errorCodeName(ErrorCode code);

// Where a problem is. Every member is optional; an empty place is allowed.
struct Place {
  std::map<std::string, std::string> fields;  // e.g. record, field, file, line, column, part

  Place& set(const std::string& key, const std::string& value) {
    fields[key] = value;
    return *this;
  }
  bool empty() const { return fields.empty(); }
  // "mandaat m-1, veld 'until'" style Dutch description, "" when empty.
  std::string describe() const;
};

class Error : public Poco::Exception {
public:
  Error(ErrorCode code, const std::string& message, Place place = {});

  ErrorCode errorCode() const { return static_cast<ErrorCode>(code()); }
  const Place& place() const { return place_; }

  // {"code": "invalid", "number": -2, "message": "...", "place": {...}}
  Poco::JSON::Object::Ptr toJson() const;
  // The message followed by the place, for a terminal.
  std::string fullText() const;

  const char* name() const noexcept override { return "igsgov error"; }
  // The Dutch message with its place (what tests and logs show).
  const char* what() const noexcept override { return text_.c_str(); }
  const char* className() const noexcept override { return "igsgov::Error"; }
  Poco::Exception* clone() const override { return new Error(*this); }
  void rethrow() const override { throw *this; }

private:
  Place place_;
  std::string text_;
};

// Shorthands that read well at the throw site.
[[noreturn]] void throwInvalid(const std::string& message, Place place = {});
[[noreturn]] void throwNotFound(const std::string& message, Place place = {});
[[noreturn]] void throwConflict(const std::string& message, Place place = {});

// A place naming one field of one record: {"record": "<kind> <id>", "field": field}.
Place recordField(const std::string& kind, const std::string& id, const std::string& field);

}  // namespace igsgov
