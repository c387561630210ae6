/*
 * igsgov.h - the C ABI of libigsgov, the governance-records library for
 * Flemish intermunicipal cooperation (IGS).
 *
 * Contract
 *  - Every function returns 0 (IGSGOV_OK) on success or a negative igsgov_code.
 *    On failure the calling thread's last error (igsgov_error_last) holds the
 *    code, a Dutch message for the end user and a JSON detail naming the place
 *    (record, field, file, line, ...). No C++ exception ever crosses this ABI.
 *  - Out-parameters come first. Buffers handed out are owned by the library
 *    and released with igsgov_buf_dispose.
 *  - A NULL or invalid argument returns IGSGOV_EARGUMENT; it never crashes.
 *  - Options are passed in versioned structs: set .version to the *_VERSION
 *    constant you compiled against (use the *_INIT macros).
 *  - igsgov_init / igsgov_shutdown are reference counted; call them in pairs.
 *    The library keeps no other process-wide state and never creates a
 *    Poco::Util::Application.
 *
 * Thread safety
 *  - igsgov_init, igsgov_shutdown, igsgov_log_set_callback: call from one
 *    thread while no other igsgov call runs.
 *  - A igsgov_register* may be shared by threads: calls on it are serialised
 *    internally. Different registers are independent.
 *  - igsgov_error_last is per thread. igsgov_catalogue, igsgov_version_* are
 *    safe from any thread.
 *
 * Operations
 *  Every user action is an operation of the catalogue, executed with
 *  igsgov_execute(&out, reg, "mandate.appoint", json_in, &opts). The list of
 *  operations with their parameters is igsgov_catalogue(). See
 *  docs/dev/c-abi.md and docs/operaties.md.
 */
#ifndef IGSGOV_H
#define IGSGOV_H

#include <stddef.h>

#if defined(_WIN32)
#define IGSGOV_API __declspec(dllexport)
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

#define IGSGOV_OPEN_OPTIONS_VERSION 1
typedef struct igsgov_open_options {
  unsigned int version; /* IGSGOV_OPEN_OPTIONS_VERSION */
  int create;           /* 1: create a new register (register.init); 0: open an existing one */
} igsgov_open_options;
#define IGSGOV_OPEN_OPTIONS_INIT {IGSGOV_OPEN_OPTIONS_VERSION, 0}

#define IGSGOV_EXEC_OPTIONS_VERSION 1
typedef struct igsgov_exec_options {
  unsigned int version; /* IGSGOV_EXEC_OPTIONS_VERSION */
  const char* actor;    /* who, recorded in the journal (NULL: "onbekend") */
  const char* role;     /* beheerder | directeur | secretariaat | auditor (NULL: beheerder) */
  const char* reason;   /* why, recorded in the journal (may be NULL) */
  int format;           /* an igsgov_format for the output */
} igsgov_exec_options;
#define IGSGOV_EXEC_OPTIONS_INIT {IGSGOV_EXEC_OPTIONS_VERSION, NULL, NULL, NULL, IGSGOV_FORMAT_JSON}

/* Log levels for the callback: 0 trace, 1 debug, 2 info, 3 warn, 4 error. */
typedef void (*igsgov_log_fn)(int level, const char* message, void* userdata);

IGSGOV_API int igsgov_init(void);
IGSGOV_API int igsgov_shutdown(void);
IGSGOV_API int igsgov_version_number(void);
IGSGOV_API const char* igsgov_version_string(void);

/* Sends the library's log lines at or above min_level to fn (NULL: stop). */
IGSGOV_API int igsgov_log_set_callback(igsgov_log_fn fn, void* userdata, int min_level);

IGSGOV_API int igsgov_open(igsgov_register** out, const char* path, const igsgov_open_options* options);
IGSGOV_API void igsgov_close(igsgov_register* reg);

/* Executes one catalogue operation. json_in may be NULL for "{}". On success
 * *out holds the output (JSON or Dutch text per options->format). */
IGSGOV_API int igsgov_execute(igsgov_buf* out, igsgov_register* reg, const char* operation, const char* json_in,
                              const igsgov_exec_options* options);

/* The catalogue (operations, params, roles, CLI words) as JSON. */
IGSGOV_API int igsgov_catalogue(igsgov_buf* out);

IGSGOV_API void igsgov_buf_dispose(igsgov_buf* buf);

/* The calling thread's last error; never NULL (code 0 when none). Valid until
 * the thread's next igsgov call. */
IGSGOV_API const igsgov_error* igsgov_error_last(void);

#ifdef __cplusplus
}
#endif

#endif /* IGSGOV_H */
