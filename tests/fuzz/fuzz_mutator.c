// fuzz_mutator.c - libFuzzer custom mutator and cross-over for fuzz_pipeline:
// mutates Python sources at the line and token level so most inputs stay
// near-valid programs that reach the checker, the lowering and codegen:
// swap / duplicate / delete / re-indent lines, and replace an identifier,
// number or operator with another token of the same class taken from the
// input itself or from a small dictionary of the language's names. One
// mutation in eight is libFuzzer's own byte-level mutation.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
                                 uint8_t *out, size_t max_out, unsigned int seed);

enum { TOK_NONE, TOK_NAME, TOK_NUM, TOK_OP };

static const char *const dict_name[] = {
    "int64", "int32", "float64", "float32", "bool", "range", "prange", "len", "abs", "min",
    "max", "print", "int", "float", "math", "sqrt", "np", "pt", "kernel", "task", "None",
    "True", "False", "shape", "zeros", "empty", "ones", "arange", "main", "x", "i", "n", "self",
    "ValueError", "IndexError", "ZeroDivisionError", "round", "fieldspace", "tuple", "dtype"};
static const char *const dict_num[] = {"0", "1", "-1", "2", "3", "0.0", "1.5", "-0.0", "1e308",
                                       "9223372036854775807", "9223372036854775808",
                                       "-9223372036854775808", "1e-320", "255", "64", "0x7f",
                                       "0b101", "1_000", "3.14159", "inf"};
static const char *const dict_op[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|",
                                      "^", "==", "!=", "<", "<=", ">", ">=", " and ", " or ",
                                      " not ", "=", "+=", "-=", "*=", "//=", "~", ":", ",", "."};

typedef struct Rng { uint32_t s; } Rng;
static uint32_t rnd(Rng *r, uint32_t n) {
  r->s ^= r->s << 13;
  r->s ^= r->s >> 17;
  r->s ^= r->s << 5;
  return n ? r->s % n : 0;
}

static int tok_class(uint8_t ch) {
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_') return TOK_NAME;
  if (ch >= '0' && ch <= '9') return TOK_NUM;
  if (strchr("+-*/%<>=!&|^~:,.", ch) && ch) return TOK_OP;
  return TOK_NONE;
}

// Length of the token starting at p[0] of class k.
static size_t tok_len(const uint8_t *p, size_t n, int k) {
  size_t i = 1;
  if (k == TOK_NAME)
    while (i < n && (tok_class(p[i]) == TOK_NAME || tok_class(p[i]) == TOK_NUM)) i++;
  else if (k == TOK_NUM)
    while (i < n && (tok_class(p[i]) == TOK_NUM || tok_class(p[i]) == TOK_NAME || p[i] == '.')) i++;
  else
    while (i < n && tok_class(p[i]) == TOK_OP && i < 3) i++;
  return i;
}

// Line starts: at most `cap` lines; returns the count (offsets into data, plus size at the end).
static size_t line_starts(const uint8_t *d, size_t n, size_t *starts, size_t cap) {
  size_t k = 0;
  starts[k++] = 0;
  for (size_t i = 0; i < n && k < cap - 1; i++)
    if (d[i] == '\n') starts[k++] = i + 1;
  starts[k] = n;
  return k;
}

// out = data with bytes [a, b) replaced by rep[0..rn); false when too long.
static size_t splice(uint8_t *data, size_t size, size_t max, size_t a, size_t b,
                     const uint8_t *rep, size_t rn) {
  if (size - (b - a) + rn > max) return 0;
  memmove(data + a + rn, data + b, size - b);
  memcpy(data + a, rep, rn);
  return size - (b - a) + rn;
}

#define MAX_LINES 4096
#define SCRATCH 65536

