# IGSGOV_FUZZ=ON: a build for coverage-guided fuzzing (libFuzzer) with
# AddressSanitizer and UndefinedBehaviorSanitizer; any undefined behaviour
# stops the process (no recovery), so the fuzzer keeps it as a crash. Only the
# fuzz targets (tests/fuzz, target `fuzz`) are meant to be built in such a
# build folder: scripts/fuzz makes one with clang. System libraries (Poco,
# libzip, SQLite) are not instrumented.
#
# Two ways (docs/dev/fuzzing.md):
#  - IGSGOV_FUZZ_PREBUILT empty (a developer's long runs): every area the
#    targets link is compiled here, instrumented.
#  - IGSGOV_FUZZ_PREBUILT=<a normal build folder of the same sources> (the
#    test suite's short runs): only the areas in IGSGOV_FUZZ_AREAS, the ones
#    whose parsers the targets feed, are compiled (instrumented); every other
#    area is that folder's static library (gcc, not instrumented: no coverage
#    feedback and no sanitizer checks inside it, which for the short runs is
#    the price of about half the compilations).
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "IGSGOV_FUZZ=ON needs clang for C and C++ (-DCMAKE_C_COMPILER=clang "
                      "-DCMAKE_CXX_COMPILER=clang++); scripts/fuzz sets this up (docs/dev/fuzzing.md)")
endif()
set(IGSGOV_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=all)
add_compile_options(${IGSGOV_SANITIZERS} -fsanitize=fuzzer-no-link -fno-omit-frame-pointer)
add_link_options(${IGSGOV_SANITIZERS})

set(IGSGOV_FUZZ_PREBUILT "" CACHE PATH
    "A normal build folder of the same sources whose static libraries stand in for the areas the fuzz targets do not exercise")
# core: JSON scanner and text rules under every format; docs: template, xml_scan,
# tag_syntax, zip; records and interchange: import, record_text; finance:
# plan_csv; the adapters' parsers: multistatus, sparql_results; web: forms;
# service (request framing) and igsgovd's parts (always compiled): http.
set(IGSGOV_FUZZ_AREAS core docs records interchange finance adapter_webdav adapter_sparql web service)

# igsgov_fuzz_prebuilt_area(NAME INCLUDES DEPS): igsgov_<NAME> as the imported
# static library of IGSGOV_FUZZ_PREBUILT, with the same include folders and
# dependencies as the compiled area (called by igsgov_area).
function(igsgov_fuzz_prebuilt_area name includes deps)
  set(lib ${IGSGOV_FUZZ_PREBUILT}/lib/static/${CMAKE_STATIC_LIBRARY_PREFIX}igsgov_${name}${CMAKE_STATIC_LIBRARY_SUFFIX})
  if(NOT EXISTS ${lib})
    message(FATAL_ERROR "fuzz: IGSGOV_FUZZ_PREBUILT=${IGSGOV_FUZZ_PREBUILT} has no ${lib}; build it first (cmake --build)")
  endif()
  add_library(igsgov_${name} STATIC IMPORTED GLOBAL)
  set_target_properties(igsgov_${name} PROPERTIES IMPORTED_LOCATION ${lib})
  target_include_directories(igsgov_${name} INTERFACE ${includes})
  target_link_libraries(igsgov_${name} INTERFACE ${deps})
endfunction()
