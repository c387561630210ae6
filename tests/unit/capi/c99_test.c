/*
 * A plain C99 host of libigsgov, compiled with -std=c99 -pedantic -Werror
 * -Wall -Wextra: proves the header is valid C and that a C program can do
 * real work through the ABI.
 *   c99_test <sample register.json> <register file to create>
 * Exit 0 when every check passes; each failed check prints a line.
 */
#include "igsgov/igsgov.h"

#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond, what)                                                             \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      const igsgov_error* e_ = igsgov_error_last();                                   \
      fprintf(stderr, "FAIL %s:%d: %s (last error %d: %s)\n", __FILE__, __LINE__, what, \
              e_->code, e_->message);                                                 \
      ++failures;                                                                     \
    }                                                                                 \
  } while (0)

static void log_line(int level, const char* message, void* userdata) {
  int* count = (int*)userdata;
  (void)level;
  if (message && *message) ++*count;
}

int main(int argc, char** argv) {
  igsgov_register* reg = NULL;
  igsgov_open_options open_opts = IGSGOV_OPEN_OPTIONS_INIT;
  igsgov_exec_options exec_opts = IGSGOV_EXEC_OPTIONS_INIT;
  igsgov_buf out = {NULL, 0};
  char input[4096];
  int lines = 0;
  int rc;

  if (argc != 3) {
    fprintf(stderr, "usage: c99_test SAMPLE.json REGISTER.db\n");
    return 2;
  }
  remove(argv[2]);

  CHECK(igsgov_version_number() == IGSGOV_VERSION_NUMBER, "version number matches the header");
  CHECK(igsgov_version_number() / 10000 == IGSGOV_VERSION_MAJOR, "same major version");
  CHECK(igsgov_init() == IGSGOV_OK, "init");
  CHECK(igsgov_log_set_callback(log_line, &lines, IGSGOV_LOG_DEBUG) == IGSGOV_OK, "log callback");

  open_opts.create = 1;
  rc = igsgov_open(&reg, argv[2], &open_opts);
  CHECK(rc == IGSGOV_OK && reg != NULL, "create a register");
  if (rc != IGSGOV_OK) return 1;

  sprintf(input, "{\"path\": \"%s\"}", argv[1]);
  exec_opts.actor = "c99-test";
  rc = igsgov_execute(&out, reg, "register.import", input, &exec_opts);
  CHECK(rc == IGSGOV_OK, "import the sample");
  CHECK(out.ptr != NULL && strstr(out.ptr, "\"imported\"") != NULL, "import reports what it imported");
  igsgov_buf_dispose(&out);
  CHECK(out.ptr == NULL && out.size == 0, "dispose resets the buffer");

  rc = igsgov_execute(&out, reg, "body.composition", "{\"body\": \"igs-cultuur-va-rvb\", \"as_of\": \"2023-06-01\"}",
                      NULL);
  CHECK(rc == IGSGOV_OK, "composition");
  CHECK(out.ptr != NULL && strlen(out.ptr) == out.size, "NUL-terminated output of the stated size");
  CHECK(out.ptr != NULL && strstr(out.ptr, "\"as_of\": \"2023-06-01\"") != NULL, "as_of echoed");
  CHECK(out.ptr != NULL && strstr(out.ptr, "\"name\": \"An Voorbeeld\"") != NULL, "chair of 2023 listed");
  igsgov_buf_dispose(&out);

  /* Errors: codes, Dutch messages, JSON detail, out cleared. */
  rc = igsgov_execute(&out, reg, "body.composition", "{\"body\": \"geen-orgaan\"}", NULL);
  CHECK(rc == IGSGOV_ENOTFOUND, "unknown body is not found");
  CHECK(igsgov_error_last()->code == IGSGOV_ENOTFOUND, "last error code");
  CHECK(strstr(igsgov_error_last()->message, "onbekend orgaan 'geen-orgaan'") != NULL, "Dutch message");
  CHECK(strstr(igsgov_error_last()->detail, "\"code\":\"not_found\"") != NULL, "detail JSON code");
  CHECK(strcmp(igsgov_error_name(rc), "not_found") == 0, "error name");
  CHECK(out.ptr == NULL, "no output on failure");

  rc = igsgov_execute(&out, reg, "person.create", "{\"id\": 12}", NULL);
  CHECK(rc == IGSGOV_EINVALID, "wrong type is invalid");
  CHECK(strstr(igsgov_error_last()->message, "tekst verwacht") != NULL, "message names the problem");
  CHECK(strstr(igsgov_error_last()->detail, "\"field\":\"'id'\"") != NULL, "detail names the field");

  CHECK(igsgov_execute(NULL, reg, "audit.verify", NULL, NULL) == IGSGOV_EARGUMENT, "NULL out");
  CHECK(igsgov_execute(&out, NULL, "audit.verify", NULL, NULL) == IGSGOV_EARGUMENT, "NULL register");
  CHECK(igsgov_execute(&out, reg, NULL, NULL, NULL) == IGSGOV_EARGUMENT, "NULL operation");
  exec_opts.version = 0;
  CHECK(igsgov_execute(&out, reg, "audit.verify", NULL, &exec_opts) == IGSGOV_EARGUMENT, "options version 0");
  exec_opts.version = IGSGOV_EXEC_OPTIONS_VERSION + 1;
  CHECK(igsgov_execute(&out, reg, "audit.verify", NULL, &exec_opts) == IGSGOV_EUNSUPPORTED, "newer options");
  CHECK(igsgov_open(NULL, argv[2], NULL) == IGSGOV_EARGUMENT, "NULL out for open");

  rc = igsgov_execute(&out, reg, "audit.verify", NULL, NULL);
  CHECK(rc == IGSGOV_OK && strstr(out.ptr, "\"ok\": true") != NULL, "journal verifies after the errors");
  CHECK(igsgov_error_last()->code == 0, "success clears the last error");
  igsgov_buf_dispose(&out);

  igsgov_close(reg);
  igsgov_close(reg); /* reported, not a crash */
  CHECK(igsgov_error_last()->code == IGSGOV_EARGUMENT, "second close reported");
  CHECK(lines > 0, "the host received log lines");
  CHECK(igsgov_shutdown() == IGSGOV_OK, "shutdown");
  CHECK(igsgov_shutdown() == IGSGOV_EARGUMENT, "unbalanced shutdown reported");

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  else printf("c99_test: all checks passed (%d log lines)\n", lines);
  return failures ? 1 : 0;
}
