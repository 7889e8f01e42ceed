// print.c - TIR text printer. Takes a module (or one function) and appends
// its text form to a Str: `module "src"`, struct declarations, then every
// function with its locals and nested blocks, one instruction per line,
// locations as `!line:col`. The grammar is docs/ir.md §2; parse.c reads this
// text back, and print -> parse -> print is byte-identical for every module
// (values keep their ids, floats print in a round-trip form, strings are
// C-escaped with \xNN for every non-printable byte).
#include "ir.h"

#include "pyc/runtime.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

// ---- small pieces shared by every line ------------------------------------

static void indent(Str *out, int depth) {
  for (int i = 0; i < depth; i++) str_puts(out, "  ");
}

// A C-escaped, double-quoted string of n bytes.
static void put_string(Str *out, const char *s, uint32_t n) {
  str_putc(out, '"');
  for (uint32_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"': str_puts(out, "\\\""); break;
    case '\\': str_puts(out, "\\\\"); break;
    case '\n': str_puts(out, "\\n"); break;
    case '\t': str_puts(out, "\\t"); break;
    case '\r': str_puts(out, "\\r"); break;
    default:
      if (c >= 0x20 && c < 0x7f) str_putc(out, (char)c);
      else str_printf(out, "\\x%02x", c);
    }
  }
  str_putc(out, '"');
}

static void put_value(Str *out, IrValue v) {
  if (v == IR_NOVALUE) str_puts(out, "%?");
  else str_printf(out, "%%%" PRIu32, v);
}

static void put_args(Str *out, const IrInst *in, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to && i < in->nargs; i++) {
    if (i > from) str_puts(out, ", ");
    put_value(out, in->args[i]);
  }
}

// Shortest "%.Ng" that reads back to the same double (f64) or float (f32:
// the parser rounds f32 literals to float), made to look like a float (".0"
// appended to integral spellings); inf, -inf, nan by name.
static void put_float(Str *out, double d, bool f32) {
  if (isnan(d)) {
    str_puts(out, "nan");
    return;
  }
  if (isinf(d)) {
    str_puts(out, d < 0 ? "-inf" : "inf");
    return;
  }
  char buf[64];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*g", prec, d);
    double r = strtod(buf, NULL);
    if (f32 ? (float)r == (float)d : r == d) break;
  }
  str_puts(out, buf);
  if (!strpbrk(buf, ".e")) str_puts(out, ".0");
}

static void put_const(Str *out, const IrInst *in) {
  const Type *t = in->type;
  if (t->kind == TY_BOOL) str_puts(out, in->ival ? "true" : "false");
  else if (t->kind == TY_FLOAT) put_float(out, in->fval, t->bits == 32);
  else if (t->kind == TY_INT && !t->is_signed && t->bits == 64)
    str_printf(out, "%" PRIu64, (uint64_t)in->ival);
  else str_printf(out, "%" PRId64, in->ival);
}

static void put_loc(Str *out, uint32_t line, uint32_t col) {
  if (line == 0) return;
  if (col) str_printf(out, " !%" PRIu32 ":%" PRIu32, line, col);
  else str_printf(out, " !%" PRIu32, line);
}

static void put_sym(Str *out, const IrInst *in) {
  put_string(out, in->sym ? in->sym : "", in->sym ? in->symlen : 0);
}

// ---- instructions -------------------------------------------------------------

static void print_block(const IrModule *m, const IrFunc *fn, const IrBlock *blk, int depth,
                        Str *out);

