/*
 * igsgov.h - the C ABI of libigsgov, the governance-records library for
 * Flemish intermunicipal cooperation (IGS). Full reference: docs/dev/c-abi.md.
 *
 * Contract
 *  - Every int-returning function returns 0 (IGSGOV_OK) on success or a
 *    negative igsgov_code. On failure the calling thread's last error
 *    (igsgov_error_last) holds the code, a Dutch message for the end user and
 *    a JSON detail naming the place (record, field, file, line, ...). A call
 *    that succeeds clears it. No C++ exception ever crosses this ABI.
 *  - Out-parameters come first. On failure they are set to NULL / empty.
 *  - Buffers handed out (igsgov_buf) are owned by the library and released
 *    with igsgov_buf_dispose; the host never calls free() on them.
 *  - A NULL or invalid argument returns IGSGOV_EARGUMENT; it never crashes.
 *    Register handles are checked against the library's table of open
 *    registers, so a closed or foreign handle is reported, not dereferenced.
 *    Limits: a pointer to memory that is not an igsgov_buf / option struct
 *    cannot be detected (see docs/dev/c-abi.md, "What cannot be checked").
 *  - Options are passed in versioned structs: set .version to the *_VERSION
 *    constant you compiled against (use the *_INIT macros, or, from a host
 *    that cannot use C macros such as Python's ctypes, C# or PHP FFI, the
 *    igsgov_*_options_init functions). Passing NULL means "all defaults". A
 *    version newer than this library knows returns IGSGOV_EUNSUPPORTED;
 *    version 0 returns IGSGOV_EARGUMENT. Later versions only append fields,
 *    and older versions stay accepted.
 *  - Each function's comment lists the codes it returns besides IGSGOV_OK
 *    ("Errors:"). Every int-returning function may also return
 *    IGSGOV_EINTERNAL (a bug in igsgov) and IGSGOV_EGENERIC (an unexpected
 *    failure, e.g. out of memory); a host should treat an unlisted code as
 *    a failure, never as success.
 *  - igsgov_init / igsgov_shutdown are reference counted; call them in pairs.
 *    igsgov_open, igsgov_execute, igsgov_catalogue and igsgov_key_generate need
 *    at least one igsgov_init that has not been shut down. igsgov_close, igsgov_buf_dispose,
 *    igsgov_error_*, igsgov_version_* work at any time. The library never
 *    creates a Poco::Util::Application and leaves the host's spdlog, SQLite
 *    and OpenSSL state alone.
 *  - The void functions (igsgov_close, igsgov_buf_dispose) and igsgov_error_last
 *    do not clear the last error, so a host may close a register after a
 *    failed call and still report that call's error.
 *
 * Thread safety
 *  - igsgov_init, igsgov_shutdown, igsgov_log_set_callback, igsgov_catalogue,
 *    igsgov_key_generate, igsgov_version_*, igsgov_error_* are safe from any
 *    thread.
 *  - An igsgov_register* may be shared by threads: writes on it are serialised
 *    internally (one at a time per register); reads run side by side, each on
 *    one consistent committed state. Different registers are
 *    independent and run in parallel. igsgov_close may even race with calls on
 *    the same handle: those calls finish first, later ones get IGSGOV_EARGUMENT.
 *  - igsgov_error_last is per thread.
 *  - An igsgov_buf belongs to whoever received it; do not dispose it twice
 *    from two threads at once.
 *
 * Operations
 *  Every user action is an operation of the catalogue, executed with
 *  igsgov_execute(&out, reg, "mandate.appoint", json_in, &opts). The list of
 *  operations with their parameters is igsgov_catalogue().
 */
#ifndef IGSGOV_H
#define IGSGOV_H

#include <stddef.h>

/* Windows: the library's own build defines IGSGOV_BUILDING (exports);
 * a consumer of the DLL gets dllimport. */
#if defined(_WIN32)
#if defined(IGSGOV_BUILDING)
#define IGSGOV_API __declspec(dllexport)
#else
#define IGSGOV_API __declspec(dllimport)
#endif
#else
#define IGSGOV_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define IGSGOV_VERSION_MAJOR 0
#define IGSGOV_VERSION_MINOR 1
#define IGSGOV_VERSION_PATCH 0
/* major * 10000 + minor * 100 + patch */
#define IGSGOV_VERSION_NUMBER (IGSGOV_VERSION_MAJOR * 10000 + IGSGOV_VERSION_MINOR * 100 + IGSGOV_VERSION_PATCH)

typedef enum igsgov_code {
  IGSGOV_OK = 0,
  IGSGOV_EGENERIC = -1,     /* unexpected failure */
  IGSGOV_EINVALID = -2,     /* bad input: a value, a field, a file */
  IGSGOV_ENOTFOUND = -3,    /* a referenced record, operation or file does not exist */
  IGSGOV_ECONFLICT = -4,    /* contradicts the register (overlap, duplicate, precondition) */
  IGSGOV_EINTEGRITY = -5,   /* the register or its journal does not verify */
  IGSGOV_EIO = -6,          /* file system, network or database I/O */
  IGSGOV_EUNSUPPORTED = -7, /* a newer format or schema, or a missing feature */
  IGSGOV_EDENIED = -8,      /* the caller's role may not run the operation */
  IGSGOV_EBUSY = -9,        /* the register is locked by another writer */
  IGSGOV_EINTERNAL = -10,   /* a bug in igsgov */
  IGSGOV_EARGUMENT = -11    /* a NULL or invalid argument to this ABI */
} igsgov_code;

