/*
 * The contract of the C ABI itself: NULL arguments, invalid UTF-8, out-of-range kinds and
 * impossible dates are refused with their status and leave every output untouched; JSON input
 * errors come back as INVALID_INPUT with the finding; the procedure handle can be parsed once,
 * used many times (also from several threads at once) and freed; the free functions accept NULL;
 * the calendar's functions give their values, refuse wrong reckonings and schedules, and report
 * computations without an answer as INVALID_INPUT with the finding; the lifecycle's functions
 * answer a log, refuse NULL and invalid UTF-8, and report an unreadable log as INVALID_INPUT;
 * the signature checker answers a report, refuses NULL and invalid UTF-8 options, and reports a
 * document that is neither PDF nor CMS, or options that cannot be read, as INVALID_INPUT naming
 * the argument.
 *
 * A procedure and a dossier to work with are taken from the first case of dossiers.json that
 * expects a report.
 *
 * Usage: abi SPEC_VECTORS_DIR
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                           \
  do {                                                                                        \
    checks++;                                                                                 \
    if (!(cond)) {                                                                            \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                         \
      failures++;                                                                             \
    }                                                                                         \
  } while (0)

/* Outputs start out pointing here: a call that must not write leaves them so. */
static char untouched_byte;
static char *const UNTOUCHED = &untouched_byte;
static MotcuaProcedure *const UNTOUCHED_HANDLE = (MotcuaProcedure *)&untouched_byte;

static const MotcuaDate TODAY = {2026, 11, 23};

#define TEXT(s) (const uint8_t *)(s), strlen(s)

/* Whether the JSON text `result` holds {"input_error": {"code": code, ...}}. */
static bool is_input_error(const char *result, const char *code) {
  char err[128];
  json *r = json_parse(result, strlen(result), err, sizeof err);
  const json *finding = json_get(r, "input_error");
  bool ok = json_is_string(json_get(finding, "code"), code) &&
            json_get(finding, "path") != NULL && json_get(finding, "vi") != NULL &&
            json_get(finding, "en") != NULL;
  json_free(r);
  return ok;
}

static void test_version(void) {
  char expected[64];
  snprintf(expected, sizeof expected, "%d.%d.%d", MOTCUA_VERSION_MAJOR, MOTCUA_VERSION_MINOR,
           MOTCUA_VERSION_PATCH);
  const char *v = motcua_version();
  CHECK(v != NULL && strcmp(v, expected) == 0);
}

