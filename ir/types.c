// types.c - interned types: construction (find-or-insert by structure),
// numpy promotion, and the IR and user spellings, with a parser for the IR
// spelling (used by the TIR text parser).
#include "types.h"

#include <stdio.h>
#include <stdlib.h>

// ---- the index: equal structure <=> the same Type, found in O(1) -------------
// Structs by name (nominal), tuples by their element types, every other
// kind by (kind, elem, ndim, contig, bits, is_signed): the fields its
// constructor sets (the others stay zero).
static uint32_t type_hash(const Type *t) {
  uint32_t h = hash_mix((uint32_t)t->kind, 0);
  if (t->kind == TY_STRUCT) return hash_mix(h, hash_str(t->name));
  if (t->kind == TY_TUPLE) {
    h = hash_mix(h, t->nelems);
    for (uint32_t i = 0; i < t->nelems; i++) h = hash_mix(h, (uintptr_t)t->elems[i]);
    return h;
  }
  h = hash_mix(h, (uintptr_t)t->elem);
  return hash_mix(h, (uint64_t)t->ndim | (uint64_t)t->contig << 8 | (uint64_t)t->bits << 16 |
                         (uint64_t)t->is_signed << 24);
}

static bool type_same(const void *stored, const void *key) {
  const Type *a = stored, *b = key;
  if (a->kind != b->kind) return false;
  if (a->kind == TY_STRUCT) return strcmp(a->name, b->name) == 0;
  if (a->kind == TY_TUPLE) {
    if (a->nelems != b->nelems) return false;
    for (uint32_t i = 0; i < a->nelems; i++)
      if (a->elems[i] != b->elems[i]) return false;
    return true;
  }
  return a->elem == b->elem && a->ndim == b->ndim && a->contig == b->contig &&
         a->bits == b->bits && a->is_signed == b->is_signed;
}

static Type *find(const TypeTable *tt, const Type *proto) {
  return hmap_get(&tt->index, type_hash(proto), proto, type_same);
}

static Type *add(TypeTable *tt, Type proto) {
  Type *t = ARENA_NEW(tt->arena, Type);
  *t = proto;
  t->id = tt->all.len;
  vec_push(tt->arena, &tt->all, t);
  if (!find(tt, t))  // the first of a structure (or a struct name) stays
    hmap_put(tt->arena, &tt->index, type_hash(t), t, t, type_same);
  return t;
}

// The interned type of this structure (proto's pointers are not copied).
static const Type *get(TypeTable *tt, Type proto) {
  const Type *t = find(tt, &proto);
  return t ? t : add(tt, proto);
}

void types_init(TypeTable *tt, Arena *arena) {
  memset(tt, 0, sizeof *tt);
  tt->arena = arena;
  tt->t_void = add(tt, (Type){.kind = TY_VOID});
  tt->t_bool = add(tt, (Type){.kind = TY_BOOL, .bits = 1});
  tt->t_str = add(tt, (Type){.kind = TY_STR});
  tt->t_i8 = add(tt, (Type){.kind = TY_INT, .bits = 8, .is_signed = true});
  tt->t_i16 = add(tt, (Type){.kind = TY_INT, .bits = 16, .is_signed = true});
  tt->t_i32 = add(tt, (Type){.kind = TY_INT, .bits = 32, .is_signed = true});
  tt->t_i64 = add(tt, (Type){.kind = TY_INT, .bits = 64, .is_signed = true});
  tt->t_u8 = add(tt, (Type){.kind = TY_INT, .bits = 8});
  tt->t_u16 = add(tt, (Type){.kind = TY_INT, .bits = 16});
  tt->t_u32 = add(tt, (Type){.kind = TY_INT, .bits = 32});
  tt->t_u64 = add(tt, (Type){.kind = TY_INT, .bits = 64});
  tt->t_f32 = add(tt, (Type){.kind = TY_FLOAT, .bits = 32});
  tt->t_f64 = add(tt, (Type){.kind = TY_FLOAT, .bits = 64});
}

const Type *type_int(TypeTable *tt, unsigned bits, bool is_signed) {
  switch (bits) {
  case 8: return is_signed ? tt->t_i8 : tt->t_u8;
  case 16: return is_signed ? tt->t_i16 : tt->t_u16;
  case 32: return is_signed ? tt->t_i32 : tt->t_u32;
  case 64: return is_signed ? tt->t_i64 : tt->t_u64;
  default: return NULL;
  }
}

const Type *type_float(TypeTable *tt, unsigned bits) {
  return bits == 32 ? tt->t_f32 : bits == 64 ? tt->t_f64 : NULL;
}

const Type *type_array(TypeTable *tt, const Type *elem, unsigned ndim, bool contig) {
  return get(tt, (Type){.kind = TY_ARRAY, .elem = elem, .ndim = (uint8_t)ndim, .contig = contig});
}

