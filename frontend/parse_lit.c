// parse_lit.c - literals: integers (decimal/hex/octal/binary, underscores,
// value as u64 with an overflow flag), floats (strtod after removing
// underscores), strings (all quote styles and prefixes, escapes decoded to
// UTF-8, adjacent literals concatenated) and f-strings (literal parts and
// replacement fields with conversion and format spec). Bytes, complex and
// other literals outside the subset become EX_UNSUPPORTED.
#include "cst.h"

#include <stdlib.h>

// ---- numbers ---------------------------------------------------------------------
static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// integer: 42, 1_000, 0x_ff, 0o17, 0b1010 (10j is a complex literal)
Expr *pl_integer(FeParser *p, TSNode n) {
  SrcLoc loc = cst_loc(p, n);
  uint32_t len;
  const char *s = cst_text(p, n, &len);
  if (len > 0 && (s[len - 1] == 'j' || s[len - 1] == 'J'))
    return cst_unsupported(p, loc, "complex literal");
  if (len > 0 && (s[len - 1] == 'l' || s[len - 1] == 'L'))
    return cst_unsupported(p, loc, "Python 2 long literal");
  unsigned base = 10;
  uint32_t i = 0;
  if (len >= 2 && s[0] == '0') {
    char b = s[1];
    if (b == 'x' || b == 'X') base = 16, i = 2;
    else if (b == 'o' || b == 'O') base = 8, i = 2;
    else if (b == 'b' || b == 'B') base = 2, i = 2;
  }
  uint64_t v = 0;
  bool overflow = false, any = false, nonzero = false;
  for (; i < len; i++) {
    if (s[i] == '_') continue;
    int d = digit_value(s[i]);
    if (d >= (int)base) return cst_unsupported(p, loc, "invalid integer literal");
    any = true;
    if (d) nonzero = true;
    if (v > (UINT64_MAX - (uint64_t)d) / base) overflow = true;
    else v = v * base + (uint64_t)d;
  }
  if (!any) return cst_unsupported(p, loc, "invalid integer literal");
  if (base == 10 && len > 1 && s[0] == '0' && nonzero)
    return cst_unsupported(p, loc, "decimal integer literal with leading zeros (use 0o for octal)");
  Expr *e = cst_new_expr(p, EX_INT, loc);
  e->ival = overflow ? UINT64_MAX : v;
  e->int_overflow = overflow;
  return e;
}

// float: 1.5, 1e10, .5, 5., 1_000.0 (1.5j is a complex literal)
Expr *pl_float(FeParser *p, TSNode n) {
  SrcLoc loc = cst_loc(p, n);
  uint32_t len;
  const char *s = cst_text(p, n, &len);
  if (len > 0 && (s[len - 1] == 'j' || s[len - 1] == 'J'))
    return cst_unsupported(p, loc, "complex literal");
  char *buf = arena_alloc(p->cx->arena, (size_t)len + 1);
  uint32_t m = 0;
  for (uint32_t i = 0; i < len; i++)
    if (s[i] != '_') buf[m++] = s[i];
  buf[m] = 0;
  char *end = NULL;
  double d = strtod(buf, &end);
  if (m == 0 || end != buf + m) return cst_unsupported(p, loc, "invalid float literal");
  Expr *e = cst_new_expr(p, EX_FLOAT, loc);
  e->fval = d;
  return e;
}

// ---- string bodies -----------------------------------------------------------------
static uint32_t put_utf8(char *o, uint32_t cp) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18));
  o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

// Reads exactly `n` hex digits at s[*i]; false (nothing consumed) if absent.
static bool read_hex(const char *s, uint32_t len, uint32_t *i, int n, uint32_t *cp) {
  uint32_t v = 0;
  if (*i + (uint32_t)n > len) return false;
  for (int k = 0; k < n; k++) {
    int d = digit_value(s[*i + (uint32_t)k]);
    if (d > 15) return false;
    v = v * 16 + (uint32_t)d;
  }
  *i += (uint32_t)n;
  *cp = v;
  return true;
}

