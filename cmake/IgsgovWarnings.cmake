# The one place for compiler warning flags: included by the top-level
# CMakeLists.txt before any target, so every target of igsgov's own code (areas,
# libigsgov.so, igsgov, igsgovd, tests, benchmarks, fuzz targets) compiles with
# them, and no CMakeLists.txt sets -W flags of its own (the C99 host test adds
# -pedantic -Werror: that the header is valid C is what it tests). The scope is
# this project's directories only: a host that adds igsgov with
# add_subdirectory keeps its own flags.
#
# The build is silent: a new warning is a defect. CI (.ci/run) configures with
# IGSGOV_WERROR=ON (scripts/test, hence CI) so that a warning fails the run.
option(IGSGOV_WERROR "Treat compiler warnings as errors (scripts/test and CI turn this on)" OFF)

set(IGSGOV_WARNING_FLAGS -Wall -Wextra -Wno-unused-parameter)
if(IGSGOV_WERROR)
  list(APPEND IGSGOV_WARNING_FLAGS -Werror)
endif()
add_compile_options(${IGSGOV_WARNING_FLAGS})
