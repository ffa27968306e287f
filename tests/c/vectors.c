/*
 * The conformance vectors through the C ABI: runs every case of spec/vectors/identifiers.json
 * and spec/vectors/dossiers.json, compares the verdict, the normalized value, the info object and
 * the error and warning codes and paths with what the case expects, and fails on any mismatch.
 *
 * When MOTCUA_SURFACE_OUT names a directory, writes there c-identifiers.jsonl and
 * c-dossiers.jsonl: the JSON the ABI returned, one line per case in case order (tests/agree.py
 * compares them with the other surfaces).
 *
 * Usage: vectors SPEC_VECTORS_DIR
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static int failures = 0;
static int passes = 0;

static void fail_case(const char *suite, size_t i, const json *c, const char *fmt, ...) {
  const json *name = json_get(c, "name");
  fprintf(stderr, "FAIL %s case %zu (%s): ", suite, i,
          name != NULL && name->type == JSON_STRING ? name->str : "?");
  va_list args;
  va_start(args, fmt);
  vfprintf(stderr, fmt, args);
  va_end(args);
  fputc('\n', stderr);
  failures++;
}

/* Whether a value is NULL, JSON null, or absent: "normalized": null and no "normalized" agree. */
static bool is_nothing(const json *v) { return v == NULL || v->type == JSON_NULL; }

/* A non-empty JSON string. */
static bool filled(const json *v) { return v != NULL && v->type == JSON_STRING && v->str_len > 0; }

/* Compares the findings `actual` (array of Finding objects) with `expected`, an array of codes
 * (path "") or of {"code", "path"} objects, in order. On a mismatch writes why and returns false. */
static bool same_findings(const json *expected, const json *actual, const char *severity,
                          char *why, size_t why_len) {
  if (expected == NULL || expected->type != JSON_ARRAY) {
    snprintf(why, why_len, "the case has no %s list", severity);
    return false;
  }
  if (actual == NULL || actual->type != JSON_ARRAY) {
    snprintf(why, why_len, "the result has no %s list", severity);
    return false;
  }
  if (json_count(expected) != json_count(actual)) {
    snprintf(why, why_len, "%zu %ss expected, %zu returned: %.*s", json_count(expected), severity,
             json_count(actual), (int)actual->raw_len, actual->raw);
    return false;
  }
  size_t i = 0;
  for (const json *e = expected->child, *a = actual->child; e != NULL; e = e->next, a = a->next) {
    const json *code = e->type == JSON_STRING ? e : json_get(e, "code");
    const json *path = e->type == JSON_STRING ? NULL : json_get(e, "path");
    if (!json_equal(code, json_get(a, "code")) ||
        (path == NULL ? !json_is_string(json_get(a, "path"), "")
                      : !json_equal(path, json_get(a, "path")))) {
      snprintf(why, why_len, "%s %zu: expected %.*s, returned %.*s", severity, i,
               (int)e->raw_len, e->raw, (int)a->raw_len, a->raw);
      return false;
    }
    if (!json_is_string(json_get(a, "severity"), severity) || !filled(json_get(a, "vi")) ||
        !filled(json_get(a, "en")) || !filled(json_get(a, "rule"))) {
      snprintf(why, why_len, "%s %zu is not a complete %s finding: %.*s", severity, i, severity,
               (int)a->raw_len, a->raw);
      return false;
    }
    i++;
  }
  return true;
}

/* Opens <MOTCUA_SURFACE_OUT>/<file> for writing, or returns NULL when the variable is unset. */
static FILE *surface_out(const char *file) {
  const char *dir = getenv("MOTCUA_SURFACE_OUT");
  if (dir == NULL || *dir == '\0') {
    return NULL;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "w");
  if (f == NULL) {
    fprintf(stderr, "cannot write %s\n", path);
    exit(2);
  }
  return f;
}

/* Writes one result line (the ABI's JSON, or null when there was none). */
static void write_line(FILE *out, const char *result) {
  if (out != NULL) {
    fputs(result != NULL ? result : "null", out);
    fputc('\n', out);
  }
}

/* Parses the JSON the ABI returned; NULL (and a failure) when it is not JSON. */
static json *parse_result(const char *suite, size_t i, const json *c, const char *result) {
  char err[128];
  json *r = json_parse(result, strlen(result), err, sizeof err);
  if (r == NULL) {
    fail_case(suite, i, c, "the ABI returned invalid JSON (%s): %s", err, result);
  }
  return r;
}

