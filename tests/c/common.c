/* Helpers shared by the C test programs; see common.h. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool parse_date(const json *text, MotcuaDate *out) {
  if (text == NULL || text->type != JSON_STRING || text->str_len != 10) {
    return false;
  }
  const char *s = text->str;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lens[3] = {4, 2, 2};
  if (s[4] != '-' || s[7] != '-') {
    return false;
  }
  for (int i = 0; i < 3; i++) {
    for (size_t j = starts[i]; j < starts[i] + lens[i]; j++) {
      if (s[j] < '0' || s[j] > '9') {
        return false;
      }
      parts[i] = parts[i] * 10 + (s[j] - '0');
    }
  }
  out->year = parts[0];
  out->month = (uint8_t)parts[1];
  out->day = (uint8_t)parts[2];
  return true;
}

/* The C numbers of the kinds, by their JSON names (serde names of the Rust IdKind). This table is
 * the C-side statement of the numbering: it must agree with the header's defines. */
static const struct {
  const char *name;
  MotcuaIdKind kind;
} KINDS[] = {
    {"personal-id", MOTCUA_ID_KIND_PERSONAL_ID},
    {"old-id", MOTCUA_ID_KIND_OLD_ID},
    {"tax-code", MOTCUA_ID_KIND_TAX_CODE},
    {"agency-code", MOTCUA_ID_KIND_AGENCY_CODE},
    {"procedure-code", MOTCUA_ID_KIND_PROCEDURE_CODE},
    {"dossier-code", MOTCUA_ID_KIND_DOSSIER_CODE},
    {"phone", MOTCUA_ID_KIND_PHONE},
};

bool kind_from_name(const json *name, MotcuaIdKind *out) {
  for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
    if (json_is_string(name, KINDS[i].name)) {
      *out = KINDS[i].kind;
      return true;
    }
  }
  return false;
}

const char *status_name(MotcuaStatus status) {
  switch (status) {
  case MOTCUA_STATUS_OK: return "OK";
  case MOTCUA_STATUS_NULL_ARGUMENT: return "NULL_ARGUMENT";
  case MOTCUA_STATUS_INVALID_UTF8: return "INVALID_UTF8";
  case MOTCUA_STATUS_INVALID_ARGUMENT: return "INVALID_ARGUMENT";
  case MOTCUA_STATUS_INVALID_INPUT: return "INVALID_INPUT";
  case MOTCUA_STATUS_PANIC: return "PANIC";
  }
  return "(unknown status)";
}

json *load_json(const char *path, char **out_text) {
  size_t len = 0;
  char *text = read_file(path, MAX_FILE_BYTES, &len);
  if (text == NULL) {
    fprintf(stderr, "cannot read %s (missing, unreadable or over %zu bytes)\n", path,
            MAX_FILE_BYTES);
    exit(2);
  }
  char err[128];
  json *doc = json_parse(text, len, err, sizeof err);
  if (doc == NULL) {
    fprintf(stderr, "%s: %s\n", path, err);
    free(text);
    exit(2);
  }
  *out_text = text;
  return doc;
}
