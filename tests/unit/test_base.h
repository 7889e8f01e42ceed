// test_base.h - a tiny assertion harness for the C unit tests: CHECK keeps
// going and counts failures; main returns the failure count, so ctest fails.
#ifndef PYC_TESTS_UNIT_TEST_BASE_H
#define PYC_TESTS_UNIT_TEST_BASE_H

#include <stdio.h>
#include <string.h>

static int test_failures;
static int test_checks;

#define CHECK(c)                                                              \
  do {                                                                        \
    test_checks++;                                                            \
    if (!(c)) {                                                               \
      test_failures++;                                                        \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);   \
    }                                                                         \
  } while (0)

#define CHECK_STR(a, b)                                                       \
  do {                                                                        \
    const char *a_ = (a), *b_ = (b);                                          \
    test_checks++;                                                            \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                  \
      test_failures++;                                                        \
      fprintf(stderr, "%s:%d: strings differ:\n  got:      \"%s\"\n  expected: \"%s\"\n", \
              __FILE__, __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)");    \
    }                                                                         \
  } while (0)

static inline int test_report(const char *name) {
  printf("%s: %d checks, %d failed\n", name, test_checks, test_failures);
  return test_failures ? 1 : 0;
}

#endif
