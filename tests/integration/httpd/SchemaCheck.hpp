// Checks igsgovd's answers against its own OpenAPI document, so the result
// schemas declared in the catalogue (ops/ResultSchema.hpp) cannot drift from
// what the operations return: Igsgovd::request (Harness.hpp) runs every
// /api/v1 answer through answerViolations and throws on any.
//
// A small JSON Schema validator for the subset the document uses: type,
// nullable, properties, required, additionalProperties (boolean or schema),
// items, enum, format date / date-time, $ref to #/components/...; any other
// keyword is reported as a violation, so the subset cannot grow unnoticed.
// Pure functions, thread-safe.
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace igsgov::test {

// Every place where `value` does not match `schema` ("$.cooperations[0].id: ..."); empty when it matches.
std::vector<std::string> schemaViolations(const Poco::Dynamic::Var& value, const Poco::JSON::Object::Ptr& schema,
                                          const Poco::JSON::Object::Ptr& document, const std::string& where = "$");

// What is wrong with igsgovd's answer (status, media type, body) to METHOD path
// according to the document: an undocumented 2xx status or media type, a
// JSON body that does not match the declared schema (errors: the Error schema),
// or a declared file (format: binary) whose first bytes are not its media type's
// (a zip for ZIP, DOCX, ODT and XLSX; %PDF- for PDF).
std::vector<std::string> answerViolations(const Poco::JSON::Object::Ptr& document, const std::string& method,
                                          const std::string& path, int status, const std::string& contentType,
                                          const std::string& body);

}  // namespace igsgov::test
