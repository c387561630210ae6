// The calling thread's last error of the C ABI (igsgov_error_last).
//
// Every int-returning ABI function starts by clearing it and, on failure,
// records the code, the Dutch message and the detail JSON
// ({"code","number","message","place"}). Thread safety: thread-local, no
// locking. Ownership: the strings live in the thread's record until the next
// set/clear on that thread.
#pragma once

#include "core/Error.hpp"
#include "igsgov/igsgov.h"

#include <string>

namespace igsgov::capi {

// Records e and returns its code.
int setError(const Error& e);
// Records an error of `code` with a Dutch message and a place; returns code.
int setError(ErrorCode code, const std::string& message, Place place = {});
// A NULL or invalid argument: IGSGOV_EARGUMENT naming the argument.
int argumentError(const std::string& argument, const std::string& problem);
void clearError();
const igsgov_error* lastError();

}  // namespace igsgov::capi
