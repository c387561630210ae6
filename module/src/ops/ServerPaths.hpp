// Server paths and remote callers.
//
// A parameter of type "path" names a file or folder on the machine running the
// library. A local caller (the CLI, a host through the C ABI) may give one: it
// acts with its own rights on its own machine. A remote caller (igsgovd's REST
// API and intranet) never names a server file: the service either refuses the
// parameter or fills it from its own configuration, never as given.
//
//   remoteInput      for input a remote caller wrote (REST): refuses every path
//                    parameter present (Error invalid naming the operation and
//                    field, before anything is read or written), then fills the
//                    path parameters that have a Param::setting from `files`.
//                    A path parameter with Param::values (documents.generate's
//                    template: the shipped template names) also takes one of
//                    those exact names, which are not paths; any other value
//                    is refused like a path.
//   withServerFiles  for input a front end built itself (intranet pages): only
//                    fills absent path parameters that have a setting.
//
//   withServiceValues  fills absent *string* parameters that have a Param::setting
//                    from the service's values (kServiceValues): settings that are
//                    not files, such as the base URI of published linked data.
//                    A caller may still give the parameter itself.
//
// A setting missing from `files` leaves the parameter absent, so the
// operation's own default applies (documented per operation: the environment
// of the service, a file beside the register, or the built-in data).
// Pure functions; thread-safe.
#pragma once

#include "ops/Catalogue.hpp"

#include <map>
#include <set>
#include <string>

namespace igsgov::ops {

// setting (e.g. "calendar_dir") -> a path the service's configuration names.
using ServerFiles = std::map<std::string, std::string>;

// Every setting a Param may name: sync_config, sparql_config, calendar_dir, rules_dir,
// pack_key, pack_certificate, smtp_config (igsgovd's "files" section), and
// intranet.documents_dir (a setting with a '.' is a configuration field of its own:
// igsgovd's documents folder, which is not configured under "files").
extern const std::set<std::string> kServerSettings;

// Where igsgovd's configuration holds a setting: "files.<setting>", or the setting itself when it has a '.'.
std::string settingField(const std::string& setting);

// Every value a string Param's setting may name: linked_data.base_uri.
extern const std::set<std::string> kServiceValues;

JsonObject remoteInput(const Operation& op, const JsonObject& input, const ServerFiles& files);
JsonObject withServerFiles(const Operation& op, const JsonObject& input, const ServerFiles& files);
JsonObject withServiceValues(const Operation& op, const JsonObject& input, const std::map<std::string, std::string>& values);

}  // namespace igsgov::ops
