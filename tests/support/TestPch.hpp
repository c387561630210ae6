// The precompiled header of the test executables (tests/CMakeLists.txt,
// IGSGOV_TEST_PCH): the third-party and standard headers most test sources
// parse, compiled once per build folder instead of once per test source.
// Only headers outside this project: a test source still includes what it
// uses, and the project's own headers (whose contents change daily) are not
// frozen into it. Nothing here may depend on a macro the test targets define
// differently (IGSGOV_*, FMT_*, SPDLOG_*): GCC would refuse the header
// (-Winvalid-pch, an error under IGSGOV_WERROR).
#pragma once

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>
