// sig.c - the driver's signature lines (pyc_compiler_signatures: name, IR
// param types, return type, param names, flags; TAB-separated) parsed into
// CoreSig, the types' memory layout (the C ABI of codegen/codegen.h), and
// the user spelling of types for boundary error messages.
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
  const char *ir, *py;
  CoreScalar s;
  size_t size;
} scalars[] = {
    {"bool", "bool", CS_BOOL, 1}, {"i8", "int8", CS_I8, 1},     {"i16", "int16", CS_I16, 2},
    {"i32", "int32", CS_I32, 4},  {"i64", "int64", CS_I64, 8},  {"u8", "uint8", CS_U8, 1},
    {"u16", "uint16", CS_U16, 2}, {"u32", "uint32", CS_U32, 4}, {"u64", "uint64", CS_U64, 8},
    {"f32", "float32", CS_F32, 4}, {"f64", "float64", CS_F64, 8},
};
#define NSCALARS (sizeof scalars / sizeof scalars[0])

const char *core_scalar_name(CoreScalar s) {
  for (size_t i = 0; i < NSCALARS; i++)
    if (scalars[i].s == s) return scalars[i].py;
  return "?";
}

size_t core_scalar_size(CoreScalar s) {
  for (size_t i = 0; i < NSCALARS; i++)
    if (scalars[i].s == s) return scalars[i].size;
  return 0;
}

void core_type_free(CoreType *t) {
  if (t->kind == CK_TUPLE && t->elems) {
    for (int i = 0; i < t->nelems; i++) core_type_free(&t->elems[i]);
    free(t->elems);
  }
  t->elems = NULL;
}

// Parses one IR type at *p; false with err set.
static bool parse_type(const char **p, CoreType *t, char *err, size_t cap) {
  memset(t, 0, sizeof *t);
  const char *s = *p;
  size_t n = strcspn(s, "<,>\t\n");
  if (n == 4 && strncmp(s, "void", 4) == 0) {
    t->kind = CK_VOID;
    *p = s + n;
    return true;
  }
  for (size_t i = 0; i < NSCALARS; i++)
    if (strlen(scalars[i].ir) == n && strncmp(s, scalars[i].ir, n) == 0) {
      t->kind = CK_SCALAR;
      t->scalar = scalars[i].s;
      t->size = t->align = scalars[i].size;
      *p = s + n;
      return true;
    }
  if (n == 5 && strncmp(s, "array", 5) == 0 && s[5] == '<') {
    s += 6;
    CoreType el;
    if (!parse_type(&s, &el, err, cap)) return false;
    if (el.kind != CK_SCALAR) {
      snprintf(err, cap, "array of a non-scalar type");
      return false;
    }
    if (*s != ',') goto bad;
    char *end;
    long nd = strtol(s + 1, &end, 10);
    s = end;
    if (nd < 1 || nd > CORE_MAX_NDIM) {
      snprintf(err, cap, "arrays of %ld dimensions cross the boundary only up to %d", nd,
               CORE_MAX_NDIM);
      return false;
    }
    t->contig = false;
    if (strncmp(s, ",C", 2) == 0) {
      t->contig = true;
      s += 2;
    }
    if (*s != '>') goto bad;
    *p = s + 1;
    t->kind = CK_ARRAY;
    t->scalar = el.scalar;
    t->ndim = (int)nd;
    t->size = 16 + 16 * (size_t)nd;
    t->align = 8;
    return true;
  }
  if (n == 5 && strncmp(s, "tuple", 5) == 0 && s[5] == '<') {
    s += 6;
    t->kind = CK_TUPLE;
    t->elems = calloc(CORE_MAX_ELEMS, sizeof *t->elems);
    if (!t->elems) goto bad;
    size_t off = 0, align = 1;
    while (*s != '>') {
      if (t->nelems == CORE_MAX_ELEMS) {
        snprintf(err, cap, "tuple too long for the boundary");
        core_type_free(t);
        return false;
      }
      CoreType *e = &t->elems[t->nelems++];
      if (!parse_type(&s, e, err, cap) || e->kind == CK_VOID) {
        if (e->kind == CK_VOID) snprintf(err, cap, "malformed tuple");
        core_type_free(t);
        return false;
      }
      off = (off + e->align - 1) / e->align * e->align + e->size;
      if (e->align > align) align = e->align;
      if (*s == ',') s++;
      else if (*s != '>') {
        core_type_free(t);
        goto bad;
      }
    }
    t->size = (off + align - 1) / align * align;
    t->align = align;
    *p = s + 1;
    return true;
  }
  snprintf(err, cap, "type '%.*s' does not cross the Python boundary (scalars, arrays and tuples do)",
           (int)n, s);
  return false;
bad:
  snprintf(err, cap, "malformed signature type near '%.20s'", *p);
  return false;
}

// Field k (0-based) of a TAB-separated line, copied into out.
static bool field(const char *line, int k, char *out, size_t cap) {
  const char *s = line;
  for (int i = 0; i < k; i++) {
    s = strchr(s, '\t');
    if (!s) return false;
    s++;
  }
  size_t n = strcspn(s, "\t\n");
  if (n >= cap) return false;
  memcpy(out, s, n);
  out[n] = 0;
  return true;
}

