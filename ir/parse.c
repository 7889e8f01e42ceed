// parse.c - TIR text parser: the printer's text (docs/ir.md §2) back into a
// module. Recursive descent over the raw bytes; newlines end instructions,
// `#` starts a comment that runs to the end of the line (so lit RUN/CHECK
// lines can live in .tir files). Values keep the ids written in the text;
// callees are resolved after every function is read (calls may go forward).
// Any input is safe: every read is bounds-checked, nesting and ids are
// limited, and the first error becomes a diagnostic at its byte offset
// (`file:line:col: error: expected ...`) after which ir_parse returns NULL.
// Errors unwind with longjmp: everything lives in the arena, nothing to free.
#include "ir.h"

#include "pyc/runtime.h"

#include <inttypes.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_VALUE_ID (1u << 20)  // bounds per-function tables against absurd ids in fuzzed input
#define MAX_DEPTH 200            // nested blocks (the printer and verifier recurse)

typedef struct Use {
  IrValue v;
  uint32_t off;
} Use;

typedef struct PendingCall {
  IrInst *in;
  uint32_t off;
} PendingCall;

typedef struct Parser {
  Arena *arena;        // not owned
  TypeTable *types;    // not owned
  Interner *strs;      // not owned
  DiagSink *diags;     // not owned
  uint32_t file;
  const char *text;    // NUL-terminated copy (arena)
  uint32_t len, pos;
  jmp_buf fail;
  IrModule *m;
  IrFunc *fn;                   // function being read
  Vec(uint8_t) defined;         // per value of fn: 1 once defined
  Vec(Use) uses;                // per fn: every operand, checked at the function's end
  Vec(PendingCall) calls;       // every CALL, resolved at the end
} Parser;

static _Noreturn void fail_at(Parser *p, uint32_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static _Noreturn void fail_at(Parser *p, uint32_t off, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  SrcLoc loc = {p->file, off, off < p->len ? off + 1 : off};
  diag_error(p->diags, loc, "%s", buf);
  longjmp(p->fail, 1);
}

// ---- characters and tokens ---------------------------------------------------

static int peek(const Parser *p) { return p->pos < p->len ? (unsigned char)p->text[p->pos] : -1; }

static bool is_ident_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c >= 0x80;
}

// Spaces, tabs, CRs and comments; stops at a newline.
static void skip_space(Parser *p) {
  for (;;) {
    int c = peek(p);
    if (c == ' ' || c == '\t' || c == '\r') p->pos++;
    else if (c == '#')
      while (p->pos < p->len && p->text[p->pos] != '\n') p->pos++;
    else return;
  }
}

// Spaces, comments and newlines.
static void skip_blank(Parser *p) {
  for (;;) {
    skip_space(p);
    if (peek(p) != '\n') return;
    p->pos++;
  }
}

static const char *describe(Parser *p) {
  int c = peek(p);
  if (c < 0) return "end of file";
  if (c == '\n') return "end of line";
  if (c >= 0x21 && c < 0x7f) return arena_printf(p->arena, "'%c'", c);
  return arena_printf(p->arena, "byte 0x%02x", c);
}

static bool accept(Parser *p, char c) {
  skip_space(p);
  if (peek(p) != (unsigned char)c) return false;
  p->pos++;
  return true;
}

static void expect(Parser *p, char c, const char *what) {
  if (!accept(p, c)) fail_at(p, p->pos, "expected %s, found %s", what, describe(p));
}

// An identifier-like word; returns its start and stores its length.
static uint32_t word(Parser *p, uint32_t *n, const char *what) {
  skip_space(p);
  uint32_t s = p->pos;
  while (is_ident_char(peek(p))) p->pos++;
  *n = p->pos - s;
  if (*n == 0) fail_at(p, s, "expected %s, found %s", what, describe(p));
  return s;
}

static bool word_is(const Parser *p, uint32_t s, uint32_t n, const char *w) {
  return strlen(w) == n && memcmp(p->text + s, w, n) == 0;
}

static void expect_word(Parser *p, const char *w) {
  uint32_t n, s = word(p, &n, arena_printf(p->arena, "'%s'", w));
  if (!word_is(p, s, n, w)) fail_at(p, s, "expected '%s'", w);
}