static void check_identifier(size_t i, const json *c, const json *default_today, FILE *out) {
  const char *suite = "identifiers";
  MotcuaIdKind kind;
  MotcuaDate today;
  const json *input = json_get(c, "input");
  const json *today_text = json_get(c, "today") != NULL ? json_get(c, "today") : default_today;
  const json *valid = json_get(c, "valid");
  if (!kind_from_name(json_get(c, "kind"), &kind) || input == NULL ||
      input->type != JSON_STRING || !parse_date(today_text, &today) || valid == NULL ||
      valid->type != JSON_BOOL) {
    fail_case(suite, i, c, "malformed case (kind, input, today or valid)");
    write_line(out, NULL);
    return;
  }
  const uint8_t *bytes = (const uint8_t *)input->str;
  char *result = NULL;
  MotcuaStatus status = motcua_ids_check(kind, bytes, input->str_len, today, &result);
  if (status != MOTCUA_STATUS_OK) {
    fail_case(suite, i, c, "motcua_ids_check returned %s", status_name(status));
    write_line(out, NULL);
    return;
  }
  write_line(out, result);
  json *r = parse_result(suite, i, c, result);
  char why[1024];
  if (r == NULL) {
    /* already reported */
  } else if (!json_equal(json_get(r, "valid"), valid)) {
    fail_case(suite, i, c, "valid: expected %s, returned %s", valid->boolean ? "true" : "false",
              result);
  } else if (!json_equal(json_get(r, "input"), input) ||
             !json_equal(json_get(r, "kind"), json_get(c, "kind"))) {
    fail_case(suite, i, c, "kind or input not echoed: %s", result);
  } else if (is_nothing(json_get(c, "normalized")) != is_nothing(json_get(r, "normalized")) ||
             (!is_nothing(json_get(c, "normalized")) &&
              !json_equal(json_get(c, "normalized"), json_get(r, "normalized")))) {
    const json *n = json_get(c, "normalized");
    fail_case(suite, i, c, "normalized: expected %.*s, returned %s", n ? (int)n->raw_len : 4,
              n ? n->raw : "null", result);
  } else if (!same_findings(json_get(c, "errors"), json_get(r, "errors"), "error", why,
                            sizeof why) ||
             !same_findings(json_get(c, "warnings"), json_get(r, "warnings"), "warning", why,
                            sizeof why)) {
    fail_case(suite, i, c, "%s", why);
  } else if (json_get(c, "info") != NULL &&
             !json_equal(json_get(c, "info"), json_get(r, "info"))) {
    fail_case(suite, i, c, "info: expected %.*s, returned %s", (int)json_get(c, "info")->raw_len,
              json_get(c, "info")->raw, result);
  } else {
    bool fast = !valid->boolean;
    status = motcua_ids_is_valid(kind, bytes, input->str_len, today, &fast);
    if (status != MOTCUA_STATUS_OK || fast != valid->boolean) {
      fail_case(suite, i, c, "motcua_ids_is_valid returned %s, %s", status_name(status),
                fast ? "true" : "false");
    } else {
      passes++;
    }
  }
  json_free(r);
  motcua_string_free(result);
}

/* One vector file and its result file. */
typedef struct suite_file {
  char path[4096];
  char *text;
  json *doc;
  const json *cases;
  FILE *out;
} suite_file;

/* Loads <dir>/<name>.json and opens c-<name>.jsonl when results are wanted. */
static void suite_open(suite_file *s, const char *dir, const char *name) {
  snprintf(s->path, sizeof s->path, "%s/%s.json", dir, name);
  s->doc = load_json(s->path, &s->text);
  s->cases = json_get(s->doc, "cases");
  if (s->cases == NULL || s->cases->type != JSON_ARRAY || json_count(s->cases) == 0) {
    fprintf(stderr, "%s: no cases\n", s->path);
    exit(2);
  }
  char file[256];
  snprintf(file, sizeof file, "c-%s.jsonl", name);
  s->out = surface_out(file);
}

static void suite_close(suite_file *s) {
  if (s->out != NULL) {
    fclose(s->out);
  }
  json_free(s->doc);
  free(s->text);
}

static void run_identifiers(const char *dir) {
  suite_file s;
  suite_open(&s, dir, "identifiers");
  size_t i = 0;
  for (const json *c = s.cases->child; c != NULL; c = c->next, i++) {
    check_identifier(i, c, json_get(s.doc, "today"), s.out);
  }
  suite_close(&s);
}

/* The procedures of dossiers.json, each parsed once: into a handle, or (for the vectors of
 * broken procedures) into the status and JSON of its input error. */
typedef struct procedures {
  const json *json; /* the "procedures" object */
  size_t count;
  MotcuaProcedure **handles;
  MotcuaStatus *statuses;
  char **errors;
} procedures;

static procedures parse_procedures(const suite_file *s) {
  procedures p = {json_get(s->doc, "procedures"), json_count(json_get(s->doc, "procedures")),
                  NULL, NULL, NULL};
  if (p.count == 0 || p.json->type != JSON_OBJECT) {
    fprintf(stderr, "%s: no procedures\n", s->path);
    exit(2);
  }
  p.handles = calloc(p.count, sizeof *p.handles);
  p.statuses = calloc(p.count, sizeof *p.statuses);
  p.errors = calloc(p.count, sizeof *p.errors);
  if (p.handles == NULL || p.statuses == NULL || p.errors == NULL) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  size_t k = 0;
  for (const json *m = p.json->child; m != NULL; m = m->next, k++) {
    p.statuses[k] =
        motcua_procedure_parse((const uint8_t *)m->raw, m->raw_len, &p.handles[k], &p.errors[k]);
  }
  return p;
}

