// test_base.c - unit tests of the substrate: arena, Vec, Str, interning (by
// bytes and length: prefixes, embedded NULs, equal hashes, growth),
// source manager line/column lookup, diagnostics rendering and limits, types,
// the HashMap (many keys, colliding hashes, replacement) and the type index.
#include "../../ir/diag.h"
#include "../../ir/types.h"
#include "test_base.h"

#include <stdlib.h>

static void test_arena(void) {
  Arena a;
  arena_init(&a);
  char *p = arena_alloc(&a, 10);
  CHECK(((uintptr_t)p & 15) == 0);
  for (int i = 0; i < 10; i++) CHECK(p[i] == 0);
  // Big allocations get their own chunk.
  char *big = arena_alloc(&a, 1 << 20);
  big[(1 << 20) - 1] = 1;
  // Growing the newest block keeps its contents.
  int *v = arena_alloc(&a, sizeof(int) * 4);
  for (int i = 0; i < 4; i++) v[i] = i;
  int *w = arena_realloc(&a, v, sizeof(int) * 4, sizeof(int) * 1000);
  for (int i = 0; i < 4; i++) CHECK(w[i] == i);
  CHECK(w[999] == 0);
  CHECK_STR(arena_printf(&a, "%d-%s", 42, "x"), "42-x");
  arena_fini(&a);
}

typedef Vec(int) IntVec;

static void test_vec(void) {
  Arena a;
  arena_init(&a);
  IntVec v = {0};
  for (int i = 0; i < 1000; i++) vec_push(&a, &v, i * 2);
  CHECK(v.len == 1000);
  CHECK(vec_at(&v, 999) == 1998);
  CHECK(vec_last(&v) == 1998);
  arena_fini(&a);
}

static void test_str_intern(void) {
  Str s;
  str_init(&s);
  for (int i = 0; i < 1000; i++) str_printf(&s, "%d,", i);
  CHECK(s.len > 3000);
  CHECK(strncmp(s.data, "0,1,2,", 6) == 0);
  char *t = str_take(&s);
  CHECK(s.data == NULL);
  free(t);

  Arena a;
  arena_init(&a);
  Interner in;
  interner_init(&in, &a);
  const char *x = intern_cstr(&in, "hello");
  char buf[16] = "hello";
  CHECK(intern(&in, buf, 5) == x);
  CHECK(intern(&in, "hell", 4) != x);
  for (int i = 0; i < 5000; i++) {  // forces the table to grow
    char k[16];
    snprintf(k, sizeof k, "k%d", i);
    intern_cstr(&in, k);
  }
  CHECK(intern_cstr(&in, "hello") == x);
  CHECK(strcmp(intern_cstr(&in, "k4999"), "k4999") == 0);
  interner_fini(&in);
  arena_fini(&a);
}

// The interner's HashMap keys: bytes and length, so prefixes, embedded NULs,
// the empty text and texts of equal hash stay apart, and every pointer
// stays the same while the table grows.
static void test_intern_keys(void) {
  Arena a;
  arena_init(&a);
  Interner in;
  interner_init(&in, &a);
  const char *ab = intern(&in, "ab", 2);
  const char *ab0 = intern(&in, "ab\0", 3);    // "ab" and a NUL
  const char *a0b = intern(&in, "a\0b", 3);
  CHECK(ab != ab0 && ab != a0b && ab0 != a0b);
  CHECK(intern(&in, "abc", 2) == ab);           // the length counts, not the NUL
  CHECK(intern(&in, "ab\0", 3) == ab0 && intern(&in, "a\0b", 3) == a0b);
  CHECK(ab0[2] == 0 && ab0[3] == 0 && a0b[2] == 'b' && a0b[3] == 0);  // NUL-terminated copies
  const char *empty = intern(&in, "", 0);
  CHECK(empty[0] == 0 && intern(&in, "xyz", 0) == empty && intern(&in, "a", 1) != empty);
  // Two texts with one FNV-1a hash (found by a birthday search).
  CHECK(hash_str("n512789") == hash_str("n749192"));
  const char *c1 = intern_cstr(&in, "n512789"), *c2 = intern_cstr(&in, "n749192");
  CHECK(c1 != c2 && strcmp(c1, "n512789") == 0 && strcmp(c2, "n749192") == 0);
  enum { N = 20000 };  // many texts: the table grows many times
  const char **first = malloc(sizeof(char *) * N);
  for (int i = 0; i < N; i++) {
    char k[16];
    snprintf(k, sizeof k, "s%d", i);
    first[i] = intern_cstr(&in, k);
  }
  for (int i = 0; i < N; i++) {
    char k[16];
    int len = snprintf(k, sizeof k, "s%d", i);
    if (intern(&in, k, (size_t)len) != first[i] || strcmp(first[i], k) != 0) {
      CHECK(!"an interned text moved or changed");
      break;
    }
  }
  CHECK(intern_cstr(&in, "n512789") == c1 && intern_cstr(&in, "n749192") == c2);
  CHECK(intern(&in, "ab", 2) == ab && intern(&in, "ab\0", 3) == ab0);
  free(first);
  interner_fini(&in);
  arena_fini(&a);
}

