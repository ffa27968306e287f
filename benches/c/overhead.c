/*
 * Tax-code checks per second through the C ABI (motcua_ids_is_valid), over a file of codes, one
 * per line: the C side of benches/run-peers.sh. The script subtracts the native Rust time per
 * check (tax-code-throughput, same file, same run) to get the cost of crossing the C ABI.
 *
 * Prints one JSON line like the other sides.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "motcua.h"

enum { MAX_CODES = 1000000, MAX_LINE = 64 };

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: overhead CODES.txt\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (f == NULL) {
    perror(argv[1]);
    return 2;
  }
  static char codes[MAX_CODES][MAX_LINE];
  static size_t lens[MAX_CODES];
  size_t n = 0;
  while (n < MAX_CODES && fgets(codes[n], MAX_LINE, f) != NULL) {
    size_t len = strcspn(codes[n], "\r\n");
    if (len == 0) continue;
    lens[n++] = len;
  }
  fclose(f);
  if (n == 0) {
    fprintf(stderr, "overhead: %s holds no codes\n", argv[1]);
    return 2;
  }

  MotcuaDate today = {2026, 11, 23};
  size_t valid = 0;
  for (size_t i = 0; i < n; i++) {
    bool ok = false;
    if (motcua_ids_is_valid(MOTCUA_ID_KIND_TAX_CODE, (const uint8_t *)codes[i], lens[i], today, &ok) !=
        MOTCUA_STATUS_OK) {
      fprintf(stderr, "overhead: the call failed on line %zu\n", i + 1);
      return 1;
    }
    valid += ok;
  }

  unsigned long long checks = 0;
  volatile size_t sink = 0;
  double start = now(), elapsed = 0;
  while ((elapsed = now() - start) < 2.0) {
    for (size_t i = 0; i < n; i++) {
      bool ok = false;
      motcua_ids_is_valid(MOTCUA_ID_KIND_TAX_CODE, (const uint8_t *)codes[i], lens[i], today, &ok);
      sink += ok;
    }
    checks += n;
  }
  (void)sink;
  printf("{\"tool\":\"motcua-c\",\"codes\":%zu,\"valid\":%zu,\"checks\":%llu,\"seconds\":%.3f,"
         "\"per_second\":%.0f,\"ns_per_check\":%.2f}\n",
         n, valid, checks, elapsed, (double)checks / elapsed, elapsed * 1e9 / (double)checks);
  return 0;
}
