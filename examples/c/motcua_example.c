/*
 * motcua from C, built against the installed library through pkg-config (see Makefile).
 *
 * Validates the two birth-registration dossiers against their procedure, applies two events of
 * the lifecycle log to a new dossier each, and verifies two signed PDFs against the project's
 * test root, printing one line per result:
 *
 *     <function> <input> status=<MotcuaStatus> <the library's JSON>
 *
 * the same lines as the Python, Java and PHP examples (tests/c/examples.sh compares them).
 *
 * Usage: motcua_example [EXAMPLES_DIR]   (default ./examples)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <motcua.h>

/* motcua has no clock: "today" and the validation time are inputs (examples/README.md). */
static const MotcuaDate TODAY = {2026, 11, 23};
static const char VALIDATION_TIME[] = "2026-03-05T02:30:15Z";

/* A file's bytes, read whole. */
typedef struct {
  unsigned char *data;
  size_t len;
} Bytes;

/* Reads DIR/NAME; exits with a message when it cannot. */
static Bytes read_file(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *file = fopen(path, "rb");
  Bytes bytes = {NULL, 0};
  size_t cap = 0;
  if (file != NULL) {
    for (;;) {
      if (bytes.len == cap) {
        cap = cap ? cap * 2 : 65536;
        unsigned char *grown = realloc(bytes.data, cap);
        if (grown == NULL) break;
        bytes.data = grown;
      }
      size_t n = fread(bytes.data + bytes.len, 1, cap - bytes.len, file);
      if (n == 0) break;
      bytes.len += n;
    }
  }
  if (file == NULL || ferror(file) || bytes.data == NULL) {
    fprintf(stderr, "motcua_example: cannot read %s\n", path);
    exit(2);
  }
  fclose(file);
  return bytes;
}

/* Prints one result line and frees the library's string (NULL when nothing was written). */
static void report(const char *function, const char *input, MotcuaStatus status, char *json) {
  printf("%s %s status=%d %s\n", function, input, (int)status, json != NULL ? json : "-");
  motcua_string_free(json);
}

/* Appends `text` to `out` (at `*at`, of size `cap`) as a JSON string. Returns 0 when it fits. */
static int append_json_string(char *out, size_t cap, size_t *at, const char *text, size_t len) {
  static const char hex[] = "0123456789abcdef";
  if (*at + 1 >= cap) return 1;
  out[(*at)++] = '"';
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    char escaped[7] = {0};
    if (c == '"' || c == '\\') {
      escaped[0] = '\\', escaped[1] = (char)c;
    } else if (c == '\n') {
      escaped[0] = '\\', escaped[1] = 'n';
    } else if (c < 0x20) {
      memcpy(escaped, "\\u00", 4), escaped[4] = hex[c >> 4], escaped[5] = hex[c & 15];
    } else {
      escaped[0] = (char)c;
    }
    size_t n = strlen(escaped);
    if (*at + n + 1 >= cap) return 1;
    memcpy(out + *at, escaped, n);
    *at += n;
  }
  if (*at + 1 >= cap) return 1;
  out[(*at)++] = '"';
  out[*at] = '\0';
  return 0;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "examples";
  int ok = 1;
  printf("motcua_version - status=0 %s\n", motcua_version());

  /* A procedure is parsed once into a handle, used for every dossier, then freed. */
  Bytes procedure_json = read_file(dir, "procedure-birth-registration.json");
  MotcuaProcedure *procedure = NULL;
  char *error = NULL;
  MotcuaStatus status =
      motcua_procedure_parse(procedure_json.data, procedure_json.len, &procedure, &error);
  free(procedure_json.data);
  if (status != MOTCUA_STATUS_OK) {
    report("motcua_procedure_parse", "procedure-birth-registration.json", status, error);
    return 1;
  }
  static const char *const dossiers[] = {"dossier-birth-registration-valid.json",
                                         "dossier-birth-registration-invalid.json"};
  for (size_t i = 0; i < sizeof dossiers / sizeof *dossiers; i++) {
    Bytes dossier = read_file(dir, dossiers[i]);
    char *json = NULL;
    status = motcua_forms_validate(procedure, dossier.data, dossier.len, TODAY, &json);
    report("motcua_forms_validate", dossiers[i], status, json);
    ok = ok && status == MOTCUA_STATUS_OK;
    free(dossier.data);
  }
  motcua_procedure_free(procedure);

  /* The first two events of the log, each applied to a new dossier (NULL): the first is
   * accepted; the second, a receipt, is refused, since a new dossier has not been submitted.
   * A real program passes the "dossier" of each answer to the next call instead of NULL. */
  Bytes log = read_file(dir, "lifecycle-log.jsonl");
  const unsigned char *line = log.data, *end = log.data + log.len;
  for (int number = 1; number <= 2 && line < end; number++) {
    const unsigned char *newline = memchr(line, '\n', (size_t)(end - line));
    size_t len = newline != NULL ? (size_t)(newline - line) : (size_t)(end - line);
    char *json = NULL, input[64];
    status = motcua_lifecycle_step(NULL, 0, line, len, NULL, 0, &json);
    snprintf(input, sizeof input, "lifecycle-log.jsonl:%d", number);
    report("motcua_lifecycle_step", input, status, json);
    ok = ok && status == MOTCUA_STATUS_OK;
    line += len + 1;
  }
  free(log.data);

  /* Signed PDFs, with the project's test root as the only trust anchor and the legal format of
   * Decree 30/2020 checked. */
  Bytes root = read_file(dir, "signature-test-root.pem");
  char options[16384];
  size_t at = (size_t)snprintf(options, sizeof options,
                               "{\"validation_time\": \"%s\", \"trust_anchors\": [",
                               VALIDATION_TIME);
  if (append_json_string(options, sizeof options, &at, (const char *)root.data, root.len) != 0 ||
      at + sizeof "], \"profile\": \"decree30\"}" > sizeof options) {
    fprintf(stderr, "motcua_example: the trust anchor is too long\n");
    return 2;
  }
  strcpy(options + at, "], \"profile\": \"decree30\"}");
  free(root.data);
  static const char *const documents[] = {"signed-decision.pdf", "signed-decision-overlaid.pdf"};
  for (size_t i = 0; i < sizeof documents / sizeof *documents; i++) {
    Bytes document = read_file(dir, documents[i]);
    char *json = NULL;
    status = motcua_verify(document.data, document.len, (const uint8_t *)options,
                           strlen(options), &json);
    report("motcua_verify", documents[i], status, json);
    ok = ok && status == MOTCUA_STATUS_OK;
    free(document.data);
  }
  return ok ? 0 : 1;
}