void core_sig_free(CoreSig *sig) {
  free(sig->name);
  for (int i = 0; i < sig->nparams; i++) {
    free(sig->pnames[i]);
    core_type_free(&sig->params[i]);
  }
  core_type_free(&sig->ret);
  memset(sig, 0, sizeof *sig);
}

bool core_sig_parse(const char *line, CoreSig *sig, char *err, size_t errcap) {
  memset(sig, 0, sizeof *sig);
  char buf[4096];
  if (!field(line, 0, buf, sizeof buf) || !*buf) {
    snprintf(err, errcap, "malformed signature line");
    return false;
  }
  sig->name = strdup(buf);
  if (!field(line, 1, buf, sizeof buf)) goto malformed;
  const char *p = buf;
  while (*p) {
    if (sig->nparams == CORE_MAX_PARAMS) {
      snprintf(err, errcap, "more than %d parameters", CORE_MAX_PARAMS);
      goto fail;
    }
    CoreType *t = &sig->params[sig->nparams];
    if (!parse_type(&p, t, err, errcap)) goto fail;
    sig->nparams++;
    if (t->kind == CK_VOID || t->kind == CK_TUPLE) {
      snprintf(err, errcap, "tuple parameters do not cross the Python boundary");
      goto fail;
    }
    if (*p == ',') p++;
    else if (*p) goto malformed;
  }
  if (!field(line, 2, buf, sizeof buf)) goto malformed;
  p = buf;
  if (!parse_type(&p, &sig->ret, err, errcap)) goto fail;
  if (!field(line, 3, buf, sizeof buf)) goto malformed;
  char *save = NULL, *tok = strtok_r(buf, ",", &save);
  for (int i = 0; i < sig->nparams; i++) {
    sig->pnames[i] = strdup(tok ? tok : "?");
    tok = strtok_r(NULL, ",", &save);
  }
  if (!field(line, 4, buf, sizeof buf)) buf[0] = 0;
  for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    if (strcmp(tok, "mayraise") == 0) sig->mayraise = true;
    if (strcmp(tok, "top_level") == 0) sig->top_level = true;
    if (tok[0] == 'w' && tok[1] >= '0' && tok[1] <= '9') {
      int k = atoi(tok + 1);
      if (k < sig->nparams) sig->written[k] = true;
    }
  }
  // Direct-call eligibility (x86-64 SysV: int and float registers are
  // assigned independently, so one prototype with 6 int + 8 double
  // parameters calls any function whose arguments fit in registers).
  int ni = sig->ret.kind == CK_ARRAY || sig->ret.kind == CK_TUPLE ? 1 : 0, nf = 0;
  bool ok = true;
  for (int i = 0; i < sig->nparams; i++) {
    const CoreType *t = &sig->params[i];
    if (t->kind == CK_SCALAR && t->scalar == CS_F32) ok = false;
    else if (t->kind == CK_SCALAR && t->scalar == CS_F64) nf++;
    else ni++;
  }
  if (sig->ret.kind == CK_SCALAR && sig->ret.scalar == CS_F32) ok = false;
  sig->nint = ni;
  sig->nfloat = nf;
#if defined(__x86_64__) && defined(__linux__)
  sig->direct = ok && ni <= 6 && nf <= 8;
#else
  sig->direct = false;
  (void)ok;
#endif
  return true;
malformed:
  snprintf(err, errcap, "malformed signature line");
fail:
  core_sig_free(sig);
  return false;
}

void core_type_spell(const CoreType *t, char *out, size_t cap) {
  switch (t->kind) {
  case CK_VOID: snprintf(out, cap, "None"); return;
  case CK_SCALAR: snprintf(out, cap, "%s", core_scalar_name(t->scalar)); return;
  case CK_ARRAY: {
    size_t n = (size_t)snprintf(out, cap, "%s[", core_scalar_name(t->scalar));
    for (int i = 0; i < t->ndim && n < cap; i++) {
      bool last = i == t->ndim - 1;
      n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? ", " : "",
                            last && t->contig ? "::1" : ":");
    }
    if (n < cap) snprintf(out + n, cap - n, "]");
    return;
  }
  case CK_TUPLE: {
    size_t n = (size_t)snprintf(out, cap, "tuple[");
    for (int i = 0; i < t->nelems && n < cap; i++) {
      char el[128];
      core_type_spell(&t->elems[i], el, sizeof el);
      n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? ", " : "", el);
    }
    if (n < cap) snprintf(out + n, cap - n, "]");
    return;
  }
  }
}

void core_type_describe(const CoreType *t, char *out, size_t cap) {
  char sp[160];
  core_type_spell(t, sp, sizeof sp);
  if (t->kind == CK_ARRAY)
    snprintf(out, cap, "%s (%d-D %s%s array)", sp, t->ndim, !t->contig ? "" : t->ndim == 1 ? "contiguous " : "last-axis-contiguous ",
             core_scalar_name(t->scalar));
  else
    snprintf(out, cap, "%s", sp);
}
