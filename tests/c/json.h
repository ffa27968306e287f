/*
 * A small, bounded JSON reader for the C tests: enough to read the files of spec/vectors/ and the JSON
 * the C ABI returns. Not part of the library.
 *
 * Limits: nesting depth JSON_MAX_DEPTH; the caller bounds the input size. Every value keeps its
 * span in the source text (so an object can be passed on verbatim), and strings are decoded to
 * UTF-8 (escapes, including surrogate pairs, resolved; lone surrogates refused).
 */
#ifndef MOTCUA_TEST_JSON_H
#define MOTCUA_TEST_JSON_H

#include <stdbool.h>
#include <stddef.h>

#define JSON_MAX_DEPTH 64

typedef enum json_type {
  JSON_NULL,
  JSON_BOOL,
  JSON_NUMBER,
  JSON_STRING,
  JSON_ARRAY,
  JSON_OBJECT,
} json_type;

typedef struct json json;

struct json {
  json_type type;
  const char *raw; /* the value's text in the source */
  size_t raw_len;
  char *str; /* JSON_STRING: decoded bytes, NUL-terminated (may also hold NULs) */
  size_t str_len;
  bool boolean;  /* JSON_BOOL */
  char *key;     /* a member of an object: its decoded name, NUL-terminated */
  size_t key_len;
  json *child; /* JSON_ARRAY, JSON_OBJECT: the first element or member */
  json *next;  /* the next element or member of the parent */
};

/* Parses the whole of text[0..len). Returns NULL on error, with a message in err. */
json *json_parse(const char *text, size_t len, char *err, size_t err_len);

/* Frees a tree from json_parse (NULL is fine). */
void json_free(json *value);

/* The member `key` of an object, or NULL (also when obj is NULL or not an object). */
const json *json_get(const json *obj, const char *key);

/* The number of elements of an array or members of an object; 0 for other values. */
size_t json_count(const json *value);

/* The element at index i of an array, or NULL. */
const json *json_at(const json *array, size_t i);

/* Whether the two values are equal as JSON: object member order does not matter, numbers are
 * compared as doubles. NULL equals only NULL. */
bool json_equal(const json *a, const json *b);

/* Whether value is a string equal to the NUL-terminated s. */
bool json_is_string(const json *value, const char *s);

/* Reads a whole file (at most max_len bytes) into a malloc'd NUL-terminated buffer. */
char *read_file(const char *path, size_t max_len, size_t *out_len);

#endif /* MOTCUA_TEST_JSON_H */