// Everything between "op" and the result type, by op shape (docs/ir.md §3).
static void print_operands(const IrInst *in, Str *out) {
  switch (in->op) {
  case IR_OP_CONST: str_putc(out, ' '); put_const(out, in); return;
  case IR_OP_LGET: str_printf(out, " $%s", in->sym ? in->sym : "?"); return;
  case IR_OP_LSET:
    str_printf(out, " $%s, ", in->sym ? in->sym : "?");
    put_args(out, in, 0, in->nargs);
    return;
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
  case IR_OP_PARTITION_PREIMAGE:
    str_putc(out, ' ');
    put_args(out, in, 0, in->nargs);
    str_printf(out, "%s%" PRId64, in->nargs ? ", " : "", in->ival);
    return;
  case IR_OP_LOAD:
  case IR_OP_STORE: {
    if (in->nargs == 0) return;
    uint32_t nidx = in->op == IR_OP_LOAD ? in->nargs - 1 : (in->nargs >= 2 ? in->nargs - 2 : 0);
    str_putc(out, ' ');
    put_value(out, in->args[0]);
    str_putc(out, '[');
    put_args(out, in, 1, 1 + nidx);
    str_putc(out, ']');
    if (in->op == IR_OP_STORE && in->nargs >= 2) {
      str_puts(out, ", ");
      put_value(out, in->args[in->nargs - 1]);
    }
    return;
  }
  case IR_OP_CALL:
  case IR_OP_LAUNCH:
  case IR_OP_INDEX_LAUNCH:
    str_printf(out, " @%s(", in->sym ? in->sym : "?");
    put_args(out, in, 0, in->nargs);
    str_putc(out, ')');
    if (in->op == IR_OP_LAUNCH && (in->ival & IR_LAUNCH_INDEPENDENT))
      str_puts(out, " [independent]");
    if (in->op == IR_OP_INDEX_LAUNCH) str_printf(out, " [index %" PRId64 "]", in->ival);
    return;
  case IR_OP_BUILTIN:
    str_putc(out, ' ');
    put_sym(out, in);
    str_putc(out, '(');
    put_args(out, in, 0, in->nargs);
    str_putc(out, ')');
    return;
  case IR_OP_FMT_STR: str_putc(out, ' '); put_sym(out, in); return;
  case IR_OP_FMT_SPEC:
    str_putc(out, ' ');
    put_args(out, in, 0, in->nargs);
    str_puts(out, in->nargs ? ", " : "");
    put_sym(out, in);
    return;
  case IR_OP_RAISE: {
    const char *kind = in->ival >= INT32_MIN && in->ival <= INT32_MAX
                           ? pyc_exc_name((int32_t)in->ival) : NULL;
    if (kind) str_printf(out, " %s ", kind);
    else str_printf(out, " %" PRId64 " ", in->ival);
    if (in->sym) put_sym(out, in);
    else str_puts(out, "buffer");
    return;
  }
  default:
    if (in->nargs) {
      str_putc(out, ' ');
      put_args(out, in, 0, in->nargs);
    }
    return;
  }
}

static void print_inst(const IrModule *m, const IrFunc *fn, const IrInst *in, int depth,
                       Str *out) {
  indent(out, depth);
  const char *name = (unsigned)in->op < IR_OP_COUNT ? ir_op_info[in->op].text : "?";
  if (in->op == IR_OP_FOR) {
    str_puts(out, "for ");
    put_value(out, in->result);
    str_puts(out, " = ");
    if (in->nargs > 0) put_value(out, in->args[0]);
    str_puts(out, " to ");
    if (in->nargs > 1) put_value(out, in->args[1]);
    str_puts(out, " step ");
    if (in->nargs > 2) put_value(out, in->args[2]);
    if (in->ival & IR_FOR_PARALLEL) {
      str_puts(out, " [parallel");
      if (in->ival & IR_FOR_OUTLINE) str_puts(out, ", outline");
      // reductions "add $s,min $m" -> ", reduce add $s, reduce min $m"
      for (const char *r = in->sym; r && *r;) {
        const char *e = strchr(r, ',');
        size_t n = e ? (size_t)(e - r) : strlen(r);
        str_puts(out, ", reduce ");
        str_putn(out, r, n);
        r = e ? e + 1 : r + n;
      }
      str_puts(out, "]");
    }
  } else {
    if (in->result != IR_NOVALUE) {
      put_value(out, in->result);
      str_puts(out, " = ");
    }
    str_puts(out, name);
    print_operands(in, out);
    if (in->result != IR_NOVALUE) {
      str_puts(out, " : ");
      type_print(in->type, out);
    }
  }
  put_loc(out, in->line, in->col);
  if (in->op == IR_OP_IF || in->op == IR_OP_LOOP || in->op == IR_OP_FOR) {
    str_puts(out, " {\n");
    if (in->body[0]) print_block(m, fn, in->body[0], depth + 1, out);
    indent(out, depth);
    str_putc(out, '}');
    if (in->op == IR_OP_IF) {
      str_puts(out, " else {\n");
      if (in->body[1]) print_block(m, fn, in->body[1], depth + 1, out);
      indent(out, depth);
      str_putc(out, '}');
    }
  }
  str_putc(out, '\n');
}