/* A buffer owned by the library; release with igsgov_buf_dispose. ptr is
 * NUL-terminated; size excludes the NUL. */
typedef struct igsgov_buf {
  char* ptr;
  size_t size;
} igsgov_buf;

typedef struct igsgov_error {
  int code;            /* an igsgov_code */
  const char* message; /* Dutch, for the end user */
  const char* detail;  /* JSON: {"code":..,"number":..,"message":..,"place":{..}} */
} igsgov_error;

typedef struct igsgov_register igsgov_register;

typedef enum igsgov_format { IGSGOV_FORMAT_JSON = 0, IGSGOV_FORMAT_TEXT = 1 } igsgov_format;

#define IGSGOV_OPEN_OPTIONS_VERSION 2
typedef struct igsgov_open_options {
  unsigned int version; /* IGSGOV_OPEN_OPTIONS_VERSION */
  int create;           /* 1: create a new register (register.init); 0: open an existing one */
  /* Since version 2. The Ed25519 private key file (PEM, UTF-8 path) that signs
   * every journal entry written through this handle; NULL: entries are not
   * signed. Take it from the host's configuration, never from the register.
   * A file others may read is refused (IGSGOV_EDENIED). Once a register has
   * signed entries, writing without a key is refused (IGSGOV_EDENIED). */
  const char* signing_key;
} igsgov_open_options;
#define IGSGOV_OPEN_OPTIONS_INIT {IGSGOV_OPEN_OPTIONS_VERSION, 0, NULL}

#define IGSGOV_EXEC_OPTIONS_VERSION 1
typedef struct igsgov_exec_options {
  unsigned int version; /* IGSGOV_EXEC_OPTIONS_VERSION */
  const char* actor;    /* who, recorded in the journal (NULL: "onbekend") */
  const char* role;     /* beheerder | directeur | secretariaat | auditor (NULL: beheerder) */
  const char* reason;   /* why, recorded in the journal (may be NULL) */
  int format;           /* an igsgov_format for the output */
} igsgov_exec_options;
#define IGSGOV_EXEC_OPTIONS_INIT {IGSGOV_EXEC_OPTIONS_VERSION, NULL, NULL, NULL, IGSGOV_FORMAT_JSON}

/* Log levels for the callback. */
typedef enum igsgov_log_level {
  IGSGOV_LOG_TRACE = 0,
  IGSGOV_LOG_DEBUG = 1,
  IGSGOV_LOG_INFO = 2,
  IGSGOV_LOG_WARN = 3,
  IGSGOV_LOG_ERROR = 4
} igsgov_log_level;

/* Receives one log line (English, no trailing newline). message is valid only
 * during the call. Called on the thread that logs, one line at a time (never
 * concurrently). Calls into igsgov made from inside the callback work, but
 * their own log lines are dropped (no recursion, no deadlock). */
typedef void (*igsgov_log_fn)(int level, const char* message, void* userdata);

/* Reference-counted start and stop; the last igsgov_shutdown also removes the
 * log callback. igsgov_shutdown without a matching igsgov_init is
 * IGSGOV_EARGUMENT.
 * Errors: igsgov_init: IGSGOV_EGENERIC (start-up failed);
 *         igsgov_shutdown: IGSGOV_EARGUMENT. */
IGSGOV_API int igsgov_init(void);
IGSGOV_API int igsgov_shutdown(void);

/* The library's version: major * 10000 + minor * 100 + patch, and "M.m.p".
 * Compare igsgov_version_number() / 10000 with IGSGOV_VERSION_MAJOR to check
 * that the library you loaded is compatible with the header you compiled. */
IGSGOV_API int igsgov_version_number(void);
IGSGOV_API const char* igsgov_version_string(void);

/* Sends the library's log lines at or above min_level (an igsgov_log_level)
 * to fn; fn NULL stops. When this returns, the previous callback is no longer
 * running and will not be called again, so its userdata may be freed.
 * Errors: IGSGOV_EARGUMENT (min_level not an igsgov_log_level, or called from
 * inside the callback). */
IGSGOV_API int igsgov_log_set_callback(igsgov_log_fn fn, void* userdata, int min_level);

/* Fill *options with this library's defaults for the struct as it is at
 * `version` (the *_VERSION constant of the header the host's struct follows):
 * the same values as the *_INIT macros, for hosts that cannot use C macros.
 * Only the fields that exist at that version are written.
 * Errors: IGSGOV_EARGUMENT (options NULL, version 0), IGSGOV_EUNSUPPORTED
 * (version newer than this library). Need no igsgov_init. */