static void test_ids_arguments(void) {
  char *out = UNTOUCHED;
  bool valid = true;
  const MotcuaIdKind kind = MOTCUA_ID_KIND_TAX_CODE;

  /* NULL pointers, even with a zero length. */
  CHECK(motcua_ids_check(kind, NULL, 0, TODAY, &out) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_ids_check(kind, NULL, 10, TODAY, &out) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_ids_check(kind, TEXT("0100109106"), TODAY, NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_ids_is_valid(kind, NULL, 0, TODAY, &valid) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_ids_is_valid(kind, TEXT("0100109106"), TODAY, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);

  /* Invalid UTF-8: a lone continuation byte, an overlong encoding, a truncated sequence, a
   * UTF-16 surrogate encoded in UTF-8. */
  const char *bad_utf8[] = {"\x80", "\xC0\xAF", "01001\xE1\xBA", "\xED\xA0\x80"};
  for (size_t i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
    CHECK(motcua_ids_check(kind, TEXT(bad_utf8[i]), TODAY, &out) == MOTCUA_STATUS_INVALID_UTF8);
    CHECK(motcua_ids_is_valid(kind, TEXT(bad_utf8[i]), TODAY, &valid) ==
          MOTCUA_STATUS_INVALID_UTF8);
  }

  /* Kinds outside the MOTCUA_ID_KIND_* constants. */
  const MotcuaIdKind bad_kinds[] = {7, 8, 255, 0x7FFFFFFF, 0xFFFFFFFF};
  for (size_t i = 0; i < sizeof bad_kinds / sizeof bad_kinds[0]; i++) {
    CHECK(motcua_ids_check(bad_kinds[i], TEXT("0100109106"), TODAY, &out) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
    CHECK(motcua_ids_is_valid(bad_kinds[i], TEXT("0100109106"), TODAY, &valid) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
  }

  /* Dates that do not exist, or lie outside years 1-9999. */
  const MotcuaDate bad_dates[] = {
      {2023, 2, 29}, {2100, 2, 29}, {2026, 13, 1}, {2026, 0, 1}, {2026, 4, 31},
      {2026, 1, 0},  {2026, 1, 32}, {0, 1, 1},     {-1, 1, 1},   {10000, 1, 1},
  };
  for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
    CHECK(motcua_ids_check(kind, TEXT("0100109106"), bad_dates[i], &out) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
    CHECK(motcua_ids_is_valid(kind, TEXT("0100109106"), bad_dates[i], &valid) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
  }
  /* Nothing above wrote an output. */
  CHECK(out == UNTOUCHED);
  CHECK(valid == true);

  /* The edges that do exist. */
  const MotcuaDate good_dates[] = {{2024, 2, 29}, {2000, 2, 29}, {1, 1, 1}, {9999, 12, 31}};
  for (size_t i = 0; i < sizeof good_dates / sizeof good_dates[0]; i++) {
    char *json_out = NULL;
    CHECK(motcua_ids_check(kind, TEXT("0100109106"), good_dates[i], &json_out) ==
          MOTCUA_STATUS_OK);
    CHECK(json_out != NULL);
    motcua_string_free(json_out);
  }

  /* Every kind answers, and an empty input (a valid pointer to zero bytes) is not valid. */
  for (MotcuaIdKind k = MOTCUA_ID_KIND_PERSONAL_ID; k <= MOTCUA_ID_KIND_PHONE; k++) {
    char *json_out = NULL;
    CHECK(motcua_ids_check(k, (const uint8_t *)"", 0, TODAY, &json_out) == MOTCUA_STATUS_OK);
    char err[128];
    json *r = json_out ? json_parse(json_out, strlen(json_out), err, sizeof err) : NULL;
    const json *v = json_get(r, "valid");
    CHECK(v != NULL && v->type == JSON_BOOL && !v->boolean);
    CHECK(json_count(json_get(r, "errors")) > 0);
    json_free(r);
    motcua_string_free(json_out);
    bool empty_valid = true;
    CHECK(motcua_ids_is_valid(k, (const uint8_t *)"", 0, TODAY, &empty_valid) ==
          MOTCUA_STATUS_OK);
    CHECK(!empty_valid);
  }

  /* Text with NUL bytes inside is measured by its length, not its terminator. */
  char *nul_out = NULL;
  CHECK(motcua_ids_check(kind, (const uint8_t *)"0100\0" "109106", 11, TODAY, &nul_out) ==
        MOTCUA_STATUS_OK);
  CHECK(nul_out != NULL && strstr(nul_out, "\\u0000") != NULL);
  motcua_string_free(nul_out);

  motcua_string_free(NULL);
}

/* A procedure and a dossier from the vectors: the first case that expects a report. */
typedef struct sample {
  const char *procedure;
  size_t procedure_len;
  const char *dossier;
  size_t dossier_len;
} sample;

static bool find_sample(const json *doc, sample *s) {
  const json *cases = json_get(doc, "cases");
  for (const json *c = cases != NULL ? cases->child : NULL; c != NULL; c = c->next) {
    const json *dossier = json_get(c, "dossier");
    const json *key = json_get(c, "procedure");
    const json *procedure = key != NULL && key->type == JSON_STRING
                                ? json_get(json_get(doc, "procedures"), key->str)
                                : NULL;
    if (json_get(c, "input_error") == NULL && dossier != NULL && dossier->type == JSON_OBJECT &&
        procedure != NULL) {
      *s = (sample){procedure->raw, procedure->raw_len, dossier->raw, dossier->raw_len};
      return true;
    }
  }
  return false;
}

typedef struct shared_use {
  const MotcuaProcedure *procedure;
  const sample *s;
  const char *expected;
  int mismatches;
} shared_use;

static void *validate_many(void *arg) {
  shared_use *u = arg;
  for (int i = 0; i < 25; i++) {
    char *out = NULL;
    MotcuaStatus st = motcua_forms_validate(u->procedure, (const uint8_t *)u->s->dossier,
                                            u->s->dossier_len, TODAY, &out);
    if (st != MOTCUA_STATUS_OK || out == NULL || strcmp(out, u->expected) != 0) {
      u->mismatches++;
    }
    motcua_string_free(out);
  }
  return NULL;
}

static void test_procedure_lifecycle(const sample *s) {
  const uint8_t *pj = (const uint8_t *)s->procedure;
  const uint8_t *dj = (const uint8_t *)s->dossier;
  MotcuaProcedure *procedure = UNTOUCHED_HANDLE;
  char *error = UNTOUCHED;

  /* Refusals write nothing. */
  CHECK(motcua_procedure_parse(NULL, 0, &procedure, &error) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_procedure_parse(pj, s->procedure_len, NULL, &error) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_procedure_parse(pj, s->procedure_len, &procedure, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_procedure_parse(TEXT("{\"name\": \"\xFF\"}"), &procedure, &error) ==
        MOTCUA_STATUS_INVALID_UTF8);
  CHECK(procedure == UNTOUCHED_HANDLE && error == UNTOUCHED);

  /* Unreadable JSON: INVALID_INPUT, the finding in the error output, no handle. */
  CHECK(motcua_procedure_parse(TEXT("{\"code\": "), &procedure, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  CHECK(procedure == UNTOUCHED_HANDLE);
  CHECK(error != UNTOUCHED && is_input_error(error, "input.json_syntax"));
  if (error != UNTOUCHED) {
    motcua_string_free(error);
  }
  error = UNTOUCHED;
  CHECK(motcua_procedure_parse(TEXT("[1, 2, 3]"), &procedure, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  CHECK(procedure == UNTOUCHED_HANDLE);
  CHECK(error != UNTOUCHED && is_input_error(error, "input.json_shape"));
  if (error != UNTOUCHED) {
    motcua_string_free(error);
  }
  error = UNTOUCHED;

  /* Parse once; the error output stays untouched on success. */
  CHECK(motcua_procedure_parse(pj, s->procedure_len, &procedure, &error) == MOTCUA_STATUS_OK);
  CHECK(procedure != UNTOUCHED_HANDLE && procedure != NULL && error == UNTOUCHED);
  if (procedure == UNTOUCHED_HANDLE || procedure == NULL) {
    return;
  }

  /* Validate many times: always the same report. */
  char *first = NULL;
  CHECK(motcua_forms_validate(procedure, dj, s->dossier_len, TODAY, &first) == MOTCUA_STATUS_OK);
  CHECK(first != NULL);
  if (first == NULL) {
    motcua_procedure_free(procedure);
    return;
  }
  for (int i = 0; i < 50; i++) {
    char *again = NULL;
    CHECK(motcua_forms_validate(procedure, dj, s->dossier_len, TODAY, &again) ==
          MOTCUA_STATUS_OK);
    CHECK(again != NULL && strcmp(again, first) == 0);
    motcua_string_free(again);
  }

  /* ... and from several threads at once, on the same handle. */
  pthread_t threads[4];
  shared_use uses[4];
  for (int t = 0; t < 4; t++) {
    uses[t] = (shared_use){procedure, s, first, 0};
    CHECK(pthread_create(&threads[t], NULL, validate_many, &uses[t]) == 0);
  }
  for (int t = 0; t < 4; t++) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    CHECK(uses[t].mismatches == 0);
  }

  /* The one-shot call agrees. */
  char *once = NULL;
  CHECK(motcua_forms_validate_json(dj, s->dossier_len, pj, s->procedure_len, TODAY, &once) ==
        MOTCUA_STATUS_OK);
  CHECK(once != NULL && strcmp(once, first) == 0);
  motcua_string_free(once);

  /* Refusals of validate write nothing. */
  char *out = UNTOUCHED;
  CHECK(motcua_forms_validate(NULL, dj, s->dossier_len, TODAY, &out) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_forms_validate(procedure, NULL, 0, TODAY, &out) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_forms_validate(procedure, dj, s->dossier_len, TODAY, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_forms_validate(procedure, TEXT("{\"a\": \"\xC3\x28\"}"), TODAY, &out) ==
        MOTCUA_STATUS_INVALID_UTF8);
  const MotcuaDate feb30 = {2026, 2, 30};
  CHECK(motcua_forms_validate(procedure, dj, s->dossier_len, feb30, &out) ==
        MOTCUA_STATUS_INVALID_ARGUMENT);
  CHECK(motcua_forms_validate_json(NULL, 0, pj, s->procedure_len, TODAY, &out) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_forms_validate_json(dj, s->dossier_len, NULL, 0, TODAY, &out) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_forms_validate_json(dj, s->dossier_len, pj, s->procedure_len, TODAY, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_forms_validate_json(dj, s->dossier_len, pj, s->procedure_len, feb30, &out) ==
        MOTCUA_STATUS_INVALID_ARGUMENT);
  CHECK(out == UNTOUCHED);

  /* An unreadable dossier: INVALID_INPUT with the finding in the output. */
  CHECK(motcua_forms_validate(procedure, TEXT("not json"), TODAY, &out) ==
        MOTCUA_STATUS_INVALID_INPUT);
  CHECK(out != UNTOUCHED && is_input_error(out, "input.json_syntax"));
  if (out != UNTOUCHED) {
    motcua_string_free(out);
  }
  out = UNTOUCHED;
  CHECK(motcua_forms_validate_json(dj, s->dossier_len, TEXT("{"), TODAY, &out) ==
        MOTCUA_STATUS_INVALID_INPUT);
  CHECK(out != UNTOUCHED && is_input_error(out, "input.json_syntax"));
  if (out != UNTOUCHED) {
    motcua_string_free(out);
  }

  /* An oversized dossier is refused by its size, before any parsing (no unbounded allocation). */
  size_t huge_len = (size_t)8 << 20;
  char *huge = malloc(huge_len);
  CHECK(huge != NULL);
  if (huge != NULL) {
    memset(huge, '[', huge_len);
    out = UNTOUCHED;
    CHECK(motcua_forms_validate(procedure, (const uint8_t *)huge, huge_len, TODAY, &out) ==
          MOTCUA_STATUS_INVALID_INPUT);
    CHECK(out != UNTOUCHED && is_input_error(out, "input.too_large"));
    if (out != UNTOUCHED) {
      motcua_string_free(out);
    }
    MotcuaProcedure *huge_procedure = UNTOUCHED_HANDLE;
    error = UNTOUCHED;
    CHECK(motcua_procedure_parse((const uint8_t *)huge, huge_len, &huge_procedure, &error) ==
          MOTCUA_STATUS_INVALID_INPUT);
    CHECK(huge_procedure == UNTOUCHED_HANDLE);
    CHECK(error != UNTOUCHED && is_input_error(error, "input.too_large"));
    if (error != UNTOUCHED) {
      motcua_string_free(error);
    }
    free(huge);
  }

  motcua_string_free(first);
  motcua_procedure_free(procedure);
  motcua_procedure_free(NULL);
}

static bool same_date(MotcuaDate a, MotcuaDate b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* Checks that `error` holds the input error `code`, then frees it. */
static void check_input_error(char *error, const char *code) {
  CHECK(error != NULL && error != UNTOUCHED && is_input_error(error, code));
  if (error != UNTOUCHED) {
    motcua_string_free(error);
  }
}

/* The calendar's values, arguments refused with nothing written, and computations without an
 * answer as input errors. */
static void test_calendar(void) {
  const MotcuaDate tet = {2026, 2, 17};
  const MotcuaReckoning vn = MOTCUA_RECKONING_VIETNAM;
  const MotcuaSchedule week = MOTCUA_SCHEDULE_MON_FRI;
  MotcuaLunarDate lunar = {0, 0, 0, true};
  MotcuaDate date = {0, 0, 0};
  bool working = false;
  uint32_t count = 0;
  char *error = UNTOUCHED;

  /* Values. */
  CHECK(motcua_calendar_to_lunar(tet, vn, &lunar, &error) == MOTCUA_STATUS_OK);
  CHECK(lunar.year == 2026 && lunar.month == 1 && lunar.day == 1 && !lunar.leap);
  CHECK(motcua_calendar_to_solar(lunar, vn, &date, &error) == MOTCUA_STATUS_OK);
  CHECK(same_date(date, tet));
  const MotcuaLunarDate china_tet_1985 = {1985, 1, 1, false};
  CHECK(motcua_calendar_to_solar(china_tet_1985, MOTCUA_RECKONING_CHINA, &date, &error) ==
        MOTCUA_STATUS_OK);
  CHECK(same_date(date, (MotcuaDate){1985, 2, 20}));
  const MotcuaLunarDate leap6 = {2025, 6, 1, true};
  CHECK(motcua_calendar_to_solar(leap6, vn, &date, &error) == MOTCUA_STATUS_OK);
  CHECK(same_date(date, (MotcuaDate){2025, 7, 25}));
  CHECK(motcua_calendar_add_working_days((MotcuaDate){2025, 4, 25}, 3, week, &date, &error) ==
        MOTCUA_STATUS_OK);
  CHECK(same_date(date, (MotcuaDate){2025, 4, 29}));
  CHECK(motcua_calendar_count_working_days((MotcuaDate){2025, 4, 25}, date, week, &count,
                                           &error) == MOTCUA_STATUS_OK);
  CHECK(count == 3);
  CHECK(motcua_calendar_is_working_day((MotcuaDate){2025, 4, 26}, week, &working, &error) ==
        MOTCUA_STATUS_OK);
  CHECK(working); /* a swapped Saturday */
  CHECK(motcua_calendar_is_working_day((MotcuaDate){2025, 5, 10}, week, &working, &error) ==
        MOTCUA_STATUS_OK);
  CHECK(!working);
  CHECK(motcua_calendar_is_working_day((MotcuaDate){2025, 5, 10}, MOTCUA_SCHEDULE_MON_SAT,
                                       &working, &error) == MOTCUA_STATUS_OK);
  CHECK(working);
  CHECK(error == UNTOUCHED);

  char *json_out = NULL;
  CHECK(motcua_calendar_day_status((MotcuaDate){2024, 4, 29}, week, &json_out) ==
        MOTCUA_STATUS_OK);
  CHECK(json_out != NULL && strstr(json_out, "\"document\":\"2450/VPCP-KGVX\"") != NULL &&
        strstr(json_out, "\"working\":false") != NULL);
  motcua_string_free(json_out);
  json_out = NULL;
  const char *request =
      "{\"received\":\"2025-04-25T09:00:00+07:00\",\"limit\":{\"unit\":\"working_days\","
      "\"value\":3}}";
  CHECK(motcua_calendar_due_json(TEXT(request), &json_out) == MOTCUA_STATUS_OK);
  CHECK(json_out != NULL &&
        strstr(json_out, "\"due\":\"2025-04-29T17:00:00+07:00\"") != NULL);
  motcua_string_free(json_out);

  json_out = NULL;
  CHECK(motcua_calendar_holidays(2026, &json_out) == MOTCUA_STATUS_OK);
  CHECK(json_out != NULL && strstr(json_out, "\"year\":2026") != NULL &&
        strstr(json_out, "\"document\":\"12729/VPCP-KGVX\"") != NULL &&
        strstr(json_out, "\"day\":\"swapped_working\"") != NULL);
  motcua_string_free(json_out);
  error = NULL;
  CHECK(motcua_calendar_holidays(2010, &error) == MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "holidays.no_statute");
  error = NULL;
  CHECK(motcua_calendar_holidays(-2147483647 - 1, &error) == MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "holidays.out_of_range");
  error = UNTOUCHED;

  /* NULL pointers. */
  char *untouched = UNTOUCHED;
  CHECK(motcua_calendar_holidays(2026, NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_to_lunar(tet, vn, NULL, &untouched) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_to_lunar(tet, vn, &lunar, NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_to_solar(lunar, vn, NULL, &untouched) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_to_solar(lunar, vn, &date, NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_day_status(tet, week, NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_is_working_day(tet, week, NULL, &untouched) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_is_working_day(tet, week, &working, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_add_working_days(tet, 1, week, NULL, &untouched) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_add_working_days(tet, 1, week, &date, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_count_working_days(tet, tet, week, NULL, &untouched) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_count_working_days(tet, tet, week, &count, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_due_json(NULL, 0, &untouched) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_due_json(TEXT(request), NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_calendar_due_json(TEXT("{\"received\":\"\x80\"}"), &untouched) ==
        MOTCUA_STATUS_INVALID_UTF8);

  /* Reckonings, schedules and dates out of range. */
  const MotcuaReckoning bad_reckonings[] = {3, 255, 0xFFFFFFFF};
  for (size_t i = 0; i < sizeof bad_reckonings / sizeof bad_reckonings[0]; i++) {
    CHECK(motcua_calendar_to_lunar(tet, bad_reckonings[i], &lunar, &untouched) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
    CHECK(motcua_calendar_to_solar(lunar, bad_reckonings[i], &date, &untouched) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
  }
  const MotcuaSchedule bad_schedules[] = {0x80, 0x9f, 0xff};
  for (size_t i = 0; i < sizeof bad_schedules / sizeof bad_schedules[0]; i++) {
    CHECK(motcua_calendar_day_status(tet, bad_schedules[i], &untouched) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
    CHECK(motcua_calendar_is_working_day(tet, bad_schedules[i], &working, &untouched) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
    CHECK(motcua_calendar_add_working_days(tet, 1, bad_schedules[i], &date, &untouched) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
    CHECK(motcua_calendar_count_working_days(tet, tet, bad_schedules[i], &count, &untouched) ==
          MOTCUA_STATUS_INVALID_ARGUMENT);
  }
  const MotcuaDate impossible = {2025, 2, 29};
  CHECK(motcua_calendar_to_lunar(impossible, vn, &lunar, &untouched) ==
        MOTCUA_STATUS_INVALID_ARGUMENT);
  CHECK(motcua_calendar_day_status(impossible, week, &untouched) ==
        MOTCUA_STATUS_INVALID_ARGUMENT);
  CHECK(motcua_calendar_count_working_days(tet, impossible, week, &count, &untouched) ==
        MOTCUA_STATUS_INVALID_ARGUMENT);
  CHECK(untouched == UNTOUCHED);
  CHECK(lunar.year == 2026 && lunar.month == 1 && lunar.day == 1 && !lunar.leap);
  CHECK(same_date(date, (MotcuaDate){2025, 4, 29}));

  /* Computations without an answer: INVALID_INPUT with the finding, the value untouched. */
  error = UNTOUCHED;
  CHECK(motcua_calendar_to_lunar((MotcuaDate){2200, 1, 1}, vn, &lunar, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "lunar.solar_out_of_range");
  error = UNTOUCHED;
  CHECK(motcua_calendar_to_solar((MotcuaLunarDate){2026, 4, 1, true}, vn, &date, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "lunar.no_leap_month");
  error = UNTOUCHED;
  CHECK(motcua_calendar_to_solar((MotcuaLunarDate){2026, 13, 1, false}, vn, &date, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "lunar.month_invalid");
  error = UNTOUCHED;
  CHECK(motcua_calendar_is_working_day((MotcuaDate){2010, 5, 3}, week, &working, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "holidays.no_statute");
  error = UNTOUCHED;
  CHECK(motcua_calendar_add_working_days(tet, 2601, week, &date, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "working_days.too_many");
  error = UNTOUCHED;
  CHECK(motcua_calendar_add_working_days(tet, 1, 0, &date, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "working_days.no_working_day");
  error = UNTOUCHED;
  CHECK(motcua_calendar_count_working_days((MotcuaDate){1900, 1, 1}, (MotcuaDate){2199, 1, 1},
                                           week, &count, &error) == MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "working_days.too_many");
  error = UNTOUCHED;
  CHECK(motcua_calendar_day_status((MotcuaDate){2300, 6, 1}, week, &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "lunar.year_out_of_range");
  CHECK(lunar.year == 2026 && same_date(date, (MotcuaDate){2025, 4, 29}) && count == 3);

  /* Due-date requests that cannot be read name their field. */
  error = NULL;
  CHECK(motcua_calendar_due_json(TEXT("{"), &error) == MOTCUA_STATUS_INVALID_INPUT);
  check_input_error(error, "input.json_syntax");
  error = NULL;
  CHECK(motcua_calendar_due_json(TEXT("{\"received\":\"2025-04-25\",\"limit\":{\"unit\":"
                                      "\"working_days\",\"value\":3}}"),
                                 &error) == MOTCUA_STATUS_INVALID_INPUT);
  CHECK(error != NULL && strstr(error, "\"path\":\"/received\"") != NULL);
  check_input_error(error, "input.json_shape");
}

/* The log functions with the default policy, for the checks they share. */
static MotcuaStatus replay_default(const uint8_t *log, size_t len, char **out) {
  return motcua_lifecycle_replay(log, len, NULL, 0, out);
}

static MotcuaStatus kpi_default(const uint8_t *log, size_t len, char **out) {
  return motcua_lifecycle_kpi(log, len, NULL, 0, out);
}

/* Whether the JSON text `result` has the member `key` equal, as JSON, to the JSON text `value`. */
static bool has_member(const char *result, const char *key, const char *value) {
  char err[128];
  json *r = json_parse(result, strlen(result), err, sizeof err);
  json *v = json_parse(value, strlen(value), err, sizeof err);
  bool ok = r != NULL && v != NULL && json_equal(json_get(r, key), v);
  json_free(r);
  json_free(v);
  return ok;
}

/* The lifecycle's functions: each one's answer, the arguments refused with nothing written, and
 * a log that cannot be read as an input error naming the argument and the line. */
static void test_lifecycle(void) {
  typedef MotcuaStatus (*log_function)(const uint8_t *, size_t, char **);
  const log_function functions[] = {replay_default, kpi_default,
                                    motcua_lifecycle_check_status_log};
  const char *answers[] = {"\"timeliness\":\"pending\"", "\"on_time_rate\":null",
                           "\"states\":[\"submitted\"]"};
  const char *logs[] = {
      "{\"dossier\":\"A\",\"type\":\"submitted\",\"at\":\"2024-03-04T08:00:00+07:00\","
      "\"actor\":\"applicant\",\"channel\":\"online\"}\n"
      "{\"dossier\":\"A\",\"type\":\"received\",\"at\":\"2024-03-08T08:30:00+07:00\","
      "\"actor\":\"one_stop\",\"limit\":{\"unit\":\"working_days\",\"value\":1}}\n",
      NULL,
      "\n{\"dossier\":\"A\",\"status\":1,\"at\":\"2024-03-04T09:00:00+07:00\"}\n",
  };
  logs[1] = logs[0];
  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
    char *json_out = NULL;
    CHECK(functions[i](TEXT(logs[i]), &json_out) == MOTCUA_STATUS_OK);
    CHECK(json_out != NULL && strstr(json_out, answers[i]) != NULL);
    motcua_string_free(json_out);
    json_out = NULL;
    CHECK(functions[i](TEXT(""), &json_out) == MOTCUA_STATUS_OK);
    CHECK(json_out != NULL && strstr(json_out, i == 1 ? "\"dossiers\":0" : "\"dossiers\":[]"));
    motcua_string_free(json_out);

    char *untouched = UNTOUCHED;
    CHECK(functions[i](NULL, 0, &untouched) == MOTCUA_STATUS_NULL_ARGUMENT);
    CHECK(functions[i](TEXT(logs[i]), NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
    CHECK(functions[i](TEXT("{\"dossier\":\"\x80\"}"), &untouched) ==
          MOTCUA_STATUS_INVALID_UTF8);
    CHECK(untouched == UNTOUCHED);

    /* The line of the log at fault: blank lines count. */
    char *error = NULL;
    CHECK(functions[i](TEXT("\n{\"dossier\":\"A\"}\n{"), &error) == MOTCUA_STATUS_INVALID_INPUT);
    CHECK(error != NULL && has_member(error, "line", "2") && has_member(error, "argument", "\"log\""));
    check_input_error(error, "input.json_shape");
  }

  /* A policy: received Fri 8/3/2024 with 1 working day is due Mon 11/3, or Sat 9/3 when
   * Saturdays work; counted by hours, 08:30 plus 8 working hours. */
  const char *saturday = "{\"working_weekdays\":[true,true,true,true,true,true,false]}";
  const char *dues[][2] = {{NULL, "2024-03-11T17:00:00+07:00"},
                           {saturday, "2024-03-09T17:00:00+07:00"},
                           {"{\"counting\":\"hours\"}", "2024-03-11T08:30:00+07:00"}};
  for (size_t k = 0; k < sizeof dues / sizeof dues[0]; k++) {
    char *json_out = NULL;
    const char *policy = dues[k][0];
    CHECK(motcua_lifecycle_replay(TEXT(logs[0]), (const uint8_t *)policy,
                                  policy != NULL ? strlen(policy) : 0,
                                  &json_out) == MOTCUA_STATUS_OK);
    CHECK(json_out != NULL && strstr(json_out, dues[k][1]) != NULL);
    motcua_string_free(json_out);
  }
  char *json_out = NULL;
  CHECK(motcua_lifecycle_kpi(TEXT(logs[0]), TEXT(saturday), &json_out) == MOTCUA_STATUS_OK);
  CHECK(json_out != NULL && strstr(json_out, "\"received\":1") != NULL);
  motcua_string_free(json_out);
  /* A policy that cannot be read is the argument at fault, with the calendar's finding. */
  char *error = NULL;
  CHECK(motcua_lifecycle_replay(TEXT(logs[0]), TEXT("{\"office_hours\":\"17:00-08:00\"}"),
                                &error) == MOTCUA_STATUS_INVALID_INPUT);
  CHECK(error != NULL && has_member(error, "argument", "\"policy\"") &&
        strstr(error, "\"path\":\"/office_hours\"") != NULL);
  check_input_error(error, "due.office_hours");
  char *untouched = UNTOUCHED;
  CHECK(motcua_lifecycle_kpi(TEXT(logs[0]), (const uint8_t *)"{\"cutoff\":\x80}", 11,
                             &untouched) == MOTCUA_STATUS_INVALID_UTF8);
  CHECK(untouched == UNTOUCHED);
}

/* One event at a time: a new dossier, the outcome's dossier passed on, a rejection as an answer,
 * and a dossier, event or policy that cannot be read as the argument at fault. */
static void test_lifecycle_step(void) {
  const char *submitted =
      "{\"dossier\":\"A\",\"type\":\"submitted\",\"at\":\"2025-07-07T08:00:00+07:00\","
      "\"actor\":\"applicant\",\"channel\":\"online\"}";
  const char *received =
      "{\"dossier\":\"A\",\"type\":\"received\",\"at\":\"2025-07-07T08:30:00+07:00\","
      "\"actor\":\"one_stop\",\"limit\":{\"unit\":\"working_days\",\"value\":3}}";
  char *first = NULL;
  CHECK(motcua_lifecycle_step(NULL, 0, TEXT(submitted), NULL, 0, &first) == MOTCUA_STATUS_OK);
  CHECK(first != NULL && has_member(first, "to", "\"submitted\"") &&
        has_member(first, "rules", "\"decree-118-2025\""));
  char err[128];
  json *outcome = first != NULL ? json_parse(first, strlen(first), err, sizeof err) : NULL;
  const json *dossier = json_get(outcome, "dossier");
  CHECK(dossier != NULL);
  if (dossier != NULL) {
    char *second = NULL;
    CHECK(motcua_lifecycle_step((const uint8_t *)dossier->raw, dossier->raw_len, TEXT(received),
                                NULL, 0, &second) == MOTCUA_STATUS_OK);
    CHECK(second != NULL && has_member(second, "to", "\"received\"") &&
          strstr(second, "\"received_at\":\"2025-07-07T08:30:00+07:00\"") != NULL);
    motcua_string_free(second);
    /* The same event again is refused: an answer, with the dossier as it was. */
    char *again = NULL;
    CHECK(motcua_lifecycle_step((const uint8_t *)dossier->raw, dossier->raw_len, TEXT(submitted),
                                NULL, 0, &again) == MOTCUA_STATUS_OK);
    CHECK(again != NULL && has_member(again, "to", "null") &&
          strstr(again, "\"code\":\"lifecycle.event_not_allowed\"") != NULL &&
          strstr(again, "\"state\":\"submitted\"") != NULL);
    motcua_string_free(again);
  }
  json_free(outcome);
  motcua_string_free(first);

  /* Arguments the library refuses without writing. */
  char *untouched = UNTOUCHED;
  CHECK(motcua_lifecycle_step(NULL, 0, NULL, 0, NULL, 0, &untouched) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_lifecycle_step(NULL, 0, TEXT(submitted), NULL, 0, NULL) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_lifecycle_step((const uint8_t *)"\x80", 1, TEXT(submitted), NULL, 0,
                              &untouched) == MOTCUA_STATUS_INVALID_UTF8);
  CHECK(untouched == UNTOUCHED);

  /* Arguments that cannot be read: each named, with its finding. */
  const char *bad[][4] = {
      {"{\"state\":\"processing\"}", NULL, "dossier", "lifecycle.state_unreachable"},
      {"{\"state\":\"new\",\"colour\":1}", NULL, "dossier", "input.json_shape"},
      {NULL, "{\"cutoff\":\"15:00\"}", "policy", "input.json_shape"},
  };
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    char *error = NULL;
    const char *d = bad[k][0];
    const char *p = bad[k][1];
    CHECK(motcua_lifecycle_step((const uint8_t *)d, d != NULL ? strlen(d) : 0, TEXT(submitted),
                                (const uint8_t *)p, p != NULL ? strlen(p) : 0,
                                &error) == MOTCUA_STATUS_INVALID_INPUT);
    char argument[32];
    snprintf(argument, sizeof argument, "\"%s\"", bad[k][2]);
    CHECK(error != NULL && has_member(error, "argument", argument));
    check_input_error(error, bad[k][3]);
  }
  char *error = NULL;
  CHECK(motcua_lifecycle_step(NULL, 0, TEXT("{\"dossier\":\"A\",\"type\":\"sent\"}"), NULL, 0,
                              &error) == MOTCUA_STATUS_INVALID_INPUT);
  CHECK(error != NULL && has_member(error, "argument", "\"event\"") &&
        strstr(error, "\"path\":\"/type\"") != NULL);
  check_input_error(error, "input.json_shape");
}

/* The signature checker: a report for a CMS object (here one that is no SignedData: failed,
 * integrity broken), input errors naming the argument, and arguments refused untouched. The
 * fixtures themselves run through vectors.c. */
static void test_verify(void) {
  const char *options = "{\"validation_time\":\"2026-03-05T02:30:15Z\"}";
  const uint8_t not_signed_data[] = {0x30, 0x03, 0x02, 0x01, 0x00};
  char *report = NULL;
  CHECK(motcua_verify(not_signed_data, sizeof not_signed_data, TEXT(options), &report) ==
        MOTCUA_STATUS_OK);
  CHECK(report != NULL && has_member(report, "indication", "\"TOTAL_FAILED\"") &&
        strstr(report, "\"integrity\":\"broken\"") != NULL);
  motcua_string_free(report);
  report = NULL;
  CHECK(motcua_verify_detached(not_signed_data, sizeof not_signed_data, TEXT("data"),
                               TEXT(options), &report) == MOTCUA_STATUS_OK);
  CHECK(report != NULL && has_member(report, "indication", "\"TOTAL_FAILED\""));
  motcua_string_free(report);

  /* Input errors, each naming its argument. */
  struct {
    const char *document, *options, *argument, *code;
  } bad[] = {
      {"hello", options, "bytes", "verify.unrecognised_input"},
      {"%PDF-1.7\nnothing else", options, "bytes", "pdf.no_startxref"},
      {"hello", "{}", "options", "input.json_shape"},
      {"hello", "{\"validation_time\":\"2026-03-05T02:30:15Z\",\"trust_anchors\":[\"x\"]}",
       "options", "certificate.bad_pem"},
  };
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    char *error = NULL;
    CHECK(motcua_verify(TEXT(bad[k].document), TEXT(bad[k].options), &error) ==
          MOTCUA_STATUS_INVALID_INPUT);
    char argument[32];
    snprintf(argument, sizeof argument, "\"%s\"", bad[k].argument);
    CHECK(error != NULL && has_member(error, "argument", argument));
    check_input_error(error, bad[k].code);
  }
  char *error = NULL;
  CHECK(motcua_verify_detached(TEXT("%PDF-1.7"), TEXT("data"), TEXT(options), &error) ==
        MOTCUA_STATUS_INVALID_INPUT);
  CHECK(error != NULL && has_member(error, "argument", "\"signature\""));
  check_input_error(error, "verify.not_cms");

  /* Arguments the library refuses without writing. */
  char *untouched = UNTOUCHED;
  CHECK(motcua_verify(NULL, 0, TEXT(options), &untouched) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_verify(TEXT("x"), NULL, 0, &untouched) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_verify(TEXT("x"), TEXT(options), NULL) == MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(motcua_verify(TEXT("x"), (const uint8_t *)"\x80", 1, &untouched) ==
        MOTCUA_STATUS_INVALID_UTF8);
  CHECK(motcua_verify((const uint8_t *)"x", SIZE_MAX, TEXT(options), &untouched) ==
        MOTCUA_STATUS_INVALID_ARGUMENT);
  CHECK(motcua_verify_detached(TEXT("x"), NULL, 0, TEXT(options), &untouched) ==
        MOTCUA_STATUS_NULL_ARGUMENT);
  CHECK(untouched == UNTOUCHED);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SPEC_VECTORS_DIR\n", argv[0]);
    return 2;
  }
  test_version();
  test_ids_arguments();
  test_calendar();
  test_lifecycle();
  test_lifecycle_step();
  test_verify();

  char path[4096];
  snprintf(path, sizeof path, "%s/dossiers.json", argv[1]);
  char *text = NULL;
  json *doc = load_json(path, &text);
  sample s;
  if (find_sample(doc, &s)) {
    test_procedure_lifecycle(&s);
  } else {
    fprintf(stderr, "FAIL %s has no case with a report to borrow a procedure from\n", path);
    failures++;
  }
  json_free(doc);
  free(text);

  printf("C ABI contract: %d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