static const char *name(Parser *p, const char *what) {
  uint32_t n, s = word(p, &n, what);
  return intern(p->strs, p->text + s, n);
}

static uint64_t parse_u64(Parser *p, const char *what) {
  skip_space(p);
  uint32_t s = p->pos;
  uint64_t v = 0;
  while (peek(p) >= '0' && peek(p) <= '9') {
    unsigned d = (unsigned)(peek(p) - '0');
    if (v > (UINT64_MAX - d) / 10) fail_at(p, s, "%s is too large", what);
    v = v * 10 + d;
    p->pos++;
  }
  if (p->pos == s) fail_at(p, s, "expected %s, found %s", what, describe(p));
  return v;
}

static uint32_t parse_u32(Parser *p, const char *what) {
  uint32_t s = p->pos;
  uint64_t v = parse_u64(p, what);
  if (v > UINT32_MAX) fail_at(p, s, "%s is too large", what);
  return (uint32_t)v;
}

static int64_t parse_i64(Parser *p, const char *what) {
  skip_space(p);
  uint32_t s = p->pos;
  bool neg = peek(p) == '-';
  if (neg) p->pos++;
  uint64_t v = parse_u64(p, what);
  if (neg ? v > (uint64_t)INT64_MAX + 1 : v > (uint64_t)INT64_MAX)
    fail_at(p, s, "%s is out of range", what);
  return neg ? (int64_t)(0 - v) : (int64_t)v;
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A C-escaped string: \" \\ \n \t \r \xNN (exactly two hex digits).
static const char *string(Parser *p, uint32_t *len_out) {
  skip_space(p);
  if (peek(p) != '"') fail_at(p, p->pos, "expected a string, found %s", describe(p));
  p->pos++;
  Vec(char) buf = {0};
  for (;;) {
    int c = peek(p);
    if (c < 0 || c == '\n') fail_at(p, p->pos, "unterminated string");
    p->pos++;
    if (c == '"') break;
    if (c == '\\') {
      uint32_t at = p->pos - 1;
      int e = peek(p);
      p->pos++;
      switch (e) {
      case '"': c = '"'; break;
      case '\\': c = '\\'; break;
      case 'n': c = '\n'; break;
      case 't': c = '\t'; break;
      case 'r': c = '\r'; break;
      case 'x': {
        int h = hexval(peek(p)), l = h < 0 ? -1 : (p->pos++, hexval(peek(p)));
        if (h < 0 || l < 0) fail_at(p, at, "expected two hex digits after \\x");
        p->pos++;
        c = h * 16 + l;
        break;
      }
      default: fail_at(p, at, "unknown escape sequence in string");
      }
    }
    vec_push(p->arena, &buf, (char)c);
  }
  vec_push(p->arena, &buf, '\0');
  *len_out = buf.len - 1;
  return buf.data;
}

static const Type *type(Parser *p, bool allow_void) {
  skip_space(p);
  uint32_t s = p->pos;
  const char *q = p->text + p->pos;
  const Type *t = type_parse(p->types, &q);
  if (!t || is_ident_char((unsigned char)*q) || *q == '<')
    fail_at(p, s, "expected a type (undeclared struct, or a malformed spelling)");
  if (t->kind == TY_VOID && !allow_void) fail_at(p, s, "'void' is not a value type");
  p->pos = (uint32_t)(q - p->text);
  return t;
}

// `!line` or `!line:col`, optional.
static void loc(Parser *p, uint32_t *line, uint32_t *col) {
  *line = *col = 0;
  if (!accept(p, '!')) return;
  *line = parse_u32(p, "a line number");
  if (peek(p) == ':') {
    p->pos++;
    *col = parse_u32(p, "a column number");
  }
}

static void end_of_line(Parser *p) {
  skip_space(p);
  int c = peek(p);
  if (c == '\n') p->pos++;
  else if (c >= 0) fail_at(p, p->pos, "expected end of line, found %s", describe(p));
}

// ---- values --------------------------------------------------------------------

static IrValue value_id(Parser *p) {
  skip_space(p);
  uint32_t s = p->pos;
  if (peek(p) != '%') fail_at(p, s, "expected a value (%%N), found %s", describe(p));
  p->pos++;
  uint64_t v = parse_u64(p, "a value number");
  if (v >= MAX_VALUE_ID) fail_at(p, s, "value number too large (limit %u)", MAX_VALUE_ID);
  return (IrValue)v;
}

static IrValue use_value(Parser *p) {
  skip_space(p);
  uint32_t s = p->pos;
  IrValue v = value_id(p);
  vec_push(p->arena, &p->uses, ((Use){v, s}));
  return v;
}

static void define_value(Parser *p, IrValue v, const Type *t, uint32_t off) {
  IrFunc *fn = p->fn;
  while (fn->value_types.len <= v) {
    vec_push(p->arena, &fn->value_types, p->types->t_void);
    vec_push(p->arena, &p->defined, 0);
  }
  if (p->defined.data[v]) fail_at(p, off, "value %%%" PRIu32 " defined twice", v);
  p->defined.data[v] = 1;
  fn->value_types.data[v] = t;
}

// Comma-separated values while the next token is a value; appended to *args.
typedef Vec(IrValue) ValueVec;
static void value_list(Parser *p, ValueVec *args) {
  skip_space(p);
  if (peek(p) != '%') return;
  for (;;) {
    vec_push(p->arena, args, use_value(p));
    skip_space(p);
    if (peek(p) != ',') return;
    uint32_t comma = p->pos++;
    skip_space(p);
    if (peek(p) != '%') {
      p->pos = comma;  // the ',' belongs to what follows (an index, a string)
      return;
    }
  }
}

// ---- instructions -------------------------------------------------------------

static void block(Parser *p, IrBlock *blk, int depth);

static IrOp lookup_op(Parser *p, uint32_t s, uint32_t n) {
  for (int op = 0; op < IR_OP_COUNT; op++)
    if (word_is(p, s, n, ir_op_info[op].text)) return (IrOp)op;
  fail_at(p, s, "unknown op '%.*s'", (int)n, p->text + s);
}

// The literal of a CONST, decoded once its type is known.
static void const_literal(Parser *p, IrInst *in, uint32_t s, uint32_t n) {
  const Type *t = in->type;
  char buf[80];
  if (n >= sizeof buf) fail_at(p, s, "malformed constant");
  memcpy(buf, p->text + s, n);
  buf[n] = 0;
  if (t->kind == TY_BOOL) {
    if (strcmp(buf, "true") == 0) in->ival = 1;
    else if (strcmp(buf, "false") == 0) in->ival = 0;
    else fail_at(p, s, "expected 'true' or 'false' for a bool constant");
    return;
  }
  if (t->kind == TY_FLOAT) {
    if (strcmp(buf, "inf") == 0) in->fval = INFINITY;
    else if (strcmp(buf, "-inf") == 0) in->fval = -INFINITY;
    else if (strcmp(buf, "nan") == 0) in->fval = NAN;
    else {
      char *end;
      bool ok = (buf[0] >= '0' && buf[0] <= '9') || (buf[0] == '-' && buf[1] >= '0' && buf[1] <= '9');
      in->fval = strtod(buf, &end);
      if (!ok || *end) fail_at(p, s, "malformed float constant");
      if (t->bits == 32) in->fval = (float)in->fval;  // f32 constants hold a float value
    }
    return;
  }
  if (t->kind == TY_INT) {
    uint32_t save = p->pos;
    p->pos = s;
    if (buf[0] == '-') in->ival = parse_i64(p, "an integer constant");
    else in->ival = (int64_t)parse_u64(p, "an integer constant");
    if (p->pos != s + n) fail_at(p, s, "malformed integer constant");
    p->pos = save;
    return;
  }
  fail_at(p, s, "constants must be bool, int or float");
}

static void index_operand(Parser *p, ValueVec *args, int64_t *ival) {
  value_list(p, args);
  if (args->len) expect(p, ',', "',' before the index");
  *ival = parse_i64(p, "an index");
}

static void parse_raise(Parser *p, IrInst *in) {
  skip_space(p);
  uint32_t s = p->pos;
  if (peek(p) == '-' || (peek(p) >= '0' && peek(p) <= '9')) {
    in->ival = parse_i64(p, "an exception kind");
  } else {
    uint32_t n;
    word(p, &n, "an exception name");
    char buf[64];
    if (n >= sizeof buf) fail_at(p, s, "unknown exception '%.*s'", (int)n, p->text + s);
    memcpy(buf, p->text + s, n);
    buf[n] = 0;
    in->ival = pyc_exc_lookup(buf);
    if (in->ival == PYC_EXC_NONE) fail_at(p, s, "unknown exception '%s'", buf);
  }
  skip_space(p);
  if (peek(p) == '"') {
    in->sym = string(p, &in->symlen);
  } else {
    expect_word(p, "buffer");
    in->sym = NULL;
  }
}

// One instruction line (the leading spaces already skipped).
static void instruction(Parser *p, IrBlock *blk, int depth) {
  IrInst *in = ARENA_NEW(p->arena, IrInst);
  in->result = IR_NOVALUE;
  in->type = p->types->t_void;
  in->loc.file = SRC_NONE;
  uint32_t start = p->pos, res_off = p->pos;
  bool has_res = false;
  if (peek(p) == '%') {
    in->result = value_id(p);
    has_res = true;
    expect(p, '=', "'='");
  }
  uint32_t n, s = word(p, &n, "an op");
  in->op = lookup_op(p, s, n);
  ValueVec args = {0};
  uint32_t lit_s = 0, lit_n = 0;
  unsigned flags = ir_op_info[in->op].flags;
  switch (in->op) {
  case IR_OP_FOR:
    if (has_res) fail_at(p, start, "'for' defines its induction variable as 'for %%N = ...'");
    res_off = p->pos;
    in->result = value_id(p);
    expect(p, '=', "'='");
    vec_push(p->arena, &args, use_value(p));
    expect_word(p, "to");
    vec_push(p->arena, &args, use_value(p));
    expect_word(p, "step");
    vec_push(p->arena, &args, use_value(p));
    if (accept(p, '[')) {
      expect_word(p, "parallel");
      in->ival = IR_FOR_PARALLEL;
      const char *red = NULL;  // reductions, as IrInst.sym holds them: "add $s,min $m"
      while (accept(p, ',')) {
        uint32_t fn_, fs = word(p, &fn_, "'outline' or 'reduce'");
        if (word_is(p, fs, fn_, "outline")) {
          in->ival |= IR_FOR_OUTLINE;
          continue;
        }
        if (!word_is(p, fs, fn_, "reduce")) fail_at(p, fs, "expected 'outline' or 'reduce'");
        uint32_t on, os = word(p, &on, "a reduction (add, mul, min, max)");
        if (!word_is(p, os, on, "add") && !word_is(p, os, on, "mul") &&
            !word_is(p, os, on, "min") && !word_is(p, os, on, "max"))
          fail_at(p, os, "expected a reduction (add, mul, min, max)");
        expect(p, '$', "a local ($name)");
        uint32_t ln, ls = word(p, &ln, "a local name");
        red = arena_printf(p->arena, "%s%s%.*s $%.*s", red ? red : "", red ? "," : "", (int)on,
                           p->text + os, (int)ln, p->text + ls);
      }
      expect(p, ']', "']'");
      if (red) {
        in->sym = red;
        in->symlen = (uint32_t)strlen(red);
      }
    }
    define_value(p, in->result, p->types->t_i64, res_off);
    break;
  case IR_OP_CONST:
    skip_space(p);
    lit_s = p->pos;
    while (is_ident_char(peek(p)) || peek(p) == '-' || peek(p) == '+') p->pos++;
    lit_n = p->pos - lit_s;
    if (lit_n == 0) fail_at(p, lit_s, "expected a constant, found %s", describe(p));
    break;
  case IR_OP_LGET:
  case IR_OP_LSET: {
    expect(p, '$', "a local ($name)");
    uint32_t ls = p->pos;
    if (!is_ident_char(peek(p))) fail_at(p, ls, "expected a local name");
    in->sym = name(p, "a local name");
    in->symlen = (uint32_t)strlen(in->sym);
    if (!ir_local_find(p->fn, in->sym)) fail_at(p, ls, "undeclared local $%s", in->sym);
    if (in->op == IR_OP_LSET) {
      expect(p, ',', "','");
      vec_push(p->arena, &args, use_value(p));
    }
    break;
  }
  case IR_OP_DIM:
  case IR_OP_TUPLE_GET:
  case IR_OP_STRUCT_GET:
  case IR_OP_STRUCT_SET:
  case IR_OP_BOUNDSCHECK:
  case IR_OP_REGION_FILL:
  case IR_OP_REGION_COPY:
  case IR_OP_REGION_LOAD:
  case IR_OP_REGION_STORE:
  case IR_OP_REGION_REDUCE:
  case IR_OP_REGION_BOUND:
  case IR_OP_REGION_POINT:
  case IR_OP_PARTITION_GET:
  case IR_OP_PARTITION_IMAGE:
  case IR_OP_PARTITION_COLORS:
  case IR_OP_PARTITION_BY_FIELD:
  case IR_OP_PARTITION_PREIMAGE: index_operand(p, &args, &in->ival); break;
  case IR_OP_LOAD:
  case IR_OP_STORE:
    vec_push(p->arena, &args, use_value(p));
    expect(p, '[', "'['");
    value_list(p, &args);
    expect(p, ']', "']'");
    if (in->op == IR_OP_STORE) {
      expect(p, ',', "','");
      vec_push(p->arena, &args, use_value(p));
    }
    break;
  case IR_OP_CALL:
  case IR_OP_LAUNCH:
  case IR_OP_INDEX_LAUNCH:
  case IR_OP_BUILTIN:
    if (in->op != IR_OP_BUILTIN) {
      expect(p, '@', "a callee (@name)");
      in->sym = name(p, "a function name");
      in->symlen = (uint32_t)strlen(in->sym);
      PendingCall pc = {in, s};
      vec_push(p->arena, &p->calls, pc);
    } else {
      in->sym = string(p, &in->symlen);
    }
    expect(p, '(', "'('");
    value_list(p, &args);
    expect(p, ')', "')'");
    if (in->op == IR_OP_LAUNCH && accept(p, '[')) {
      expect_word(p, "independent");
      expect(p, ']', "']'");
      in->ival = IR_LAUNCH_INDEPENDENT;
    }
    if (in->op == IR_OP_INDEX_LAUNCH) {
      expect(p, '[', "'['");
      expect_word(p, "index");
      in->ival = parse_i64(p, "an integer");
      expect(p, ']', "']'");
    }
    break;
  case IR_OP_FMT_STR: in->sym = string(p, &in->symlen); break;
  case IR_OP_FMT_SPEC:
    vec_push(p->arena, &args, use_value(p));
    expect(p, ',', "','");
    in->sym = string(p, &in->symlen);
    break;
  case IR_OP_RAISE: parse_raise(p, in); break;
  default: value_list(p, &args); break;
  }
  in->args = args.data;
  in->nargs = args.len;
  if (has_res) {
    expect(p, ':', "':' and the result type");
    in->type = type(p, false);
    define_value(p, in->result, in->type, res_off);
  }
  if (in->op == IR_OP_CONST) {
    if (!has_res) fail_at(p, start, "a constant needs a result: '%%N = const ...'");
    const_literal(p, in, lit_s, lit_n);
  }
  loc(p, &in->line, &in->col);
  if (flags & (IR_F_BLOCKS1 | IR_F_BLOCKS2)) {
    if (depth >= MAX_DEPTH) fail_at(p, start, "blocks nested too deeply (limit %d)", MAX_DEPTH);
    in->body[0] = ir_block_new(p->m);
    expect(p, '{', "'{'");
    block(p, in->body[0], depth + 1);
    if (flags & IR_F_BLOCKS2) {
      in->body[1] = ir_block_new(p->m);
      expect_word(p, "else");
      expect(p, '{', "'{'");
      block(p, in->body[1], depth + 1);
    }
  }
  end_of_line(p);
  vec_push(p->arena, &blk->insts, in);
}

// Lines up to the closing '}' (consumed).
static void block(Parser *p, IrBlock *blk, int depth) {
  for (;;) {
    skip_blank(p);
    int c = peek(p);
    if (c < 0) fail_at(p, p->pos, "expected '}' before the end of file");
    if (c == '}') {
      p->pos++;
      return;
    }
    uint32_t s = p->pos, n = 0;
    while (is_ident_char(peek(p))) p->pos++;
    n = p->pos - s;
    p->pos = s;
    if (word_is(p, s, n, "local")) {
      if (depth != 1) fail_at(p, s, "locals are declared at the top of a function");
      p->pos += n;
      expect(p, '$', "a local ($name)");
      uint32_t ls = p->pos;
      if (!is_ident_char(peek(p))) fail_at(p, ls, "expected a local name");
      const char *ln = name(p, "a local name");
      expect(p, ':', "':'");
      const Type *t = type(p, false);
      if (ir_local_find(p->fn, ln)) fail_at(p, ls, "local $%s declared twice", ln);
      ir_local(p->m, p->fn, ln, t);
      end_of_line(p);
      continue;
    }
    instruction(p, blk, depth);
  }
}

// ---- functions, structs, the module ------------------------------------------

static const char *const fn_flag_names[] = {"kernel", "task", "top_level", "fastmath",
                                            "boundscheck", "mayraise"};

static void function(Parser *p) {
  uint32_t fs = p->pos;
  expect(p, '@', "a function name (@name)");
  const char *fname = name(p, "a function name");
  if (ir_module_find(p->m, fname)) fail_at(p, fs, "function @%s defined twice", fname);
  expect(p, '(', "'('");
  Vec(const Type *) ptypes = {0};
  Vec(const char *) pnames = {0};
  Vec(IrPriv) privs = {0};
  bool any_priv = false;
  skip_space(p);
  if (peek(p) != ')') {
    do {
      skip_space(p);
      uint32_t vs = p->pos;
      IrValue v = value_id(p);
      if (v != ptypes.len) fail_at(p, vs, "parameter %" PRIu32 " must be %%%" PRIu32, ptypes.len, ptypes.len);
      skip_space(p);
      const char *pn = is_ident_char(peek(p)) ? name(p, "a parameter name") : NULL;
      expect(p, ':', "':'");
      const Type *pt = type(p, false);
      vec_push(p->arena, &ptypes, pt);
      vec_push(p->arena, &pnames, pn);
      IrPriv pv = {0};
      skip_space(p);
      if (pt->kind == TY_REGION && is_ident_char(peek(p))) {  // privilege: R(u,v)
        uint32_t ws = p->pos;
        while (is_ident_char(peek(p)) || peek(p) == '.') p->pos++;
        uint32_t wn = p->pos - ws;
        bool found = false;
        for (unsigned mode = 0; mode < IR_PRIV_COUNT && !found; mode++)
          for (unsigned op = 0; op < (mode == IR_PRIV_REDUCE ? IR_REDOP_COUNT : 1u); op++) {
            IrPriv cand = {(uint8_t)mode, (uint8_t)op, 0};
            if (word_is(p, ws, wn, ir_priv_text(&cand))) {
              pv = cand;
              found = true;
              break;
            }
          }
        if (!found) fail_at(p, ws, "unknown privilege '%.*s'", (int)wn, p->text + ws);
        expect(p, '(', "'(' and the privilege's fields");
        do {
          skip_space(p);
          uint32_t fpos = p->pos;
          const char *f = name(p, "a field name");
          int k = type_struct_field(pt->elem, f);
          if (k < 0) fail_at(p, fpos, "field space @%s has no field '%s'", pt->elem->name, f);
          pv.fields |= 1ull << k;
        } while (accept(p, ','));
        expect(p, ')', "')'");
        any_priv = true;
      }
      vec_push(p->arena, &privs, pv);
    } while (accept(p, ','));
  }
  expect(p, ')', "')'");
  expect(p, '-', "'->'");
  expect(p, '>', "'->'");
  const Type *ret = type(p, true);
  IrFunc *fn = ir_func_new(p->m, fname, ptypes.data, pnames.data, ptypes.len, ret);
  if (any_priv) fn->privs = privs.data;
  if (accept(p, '[')) {
    do {
      uint32_t n, s = word(p, &n, "a function flag");
      unsigned b = 0, nb = sizeof fn_flag_names / sizeof *fn_flag_names;
      while (b < nb && !word_is(p, s, n, fn_flag_names[b])) b++;
      if (b == nb) fail_at(p, s, "unknown function flag '%.*s'", (int)n, p->text + s);
      fn->flags |= 1u << b;
    } while (accept(p, ','));
    expect(p, ']', "']'");
  }
  uint32_t col;
  loc(p, &fn->line, &col);
  expect(p, '{', "'{'");
  p->fn = fn;
  p->defined.len = 0;
  p->uses.len = 0;
  for (uint32_t i = 0; i < fn->nparams; i++) vec_push(p->arena, &p->defined, 1);
  block(p, fn->body, 1);
  end_of_line(p);
  for (uint32_t i = 0; i < p->uses.len; i++) {
    Use u = p->uses.data[i];
    if (u.v >= p->defined.len || !p->defined.data[u.v])
      fail_at(p, u.off, "value %%%" PRIu32 " is never defined in @%s", u.v, fn->name);
  }
  p->fn = NULL;
}

static void struct_decl(Parser *p) {
  uint32_t s = p->pos;
  expect(p, '@', "a struct name (@Name)");
  const char *sname = name(p, "a struct name");
  for (uint32_t i = 0; i < p->m->structs.len; i++)
    if (strcmp(p->m->structs.data[i]->name, sname) == 0)
      fail_at(p, s, "struct @%s declared twice", sname);
  expect(p, '{', "'{'");
  Vec(const Type *) ftypes = {0};
  Vec(const char *) fnames = {0};
  skip_space(p);
  if (peek(p) != '}') {
    do {
      skip_space(p);
      uint32_t ns = p->pos;
      const char *fname = name(p, "a field name");
      for (uint32_t i = 0; i < fnames.len; i++)
        if (fnames.data[i] == fname) fail_at(p, ns, "field '%s' declared twice", fname);
      expect(p, ':', "':'");
      vec_push(p->arena, &ftypes, type(p, false));
      vec_push(p->arena, &fnames, fname);
    } while (accept(p, ','));
  }
  expect(p, '}', "'}'");
  end_of_line(p);
  const Type *st = type_struct(p->types, sname, fnames.data, ftypes.data, ftypes.len);
  bool same = st->nelems == ftypes.len;
  for (uint32_t i = 0; same && i < ftypes.len; i++)
    same = st->elems[i] == ftypes.data[i] && strcmp(st->field_names[i], fnames.data[i]) == 0;
  if (!same) fail_at(p, s, "struct @%s conflicts with an earlier declaration", sname);
  vec_push(p->arena, &p->m->structs, st);
}

IrModule *ir_parse(Arena *arena, TypeTable *types, Interner *strs, DiagSink *diags,
                   uint32_t file, const char *text, uint32_t len) {
  Parser *p = ARENA_NEW(arena, Parser);
  p->arena = arena;
  p->types = types;
  p->strs = strs;
  p->diags = diags;
  p->file = file;
  p->text = arena_strndup(arena, text ? text : "", text ? len : 0);
  p->len = text ? len : 0;
  if (setjmp(p->fail)) return NULL;
  skip_blank(p);
  const char *source = NULL;
  uint32_t n, s = p->pos;
  while (is_ident_char(peek(p))) p->pos++;
  n = p->pos - s;
  p->pos = s;
  if (word_is(p, s, n, "module")) {
    p->pos += n;
    uint32_t slen, ss = p->pos;
    const char *src = string(p, &slen);
    if (strlen(src) != slen) fail_at(p, ss, "the module path may not contain NUL bytes");
    source = src;
    end_of_line(p);
  }
  p->m = ir_module_new(arena, types, strs, source);
  for (;;) {
    skip_blank(p);
    if (peek(p) < 0) break;
    s = word(p, &n, "'struct' or 'func'");
    if (word_is(p, s, n, "struct")) struct_decl(p);
    else if (word_is(p, s, n, "func")) function(p);
    else fail_at(p, s, "expected 'struct' or 'func'");
  }
  for (uint32_t i = 0; i < p->calls.len; i++) {
    PendingCall pc = p->calls.data[i];
    if (!ir_module_find(p->m, pc.in->sym))
      fail_at(p, pc.off, "call to undefined function @%s", pc.in->sym);
  }
  return p->m;
}
