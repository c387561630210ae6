// Money: exact euro amounts (Cents) and exact rates (Rate) for the finance area.
//
// Cents is a whole number of euro cents in a signed 64-bit integer. There is no
// floating point anywhere in igsgov's money: every operation is exact or throws.
// Arithmetic that would overflow int64 throws Error(invalid, "bedrag te groot").
//
// Rate is an amount per unit (per inwoner, per dwelling, per day) that may need
// more precision than a cent: it is stored as a whole number of MICRO-EUROS
// (1 micro-euro = 10^-6 EUR = 10^-4 cent). €0,23 = 230000 µ€ and €0,905 =
// 905000 µ€ are exact; a rate with more than 6 decimals is refused.
// rate × count is exact in micro-euros; toCents rounds it to the cent HALF AWAY
// FROM ZERO ("half-up" on the magnitude) and is exact whenever the product is a
// whole number of cents.
//
// Text notation is Belgian: '.' groups thousands (optional, groups of 3), ','
// is the decimal separator, an optional '€' before or after, an optional '-'.
// "2.112,50", "€ 4.000", "0,23", "-15,5", "4000" are accepted; "0,235" is
// refused as an amount (not whole cents), "2,112.50" and "1.00" are malformed.
// Failures are Error(invalid) with a Dutch message and the caller's Place.
//
// Thread safety: value types and pure functions.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"

#include <compare>
#include <cstdint>
#include <string>

namespace igsgov::finance {

class Cents {
public:
  constexpr Cents() = default;
  constexpr explicit Cents(std::int64_t value) : value_(value) {}
  static Cents euros(std::int64_t whole);  // checked: whole × 100

  constexpr std::int64_t value() const { return value_; }
  bool isZero() const { return value_ == 0; }

  Cents operator+(Cents o) const;  // checked
  Cents operator-(Cents o) const;  // checked
  Cents operator-() const;         // checked
  Cents& operator+=(Cents o) { return *this = *this + o; }
  Cents& operator-=(Cents o) { return *this = *this - o; }
  Cents times(std::int64_t n) const;  // checked

  auto operator<=>(const Cents&) const = default;

private:
  std::int64_t value_ = 0;
};

class Rate {
public:
  constexpr Rate() = default;
  constexpr explicit Rate(std::int64_t microEuros) : micro_(microEuros) {}
  static Rate fromCents(Cents c);  // checked

  constexpr std::int64_t microEuros() const { return micro_; }
  // rate × count rounded half away from zero to the cent (checked).
  Cents timesRounded(std::int64_t count) const;
  // True when rate × count is a whole number of cents (no rounding happens).
  bool timesIsExact(std::int64_t count) const;

  auto operator<=>(const Rate&) const = default;

private:
  std::int64_t micro_ = 0;
};

// Parses a Belgian-notation amount; `place` names where it comes from.
Cents parseAmount(const std::string& text, const Place& place = {});
// Parses a Belgian-notation rate with at most 6 decimals.
Rate parseRate(const std::string& text, const Place& place = {});

// "€ 2.112,50", "-€ 15,00" (always two decimals, '.' thousands).
std::string formatEuro(Cents c);
// "2112,50": the plain form written to CSV cells (no symbol, no grouping).
std::string formatPlain(Cents c);
// "€ 0,23", "€ 0,905" (at least two decimals, trailing zeros beyond dropped).
std::string formatRate(Rate r);

// JSON: amounts are integers in cents, rates integers in micro-euros. The
// Reader names the record and field on failure; the string form of the
// integer is accepted too (Reader::integer does).
Cents centsField(const Reader& r, const std::string& field);
Rate rateField(const Reader& r, const std::string& field);

}  // namespace igsgov::finance
