// Calendar feeds: a secret URL per personal account from which a calendar
// program (Outlook, Thunderbird) fetches the deadlines the account may see,
// without a session (docs/dev/security.md, "Calendar feeds and email
// reminders"; served by igsgovd at /api/v1/kalender/<secret>.ics).
//
// The secret is "igsgovcal_" + 64 hex digits (256 bits from RAND_bytes),
// returned once by createFeed() and never stored: the register keeps its
// SHA-256 (table calendar_feed, migration 0012, journaled). An account has at
// most one current feed; making a new one closes the old row (the old URL
// stops working), revoking closes it. Nothing is deleted.
//
// Thread safety: free functions without state. createFeed/revokeFeed run
// inside a Register write; feedAccount/feedCreated need the register's lock.
// Failure: igsgov::Error, Dutch, naming the account (invalid, notFound).
#pragma once

#include "core/Json.hpp"
#include "records/Register.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace igsgov::service {

// True when the text has the shape of a feed secret.
bool looksLikeFeedSecret(std::string_view secret);

// A new feed for the (existing, enabled) account; closes its current one.
// Output: account, created, secret (only here), replaced (true when an older feed was closed).
JsonObject createFeed(records::Writer& w, const std::string& account);
// Closes the account's current feed; notFound when it has none.
JsonObject revokeFeed(records::Writer& w, const std::string& account);
// When the account's current feed was made, or nothing.
std::optional<std::string> feedCreated(store::Database& db, const std::string& account);
// The account whose current feed this secret opens, or nothing (malformed,
// unknown, revoked). The stored hash is compared in constant time.
std::optional<std::string> feedAccount(store::Database& db, std::string_view secret);

}  // namespace igsgov::service
