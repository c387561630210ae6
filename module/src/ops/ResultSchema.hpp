// Small builders for the JSON Schema of an operation's output
// (Operation::result), so every operation states its result shape where it is
// declared and the OpenAPI document (service/OpenApi.hpp) publishes it. The
// REST tests validate every answer against it (tests/integration/httpd), so a
// schema that no longer matches what the operation returns fails a test.
//
// The subset used (and checked by the tests' validator): type, properties,
// required, items, additionalProperties, enum, nullable, description, example.
// Objects are open (more fields allowed) unless closed() is used: a result
// names the fields a client may rely on, with their types.
// Pure functions; every call returns a new object the caller owns.
#pragma once

#include "core/Json.hpp"

#include <initializer_list>
#include <string>
#include <utility>

namespace igsgov::ops::result {

using Fields = std::initializer_list<std::pair<const char*, JsonObject>>;

JsonObject text();                       // string
JsonObject date();                       // string, format date (JJJJ-MM-DD)
JsonObject timestamp();                  // string, ISO 8601 instant
JsonObject integer();
JsonObject number();
JsonObject boolean();
JsonObject any();                        // any JSON value
JsonObject maybe(JsonObject s);          // s, or null
JsonObject list(JsonObject item);        // array of item
JsonObject oneOf(std::initializer_list<const char*> values);  // a string from a closed list
// An object with these required fields and these optional ones (open: more allowed).
JsonObject object(Fields required, Fields optional = {});
// A write's output: these fields and "journal" {seq, hash} (records::Register::write adds it).
JsonObject written(Fields required = {}, Fields optional = {});
// The same schema with an example output (shown in the OpenAPI document).
JsonObject example(JsonObject s, const std::string& json);

// The record shapes several operations return.
JsonObject journalRef();       // {seq, hash}: the journal entry a write made
JsonObject recorded();         // {from, kind, reason?, journal_seq}: how a record's version was written
JsonObject cooperation();
JsonObject person();
JsonObject mandate();
JsonObject seatedMandate();    // a mandate in a composition: person and member spelled out
JsonObject document();         // a governing document with its versions
JsonObject documentVersion();
JsonObject journalEntry();     // one entry of audit.journal / changes
JsonObject finding();          // a compliance finding

}  // namespace igsgov::ops::result

namespace igsgov::ops {
namespace rs = result;  // short name for the declarations in the area files
}  // namespace igsgov::ops
