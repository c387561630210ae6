# igsgov_area(NAME SOURCES src... [DEPS target...])
# Declares one architectural area as the static library igsgov_<NAME>.
# Areas depend on each other only through DEPS, so the graph of the code is
# visible in the build files: DEPS names every area whose headers the area
# includes (a dependency of a dependency does not count), as literal target
# names. core is every area's dependency and is not listed. The test
# architecture.deps (tests/unit/architecture/check_deps.py) fails when a file
# includes a header of an area its own does not declare, or on a cycle; see
# docs/dev/architecture.md. The C ABI header lives in module/include.
#
# In a fuzz build with IGSGOV_FUZZ_PREBUILT (cmake/IgsgovFuzz.cmake), an area
# the fuzz targets do not exercise is not compiled: it is the static library
# of the normal build in that folder, imported.
function(igsgov_area name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  if(NOT name STREQUAL "core")
    list(PREPEND A_DEPS igsgov_core)
  endif()
  set(includes ${PROJECT_SOURCE_DIR}/module/include ${PROJECT_SOURCE_DIR}/module/src ${PROJECT_SOURCE_DIR})
  if(IGSGOV_FUZZ_PREBUILT AND NOT name IN_LIST IGSGOV_FUZZ_AREAS)
    igsgov_fuzz_prebuilt_area(${name} "${includes}" "${A_DEPS}")
    return()
  endif()
  add_library(igsgov_${name} STATIC ${A_SOURCES})
  target_include_directories(igsgov_${name} PUBLIC ${includes})
  target_link_libraries(igsgov_${name} PUBLIC ${A_DEPS})
  set_property(GLOBAL APPEND PROPERTY IGSGOV_AREAS igsgov_${name})
endfunction()

# igsgov_unit_test(NAME SOURCES src... DEPS target... [LABELS l...] [DISCOVER_FILTER f]
#                  [ONE_PROCESS_PER_PARAM p...])
# A GoogleTest executable registered with CTest (test names discovered: one
# process per test). DISCOVER_FILTER (a --gtest_filter expression) leaves
# tests out of the plain run that only another registration runs (e.g. an
# igsgov_postgresql_test).
# ONE_PROCESS_PER_PARAM: for executables whose tests share a server started
# once per process (tests/integration/adapters/TestServers.cpp), one CTest
# test NAME/p per parameter p runs every test named */p in one process, and
# NAME/others runs every other test; no test is left out and none runs twice.
# (One process per test started a WebDAV server for each of 138 tests: about
# 4 minutes of a 2-core CI run, docs/dev/testing.md.)
function(igsgov_unit_test name)
  cmake_parse_arguments(T "" "DISCOVER_FILTER" "SOURCES;DEPS;LABELS;ONE_PROCESS_PER_PARAM" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    IGSGOV_SOURCE_DIR="${PROJECT_SOURCE_DIR}" IGSGOV_BINARY_DIR="${PROJECT_BINARY_DIR}")
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  igsgov_test_use_pch(${name})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  if(T_ONE_PROCESS_PER_PARAM)
    set(others "")
    foreach(param ${T_ONE_PROCESS_PER_PARAM})
      add_test(NAME ${name}/${param} COMMAND ${name} --gtest_filter=*/${param})
      set_tests_properties(${name}/${param} PROPERTIES LABELS "${T_LABELS}")
      string(APPEND others ":*/${param}")
    endforeach()
    string(SUBSTRING "${others}" 1 -1 others)
    add_test(NAME ${name}/others COMMAND ${name} --gtest_filter=*-${others})
    set_tests_properties(${name}/others PROPERTIES LABELS "${T_LABELS}")
  elseif(T_DISCOVER_FILTER)
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 TEST_FILTER "${T_DISCOVER_FILTER}" PROPERTIES LABELS "${T_LABELS}")
  else()
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()

# igsgov_test_use_pch(TARGET)
# A C++ test executable reuses the tests' precompiled header (tests/CMakeLists.txt,
# IGSGOV_TEST_PCH); nothing when it is off.
function(igsgov_test_use_pch target)
  if(TARGET igsgov_test_pch)
    target_precompile_headers(${target} REUSE_FROM igsgov_test_pch)
  endif()
endfunction()

# igsgov_postgresql_test(NAME TARGET [ARGS...])
# Runs the test executable TARGET once more, on PostgreSQL: inside a throwaway
# cluster started by tests/support/postgres.sh (IGSGOV_TEST_DB points at it, so
# tests/support/TestRegister.hpp gives each register a fresh database). ARGS go
# to the executable (e.g. a --gtest_filter leaving out SQLite-only tests). Label
# `postgresql`. A server that does not start fails the test.
function(igsgov_postgresql_test name target)
  add_test(NAME ${name}.postgresql
    COMMAND ${PROJECT_SOURCE_DIR}/tests/support/postgres.sh run $<TARGET_FILE:${target}> ${ARGN})
  set_tests_properties(${name}.postgresql PROPERTIES LABELS "postgresql" TIMEOUT 900)
endfunction()