// A random token of class k: from the input (half the time) or the dictionary.
static size_t pick_token(Rng *r, const uint8_t *d, size_t n, int k, uint8_t *out) {
  if (rnd(r, 2) && n) {
    for (int tries = 0; tries < 32; tries++) {
      size_t i = rnd(r, (uint32_t)n);
      if (tok_class(d[i]) != k || (i && tok_class(d[i - 1]) == k)) continue;
      size_t len = tok_len(d + i, n - i, k);
      if (len > 64) continue;
      memcpy(out, d + i, len);
      return len;
    }
  }
  const char *s = k == TOK_NAME ? dict_name[rnd(r, sizeof dict_name / sizeof *dict_name)]
                  : k == TOK_NUM ? dict_num[rnd(r, sizeof dict_num / sizeof *dict_num)]
                                 : dict_op[rnd(r, sizeof dict_op / sizeof *dict_op)];
  size_t len = strlen(s);
  memcpy(out, s, len);
  return len;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
  static _Thread_local size_t starts[MAX_LINES + 1];
  static _Thread_local uint8_t tmp[SCRATCH];
  Rng r = {seed ? seed : 1u};
  uint32_t op = rnd(&r, 8);
  if (op == 7 || size < 2) return LLVMFuzzerMutate(data, size, max_size);
  size_t nl = line_starts(data, size, starts, MAX_LINES + 1);
  size_t a = rnd(&r, (uint32_t)nl), b = rnd(&r, (uint32_t)nl);
  size_t alen = starts[a + 1] - starts[a], blen = starts[b + 1] - starts[b];
  size_t out = 0;
  switch (op) {
  case 0: {  // swap two lines: A mid B -> B mid A
    if (a > b) { size_t t = a; a = b; b = t; t = alen; alen = blen; blen = t; }
    size_t span = starts[b + 1] - starts[a], mid = starts[b] - starts[a + 1];
    if (a == b || span > SCRATCH) break;
    memcpy(tmp, data + starts[b], blen);
    memcpy(tmp + blen, data + starts[a + 1], mid);
    memcpy(tmp + blen + mid, data + starts[a], alen);
    memcpy(data + starts[a], tmp, span);
    out = size;
    break;
  }
  case 1:  // duplicate line a before line b
    if (alen > SCRATCH) break;
    memcpy(tmp, data + starts[a], alen);
    out = splice(data, size, max_size, starts[b], starts[b], tmp, alen);
    break;
  case 2:  // delete line a
    out = splice(data, size, max_size, starts[a], starts[a + 1], tmp, 0);
    break;
  case 3:  // indent or dedent line a by 4
    if (rnd(&r, 2)) out = splice(data, size, max_size, starts[a], starts[a], (const uint8_t *)"    ", 4);
    else if (alen >= 4 && !memcmp(data + starts[a], "    ", 4))
      out = splice(data, size, max_size, starts[a], starts[a] + 4, tmp, 0);
    break;
  default: {  // 4..6: replace a token of line a with one of the same class
    for (int tries = 0; tries < 16 && !out; tries++) {
      size_t l = rnd(&r, (uint32_t)nl), ls = starts[l], le = starts[l + 1];
      if (le <= ls) continue;
      size_t i = ls + rnd(&r, (uint32_t)(le - ls));
      int k = tok_class(data[i]);
      if (k == TOK_NONE) continue;
      while (i > ls && tok_class(data[i - 1]) == k) i--;
      size_t len = tok_len(data + i, size - i, k);
      uint8_t rep[80];
      size_t rn = pick_token(&r, data, size, k, rep);
      out = splice(data, size, max_size, i, i + len, rep, rn);
    }
  }
  }
  return out ? out : LLVMFuzzerMutate(data, size, max_size);
}

// Cross-over at line granularity: the first lines of one input, the last of the other.
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
                                 uint8_t *out, size_t max_out, unsigned int seed) {
  static _Thread_local size_t st1[MAX_LINES + 1], st2[MAX_LINES + 1];
  Rng r = {seed ? seed : 1u};
  size_t n1 = line_starts(d1, s1, st1, MAX_LINES + 1), n2 = line_starts(d2, s2, st2, MAX_LINES + 1);
  size_t a = st1[rnd(&r, (uint32_t)n1 + 1)], b = st2[rnd(&r, (uint32_t)n2 + 1)];
  size_t n = a + (s2 - b);
  if (n > max_out) return 0;
  memcpy(out, d1, a);
  memcpy(out + a, d2 + b, s2 - b);
  return n;
}
