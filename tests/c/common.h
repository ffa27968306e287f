/* Helpers shared by the C test programs. */
#ifndef MOTCUA_TEST_COMMON_H
#define MOTCUA_TEST_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "motcua.h"

/* The largest vector file the tests read. */
#define MAX_FILE_BYTES ((size_t)16 << 20)

/* Reads "YYYY-MM-DD" (exactly) into *out; false when the text has another shape. The date itself
 * is not checked here: the library does that. */
bool parse_date(const json *text, MotcuaDate *out);

/* The MotcuaIdKind named by the kind's JSON name ("personal-id", ...); false when unknown. */
bool kind_from_name(const json *name, MotcuaIdKind *out);

/* The name of a status, for messages. */
const char *status_name(MotcuaStatus status);

/* Reads and parses a whole JSON file; exits with a message on failure. */
json *load_json(const char *path, char **out_text);

#endif /* MOTCUA_TEST_COMMON_H */
