// The header from C++: extern "C" linkage, no name mangling surprises.
#include <igsgov/igsgov.h>

#include <iostream>
#include <string>

int main() {
  if (igsgov_init() != IGSGOV_OK) return 1;
  igsgov_buf out{};
  if (igsgov_catalogue(&out) != IGSGOV_OK) return 1;
  std::string catalogue(out.ptr, out.size);
  igsgov_buf_dispose(&out);
  igsgov_shutdown();
  if (catalogue.find("\"body.composition\"") == std::string::npos) return 1;
  std::cout << "consumer_cxx ok " << igsgov_version_string() << "\n";
  return 0;
}