// Every key found in O(1) expected: the map holds 100,000 keys, a run of
// keys sharing one hash (probing past them), replacements and misses.
static uint32_t same_hash(const char *s) { (void)s; return 7; }

static void test_hashmap(void) {
  Arena a;
  arena_init(&a);
  HashMap m = {0};
  CHECK(hmap_get(&m, hash_str("x"), "x", hash_streq) == NULL);  // empty, no table yet
  enum { N = 100000 };
  const char **keys = malloc(sizeof(char *) * N);
  for (int i = 0; i < N; i++) {
    keys[i] = arena_printf(&a, "key%d", i);
    CHECK(hmap_put(&a, &m, hash_str(keys[i]), keys[i], (void *)keys[i], hash_streq) == NULL);
  }
  CHECK(m.count == N);
  CHECK(m.cap >= 2u * N && m.cap <= 4u * N);  // grown at half full, no more
  int found = 0;
  for (int i = 0; i < N; i++) {
    char buf[32];  // another pointer with the same text
    snprintf(buf, sizeof buf, "key%d", i);
    found += hmap_get(&m, hash_str(buf), buf, hash_streq) == keys[i];
  }
  CHECK(found == N);
  CHECK(hmap_get(&m, hash_str("key-1"), "key-1", hash_streq) == NULL);
  // Replacing returns the old value and keeps the count.
  int other = 0;
  CHECK(hmap_put(&a, &m, hash_str("key5"), "key5", &other, hash_streq) == keys[5]);
  CHECK(hmap_get(&m, hash_str("key5"), "key5", hash_streq) == &other);
  CHECK(m.count == N);
  // 2,000 keys with one hash: all stored and found (linear probing past each other).
  HashMap c = {0};
  for (int i = 0; i < 2000; i++)
    hmap_put(&a, &c, same_hash(keys[i]), keys[i], (void *)keys[i], hash_streq);
  found = 0;
  for (int i = 0; i < 2000; i++)
    found += hmap_get(&c, same_hash(keys[i]), keys[i], hash_streq) == keys[i];
  CHECK(found == 2000 && c.count == 2000);
  CHECK(hmap_get(&c, 7, "key2000", hash_streq) == NULL);
  // Pointer keys (eq NULL): equal text at another address is another key.
  HashMap p = {0};
  char k1[] = "same", k2[] = "same";
  hmap_put(&a, &p, hash_ptr(k1), k1, k1, NULL);
  CHECK(hmap_get(&p, hash_ptr(k1), k1, NULL) == k1);
  CHECK(hmap_get(&p, hash_ptr(k2), k2, NULL) == NULL);
  CHECK(hash_mix(1, 2) != hash_mix(2, 1));
  free(keys);
  arena_fini(&a);
}

static void test_diag(void) {
  Arena a;
  arena_init(&a);
  SrcManager sm;
  srcmgr_init(&sm, &a);
  const char *src = "def f():\n    return 1 + x\n\xc3\xa9 = 3\n";
  uint32_t id = srcmgr_add(&sm, "t.py", src, (uint32_t)strlen(src));
  uint32_t line, col;
  srcmgr_linecol(&sm, (SrcLoc){id, 24, 25}, &line, &col);
  CHECK(line == 2 && col == 16);
  // Columns count code points: the '=' after a two-byte letter is column 3.
  srcmgr_linecol(&sm, (SrcLoc){id, 29, 30}, &line, &col);
  CHECK(line == 3 && col == 3);

  DiagSink ds;
  diag_init(&ds, &sm, &a);
  Diag *d = diag_error(&ds, ((SrcLoc){id, 20, 25}), "unsupported operand types for +: '%s' and '%s'",
                       "int", "str");
  diag_note(&ds, d, (SrcLoc){id, 0, 3}, "declared here");
  Str out;
  str_init(&out);
  diag_render_all(&ds, &out);
  CHECK_STR(out.data,
            "t.py:2:12: error: unsupported operand types for +: 'int' and 'str'\n"
            " 2 |     return 1 + x\n"
            "   |            ^~~~~\n"
            "t.py:1:1: note: declared here\n"
            " 1 | def f():\n"
            "   | ^~~\n");
  str_fini(&out);
  CHECK(diag_has_errors(&ds));

  // The error limit bounds the output.
  for (int i = 0; i < 100; i++) diag_error(&ds, ((SrcLoc){id, 0, 1}), "e%d", i);
  CHECK(ds.truncated);
  uint32_t kept = 0;
  for (Diag *p = ds.first; p; p = p->next) kept++;
  CHECK(kept == DIAG_MAX_ERRORS);
  arena_fini(&a);
}

