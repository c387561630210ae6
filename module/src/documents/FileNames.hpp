// FileNames: predictable names for generated documents.
//
//   per member:       <template>_<cooperation>_<nis>_<gemeente>.<ext>
//                     (a member without NIS code: its member id instead of <nis>_<gemeente>)
//   per cooperation:  <template>_<cooperation>_<as-of>.<ext>
//   a batch as ZIP:   <template>_<cooperation>_<generation>.zip
// Every part is reduced to [a-z0-9-] (slug: accents folded, other characters
// become '-', runs collapsed), so a name never contains a path separator and
// is the same on every file system. Thread safety: pure functions.
#pragma once

#include <string>

namespace igsgov::documents {

std::string slug(const std::string& text);

std::string memberFileName(const std::string& templateName, const std::string& cooperation, const std::string& nis,
                           const std::string& gemeente, const std::string& memberId, const std::string& ext);
std::string cooperationFileName(const std::string& templateName, const std::string& cooperation,
                                const std::string& asOf, const std::string& ext);
std::string batchFileName(const std::string& templateName, const std::string& cooperation, long long generation);

}  // namespace igsgov::documents