IGSGOV_API int igsgov_open_options_init(igsgov_open_options* options, unsigned int version);
IGSGOV_API int igsgov_exec_options_init(igsgov_exec_options* options, unsigned int version);

/* Opens (or with options->create makes) the register file at path (UTF-8).
 * On success *out is a new handle owned by the caller: close it with
 * igsgov_close. On failure *out is NULL.
 * Errors: IGSGOV_EARGUMENT (out or path NULL or empty, not initialised, bad
 * options), IGSGOV_EUNSUPPORTED (options version too new, a register of a
 * newer schema), IGSGOV_ENOTFOUND (no register at path and create 0; no
 * signing key file), IGSGOV_ECONFLICT (create 1 and a register exists at
 * path), IGSGOV_EINVALID (a database that is not an igsgov register; a
 * signing key file that is not a usable key), IGSGOV_EINTEGRITY (a file
 * that is not a database, or a damaged one), IGSGOV_EDENIED (signing key
 * readable by others), IGSGOV_EBUSY (locked by another writer), IGSGOV_EIO. */
IGSGOV_API int igsgov_open(igsgov_register** out, const char* path, const igsgov_open_options* options);

/* Closes a register. NULL is ignored. A handle that is not open (closed
 * already, or not from igsgov_open) is left alone and sets the last error to
 * IGSGOV_EARGUMENT. Calls running on the handle in other threads finish first. */
IGSGOV_API void igsgov_close(igsgov_register* reg);

/* Executes one catalogue operation on reg. json_in is a JSON object (UTF-8);
 * NULL or "" means {}. options NULL means actor "onbekend", role beheerder,
 * no reason, JSON output. On success *out holds the output (JSON or Dutch text
 * per options->format; release it with igsgov_buf_dispose); on failure *out
 * is {NULL, 0}.
 * What a failure leaves in the register: a read changes nothing. A write
 * (one transaction, one journal entry) that fails before its commit leaves
 * the register unchanged. Two exceptions:
 *  - sync.run and sync.resync commit per batch of files (so that a long run
 *    keeps what it did): a failure leaves the batches done before it
 *    committed and journaled; sync.status shows where the run stopped, and
 *    the next run continues from there.
 *  - the output is rendered (Dutch text per options->format) and copied into
 *    *out after the commit: if that fails (e.g. out of memory), the call
 *    returns the error although the write is committed and journaled.
 *    audit.journal (or the journal head) tells whether it was.
 * Errors: IGSGOV_EARGUMENT (out, reg or operation NULL, reg not open, bad
 * options, not initialised), IGSGOV_EUNSUPPORTED (options version too new),
 * and from the operation: IGSGOV_ENOTFOUND (unknown operation or record),
 * IGSGOV_EINVALID (bad json_in or parameter), IGSGOV_EDENIED (role may not
 * run it), IGSGOV_ECONFLICT, IGSGOV_EINTEGRITY, IGSGOV_EBUSY, IGSGOV_EIO. */
IGSGOV_API int igsgov_execute(igsgov_buf* out, igsgov_register* reg, const char* operation, const char* json_in,
                              const igsgov_exec_options* options);

/* Makes a new Ed25519 key pair that signs a register's journal: the private
 * key at private_key_path (UTF-8; created exclusively, mode 0600) and the
 * public key beside it at private_key_path + ".pub" (give that one to the
 * auditors: audit.verify checks signatures with it). A file or symlink at
 * either name is IGSGOV_ECONFLICT and nothing is written. On success *out
 * holds JSON {"private_key": .., "public_key": .., "key_id": ..}.
 * Errors: IGSGOV_EARGUMENT (out or path NULL or empty, not initialised),
 * IGSGOV_ECONFLICT (a file at either name), IGSGOV_EIO. */
IGSGOV_API int igsgov_key_generate(igsgov_buf* out, const char* private_key_path);

/* The catalogue (operations, params, roles, CLI words) as JSON:
 * {"operations": [{"name", "summary", "access", "roles", "params", ...}]}.
 * Errors: IGSGOV_EARGUMENT (out NULL, not initialised). */
IGSGOV_API int igsgov_catalogue(igsgov_buf* out);

/* Frees buf->ptr and sets buf to {NULL, 0}. NULL and an already disposed
 * (or zero-initialised) buffer are ignored. */
IGSGOV_API void igsgov_buf_dispose(igsgov_buf* buf);

/* The calling thread's last error; never NULL (code 0, message "" and detail
 * "{}" when none). The strings stay valid until the thread's next call that
 * returns int, or igsgov_error_clear. */
IGSGOV_API const igsgov_error* igsgov_error_last(void);

/* Resets the calling thread's last error to code 0. */
IGSGOV_API void igsgov_error_clear(void);

/* The stable English name of a code ("ok", "invalid", "not_found", ...; the
 * "code" field of the detail JSON and of REST error bodies); "unknown" for a
 * number that is not an igsgov_code. Never NULL, static storage. */
IGSGOV_API const char* igsgov_error_name(int code);

#ifdef __cplusplus
}
#endif

#endif /* IGSGOV_H */