static void test_types(void) {
  Arena a;
  arena_init(&a);
  TypeTable tt;
  types_init(&tt, &a);
  const Type *arr = type_array(&tt, tt.t_f64, 2, true);
  CHECK(type_array(&tt, tt.t_f64, 2, true) == arr);
  CHECK(type_array(&tt, tt.t_f64, 2, false) != arr);
  Str s;
  str_init(&s);
  type_print(arr, &s);
  CHECK_STR(s.data, "array<f64,2,C>");
  const char *p = s.data;
  CHECK(type_parse(&tt, &p) == arr);
  str_fini(&s);
  CHECK_STR(type_py_name(&tt, arr), "float64[:, ::1]");
  const Type *els[2] = {tt.t_i64, arr};
  const Type *tup = type_tuple(&tt, els, 2);
  CHECK(type_tuple(&tt, els, 2) == tup);
  CHECK_STR(type_py_name(&tt, tup), "tuple[int64, float64[:, ::1]]");
  // numpy promotion
  CHECK(type_promote(&tt, tt.t_i32, tt.t_i64) == tt.t_i64);
  CHECK(type_promote(&tt, tt.t_i64, tt.t_u64) == tt.t_f64);
  CHECK(type_promote(&tt, tt.t_i8, tt.t_u8) == tt.t_i16);
  CHECK(type_promote(&tt, tt.t_i16, tt.t_f32) == tt.t_f32);
  CHECK(type_promote(&tt, tt.t_i32, tt.t_f32) == tt.t_f64);
  CHECK(type_promote(&tt, tt.t_bool, tt.t_u8) == tt.t_u8);
  const char *u16 = "u16>";
  CHECK(type_parse(&tt, &u16) == tt.t_u16 && *u16 == '>');
  // Many types: each structure interned once, every type in the index.
  const Type *scalars[4] = {tt.t_i64, tt.t_f64, tt.t_bool, tt.t_i32};
  uint32_t before = tt.all.len;
  int same = 0;
  const Type *prev = tt.t_i64;
  for (int i = 0; i < 5000; i++) {  // nested tuples: 5,000 distinct types
    const Type *e2[2] = {prev, scalars[i % 4]};
    const Type *t = type_tuple(&tt, e2, 2);
    same += type_tuple(&tt, e2, 2) == t;
    const Type *arr_i = type_array(&tt, scalars[i % 4], 1 + (i % 3), i % 2);
    same += type_array(&tt, scalars[i % 4], 1 + (i % 3), i % 2) == arr_i;
    prev = t;
  }
  CHECK(same == 10000);
  CHECK(tt.all.len >= before + 5000 && tt.index.count == tt.all.len);  // none added twice
  const char *names[1] = {"v"};
  const Type *ftys[1] = {tt.t_f64};
  const Type *st = type_struct(&tt, "Cell", names, ftys, 1);
  CHECK(type_struct(&tt, "Cell", names, ftys, 1) == st && type_struct_lookup(&tt, "Cell") == st);
  CHECK(type_struct_lookup(&tt, "Other") == NULL);
  CHECK(type_region(&tt, st, 2) == type_region(&tt, st, 2));
  CHECK(type_region(&tt, st, 2) != type_region(&tt, st, 1));
  CHECK(type_partition(&tt, type_region(&tt, st, 1), 1, PART_EQUAL) ==
        type_partition(&tt, type_region(&tt, st, 1), 1, PART_EQUAL));
  CHECK(type_partition(&tt, type_region(&tt, st, 1), 1, PART_EQUAL) !=
        type_partition(&tt, type_region(&tt, st, 1), 1, PART_HALO));
  CHECK(tt.index.count == tt.all.len);
  arena_fini(&a);
}

int main(void) {
  test_arena();
  test_vec();
  test_str_intern();
  test_intern_keys();
  test_hashmap();
  test_diag();
  test_types();
  return test_report("test_base");
}
