// The table of open registers behind igsgov_register* handles.
//
// A handle is an opaque key; the ABI never dereferences a pointer the host
// passes in. acquire() looks the key up and returns a shared reference to the
// Session, so a register closed by another thread (release()) stays alive
// until every call that acquired it has returned. A stale or foreign pointer
// is simply not found. Limit: after close, a later igsgov_open may get the
// same address, and the stale key then names the new register.
//
// Thread safety: all functions may be called from any thread (one mutex).
#pragma once

#include "ops/Session.hpp"

#include <memory>

struct igsgov_register;

namespace igsgov::capi {

// Registers a new open Session and returns its handle.
igsgov_register* adopt(std::shared_ptr<ops::Session> session);
// The Session behind handle, or nullptr when handle is not open.
std::shared_ptr<ops::Session> acquire(const igsgov_register* handle);
// Removes handle; false when it was not open. The Session is destroyed when
// the last acquired reference is dropped.
bool release(const igsgov_register* handle);
// Number of open handles (tests, shutdown diagnostics).
std::size_t openCount();

}  // namespace igsgov::capi
