# IGSGOV_FUZZ=ON: the whole build instrumented for coverage-guided fuzzing
# (libFuzzer) with AddressSanitizer and UndefinedBehaviorSanitizer; any
# undefined behaviour stops the process (no recovery), so the fuzzer keeps it
# as a crash. Only the fuzz targets (tests/fuzz, target `fuzz`) are meant to be
# built in such a build folder: scripts/fuzz makes one (build-fuzz/) with
# clang. System libraries (Poco, libzip, SQLite) are not instrumented.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "IGSGOV_FUZZ=ON needs clang for C and C++ (-DCMAKE_C_COMPILER=clang "
                      "-DCMAKE_CXX_COMPILER=clang++); scripts/fuzz sets this up (docs/dev/fuzzing.md)")
endif()
set(IGSGOV_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=all)
add_compile_options(${IGSGOV_SANITIZERS} -fsanitize=fuzzer-no-link -fno-omit-frame-pointer)
add_link_options(${IGSGOV_SANITIZERS})
