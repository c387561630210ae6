/* A consumer of the installed libigsgov: create a register, import the
 * sample, ask for a composition.  consumer_c <sample.json> <register.db>
 * Prints "consumer ok <version> <bytes>" and exits 0 when everything works. */
#include <igsgov/igsgov.h>

#include <stdio.h>
#include <string.h>

static int fail(const char* what) {
  fprintf(stderr, "consumer: %s: %s\n", what, igsgov_error_last()->message);
  return 1;
}

int main(int argc, char** argv) {
  igsgov_register* reg = NULL;
  igsgov_open_options open_opts = IGSGOV_OPEN_OPTIONS_INIT;
  igsgov_buf out = {NULL, 0};
  char input[4096];
  size_t bytes;
  if (argc != 3) return 2;
  if (igsgov_version_number() / 10000 != IGSGOV_VERSION_MAJOR) return fail("incompatible library");
  if (igsgov_init() != IGSGOV_OK) return fail("init");
  remove(argv[2]);
  open_opts.create = 1;
  if (igsgov_open(&reg, argv[2], &open_opts) != IGSGOV_OK) return fail("open");
  snprintf(input, sizeof input, "{\"path\": \"%s\"}", argv[1]);
  if (igsgov_execute(&out, reg, "register.import", input, NULL) != IGSGOV_OK) return fail("import");
  igsgov_buf_dispose(&out);
  if (igsgov_execute(&out, reg, "body.composition", "{\"body\": \"igs-cultuur-va-rvb\", \"as_of\": \"2023-06-01\"}",
                     NULL) != IGSGOV_OK)
    return fail("composition");
  if (!strstr(out.ptr, "\"mandates\"")) return fail("no mandates in the composition");
  bytes = out.size;
  igsgov_buf_dispose(&out);
  igsgov_close(reg);
  igsgov_shutdown();
  printf("consumer ok %s %lu\n", igsgov_version_string(), (unsigned long)bytes);
  return 0;
}
