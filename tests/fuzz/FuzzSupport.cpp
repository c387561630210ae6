#include "FuzzSupport.hpp"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <fstream>
#include <sstream>

namespace igsgov::fuzz {

TempDir::TempDir() {
  // /dev/shm when there is one: the import and HTTP targets write a register
  // and a file per input, which need not reach a disk.
  std::string base = Poco::File("/dev/shm").exists() ? "/dev/shm" : Poco::Path::temp();
  path_ = Poco::TemporaryFile::tempName(base);
  Poco::File(path_).createDirectories();
}

TempDir::~TempDir() {
  try {
    Poco::File(path_).remove(true);
  } catch (...) {
  }
}

void writeFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) finding("cannot write " + path);
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) finding("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace igsgov::fuzz
