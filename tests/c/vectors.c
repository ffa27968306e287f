/*
 * The conformance vectors through the C ABI: runs every case of spec/vectors/identifiers.json
 * and spec/vectors/dossiers.json, compares the verdict, the normalized value, the info object and
 * the error and warning codes and paths with what the case expects, and fails on any mismatch;
 * then every case of every section of spec/vectors/calendar.json (lunar conversions in both
 * directions, the status of a day, due dates), in file order; then every case of
 * spec/vectors/lifecycle.json (transitions, replays, status logs) through motcua_lifecycle_*, and
 * its transitions again one event at a time through motcua_lifecycle_step; then every case of
 * spec/vectors/signature.json through motcua_verify and motcua_verify_detached on the files
 * motcua-forge wrote to SIGNATURE_FIXTURE_DIR (with the PEM anchors of that directory in the
 * options).
 *
 * When MOTCUA_SURFACE_OUT names a directory, writes there c-identifiers.jsonl,
 * c-dossiers.jsonl, c-calendar.jsonl, c-lifecycle.jsonl, c-lifecycle-step.jsonl and
 * c-signature.jsonl: the JSON the ABI returned (for the lunar conversions,
 * the C values written as JSON), one line per case in case order (tests/agree.py compares them
 * with the other surfaces; core/tests/vectors_calendar.rs and vectors_lifecycle.rs describe the
 * calendar's and the lifecycle's lines).
 *
 * Usage: vectors SPEC_VECTORS_DIR SIGNATURE_FIXTURE_DIR
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

/* Counts a case that passed, or reports why it failed. */
static void tally(const char *suite, size_t i, const json *c, bool ok, const char *why) {
  if (ok) {
    passes++;
  } else {
    fail_case(suite, i, c, "%s", why);
  }
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

/* ---- spec/vectors/calendar.json: sections of cases, run in file order ---- */

/* A growing text buffer, for composing result lines and requests. */
typedef struct text_buf {
  char *data;
  size_t len;
  size_t cap;
} text_buf;

static void buf_add(text_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap == 0 ? 256 : b->cap;
    while (b->len + n + 1 > cap) {
      cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (data == NULL) {
      fprintf(stderr, "out of memory\n");
      exit(2);
    }
    b->data = data;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static void buf_str(text_buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static const struct {
  const char *name;
  MotcuaReckoning reckoning;
} RECKONINGS[] = {
    {"vietnam", MOTCUA_RECKONING_VIETNAM},
    {"historical", MOTCUA_RECKONING_HISTORICAL},
    {"china", MOTCUA_RECKONING_CHINA},
};

static const struct {
  const char *name;
  MotcuaSchedule schedule;
} SCHEDULES[] = {
    {"mon_fri", MOTCUA_SCHEDULE_MON_FRI},
    {"mon_sat", MOTCUA_SCHEDULE_MON_SAT},
};

/* An integer member of an object within [min, max]; false when absent, not a number or out of
 * range. */
static bool int_member(const json *obj, const char *key, long min, long max, long *out) {
  const json *v = json_get(obj, key);
  if (v == NULL || v->type != JSON_NUMBER) {
    return false;
  }
  char *end = NULL;
  long n = strtol(v->raw, &end, 10);
  if (end != v->raw + v->raw_len || n < min || n > max) {
    return false;
  }
  *out = n;
  return true;
}

/* Whether the ABI's error text holds {"input_error": <a complete finding>} as `expected` says: a
 * code (at path "") or {"code", "path"}. */
static bool is_finding_of(const char *result, const json *expected, char *why, size_t why_len) {
  char err[128];
  json *r = json_parse(result, strlen(result), err, sizeof err);
  const json *f = json_get(r, "input_error");
  bool named = expected != NULL && expected->type == JSON_STRING;
  const json *code = named ? expected : json_get(expected, "code");
  const json *path = named ? NULL : json_get(expected, "path");
  bool ok = json_equal(json_get(f, "code"), code) &&
            (path == NULL ? json_is_string(json_get(f, "path"), "")
                          : json_equal(json_get(f, "path"), path)) &&
            json_is_string(json_get(f, "severity"), "error") && filled(json_get(f, "vi")) &&
            filled(json_get(f, "en")) && filled(json_get(f, "rule"));
  if (!ok) {
    snprintf(why, why_len, "expected the input error %.*s, got %s",
             expected ? (int)expected->raw_len : 4, expected ? expected->raw : "null", result);
  }
  json_free(r);
  return ok;
}

/* One direction of a lunar case, after its call returned `status`: `key` and the result in
 * `line` (`value`, the C value written as JSON, when OK; else the error JSON, or null for another
 * status); whether it is what the case expects: `value` when `matches` says it is the expected
 * one, else the case's `error`. Frees `error_json`. */
static bool lunar_direction(const char *function, const char *key, MotcuaStatus status,
                            const char *value, bool matches, char *error_json, const json *error,
                            text_buf *line, char *why, size_t why_len) {
  buf_str(line, key);
  bool ok = false;
  if (status == MOTCUA_STATUS_OK) {
    buf_str(line, value);
    ok = error == NULL && matches;
    if (!ok) {
      snprintf(why, why_len, "%s gave %s", function, value);
    }
  } else if (status != MOTCUA_STATUS_INVALID_INPUT) {
    buf_str(line, "null");
    snprintf(why, why_len, "%s returned %s", function, status_name(status));
  } else {
    buf_str(line, error_json);
    if (error == NULL) {
      snprintf(why, why_len, "%s failed: %s", function, error_json);
    } else {
      ok = is_finding_of(error_json, error, why, why_len);
    }
  }
  motcua_string_free(error_json);
  return ok;
}

/* A lunar case: each direction it runs, its JSON in `line`; the expectation checked. */
static void check_lunar(size_t i, const json *c, text_buf *line) {
  const char *suite = "calendar/lunar";
  const json *reckoning_name = json_get(c, "reckoning");
  const json *solar_text = json_get(c, "solar");
  const json *lunar = json_get(c, "lunar");
  const json *error = json_get(c, "error");
  MotcuaReckoning reckoning = 0;
  bool known = false;
  for (size_t k = 0; k < sizeof RECKONINGS / sizeof RECKONINGS[0]; k++) {
    if (json_is_string(reckoning_name, RECKONINGS[k].name)) {
      reckoning = RECKONINGS[k].reckoning;
      known = true;
    }
  }
  MotcuaDate solar = {0, 0, 0};
  long year = 0, month = 0, day = 0;
  const json *leap = json_get(lunar, "leap");
  bool has_solar = solar_text != NULL && parse_date(solar_text, &solar);
  bool has_lunar = lunar != NULL && int_member(lunar, "year", -2147483647L, 2147483647L, &year) &&
                   int_member(lunar, "month", 0, 255, &month) &&
                   int_member(lunar, "day", 0, 255, &day) && leap != NULL &&
                   leap->type == JSON_BOOL;
  if (!known || (solar_text != NULL) != has_solar || (lunar != NULL) != has_lunar ||
      (error != NULL && error->type != JSON_STRING) ||
      has_solar + has_lunar + (error != NULL) != 2) {
    fail_case(suite, i, c, "malformed case");
    buf_str(line, "null");
    return;
  }
  char why[1024] = "";
  bool ok = true;
  buf_str(line, "{");
  if (has_solar) {
    MotcuaLunarDate got = {0, 0, 0, false};
    char *error_json = NULL;
    MotcuaStatus status = motcua_calendar_to_lunar(solar, reckoning, &got, &error_json);
    char value[128];
    snprintf(value, sizeof value, "{\"year\":%d,\"month\":%d,\"day\":%d,\"leap\":%s}",
             (int)got.year, got.month, got.day, got.leap ? "true" : "false");
    bool matches = has_lunar && got.year == year && got.month == month && got.day == day &&
                   got.leap == leap->boolean;
    ok = lunar_direction("motcua_calendar_to_lunar", "\"to_lunar\":", status, value, matches,
                         error_json, error, line, why, sizeof why);
  }
  if (has_lunar) {
    MotcuaLunarDate input = {(int32_t)year, (uint8_t)month, (uint8_t)day, leap->boolean};
    MotcuaDate got = {0, 0, 0};
    char *error_json = NULL;
    MotcuaStatus status = motcua_calendar_to_solar(input, reckoning, &got, &error_json);
    char value[32];
    snprintf(value, sizeof value, "\"%04d-%02d-%02d\"", (int)got.year, got.month, got.day);
    bool matches =
        has_solar && got.year == solar.year && got.month == solar.month && got.day == solar.day;
    const char *key = has_solar ? ",\"to_solar\":" : "\"to_solar\":";
    ok = lunar_direction("motcua_calendar_to_solar", key, status, value, matches, error_json,
                         error, line, why, sizeof why) &&
         ok;
  }
  buf_str(line, "}");
  tally(suite, i, c, ok, why);
}

/* Whether the JSON value `v` (absent counts as null) equals the case's expectation `e`. */
static bool same_or_null(const json *e, const json *v) {
  return is_nothing(e) ? is_nothing(v) : json_equal(e, v);
}

/* A holidays case: the DayStatus (or input error) in `line`; the expectation checked. */
static void check_holiday(size_t i, const json *c, text_buf *line) {
  const char *suite = "calendar/holidays";
  MotcuaDate date;
  MotcuaSchedule schedule = 0;
  bool known = false;
  for (size_t k = 0; k < sizeof SCHEDULES / sizeof SCHEDULES[0]; k++) {
    if (json_is_string(json_get(c, "schedule"), SCHEDULES[k].name)) {
      schedule = SCHEDULES[k].schedule;
      known = true;
    }
  }
  if (!known || !parse_date(json_get(c, "date"), &date)) {
    fail_case(suite, i, c, "malformed case (date or schedule)");
    buf_str(line, "null");
    return;
  }
  char *result = NULL;
  MotcuaStatus status = motcua_calendar_day_status(date, schedule, &result);
  buf_str(line, result != NULL ? result : "null");
  const json *error = json_get(c, "error");
  char why[1024] = "";
  bool ok = false;
  if (error != NULL) {
    ok = status == MOTCUA_STATUS_INVALID_INPUT && is_finding_of(result, error, why, sizeof why);
  } else if (status != MOTCUA_STATUS_OK) {
    snprintf(why, sizeof why, "status %s: %s", status_name(status), result ? result : "");
  } else {
    char err[128];
    json *r = json_parse(result, strlen(result), err, sizeof err);
    ok = json_equal(json_get(c, "working"), json_get(r, "working")) &&
         same_or_null(json_get(c, "source"), json_get(r, "source")) &&
         same_or_null(json_get(c, "document"), json_get(r, "document"));
    const json *working = json_get(r, "working");
    bool fast = !(working != NULL && working->boolean);
    char *fast_error = NULL;
    MotcuaStatus fast_status = motcua_calendar_is_working_day(date, schedule, &fast, &fast_error);
    if (!ok) {
      snprintf(why, sizeof why, "working, source or document differ: %s", result);
    } else if (fast_status != MOTCUA_STATUS_OK || fast != working->boolean) {
      snprintf(why, sizeof why, "motcua_calendar_is_working_day disagrees (%s)",
               status_name(fast_status));
      ok = false;
    }
    motcua_string_free(fast_error);
    json_free(r);
  }
  tally(suite, i, c, ok, why);
  motcua_string_free(result);
}

/* floor(a / b) for b > 0. */
static long long floor_div(long long a, long long b) { return a / b - (a % b != 0 && a < 0); }

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d. */
static long long days_from_civil(long long y, int m, int d) {
  y -= m <= 2;
  long long era = floor_div(y, 400);
  long long yoe = y - era * 400;
  long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* Reads `n` digits of s into *out. */
static bool digits(const char *s, int n, int *out) {
  *out = 0;
  for (int k = 0; k < n; k++) {
    if (s[k] < '0' || s[k] > '9') {
      return false;
    }
    *out = *out * 10 + (s[k] - '0');
  }
  return true;
}

/* The minute (since 1970-01-01T00:00Z, seconds dropped) of an RFC 3339 time of the vectors. */
static bool rfc3339_minute(const json *t, long long *out) {
  if (t == NULL || t->type != JSON_STRING || t->str_len < 20) {
    return false;
  }
  const char *s = t->str;
  int y, mo, d, h, mi, sec;
  if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
      !digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != 't') || !digits(s + 11, 2, &h) ||
      s[13] != ':' || !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &sec)) {
    return false;
  }
  size_t k = 19;
  if (s[k] == '.') {
    k++;
    while (s[k] >= '0' && s[k] <= '9') {
      k++;
    }
  }
  int offset = 0;
  if ((s[k] == 'Z' || s[k] == 'z') && k + 1 == t->str_len) {
    offset = 0;
  } else if ((s[k] == '+' || s[k] == '-') && k + 6 == t->str_len && s[k + 3] == ':') {
    int oh, om;
    if (!digits(s + k + 1, 2, &oh) || !digits(s + k + 4, 2, &om)) {
      return false;
    }
    offset = (s[k] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return false;
  }
  long long seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset * 60;
  *out = floor_div(seconds, 60);
  return true;
}

/* Whether `t` is a time written in Vietnamese time, as results write it: RFC 3339 ending +07:00. */
static bool at_plus_seven(const json *t) {
  return t != NULL && t->type == JSON_STRING && t->str_len >= 6 &&
         strcmp(t->str + t->str_len - 6, "+07:00") == 0;
}

/* A due case: the case without its name and expectation is the request; the Due (or input
 * error) in `line`; the expectation checked. */
static void check_due(size_t i, const json *c, text_buf *line) {
  const char *suite = "calendar/due";
  text_buf request = {NULL, 0, 0};
  buf_str(&request, "{");
  bool first = true;
  for (const json *m = c->child; m != NULL; m = m->next) {
    if (strcmp(m->key, "name") == 0 || strcmp(m->key, "due") == 0 ||
        strcmp(m->key, "error") == 0) {
      continue;
    }
    if (strpbrk(m->key, "\"\\") != NULL || strlen(m->key) != m->key_len) {
      fail_case(suite, i, c, "a member name needs escaping");
    }
    buf_str(&request, first ? "\"" : ",\"");
    buf_str(&request, m->key);
    buf_str(&request, "\":");
    buf_add(&request, m->raw, m->raw_len);
    first = false;
  }
  buf_str(&request, "}");
  char *result = NULL;
  MotcuaStatus status =
      motcua_calendar_due_json((const uint8_t *)request.data, request.len, &result);
  free(request.data);
  buf_str(line, result != NULL ? result : "null");
  const json *error = json_get(c, "error");
  const json *due = json_get(c, "due");
  char why[1024] = "";
  bool ok = false;
  if (error != NULL) {
    ok = status == MOTCUA_STATUS_INVALID_INPUT && is_finding_of(result, error, why, sizeof why);
  } else if (status != MOTCUA_STATUS_OK || due == NULL) {
    snprintf(why, sizeof why, "status %s: %s", status_name(status), result ? result : "");
  } else {
    char err[128];
    json *r = json_parse(result, strlen(result), err, sizeof err);
    const json *got = json_get(r, "due");
    long long expected_minute = 0, got_minute = 0;
    if (due->type == JSON_NULL) {
      ok = is_nothing(got);
    } else if (!rfc3339_minute(due, &expected_minute)) {
      snprintf(why, sizeof why, "the expected due is not an RFC 3339 time");
    } else {
      ok = at_plus_seven(got) && rfc3339_minute(got, &got_minute) &&
           got_minute == expected_minute;
    }
    if (!ok && why[0] == '\0') {
      snprintf(why, sizeof why, "expected due %.*s, got %s", (int)due->raw_len, due->raw, result);
    }
    json_free(r);
  }
  tally(suite, i, c, ok, why);
  motcua_string_free(result);
}


/* ---- spec/vectors/lifecycle.json: transitions, replays and status logs ---- */

/* The JSON Lines log of dossier "D" made of the events of `log`: each event with "dossier"
 * first, as core/tests/vectors_lifecycle.rs builds it. */
static void lifecycle_log(const json *log, text_buf *out) {
  for (const json *event = log != NULL ? log->child : NULL; event != NULL; event = event->next) {
    buf_str(out, "{\"dossier\":\"D\"");
    if (event->child != NULL) {
      /* the event's members, after its opening brace */
      buf_str(out, ",");
      /* its text on one line: a JSON string holds no raw line break, so every one is layout */
      for (size_t k = 1; k < event->raw_len; k++) {
        if (event->raw[k] != '\n' && event->raw[k] != '\r') {
          buf_add(out, event->raw + k, 1);
        }
      }
    } else {
      buf_str(out, "}");
    }
    buf_str(out, "\n");
  }
}

/* The replay with the default policy (NULL), as the vectors are written. */
static MotcuaStatus replay_default(const uint8_t *log, size_t len, char **out) {
  return motcua_lifecycle_replay(log, len, NULL, 0, out);
}

/* The answer of a lifecycle function: the JSON text and its parse, which points into it. */
typedef struct lifecycle_answer {
  char *text;
  json *doc;
} lifecycle_answer;

static void lifecycle_answer_free(lifecycle_answer *a) {
  json_free(a->doc);
  motcua_string_free(a->text);
}

/* Calls `function` on the log of case `c` and returns its one dossier (within `*a`, to free
 * with lifecycle_answer_free), or NULL after a failure; the dossier's JSON goes to `line`
 * ("null" when there is none). */
static const json *lifecycle_dossier(const char *suite, size_t i, const json *c,
                                     MotcuaStatus (*function)(const uint8_t *, size_t, char **),
                                     lifecycle_answer *a, text_buf *line) {
  text_buf log = {NULL, 0, 0};
  lifecycle_log(json_get(c, "log"), &log);
  char *result = NULL;
  MotcuaStatus status = function((const uint8_t *)(log.data ? log.data : ""), log.len, &result);
  free(log.data);
  a->text = result;
  a->doc = NULL;
  const json *one = NULL;
  if (status != MOTCUA_STATUS_OK) {
    fail_case(suite, i, c, "returned %s: %s", status_name(status), result ? result : "");
  } else if ((a->doc = parse_result(suite, i, c, result)) != NULL) {
    const json *dossiers = json_get(a->doc, "dossiers");
    if (json_count(dossiers) == 1) {
      one = json_at(dossiers, 0);
    } else {
      fail_case(suite, i, c, "expected one dossier, got %s", result);
    }
  }
  if (one != NULL) {
    buf_add(line, one->raw, one->raw_len);
  } else {
    buf_str(line, "null");
  }
  return one;
}

/* Whether `f` is a complete finding: code, path, severity error, messages and rule. */
static bool complete_finding(const json *f) {
  return filled(json_get(f, "code")) && json_get(f, "path") != NULL &&
         json_is_string(json_get(f, "severity"), "error") && filled(json_get(f, "vi")) &&
         filled(json_get(f, "en")) && filled(json_get(f, "rule"));
}

/* A transition case: its last event goes `to` a state (with the `form` and `rules` expected)
 * or is `rejected` with {code, path}; every event before it is accepted. */
static void check_transition(size_t i, const json *c, text_buf *line) {
  const char *suite = "lifecycle/cases";
  lifecycle_answer answer;
  const json *d = lifecycle_dossier(suite, i, c, replay_default, &answer, line);
  const json *timeline = json_get(d, "timeline");
  size_t n = json_count(timeline);
  if (d == NULL) {
    /* already failed */
  } else if (n == 0) {
    fail_case(suite, i, c, "empty timeline");
  } else {
    const json *last = json_at(timeline, n - 1);
    const json *rejection = json_get(last, "rejection");
    const json *to = json_get(c, "to");
    const json *rejected = json_get(c, "rejected");
    char why[1024] = "";
    for (size_t k = 0; k + 1 < n && why[0] == '\0'; k++) {
      if (!is_nothing(json_get(json_at(timeline, k), "rejection"))) {
        snprintf(why, sizeof why, "prefix event %zu refused", k + 1);
      }
    }
    if (why[0] != '\0') {
      /* reported below */
    } else if (!(is_nothing(json_get(c, "rules")) ? is_nothing(json_get(last, "rules"))
                                                    : json_equal(json_get(last, "rules"),
                                                                 json_get(c, "rules")))) {
      snprintf(why, sizeof why, "judged by other rules: %.*s", (int)last->raw_len, last->raw);
    } else if (to != NULL && rejected == NULL) {
      bool same_form = is_nothing(json_get(c, "form"))
                           ? is_nothing(json_get(last, "form"))
                           : json_equal(json_get(last, "form"), json_get(c, "form"));
      if (!is_nothing(rejection) || !json_equal(json_get(last, "to"), to) || !same_form) {
        snprintf(why, sizeof why, "expected %.*s, got %.*s", (int)to->raw_len, to->raw,
                 (int)last->raw_len, last->raw);
      }
    } else if (rejected != NULL && to == NULL) {
      if (is_nothing(rejection) || !complete_finding(rejection) ||
          !json_equal(json_get(rejection, "code"), json_get(rejected, "code")) ||
          !json_equal(json_get(rejection, "path"), json_get(rejected, "path"))) {
        snprintf(why, sizeof why, "expected rejection %.*s, got %.*s", (int)rejected->raw_len,
                 rejected->raw, (int)last->raw_len, last->raw);
      }
    } else {
      snprintf(why, sizeof why, "the case gives neither `to` nor `rejected`");
    }
    if (why[0] == '\0') {
      passes++;
    } else {
      fail_case(suite, i, c, "%s", why);
    }
  }
  lifecycle_answer_free(&answer);
}

/* A replay case: every member of `expect` equals the dossier's (null for one it leaves out). */
static void check_replay(size_t i, const json *c, text_buf *line) {
  const char *suite = "lifecycle/replays";
  lifecycle_answer answer;
  const json *d = lifecycle_dossier(suite, i, c, replay_default, &answer, line);
  const json *expect = json_get(c, "expect");
  if (d != NULL) {
    bool ok = expect != NULL && expect->type == JSON_OBJECT && expect->child != NULL;
    for (const json *m = ok ? expect->child : NULL; m != NULL && ok; m = m->next) {
      const json *got = json_get(d, m->key);
      ok = m->type == JSON_NULL ? is_nothing(got) : json_equal(got, m);
    }
    if (ok) {
      passes++;
    } else {
      fail_case(suite, i, c, "expected %.*s, got %.*s", expect ? (int)expect->raw_len : 4,
                expect ? expect->raw : "null", (int)d->raw_len, d->raw);
    }
  }
  lifecycle_answer_free(&answer);
}

/* A status log case: the problems ({line, code, path}, in order) and the final states. */
static void check_status_log(size_t i, const json *c, text_buf *line) {
  const char *suite = "lifecycle/status_logs";
  text_buf report = {NULL, 0, 0};
  lifecycle_answer answer;
  const json *d =
      lifecycle_dossier(suite, i, c, motcua_lifecycle_check_status_log, &answer, &report);
  /* this surface's line is the whole report, as the Rust runner writes it */
  if (answer.doc != NULL) {
    buf_add(line, answer.doc->raw, answer.doc->raw_len);
  } else {
    buf_str(line, "null");
  }
  free(report.data);
  if (d != NULL) {
    const json *problems = json_get(d, "problems");
    const json *expected = json_get(c, "problems");
    bool ok = json_count(problems) == json_count(expected) &&
              json_equal(json_get(d, "states"), json_get(c, "states"));
    for (size_t k = 0; ok && k < json_count(expected); k++) {
      const json *p = json_at(problems, k);
      const json *e = json_at(expected, k);
      const json *f = json_get(p, "finding");
      ok = json_equal(json_get(p, "line"), json_get(e, "line")) && complete_finding(f) &&
           json_equal(json_get(f, "code"), json_get(e, "code")) &&
           json_equal(json_get(f, "path"), json_get(e, "path"));
    }
    if (ok) {
      passes++;
    } else {
      fail_case(suite, i, c, "got %.*s", (int)d->raw_len, d->raw);
    }
  }
  lifecycle_answer_free(&answer);
}

/* A NUL-terminated malloc'd copy of text[0..len). */
static char *copy_text(const char *text, size_t len) {
  char *copy = malloc(len + 1);
  if (copy == NULL) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  memcpy(copy, text, len);
  copy[len] = '\0';
  return copy;
}

/* A transition case again, one event at a time through motcua_lifecycle_step: a new dossier
 * (NULL) for the first event, then the "dossier" of the previous outcome. The last outcome goes
 * to c-lifecycle-step.jsonl (the Rust runner's rust-lifecycle-step.jsonl) and must go `to` the
 * state expected, or be rejected with the {code, path} expected, under the rules expected; every
 * event before it is accepted. */
static void check_step(size_t i, const json *c, FILE *out) {
  const char *suite = "lifecycle/steps";
  text_buf log = {NULL, 0, 0};
  lifecycle_log(json_get(c, "log"), &log);
  char *dossier = NULL; /* the previous outcome's dossier, malloc'd */
  char *last = NULL;    /* the last outcome, from the library */
  json *outcome = NULL;
  char why[1024] = "";
  const char *line = log.data ? log.data : "";
  while (*line != '\0' && why[0] == '\0') {
    const char *end = strchr(line, '\n');
    size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
    json_free(outcome);
    outcome = NULL;
    motcua_string_free(last);
    last = NULL;
    MotcuaStatus status = motcua_lifecycle_step(
        (const uint8_t *)dossier, dossier != NULL ? strlen(dossier) : 0, (const uint8_t *)line, len,
        NULL, 0, &last);
    if (status != MOTCUA_STATUS_OK) {
      snprintf(why, sizeof why, "returned %s: %s", status_name(status), last ? last : "");
    } else if ((outcome = parse_result(suite, i, c, last)) == NULL) {
      snprintf(why, sizeof why, "(reported)");
    } else {
      const json *d = json_get(outcome, "dossier");
      free(dossier);
      dossier = d != NULL ? copy_text(d->raw, d->raw_len) : NULL;
      line += len + (end != NULL ? 1 : 0);
      if (*line != '\0' && !is_nothing(json_get(outcome, "rejection"))) {
        snprintf(why, sizeof why, "prefix event refused: %s", last);
      }
    }
  }
  if (why[0] == '\0' && outcome != NULL) {
    const json *rejection = json_get(outcome, "rejection");
    const json *to = json_get(c, "to");
    const json *rejected = json_get(c, "rejected");
    bool same_rules = is_nothing(json_get(c, "rules")) ? is_nothing(json_get(outcome, "rules"))
                                                        : json_equal(json_get(outcome, "rules"),
                                                                     json_get(c, "rules"));
    bool ok = same_rules && json_get(outcome, "dossier") != NULL;
    if (to != NULL) {
      ok = ok && is_nothing(rejection) && json_equal(json_get(outcome, "to"), to) &&
           json_equal(json_get(json_get(outcome, "dossier"), "state"), to);
    } else {
      ok = ok && complete_finding(rejection) &&
           json_equal(json_get(rejection, "code"), json_get(rejected, "code")) &&
           json_equal(json_get(rejection, "path"), json_get(rejected, "path"));
    }
    if (!ok) {
      snprintf(why, sizeof why, "got %s", last);
    }
  } else if (why[0] == '\0') {
    snprintf(why, sizeof why, "no event");
  }
  if (why[0] == '\0') {
    passes++;
  } else if (strcmp(why, "(reported)") != 0) {
    fail_case(suite, i, c, "%s", why);
  }
  write_line(out, outcome != NULL ? last : NULL);
  json_free(outcome);
  motcua_string_free(last);
  free(dossier);
  free(log.data);
}

/* Runs the transition cases of <dir>/lifecycle.json through check_step, writing
 * c-lifecycle-step.jsonl. */
static void run_lifecycle_steps(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/lifecycle.json", dir);
  char *text = NULL;
  json *doc = load_json(path, &text);
  FILE *out = surface_out("c-lifecycle-step.jsonl");
  const json *cases = json_get(doc, "cases");
  if (json_count(cases) == 0) {
    fprintf(stderr, "FAIL %s: no transition cases\n", path);
    failures++;
  }
  size_t i = 0;
  for (const json *c = cases != NULL ? cases->child : NULL; c != NULL; c = c->next, i++) {
    check_step(i, c, out);
  }
  if (out != NULL) {
    fclose(out);
  }
  json_free(doc);
  free(text);
}

/* The check of one case of a section: the JSON of its result in `line`, its verdict counted. */
typedef void (*case_check)(size_t i, const json *c, text_buf *line);

/* A section of a vector file and the check of its cases. */
typedef struct section_check {
  const char *name;
  case_check check;
} section_check;

/* Runs every case of every section of <dir>/<suite>.json, in file order, with the check of
 * its section among the `n` of `checks` (each of which must be in the file, not empty), and
 * writes c-<suite>.jsonl: one line per case. */
static void run_sections(const char *dir, const char *suite, const section_check *checks,
                         size_t n) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.json", dir, suite);
  char file[256];
  snprintf(file, sizeof file, "c-%s.jsonl", suite);
  char *text = NULL;
  json *doc = load_json(path, &text);
  FILE *out = surface_out(file);
  size_t sections = 0;
  for (const json *section = doc->child; section != NULL; section = section->next) {
    if (strcmp(section->key, "$comment") == 0) {
      continue;
    }
    case_check check = NULL;
    for (size_t k = 0; k < n && check == NULL; k++) {
      check = strcmp(section->key, checks[k].name) == 0 ? checks[k].check : NULL;
    }
    if (check == NULL || section->type != JSON_ARRAY || json_count(section) == 0) {
      fprintf(stderr, "FAIL %s: unknown or empty section \"%s\"\n", path, section->key);
      failures++;
      continue;
    }
    sections++;
    size_t i = 0;
    for (const json *c = section->child; c != NULL; c = c->next, i++) {
      text_buf line = {NULL, 0, 0};
      check(i, c, &line);
      write_line(out, line.data);
      free(line.data);
    }
  }
  if (sections < n) {
    fprintf(stderr, "FAIL %s: expected the sections", path);
    for (size_t k = 0; k < n; k++) {
      fprintf(stderr, " %s", checks[k].name);
    }
    fputc('\n', stderr);
    failures++;
  }
  if (out != NULL) {
    fclose(out);
  }
  json_free(doc);
  free(text);
}

/* A fixture file of `dir`, whole; exits on failure. */
static char *fixture(const char *dir, const json *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name != NULL && name->str != NULL ? name->str : "");
  char *bytes = read_file(path, (size_t)64 << 20, len);
  if (bytes == NULL) {
    fprintf(stderr, "cannot read the fixture %s (run motcua-forge into the directory)\n", path);
    exit(2);
  }
  return bytes;
}

/* `s` as a JSON string literal. */
static void buf_json_string(text_buf *b, const char *s, size_t n) {
  buf_str(b, "\"");
  for (size_t k = 0; k < n; k++) {
    char esc[8];
    unsigned char ch = (unsigned char)s[k];
    if (ch == '"' || ch == '\\') {
      esc[0] = '\\';
      esc[1] = (char)ch;
      buf_add(b, esc, 2);
    } else if (ch < 0x20) {
      snprintf(esc, sizeof esc, "\\u%04x", ch);
      buf_str(b, esc);
    } else {
      buf_add(b, (const char *)&s[k], 1);
    }
  }
  buf_str(b, "\"");
}

/* The options of signature.json with the PEM files of `dir` in place of their names. */
static void signature_options(const json *o, const char *dir, text_buf *b) {
  buf_str(b, "{\"validation_time\":");
  const json *t = json_get(o, "validation_time");
  buf_add(b, t != NULL ? t->raw : "null", t != NULL ? t->raw_len : 4);
  const char *lists[] = {"trust_anchors", "intermediates"};
  for (size_t k = 0; k < 2; k++) {
    buf_str(b, ",\"");
    buf_str(b, lists[k]);
    buf_str(b, "\":[");
    const json *list = json_get(o, lists[k]);
    for (const json *f = list != NULL ? list->child : NULL; f != NULL; f = f->next) {
      size_t len = 0;
      char *pem = fixture(dir, f, &len);
      buf_json_string(b, pem, len);
      free(pem);
      if (f->next != NULL) {
        buf_str(b, ",");
      }
    }
    buf_str(b, "]");
  }
  buf_str(b, "}");
}

/* Every case of signature.json through motcua_verify / motcua_verify_detached on the files of
 * `fixtures`: the document indication and each signature's indication, sub_indication,
 * integrity and modified_after_signing; writes c-signature.jsonl (the whole report per case). */
static void run_signature(const char *dir, const char *fixtures) {
  char path[4096];
  snprintf(path, sizeof path, "%s/signature.json", dir);
  char *text = NULL;
  json *doc = load_json(path, &text);
  FILE *out = surface_out("c-signature.jsonl");
  text_buf options = {0};
  signature_options(json_get(doc, "options"), fixtures, &options);
  const json *cases = json_get(doc, "cases");
  if (json_count(cases) == 0) {
    fprintf(stderr, "FAIL %s: no cases\n", path);
    failures++;
  }
  size_t i = 0;
  for (const json *c = cases != NULL ? cases->child : NULL; c != NULL; c = c->next, i++) {
    size_t len = 0;
    char *bytes = fixture(fixtures, json_get(c, "file"), &len);
    const json *content = json_get(c, "content");
    char *result = NULL;
    MotcuaStatus status;
    if (content != NULL && content->type == JSON_STRING) {
      size_t data_len = 0;
      char *data = fixture(fixtures, content, &data_len);
      status = motcua_verify_detached((const uint8_t *)bytes, len, (const uint8_t *)data,
                                      data_len, (const uint8_t *)options.data, options.len,
                                      &result);
      free(data);
    } else {
      status = motcua_verify((const uint8_t *)bytes, len, (const uint8_t *)options.data,
                             options.len, &result);
    }
    free(bytes);
    write_line(out, result);
    if (status != MOTCUA_STATUS_OK || result == NULL) {
      fail_case("signature", i, c, "status %s: %s", status_name(status),
                result != NULL ? result : "");
      motcua_string_free(result);
      continue;
    }
    json *r = parse_result("signature", i, c, result);
    const json *want = json_get(c, "expect");
    bool ok = r != NULL &&
              json_equal(json_get(r, "indication"), json_get(want, "indication"));
    const json *sigs = json_get(r, "signatures");
    const json *expected = json_get(want, "signatures");
    ok = ok && json_count(sigs) == json_count(expected);
    for (size_t k = 0; ok && k < json_count(expected); k++) {
      const json *s = json_at(sigs, k);
      const json *w = json_at(expected, k);
      ok = json_equal(json_get(s, "indication"), json_get(w, "indication")) &&
           json_equal(json_get(s, "sub_indication"), json_get(w, "sub_indication")) &&
           json_equal(json_get(s, "integrity"), json_get(w, "integrity")) &&
           json_equal(json_get(json_get(s, "modified_after_signing"), "status"),
                      json_get(w, "modified_after_signing"));
    }
    tally("signature", i, c, ok, result);
    json_free(r);
    motcua_string_free(result);
  }
  free(options.data);
  if (out != NULL) {
    fclose(out);
  }
  json_free(doc);
  free(text);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s SPEC_VECTORS_DIR SIGNATURE_FIXTURE_DIR\n", argv[0]);
    return 2;
  }
  run_identifiers(argv[1]);
  run_dossiers(argv[1]);
  const section_check calendar[] = {
      {"lunar", check_lunar}, {"holidays", check_holiday}, {"due", check_due}};
  run_sections(argv[1], "calendar", calendar, sizeof calendar / sizeof calendar[0]);
  const section_check lifecycle[] = {{"cases", check_transition},
                                     {"replays", check_replay},
                                     {"status_logs", check_status_log}};
  run_sections(argv[1], "lifecycle", lifecycle, sizeof lifecycle / sizeof lifecycle[0]);
  run_lifecycle_steps(argv[1]);
  run_signature(argv[1], argv[2]);
  printf("C vectors: %d passed, %d failed\n", passes, failures);
  return failures == 0 ? 0 : 1;
}
