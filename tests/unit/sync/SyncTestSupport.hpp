// Helpers for the sync tests: temporary folders, files, a fresh register.
#pragma once

#include "records/Register.hpp"

#include <memory>
#include <string>

namespace igsgov::sync::testing {

std::string tempDir(const std::string& prefix);  // removed at exit
void writeFile(const std::string& path, const std::string& bytes);  // creates parents
std::string readFile(const std::string& path);
bool exists(const std::string& path);
std::unique_ptr<records::Register> freshRegister(const std::string& dir);
bool verifies(records::Register& reg);  // audit.verify of the register is clean
long long actionCount(const JsonObject& runOutput, const std::string& action);  // counts.<action>, 0 if absent

}  // namespace igsgov::sync::testing
