#include "journal/RowDigest.hpp"

#include "core/Sha256.hpp"

#include <algorithm>
#include <charconv>

namespace igsgov::journal {

std::vector<std::size_t> digestOrder(const std::vector<std::string>& names) {
  std::vector<std::size_t> order;
  order.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] != "rec_to") order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
  return order;
}

std::string insertDigest(const std::string& table, const Columns& columns) {
  std::vector<std::string> names;
  names.reserve(columns.size());
  for (const auto& c : columns) names.push_back(c.first);
  return insertDigest(table, columns, digestOrder(names));
}

std::string insertDigest(const std::string& table, const Columns& columns, const std::vector<std::size_t>& order) {
  std::string buf;
  buf.reserve(512);
  buf += table;
  buf.push_back('\n');
  char number[24];
  for (std::size_t i : order) {
    const auto* c = &columns.at(i);
    buf += c->first;
    if (std::holds_alternative<long long>(c->second)) {
      buf += "=i:";
      buf.append(number, std::to_chars(number, number + sizeof number, std::get<long long>(c->second)).ptr);
    } else if (std::holds_alternative<std::string>(c->second)) {
      const auto& s = std::get<std::string>(c->second);
      buf += "=t";
      buf.append(number, std::to_chars(number, number + sizeof number, s.size()).ptr);
      buf.push_back(':');
      buf += s;
    } else {
      buf += "=n";
    }
    buf.push_back('\n');
  }
  return sha256Hex(buf);
}

std::string closeDigest(const std::string& table, long long rowId, const std::string& recTo) {
  return sha256Hex(table + "\n" + std::to_string(rowId) + "\nrec_to=" + recTo + "\n");
}

Columns readColumns(const store::Statement& st) {
  Columns out;
  int n = st.columnCount();
  out.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out.emplace_back(st.columnName(i), st.value(i));
  return out;
}

int foreignStorageColumn(const store::Statement& st) {
  for (int i = 0, n = st.columnCount(); i < n; ++i) {
    auto c = st.storageClass(i);
    if (c == store::StorageClass::real || c == store::StorageClass::blob) return i;
  }
  return -1;
}

}  // namespace igsgov::journal
