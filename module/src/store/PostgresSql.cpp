#include "store/PostgresSql.hpp"

#include <cctype>

namespace igsgov::store {

std::string numberParameters(const std::string& sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      size_t end = sql.find(c, i + 1);
      // A doubled quote inside continues the literal ('it''s'): find() stops at the
      // first one and the loop picks up the second as a new literal, same effect.
      if (end == std::string::npos) end = sql.size() - 1;
      out.append(sql, i, end - i + 1);
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      if (end == std::string::npos) end = sql.size() - 1;
      out.append(sql, i, end - i + 1);
      i = end;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t end = sql.find("*/", i + 2);
      end = end == std::string::npos ? sql.size() - 1 : end + 1;
      out.append(sql, i, end - i + 1);
      i = end;
    } else if (c == '?') {
      size_t digits = i + 1;
      while (digits < sql.size() && std::isdigit(static_cast<unsigned char>(sql[digits]))) ++digits;
      if (digits > i + 1) {  // ?NNN: SQLite's numbered parameter
        int n = std::stoi(sql.substr(i + 1, digits - i - 1));
        out += '$' + std::to_string(n);
        if (n > count) count = n;
        i = digits - 1;
      } else {
        out += '$' + std::to_string(++count);
      }
      // "? IS NULL" gives the server no type to infer for an untyped parameter.
      size_t next = sql.find_first_not_of(" \t\n", i + 1);
      if (next != std::string::npos && next + 2 < sql.size() && std::toupper(sql[next]) == 'I' &&
          std::toupper(sql[next + 1]) == 'S' && std::isspace(static_cast<unsigned char>(sql[next + 2])))
        out += "::text";
    } else {
      out += c;
    }
  }
  return out;
}

std::string insertTarget(const std::string& sql) {
  size_t i = 0;
  auto skipSpace = [&] {
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  };
  auto word = [&] {
    skipSpace();
    std::string w;
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i++])));
    return w;
  };
  if (word() != "insert" || word() != "into") return "";
  std::string table = word();
  std::string lower;
  for (char c : sql) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("returning") != std::string::npos) return "";
  return table;
}

bool selectsNoneOf(const std::string& sql, const std::vector<std::string>& tables) {
  std::string lower;
  lower.reserve(sql.size());
  for (char c : sql) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto start = lower.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || lower.compare(start, 6, "select") != 0) return false;
  auto identifier = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (const auto& table : tables) {
    for (auto at = lower.find(table); at != std::string::npos; at = lower.find(table, at + 1)) {
      bool before = at > 0 && identifier(lower[at - 1]);
      bool after = at + table.size() < lower.size() && identifier(lower[at + table.size()]);
      if (!before && !after) return false;
    }
  }
  return true;
}

}  // namespace igsgov::store