const Type *type_tuple(TypeTable *tt, const Type **elems, uint32_t n) {
  const Type *old = find(tt, &(Type){.kind = TY_TUPLE, .elems = elems, .nelems = n});
  if (old) return old;
  const Type **copy = ARENA_ARRAY(tt->arena, const Type *, n ? n : 1);
  if (n) memcpy(copy, elems, sizeof(*elems) * n);
  return add(tt, (Type){.kind = TY_TUPLE, .elems = copy, .nelems = n});
}

const Type *type_point(TypeTable *tt, unsigned ndim) {
  const Type *el[3] = {tt->t_i64, tt->t_i64, tt->t_i64};
  return ndim <= 1 ? tt->t_i64 : type_tuple(tt, el, ndim > 3 ? 3 : ndim);
}

static bool is_i64(const Type *t) { return t->kind == TY_INT && t->bits == 64 && t->is_signed; }

unsigned type_point_rank(const Type *t) {
  if (!t) return 0;
  if (is_i64(t)) return 1;
  if (t->kind != TY_TUPLE || t->nelems < 2 || t->nelems > 3) return 0;
  for (uint32_t i = 0; i < t->nelems; i++)
    if (!is_i64(t->elems[i])) return 0;
  return t->nelems;
}

bool type_is_field(const Type *t) { return type_is_scalar(t) || type_point_rank(t) >= 2; }

const Type *type_struct_lookup(TypeTable *tt, const char *name) {
  return find(tt, &(Type){.kind = TY_STRUCT, .name = name});
}

const Type *type_struct(TypeTable *tt, const char *name, const char **field_names,
                        const Type **field_types, uint32_t n) {
  const Type *old = type_struct_lookup(tt, name);
  if (old) return old;
  const Type **types = ARENA_ARRAY(tt->arena, const Type *, n ? n : 1);
  const char **names = ARENA_ARRAY(tt->arena, const char *, n ? n : 1);
  if (n) memcpy(types, field_types, sizeof(*types) * n);
  for (uint32_t i = 0; i < n; i++) names[i] = arena_strdup(tt->arena, field_names[i]);
  return add(tt, (Type){.kind = TY_STRUCT, .elems = types, .nelems = n,
                        .name = arena_strdup(tt->arena, name), .field_names = names});
}

const Type *type_region(TypeTable *tt, const Type *fs, unsigned ndim) {
  return get(tt, (Type){.kind = TY_REGION, .elem = fs, .ndim = (uint8_t)ndim});
}

const Type *type_future(TypeTable *tt, const Type *value) {
  for (uint32_t i = 0; i < tt->all.len; i++) {
    Type *t = tt->all.data[i];
    if (t->kind == TY_FUTURE && t->elem == value && t->ndim == 0) return t;
  }
  return add(tt, (Type){.kind = TY_FUTURE, .elem = value});
}

const Type *type_future_map(TypeTable *tt, const Type *value, unsigned cdim) {
  for (uint32_t i = 0; i < tt->all.len; i++) {
    Type *t = tt->all.data[i];
    if (t->kind == TY_FUTURE && t->elem == value && t->ndim == cdim) return t;
  }
  return add(tt, (Type){.kind = TY_FUTURE, .elem = value, .ndim = (uint8_t)cdim});
}

const char *const type_part_kind_text[PART_KIND_COUNT] = {
    "?", "equal", "restrict", "restrict", "halo", "image", "by_field", "preimage", "preimage"};

const Type *type_partition(TypeTable *tt, const Type *region, unsigned cdim, unsigned kind) {
  return get(tt, (Type){.kind = TY_PARTITION, .elem = region, .ndim = (uint8_t)cdim,
                        .bits = (uint8_t)kind});
}

const Type *type_color_space(TypeTable *tt, unsigned cdim) {
  return get(tt, (Type){.kind = TY_COLORSPACE, .ndim = (uint8_t)cdim});
}

int type_struct_field(const Type *st, const char *name) {
  for (uint32_t i = 0; i < st->nelems; i++)
    if (strcmp(st->field_names[i], name) == 0) return (int)i;
  return -1;
}

// numpy.promote_types for the scalar kinds we have.
const Type *type_promote(TypeTable *tt, const Type *a, const Type *b) {
  if (a == b) return a;
  if (a->kind == TY_BOOL) return b;
  if (b->kind == TY_BOOL) return a;
  if (a->kind == TY_FLOAT || b->kind == TY_FLOAT) {
    if (a->kind == TY_FLOAT && b->kind == TY_FLOAT) return a->bits > b->bits ? a : b;
    const Type *f = a->kind == TY_FLOAT ? a : b, *i = a->kind == TY_FLOAT ? b : a;
    if (f->bits == 64 || i->bits >= 32) return tt->t_f64;
    return tt->t_f32;  // int8/int16 + float32 -> float32
  }
  if (a->is_signed == b->is_signed) return a->bits > b->bits ? a : b;
  const Type *s = a->is_signed ? a : b, *u = a->is_signed ? b : a;
  if (s->bits > u->bits) return s;
  if (u->bits == 64) return tt->t_f64;  // int64 + uint64 -> float64 (numpy)
  return type_int(tt, u->bits * 2, true);
}

