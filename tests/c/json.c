/* A small, bounded JSON reader for the C tests; see json.h. */
#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
  const char *text;
  size_t len;
  size_t pos;
  char *err;
  size_t err_len;
  bool failed;
} parser;

static void fail(parser *p, const char *what) {
  if (!p->failed) {
    snprintf(p->err, p->err_len, "%s at byte %zu", what, p->pos);
    p->failed = true;
  }
}

static void skip_ws(parser *p) {
  while (p->pos < p->len) {
    char c = p->text[p->pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      break;
    }
    p->pos++;
  }
}

static bool literal(parser *p, const char *word) {
  size_t n = strlen(word);
  if (p->len - p->pos >= n && memcmp(p->text + p->pos, word, n) == 0) {
    p->pos += n;
    return true;
  }
  return false;
}

static int hex4(parser *p) {
  if (p->len - p->pos < 4) {
    return -1;
  }
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p->text[p->pos + (size_t)i];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v |= c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v |= c - 'A' + 10;
    } else {
      return -1;
    }
  }
  p->pos += 4;
  return v;
}

static size_t put_utf8(char *out, uint32_t cp) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Decodes the string starting at the opening quote. The decoded text is never longer than the
 * source text, so one allocation of the source length suffices. */
static bool parse_string(parser *p, char **out, size_t *out_len) {
  p->pos++; /* the opening quote */
  size_t start = p->pos;
  size_t end = start;
  while (end < p->len && p->text[end] != '"') {
    end += p->text[end] == '\\' ? 2 : 1;
  }
  if (end >= p->len) {
    fail(p, "unterminated string");
    return false;
  }
  char *buf = malloc(end - start + 1);
  if (buf == NULL) {
    fail(p, "out of memory");
    return false;
  }
  size_t n = 0;
  while (p->pos < end) {
    unsigned char c = (unsigned char)p->text[p->pos];
    if (c < 0x20) {
      fail(p, "control character in string");
      free(buf);
      return false;
    }
    if (c != '\\') {
      buf[n++] = (char)c;
      p->pos++;
      continue;
    }
    p->pos++;
    char e = p->text[p->pos++];
    switch (e) {
    case '"': buf[n++] = '"'; break;
    case '\\': buf[n++] = '\\'; break;
    case '/': buf[n++] = '/'; break;
    case 'b': buf[n++] = '\b'; break;
    case 'f': buf[n++] = '\f'; break;
    case 'n': buf[n++] = '\n'; break;
    case 'r': buf[n++] = '\r'; break;
    case 't': buf[n++] = '\t'; break;
    case 'u': {
      int hi = hex4(p);
      uint32_t cp = (uint32_t)hi;
      if (hi < 0) {
        fail(p, "bad \\u escape");
        free(buf);
        return false;
      }
      if (hi >= 0xD800 && hi <= 0xDBFF) {
        int lo = -1;
        if (literal(p, "\\u")) {
          lo = hex4(p);
        }
        if (lo < 0xDC00 || lo > 0xDFFF) {
          fail(p, "lone surrogate");
          free(buf);
          return false;
        }
        cp = 0x10000 + (((uint32_t)hi - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
      } else if (hi >= 0xDC00 && hi <= 0xDFFF) {
        fail(p, "lone surrogate");
        free(buf);
        return false;
      }
      n += put_utf8(buf + n, cp);
      break;
    }
    default:
      fail(p, "bad escape");
      free(buf);
      return false;
    }
  }
  if (p->pos != end) {
    fail(p, "escape runs past the string");
    free(buf);
    return false;
  }
  p->pos++; /* the closing quote */
  buf[n] = '\0';
  *out = buf;
  *out_len = n;
  return true;
}

static bool digits(parser *p) {
  size_t start = p->pos;
  while (p->pos < p->len && p->text[p->pos] >= '0' && p->text[p->pos] <= '9') {
    p->pos++;
  }
  return p->pos > start;
}

static bool parse_number(parser *p) {
  if (p->text[p->pos] == '-') {
    p->pos++;
  }
  if (!digits(p)) {
    fail(p, "bad number");
    return false;
  }
  if (p->pos < p->len && p->text[p->pos] == '.') {
    p->pos++;
    if (!digits(p)) {
      fail(p, "bad fraction");
      return false;
    }
  }
  if (p->pos < p->len && (p->text[p->pos] == 'e' || p->text[p->pos] == 'E')) {
    p->pos++;
    if (p->pos < p->len && (p->text[p->pos] == '+' || p->text[p->pos] == '-')) {
      p->pos++;
    }
    if (!digits(p)) {
      fail(p, "bad exponent");
      return false;
    }
  }
  return true;
}

static json *parse_value(parser *p, int depth);

/* Parses the elements or members of an array or object; the opening bracket is consumed. */
static bool parse_children(parser *p, json *v, int depth, char close) {
  json **tail = &v->child;
  skip_ws(p);
  if (p->pos < p->len && p->text[p->pos] == close) {
    p->pos++;
    return true;
  }
  for (;;) {
    char *key = NULL;
    size_t key_len = 0;
    skip_ws(p);
    if (close == '}') {
      if (p->pos >= p->len || p->text[p->pos] != '"') {
        fail(p, "expected a member name");
        return false;
      }
      if (!parse_string(p, &key, &key_len)) {
        return false;
      }
      skip_ws(p);
      if (p->pos >= p->len || p->text[p->pos] != ':') {
        free(key);
        fail(p, "expected ':'");
        return false;
      }
      p->pos++;
    }
    json *child = parse_value(p, depth + 1);
    if (child == NULL) {
      free(key);
      return false;
    }
    child->key = key;
    child->key_len = key_len;
    *tail = child;
    tail = &child->next;
    skip_ws(p);
    if (p->pos < p->len && p->text[p->pos] == ',') {
      p->pos++;
      continue;
    }
    if (p->pos < p->len && p->text[p->pos] == close) {
      p->pos++;
      return true;
    }
    fail(p, "expected ',' or a closing bracket");
    return false;
  }
}

static json *parse_value(parser *p, int depth) {
  if (depth > JSON_MAX_DEPTH) {
    fail(p, "nested too deeply");
    return NULL;
  }
  skip_ws(p);
  if (p->pos >= p->len) {
    fail(p, "unexpected end");
    return NULL;
  }
  json *v = calloc(1, sizeof *v);
  if (v == NULL) {
    fail(p, "out of memory");
    return NULL;
  }
  size_t start = p->pos;
  char c = p->text[p->pos];
  bool ok;
  if (c == '{' || c == '[') {
    v->type = c == '{' ? JSON_OBJECT : JSON_ARRAY;
    p->pos++;
    ok = parse_children(p, v, depth, c == '{' ? '}' : ']');
  } else if (c == '"') {
    v->type = JSON_STRING;
    ok = parse_string(p, &v->str, &v->str_len);
  } else if (literal(p, "true") || literal(p, "false")) {
    v->type = JSON_BOOL;
    v->boolean = c == 't';
    ok = true;
  } else if (literal(p, "null")) {
    v->type = JSON_NULL;
    ok = true;
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    v->type = JSON_NUMBER;
    ok = parse_number(p);
  } else {
    fail(p, "unexpected character");
    ok = false;
  }
  if (!ok) {
    json_free(v);
    return NULL;
  }
  v->raw = p->text + start;
  v->raw_len = p->pos - start;
  return v;
}

json *json_parse(const char *text, size_t len, char *err, size_t err_len) {
  parser p = {text, len, 0, err, err_len, false};
  json *v = parse_value(&p, 0);
  if (v == NULL) {
    return NULL;
  }
  skip_ws(&p);
  if (p.pos != p.len) {
    fail(&p, "trailing text");
    json_free(v);
    return NULL;
  }
  return v;
}

void json_free(json *value) {
  while (value != NULL) {
    json *next = value->next;
    json_free(value->child);
    free(value->str);
    free(value->key);
    free(value);
    value = next;
  }
}

const json *json_get(const json *obj, const char *key) {
  if (obj == NULL || obj->type != JSON_OBJECT) {
    return NULL;
  }
  size_t n = strlen(key);
  for (const json *m = obj->child; m != NULL; m = m->next) {
    if (m->key_len == n && memcmp(m->key, key, n) == 0) {
      return m;
    }
  }
  return NULL;
}

size_t json_count(const json *value) {
  size_t n = 0;
  if (value != NULL && (value->type == JSON_ARRAY || value->type == JSON_OBJECT)) {
    for (const json *c = value->child; c != NULL; c = c->next) {
      n++;
    }
  }
  return n;
}

const json *json_at(const json *array, size_t i) {
  if (array == NULL || array->type != JSON_ARRAY) {
    return NULL;
  }
  const json *c = array->child;
  while (c != NULL && i > 0) {
    c = c->next;
    i--;
  }
  return c;
}

bool json_equal(const json *a, const json *b) {
  if (a == NULL || b == NULL) {
    return a == b;
  }
  if (a->type != b->type) {
    return false;
  }
  switch (a->type) {
  case JSON_NULL:
    return true;
  case JSON_BOOL:
    return a->boolean == b->boolean;
  case JSON_NUMBER:
    return strtod(a->raw, NULL) == strtod(b->raw, NULL);
  case JSON_STRING:
    return a->str_len == b->str_len && memcmp(a->str, b->str, a->str_len) == 0;
  case JSON_ARRAY: {
    const json *x = a->child;
    const json *y = b->child;
    for (; x != NULL && y != NULL; x = x->next, y = y->next) {
      if (!json_equal(x, y)) {
        return false;
      }
    }
    return x == NULL && y == NULL;
  }
  case JSON_OBJECT:
    if (json_count(a) != json_count(b)) {
      return false;
    }
    for (const json *m = a->child; m != NULL; m = m->next) {
      if (!json_equal(m, json_get(b, m->key))) {
        return false;
      }
    }
    return true;
  }
  return false;
}

bool json_is_string(const json *value, const char *s) {
  return value != NULL && value->type == JSON_STRING && value->str_len == strlen(s) &&
         memcmp(value->str, s, value->str_len) == 0;
}

char *read_file(const char *path, size_t max_len, size_t *out_len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  char *buf = malloc(max_len + 1);
  size_t n = buf == NULL ? 0 : fread(buf, 1, max_len + 1, f);
  bool bad = buf == NULL || ferror(f) || n > max_len;
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *out_len = n;
  return buf;
}