// Escapes never make the text longer, so the output fits in n + 1 bytes.
char *pl_decode(FeParser *p, const char *s, uint32_t n, bool raw, bool fstring,
                uint32_t *out_len) {
  char *o = arena_alloc(p->cx->arena, (size_t)n + 1);
  uint32_t m = 0, i = 0;
  while (i < n) {
    char c = s[i];
    if (fstring && (c == '{' || c == '}') && i + 1 < n && s[i + 1] == c) {
      o[m++] = c;
      i += 2;
      continue;
    }
    if (raw || c != '\\' || i + 1 >= n) {
      o[m++] = c;
      i++;
      continue;
    }
    char e = s[i + 1];
    uint32_t cp = 0, j = i + 2;
    switch (e) {
    case '\n': i += 2; continue;                      // line continuation
    case '\r': i += (i + 2 < n && s[i + 2] == '\n') ? 3 : 2; continue;
    case '\\': o[m++] = '\\'; i += 2; continue;
    case '\'': o[m++] = '\''; i += 2; continue;
    case '"': o[m++] = '"'; i += 2; continue;
    case 'a': o[m++] = '\a'; i += 2; continue;
    case 'b': o[m++] = '\b'; i += 2; continue;
    case 'f': o[m++] = '\f'; i += 2; continue;
    case 'n': o[m++] = '\n'; i += 2; continue;
    case 'r': o[m++] = '\r'; i += 2; continue;
    case 't': o[m++] = '\t'; i += 2; continue;
    case 'v': o[m++] = '\v'; i += 2; continue;
    case 'x':
      if (read_hex(s, n, &j, 2, &cp)) { m += put_utf8(o + m, cp); i = j; continue; }
      break;
    case 'u':
      if (read_hex(s, n, &j, 4, &cp)) { m += put_utf8(o + m, cp); i = j; continue; }
      break;
    case 'U':
      if (read_hex(s, n, &j, 8, &cp) && cp <= 0x10FFFF) { m += put_utf8(o + m, cp); i = j; continue; }
      break;
    default:
      if (e >= '0' && e <= '7') {                       // \0, \12, \177: up to 3 octal digits
        j = i + 1;
        for (int k = 0; k < 3 && j < n && s[j] >= '0' && s[j] <= '7'; k++) cp = cp * 8 + (uint32_t)(s[j++] - '0');
        m += put_utf8(o + m, cp);
        i = j;
        continue;
      }
      break;
    }
    o[m++] = c;   // unknown or malformed escape: kept as written (as CPython does)
    i++;
  }
  o[m] = 0;
  *out_len = m;
  return o;
}

// ---- string literals -----------------------------------------------------------------
typedef struct PartBuf {
  FStrPart *v;
  uint32_t n, cap;
} PartBuf;

static void add_part(FeParser *p, PartBuf *b, FStrPart part) {
  if (!part.is_expr && b->n && !b->v[b->n - 1].is_expr) {   // merge adjacent literal text
    FStrPart *last = &b->v[b->n - 1];
    char *t = arena_alloc(p->cx->arena, (size_t)last->len + part.len + 1);
    memcpy(t, last->text, last->len);
    memcpy(t + last->len, part.text, part.len);
    last->text = t;
    last->len += part.len;
    return;
  }
  if (b->n == b->cap) {
    uint32_t nc = b->cap ? b->cap * 2 : 4;
    b->v = arena_realloc(p->cx->arena, b->v, sizeof(FStrPart) * b->cap, sizeof(FStrPart) * nc);
    b->cap = nc;
  }
  b->v[b->n++] = part;
}

static void add_text(FeParser *p, PartBuf *b, uint32_t s, uint32_t e, bool raw, bool f) {
  if (e <= s) return;
  FStrPart part = {0};
  part.text = pl_decode(p, p->src + s, e - s, raw, f, &part.len);
  if (part.len) add_part(p, b, part);
}

