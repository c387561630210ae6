// DutchText: the words and value forms of the terminal renderings
// (--format text, ops/TextRender.hpp). The JSON output keeps its stable
// English keys for programs; a person reads Dutch labels, Dutch dates
// ("1 april 2026"), Belgian local times, euro amounts in Belgian notation and
// Dutch words for the recorded kinds of change. Pure functions; thread-safe.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>

namespace igsgov::ops {

// The Dutch label of an output key ("legal_form" -> "rechtsvorm"); a key
// without a label reads with spaces for underscores (Dutch keys such as
// "inwoners_peildatum" are their own label).
std::string dutchLabel(const std::string& key);
// Whether dutchLabel knows the key (the CLI tests list the keys without one).
bool hasDutchLabel(const std::string& key);

// A scalar value as a person reads it, given its key: booleans ja/nee,
// ISO dates as Dutch long dates, record times as Belgian local date and time,
// *_cents as euro amounts, rate_micro_eur as a rate, the recorded kinds of
// change (create, change, correction, ...) in Dutch; anything else as is.
std::string dutchValue(const std::string& key, const Poco::Dynamic::Var& value);

// "Rechtsvorm" from "rechtsvorm": the first letter upper case (ASCII).
std::string capitalised(std::string text);

}  // namespace igsgov::ops