static void print_block(const IrModule *m, const IrFunc *fn, const IrBlock *blk, int depth,
                        Str *out) {
  for (uint32_t i = 0; i < blk->insts.len; i++) print_inst(m, fn, blk->insts.data[i], depth, out);
}

// ---- functions and modules ---------------------------------------------------

static const char *const fn_flag_names[] = {"kernel", "task", "top_level", "fastmath",
                                            "boundscheck", "mayraise"};

void ir_print_func(const IrModule *m, const IrFunc *fn, Str *out) {
  str_printf(out, "func @%s(", fn->name);
  for (uint32_t i = 0; i < fn->nparams; i++) {
    if (i) str_puts(out, ", ");
    str_printf(out, "%%%" PRIu32, i);
    if (fn->param_names && fn->param_names[i]) str_printf(out, " %s", fn->param_names[i]);
    str_puts(out, ": ");
    const Type *t = ir_value_type(fn, i);
    if (t) type_print(t, out);
    else str_puts(out, "?");
    if (t && t->kind == TY_REGION && fn->privs) {  // ` R(u,v)`: the task's privilege
      str_printf(out, " %s(", ir_priv_text(&fn->privs[i]));
      bool first = true;
      for (uint32_t k = 0; k < t->elem->nelems && k < 64; k++) {
        if (!(fn->privs[i].fields >> k & 1)) continue;
        str_printf(out, "%s%s", first ? "" : ",", t->elem->field_names[k]);
        first = false;
      }
      str_putc(out, ')');
    }
  }
  str_puts(out, ") -> ");
  type_print(fn->ret_type, out);
  bool any = false;
  for (unsigned b = 0; b < sizeof fn_flag_names / sizeof *fn_flag_names; b++) {
    if (!(fn->flags & (1u << b))) continue;
    str_puts(out, any ? ", " : " [");
    str_puts(out, fn_flag_names[b]);
    any = true;
  }
  if (any) str_putc(out, ']');
  put_loc(out, fn->line, 0);
  str_puts(out, " {\n");
  for (uint32_t i = 0; i < fn->locals.len; i++) {
    str_printf(out, "  local $%s: ", fn->locals.data[i].name);
    type_print(fn->locals.data[i].type, out);
    str_putc(out, '\n');
  }
  print_block(m, fn, fn->body, 1, out);
  str_puts(out, "}\n");
}

void ir_print_module(const IrModule *m, Str *out) {
  str_puts(out, "module ");
  const char *src = m->source ? m->source : "";
  put_string(out, src, (uint32_t)strlen(src));
  str_putc(out, '\n');
  if (m->structs.len) str_putc(out, '\n');
  for (uint32_t i = 0; i < m->structs.len; i++) {
    const Type *st = m->structs.data[i];
    str_printf(out, "struct @%s {", st->name);
    for (uint32_t k = 0; k < st->nelems; k++) {
      str_printf(out, "%s %s: ", k ? "," : "", st->field_names[k]);
      type_print(st->elems[k], out);
    }
    str_puts(out, " }\n");
  }
  for (uint32_t i = 0; i < m->funcs.len; i++) {
    str_putc(out, '\n');
    ir_print_func(m, m->funcs.data[i], out);
  }
}