static const char *scalar_ir(const Type *t) {
  switch (t->kind) {
  case TY_VOID: return "void";
  case TY_BOOL: return "bool";
  case TY_STR: return "str";
  case TY_FLOAT: return t->bits == 32 ? "f32" : "f64";
  case TY_INT:
    switch (t->bits) {
    case 8: return t->is_signed ? "i8" : "u8";
    case 16: return t->is_signed ? "i16" : "u16";
    case 32: return t->is_signed ? "i32" : "u32";
    default: return t->is_signed ? "i64" : "u64";
    }
  default: return NULL;
  }
}

void type_print(const Type *t, Str *out) {
  const char *s = scalar_ir(t);
  if (s) {
    str_puts(out, s);
    return;
  }
  switch (t->kind) {
  case TY_ARRAY:
    str_puts(out, "array<");
    type_print(t->elem, out);
    str_printf(out, ",%u%s>", t->ndim, t->contig ? ",C" : "");
    return;
  case TY_TUPLE:
    str_puts(out, "tuple<");
    for (uint32_t i = 0; i < t->nelems; i++) {
      if (i) str_putc(out, ',');
      type_print(t->elems[i], out);
    }
    str_putc(out, '>');
    return;
  case TY_STRUCT: str_printf(out, "struct@%s", t->name); return;
  case TY_REGION:
    str_puts(out, "region<");
    type_print(t->elem, out);
    str_printf(out, ",%u>", t->ndim);
    return;
  case TY_PARTITION:
    str_puts(out, "partition<");
    type_print(t->elem, out);
    str_printf(out, ",%u,%s%s>", t->ndim, t->bits < PART_KIND_COUNT ? type_part_kind_text[t->bits] : "?",
               t->bits == PART_RESTRICT_ALIASED || t->bits == PART_PREIMAGE_ALIASED ? ".aliased"
                                                                                    : "");
    return;
  case TY_FUTURE:
    str_puts(out, t->ndim ? "futuremap<" : "future<");
    type_print(t->elem, out);
    if (t->ndim) str_printf(out, ",%u", t->ndim);
    str_putc(out, '>');
    return;
  case TY_COLORSPACE: str_printf(out, "colorspace<%u>", t->ndim); return;
  default: str_puts(out, "?"); return;
  }
}

static bool eat(const char **p, const char *w) {
  size_t n = strlen(w);
  if (strncmp(*p, w, n) != 0) return false;
  *p += n;
  return true;
}

// Nesting limit of the parsed spelling: the parser reads fuzzed text, so the
// recursion must stay bounded.
#define TYPE_PARSE_MAX_DEPTH 32