static void free_procedures(procedures *p) {
  for (size_t k = 0; k < p->count; k++) {
    motcua_procedure_free(p->handles[k]);
    motcua_string_free(p->errors[k]);
  }
  free(p->handles);
  free(p->statuses);
  free(p->errors);
}

static void check_dossier(size_t i, const json *c, const json *default_today,
                          const procedures *procs, FILE *out) {
  const char *suite = "dossiers";
  const json *dossier = json_get(c, "dossier");
  const json *today_text = json_get(c, "today") != NULL ? json_get(c, "today") : default_today;
  const json *input_error = json_get(c, "input_error");
  const json *procedure = NULL;
  size_t k = 0;
  for (const json *m = procs->json->child; m != NULL; m = m->next, k++) {
    if (json_is_string(json_get(c, "procedure"), m->key)) {
      procedure = m;
      break;
    }
  }
  MotcuaDate today;
  if (procedure == NULL || dossier == NULL || !parse_date(today_text, &today)) {
    fail_case(suite, i, c, "malformed case (unknown procedure, no dossier or no today)");
    write_line(out, NULL);
    return;
  }
  /* A string holds raw text (perhaps not JSON at all); anything else is passed verbatim. */
  const uint8_t *bytes = (const uint8_t *)(dossier->type == JSON_STRING ? dossier->str
                                                                        : dossier->raw);
  size_t len = dossier->type == JSON_STRING ? dossier->str_len : dossier->raw_len;

  /* A procedure that did not parse answers every case with its own input error, as
   * forms::validate_json does (it reads the procedure first). */
  char *validated = NULL;
  MotcuaStatus status = procs->statuses[k];
  if (procs->handles[k] != NULL) {
    status = motcua_forms_validate(procs->handles[k], bytes, len, today, &validated);
  }
  const char *result = procs->handles[k] != NULL ? validated : procs->errors[k];
  MotcuaStatus expected_status =
      input_error != NULL ? MOTCUA_STATUS_INVALID_INPUT : MOTCUA_STATUS_OK;
  write_line(out, result);
  json *r = NULL;
  char why[1024];
  if (status != expected_status) {
    fail_case(suite, i, c, "status %s, expected %s: %s", status_name(status),
              status_name(expected_status), result ? result : "");
  } else if ((r = parse_result(suite, i, c, result)) == NULL) {
    /* already reported */
  } else if (input_error != NULL) {
    const json *finding = json_get(r, "input_error");
    if (!json_equal(json_get(input_error, "code"), json_get(finding, "code")) ||
        !json_equal(json_get(input_error, "path"), json_get(finding, "path")) ||
        !json_is_string(json_get(finding, "severity"), "error") || !filled(json_get(finding, "vi"))
        || !filled(json_get(finding, "en")) || !filled(json_get(finding, "rule"))) {
      fail_case(suite, i, c, "input_error: expected %.*s, returned %s", (int)input_error->raw_len,
                input_error->raw, result);
    } else {
      passes++;
    }
  } else if (!json_equal(json_get(r, "valid"), json_get(c, "valid"))) {
    fail_case(suite, i, c, "valid: expected %.*s, returned %s",
              json_get(c, "valid") ? (int)json_get(c, "valid")->raw_len : 0,
              json_get(c, "valid") ? json_get(c, "valid")->raw : "", result);
  } else if (!same_findings(json_get(c, "errors"), json_get(r, "errors"), "error", why,
                            sizeof why) ||
             !same_findings(json_get(c, "warnings"), json_get(r, "warnings"), "warning", why,
                            sizeof why)) {
    fail_case(suite, i, c, "%s", why);
  } else {
    passes++;
  }
  json_free(r);

  /* The one-shot call must give the very same status and text. */
  char *once = NULL;
  MotcuaStatus once_status = motcua_forms_validate_json(
      bytes, len, (const uint8_t *)procedure->raw, procedure->raw_len, today, &once);
  if (once_status != status || once == NULL || result == NULL || strcmp(once, result) != 0) {
    fail_case(suite, i, c, "motcua_forms_validate_json disagrees (%s): %s",
              status_name(once_status), once ? once : "");
  }
  motcua_string_free(once);
  motcua_string_free(validated);
}

static void run_dossiers(const char *dir) {
  suite_file s;
  suite_open(&s, dir, "dossiers");
  procedures procs = parse_procedures(&s);
  size_t i = 0;
  for (const json *c = s.cases->child; c != NULL; c = c->next, i++) {
    check_dossier(i, c, json_get(s.doc, "today"), &procs, s.out);
  }
  free_procedures(&procs);
  suite_close(&s);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SPEC_VECTORS_DIR\n", argv[0]);
    return 2;
  }
  run_identifiers(argv[1]);
  run_dossiers(argv[1]);
  printf("C vectors: %d passed, %d failed\n", passes, failures);
  return failures == 0 ? 0 : 1;
}