// {expr!r:spec} -> a replacement field; NULL `what` on success, else why unsupported.
static const char *add_field(FeParser *p, PartBuf *b, TSNode interp) {
  CstKids k;
  cst_kids(p, interp, false, &k);
  FStrPart part = {0};
  part.is_expr = true;
  for (uint32_t i = 0; i < k.n; i++) {
    TSNode c = k.v[i];
    const char *f = k.field[i];
    if (f && strcmp(f, "expression") == 0) {
      part.expr = pe_expr(p, c);
    } else if (f && strcmp(f, "type_conversion") == 0) {
      uint32_t len;
      const char *t = cst_text(p, c, &len);
      part.conversion = len == 2 ? t[1] : 0;
    } else if (f && strcmp(f, "format_specifier") == 0) {
      CstKids sk;
      cst_kids(p, c, false, &sk);
      uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
      for (uint32_t j = 0; j < sk.n; j++) {
        if (cst_is(sk.v[j], "format_expression"))
          return "nested replacement field in an f-string format spec";
        if (cst_is(sk.v[j], ":") && s == ts_node_start_byte(sk.v[j])) s = ts_node_end_byte(sk.v[j]);
      }
      if (e > p->len) e = p->len;
      if (s > e) s = e;
      part.spec = arena_strndup(p->cx->arena, p->src + s, e - s);
      part.spec_loc = cst_at(p, s, e);
    } else if (!ts_node_is_named(c) && strcmp(ts_node_type(c), "=") == 0) {
      return "self-documenting f-string field '{x=}'";
    }
  }
  if (!part.expr) return "empty f-string replacement field";
  add_part(p, b, part);
  return NULL;
}

// One `string` node into the part buffer. Sets *is_f / *is_bytes.
static const char *add_string(FeParser *p, PartBuf *b, TSNode str, bool *is_f, bool *is_bytes) {
  CstKids k;
  cst_kids(p, str, false, &k);
  if (k.n == 0 || !cst_is(k.v[0], "string_start")) return "invalid string literal";
  uint32_t len;
  const char *start = cst_text(p, k.v[0], &len);
  bool raw = false, f = false;
  for (uint32_t i = 0; i < len && start[i] != '\'' && start[i] != '"'; i++) {
    char c = start[i];
    if (c == 'r' || c == 'R') raw = true;
    else if (c == 'f' || c == 'F') f = true;
    else if (c == 'b' || c == 'B') *is_bytes = true;
  }
  if (f) *is_f = true;
  uint32_t pos = ts_node_end_byte(k.v[0]);
  uint32_t body_end = ts_node_end_byte(str);
  for (uint32_t i = 1; i < k.n; i++) {
    TSNode c = k.v[i];
    if (cst_is(c, "string_end")) {
      body_end = ts_node_start_byte(c);
    } else if (cst_is(c, "interpolation")) {
      add_text(p, b, pos, ts_node_start_byte(c), raw, f);
      const char *why = add_field(p, b, c);
      if (why) return why;
      pos = ts_node_end_byte(c);
    }
  }
  if (body_end > p->len) body_end = p->len;
  add_text(p, b, pos, body_end, raw, f);
  return NULL;
}

// string / concatenated_string -> EX_STR, EX_FSTRING or EX_UNSUPPORTED (bytes)
Expr *pl_string(FeParser *p, TSNode n) {
  SrcLoc loc = cst_loc(p, n);
  PartBuf b = {0};
  bool is_f = false, is_bytes = false;
  const char *why = NULL;
  if (cst_is(n, "concatenated_string")) {
    CstKids k;
    cst_kids(p, n, true, &k);
    for (uint32_t i = 0; i < k.n && !why; i++)
      if (cst_is(k.v[i], "string")) why = add_string(p, &b, k.v[i], &is_f, &is_bytes);
  } else {
    why = add_string(p, &b, n, &is_f, &is_bytes);
  }
  if (is_bytes) return cst_unsupported(p, loc, "bytes literal");
  if (why) return cst_unsupported(p, loc, why);
  if (is_f) {
    Expr *e = cst_new_expr(p, EX_FSTRING, loc);
    e->fstr.parts = b.v;
    e->fstr.n = b.n;
    return e;
  }
  Expr *e = cst_new_expr(p, EX_STR, loc);
  if (b.n) {
    e->str.s = b.v[0].text;
    e->str.len = b.v[0].len;
  } else {
    e->str.s = arena_strdup(p->cx->arena, "");
    e->str.len = 0;
  }
  return e;
}