static const Type *parse_at(TypeTable *tt, const char **p, int depth) {
  if (depth > TYPE_PARSE_MAX_DEPTH) return NULL;
  if (eat(p, "array<")) {
    const Type *e = parse_at(tt, p, depth + 1);
    if (!e || !type_is_scalar(e) || !eat(p, ",")) return NULL;
    if (**p < '0' || **p > '9') return NULL;
    char *end;
    long nd = strtol(*p, &end, 10);
    if (end == *p || nd < 1 || nd > 8) return NULL;
    *p = end;
    bool contig = eat(p, ",C");
    if (!eat(p, ">")) return NULL;
    return type_array(tt, e, (unsigned)nd, contig);
  }
  if (eat(p, "tuple<")) {
    const Type *elems[64];
    uint32_t n = 0;
    if (!eat(p, ">")) {
      do {
        if (n == 64) return NULL;
        const Type *e = parse_at(tt, p, depth + 1);
        if (!e || e->kind == TY_VOID) return NULL;
        elems[n++] = e;
      } while (eat(p, ","));
      if (!eat(p, ">")) return NULL;
    }
    return type_tuple(tt, elems, n);
  }
  if (eat(p, "region<")) {
    const Type *fs = parse_at(tt, p, depth + 1);
    if (!fs || fs->kind != TY_STRUCT || !eat(p, ",")) return NULL;
    if (**p < '1' || **p > '3') return NULL;
    unsigned nd = (unsigned)(**p - '0');
    (*p)++;
    if (!eat(p, ">")) return NULL;
    return type_region(tt, fs, nd);
  }
  if (eat(p, "partition<")) {  // partition<region<...>,cdim,kind>
    const Type *r = parse_at(tt, p, depth + 1);
    if (!r || r->kind != TY_REGION || !eat(p, ",") || **p < '1' || **p > '3') return NULL;
    unsigned cd = (unsigned)(*(*p)++ - '0');
    if (!eat(p, ",")) return NULL;
    unsigned kind = eat(p, "equal") ? PART_EQUAL : eat(p, "restrict.aliased") ? PART_RESTRICT_ALIASED
                    : eat(p, "restrict") ? PART_RESTRICT : eat(p, "halo") ? PART_HALO : eat(p, "image") ? PART_IMAGE : 0;
    if (!kind)
      kind = eat(p, "by_field")           ? PART_BY_FIELD
             : eat(p, "preimage.aliased") ? PART_PREIMAGE_ALIASED
             : eat(p, "preimage")         ? PART_PREIMAGE
                                          : 0;
    if (!kind || !eat(p, ">")) return NULL;
    return type_partition(tt, r, cd, kind);
  }
  if (eat(p, "future<")) {
    const Type *v = parse_at(tt, p, depth + 1);
    if (!v || !type_is_scalar(v) || !eat(p, ">")) return NULL;
    return type_future(tt, v);
  }
  if (eat(p, "futuremap<")) {  // futuremap<T,cdim>: an index launch's results (T void: none)
    const Type *v = parse_at(tt, p, depth + 1);
    if (!v || !(type_is_scalar(v) || v->kind == TY_VOID) || !eat(p, ",") || **p < '1' || **p > '3')
      return NULL;
    unsigned cd = (unsigned)(*(*p)++ - '0');
    if (!eat(p, ">")) return NULL;
    return type_future_map(tt, v, cd);
  }
  if (eat(p, "struct@")) {
    const char *s = *p;
    while (**p == '_' || (**p >= 'a' && **p <= 'z') || (**p >= 'A' && **p <= 'Z') ||
           (**p >= '0' && **p <= '9') || (unsigned char)**p >= 0x80)
      (*p)++;
    char buf[256];
    size_t n = (size_t)(*p - s);
    if (n == 0 || n >= sizeof buf) return NULL;
    memcpy(buf, s, n);
    buf[n] = 0;
    return type_struct_lookup(tt, buf);
  }
  // Longest match first among the scalar names (i16 before i1...).
  const Type *best = NULL;
  size_t bestn = 0;
  for (uint32_t i = 0; i < tt->all.len && i < 13; i++) {
    const char *nm = scalar_ir(tt->all.data[i]);
    size_t n = strlen(nm);
    if (n > bestn && strncmp(*p, nm, n) == 0) {
      best = tt->all.data[i];
      bestn = n;
    }
  }
  if (best) *p += bestn;
  return best;
}

const Type *type_parse(TypeTable *tt, const char **p) { return parse_at(tt, p, 0); }

void type_print_py(const Type *t, Str *out) {
  switch (t->kind) {
  case TY_VOID: str_puts(out, "None"); return;
  case TY_BOOL: str_puts(out, "bool"); return;
  case TY_STR: str_puts(out, "str"); return;
  case TY_INT: str_printf(out, "%sint%u", t->is_signed ? "" : "u", t->bits); return;
  case TY_FLOAT: str_printf(out, "float%u", t->bits); return;
  case TY_ARRAY:
    type_print_py(t->elem, out);
    str_putc(out, '[');
    for (unsigned i = 0; i < t->ndim; i++) {
      if (i) str_puts(out, ", ");
      str_puts(out, (t->contig && i + 1 == t->ndim) ? "::1" : ":");
    }
    str_putc(out, ']');
    return;
  case TY_TUPLE:
    str_puts(out, "tuple[");
    for (uint32_t i = 0; i < t->nelems; i++) {
      if (i) str_puts(out, ", ");
      type_print_py(t->elems[i], out);
    }
    str_putc(out, ']');
    return;
  case TY_STRUCT: str_puts(out, t->name); return;
  case TY_REGION:
    str_puts(out, "Region[");
    type_print_py(t->elem, out);
    str_printf(out, ", %u]", t->ndim);
    return;
  case TY_PARTITION:
    str_puts(out, "Partition[");
    type_print_py(t->elem, out);
    str_printf(out, ", %u]", t->ndim);
    return;
  case TY_FUTURE:
    str_puts(out, t->ndim ? "FutureMap[" : "Future[");
    type_print_py(t->elem, out);
    if (t->ndim) str_printf(out, ", %u", t->ndim);
    str_putc(out, ']');
    return;
  case TY_COLORSPACE: str_printf(out, "ColorSpace[%u]", t->ndim); return;
  default: str_puts(out, "?"); return;
  }
}

const char *type_py_name(TypeTable *tt, const Type *t) {
  Str s;
  str_init(&s);
  type_print_py(t, &s);
  char *r = arena_strdup(tt->arena, s.data ? s.data : "");
  str_fini(&s);
  return r;
}
