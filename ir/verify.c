// verify.c - the TIR verifier (rules: docs/ir.md §5). Walks every function's
// nested blocks once, tracking which values are defined and visible (a value
// is visible after its definition in its own block and in blocks nested
// below; FOR's induction variable only inside its body), and checks operand
// counts (ops.def), operand and result types per op, terminators last,
// BREAK/CONTINUE inside a loop, locals and callees. It never trusts the
// module: ids, counts and pointers are range-checked before use, so it is safe
// on parsed (fuzzed) text. Then it computes IR_FN_MAYRAISE for every function
// (callgraph.c). Messages: "TIR verifier: @f: ...".
#include "ir.h"

#include "pyc/runtime.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

enum { V_UNSEEN = 0, V_VISIBLE = 1, V_GONE = 2 };

typedef struct Verifier {
  IrModule *m;
  DiagSink *diags;
  IrFunc *fn;
  Vec(uint8_t) state;       // V_* per value id
  Vec(IrValue) scope;       // values defined in the open blocks, innermost last
  int loop_depth;
  bool ok;
} Verifier;

static void fail(Verifier *v, const IrInst *in, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail(Verifier *v, const IrInst *in, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  v->ok = false;
  SrcLoc loc = in ? in->loc : v->fn->loc;
  const char *op = in && (unsigned)in->op < IR_OP_COUNT ? ir_op_info[in->op].text : NULL;
  char where[64] = "";
  if (in && in->line && loc.file == SRC_NONE)  // parsed text: no source span, name the line
    snprintf(where, sizeof where, " (at !%" PRIu32 ":%" PRIu32 ")", in->line, in->col);
  if (op)
    diag_error(v->diags, loc, "TIR verifier: @%s: %s: %s%s", v->fn->name, op, buf, where);
  else
    diag_error(v->diags, loc, "TIR verifier: @%s: %s%s", v->fn->name, buf, where);
}

static const char *tname(Verifier *v, const Type *t) {
  if (!t) return "<none>";
  Str s;
  str_init(&s);
  type_print(t, &s);
  char *r = arena_strdup(v->m->arena, s.data ? s.data : "");
  str_fini(&s);
  return r;
}

// Type of operand i, after checking it is defined and visible; NULL if not.
static const Type *arg(Verifier *v, const IrInst *in, uint32_t i) {
  IrValue a = in->args[i];
  if (a >= v->fn->value_types.len || a >= v->state.len) {
    fail(v, in, "operand %" PRIu32 " is %%%" PRIu32 ", not a value of the function", i, a);
    return NULL;
  }
  if (v->state.data[a] == V_UNSEEN) {
    fail(v, in, "%%%" PRIu32 " used before definition", a);
    return NULL;
  }
  if (v->state.data[a] == V_GONE) {
    fail(v, in, "%%%" PRIu32 " used outside the block that defines it", a);
    return NULL;
  }
  return v->fn->value_types.data[a];
}

static void define(Verifier *v, const IrInst *in, IrValue r) {
  if (r >= v->fn->value_types.len || r >= v->state.len) {
    fail(v, in, "result %%%" PRIu32 " is not a value of the function", r);
    return;
  }
  if (v->state.data[r] != V_UNSEEN) {
    fail(v, in, "%%%" PRIu32 " defined more than once", r);
    return;
  }
  v->state.data[r] = V_VISIBLE;
  vec_push(v->m->arena, &v->scope, r);
}

// A value of type `from` may flow where `to` is expected (call arguments,
// RET, LSET, tuple and struct members): equal types, or a C-contiguous array
// where an array of the same element type and rank with any strides is
// expected (the memory layout is the same; only the C variant promises an
// innermost stride of 1), also inside tuples.
static bool assignable(const Type *from, const Type *to) {
  if (from == to) return true;
  if (!from || !to || from->kind != to->kind) return false;
  if (from->kind == TY_ARRAY)
    return from->elem == to->elem && from->ndim == to->ndim && from->contig && !to->contig;
  if (from->kind != TY_TUPLE || from->nelems != to->nelems) return false;
  for (uint32_t i = 0; i < from->nelems; i++)
    if (!assignable(from->elems[i], to->elems[i])) return false;
  return true;
}

static bool is_int(const Type *t) { return t && t->kind == TY_INT; }
static bool is_float(const Type *t) { return t && t->kind == TY_FLOAT; }
static bool is_bool(const Type *t) { return t && t->kind == TY_BOOL; }

// ---- per-op type rules ----------------------------------------------------------

static void check_binary(Verifier *v, const IrInst *in, const Type *a, const Type *b) {
  if (!a || !b) return;
  bool cmp = in->op >= IR_OP_CMP_EQ && in->op <= IR_OP_CMP_GE;
  if (a != b) {
    fail(v, in, "operand types differ (%s and %s)", tname(v, a), tname(v, b));
    return;
  }
  if (cmp) {
    if (!type_is_scalar(a)) fail(v, in, "compares scalars, not %s", tname(v, a));
    if (in->type->kind != TY_BOOL) fail(v, in, "result must be bool");
    return;
  }
  if (in->op == IR_OP_TRUEDIV && is_int(a)) {  // int / int -> float (CPython's correctly rounded division)
    if (!is_float(in->type)) fail(v, in, "int operands give a float result, not %s", tname(v, in->type));
    return;
  }
  if (in->type != a) {
    fail(v, in, "result type %s differs from the operand type %s", tname(v, in->type), tname(v, a));
    return;
  }
  bool okt;
  switch (in->op) {
  case IR_OP_TRUEDIV: okt = is_float(a); break;
  case IR_OP_BAND:
  case IR_OP_BOR:
  case IR_OP_BXOR: okt = is_int(a) || is_bool(a); break;
  case IR_OP_SHL:
  case IR_OP_SHR: okt = is_int(a); break;
  default: okt = is_int(a) || is_float(a); break;
  }
  if (!okt) fail(v, in, "operands of type %s are not allowed", tname(v, a));
}

static void check_unary(Verifier *v, const IrInst *in, const Type *a) {
  if (!a) return;
  if (in->type != a) {
    fail(v, in, "result type %s differs from the operand type %s", tname(v, in->type), tname(v, a));
    return;
  }
  bool okt = in->op == IR_OP_NOT ? is_bool(a) : in->op == IR_OP_INVERT ? is_int(a)
                                                                       : is_int(a) || is_float(a);
  if (!okt) fail(v, in, "operand of type %s is not allowed", tname(v, a));
}

static void check_const(Verifier *v, const IrInst *in) {
  const Type *t = in->type;
  if (!type_is_scalar(t)) {
    fail(v, in, "constants are bool, int or float, not %s", tname(v, t));
    return;
  }
  if (t->kind == TY_BOOL && in->ival != 0 && in->ival != 1) fail(v, in, "bool constant must be 0 or 1");
  if (t->kind == TY_INT && t->bits < 64) {
    int64_t lo = t->is_signed ? -((int64_t)1 << (t->bits - 1)) : 0;
    int64_t hi = t->is_signed ? ((int64_t)1 << (t->bits - 1)) - 1 : ((int64_t)1 << t->bits) - 1;
    if (in->ival < lo || in->ival > hi)
      fail(v, in, "constant %" PRId64 " out of range for %s", in->ival, tname(v, t));
  }
}

static const IrLocal *local(Verifier *v, const IrInst *in) {
  const IrLocal *l = in->sym ? ir_local_find(v->fn, in->sym) : NULL;
  if (!l) fail(v, in, "local $%s is not declared", in->sym ? in->sym : "?");
  return l;
}

static void check_call(Verifier *v, const IrInst *in, const Type **at) {
  IrFunc *callee = in->sym ? ir_module_find(v->m, in->sym) : NULL;
  if (!callee) {
    fail(v, in, "callee @%s does not exist", in->sym ? in->sym : "?");
    return;
  }
  if (callee->nparams != in->nargs) {
    fail(v, in, "@%s takes %" PRIu32 " arguments, %" PRIu32 " given", callee->name,
         callee->nparams, in->nargs);
    return;
  }
  for (uint32_t i = 0; i < in->nargs; i++) {
    const Type *pt = ir_value_type(callee, i);
    if (at[i] && !assignable(at[i], pt))
      fail(v, in, "argument %" PRIu32 " of @%s is %s, the parameter is %s", i, callee->name,
           tname(v, at[i]), tname(v, pt));
  }
  if (in->type != callee->ret_type)
    fail(v, in, "result type %s, but @%s returns %s", tname(v, in->type), callee->name,
         tname(v, callee->ret_type));
}

static void check_array_access(Verifier *v, const IrInst *in, const Type **at) {
  bool store = in->op == IR_OP_STORE;
  if (in->nargs < 1u + store) {
    fail(v, in, "needs an array operand%s", store ? " and a value" : "");
    return;
  }
  const Type *arr = at[0];
  if (!arr) return;
  if (arr->kind != TY_ARRAY) {
    fail(v, in, "operand 0 is %s, not an array", tname(v, arr));
    return;
  }
  uint32_t nidx = in->nargs - 1 - store;
  if (nidx != arr->ndim) {
    fail(v, in, "%" PRIu32 " indices for a %u-d array", nidx, arr->ndim);
    return;
  }
  for (uint32_t i = 1; i <= nidx; i++)
    if (at[i] && at[i] != v->m->types->t_i64) fail(v, in, "index %" PRIu32 " must be i64", i - 1);
  const Type *val = store ? at[in->nargs - 1] : in->type;
  if (val && val != arr->elem)
    fail(v, in, "%s type %s, the element type is %s", store ? "stored" : "result", tname(v, val),
         tname(v, arr->elem));
}

static void check_aggregate(Verifier *v, const IrInst *in, const Type **at) {
  const Type *t = in->op == IR_OP_TUPLE || in->op == IR_OP_STRUCT_NEW ? in->type : at[0];
  TypeKind want = in->op == IR_OP_TUPLE || in->op == IR_OP_TUPLE_GET ? TY_TUPLE : TY_STRUCT;
  if (!t) return;
  if (t->kind != want) {
    fail(v, in, "%s is not a %s", tname(v, t), want == TY_TUPLE ? "tuple" : "struct");
    return;
  }
  if (in->op == IR_OP_TUPLE || in->op == IR_OP_STRUCT_NEW) {
    if (in->nargs != t->nelems) {
      fail(v, in, "%" PRIu32 " operands for %s", in->nargs, tname(v, t));
      return;
    }
    for (uint32_t i = 0; i < in->nargs; i++)
      if (at[i] && !assignable(at[i], t->elems[i]))
        fail(v, in, "operand %" PRIu32 " is %s, the element is %s", i, tname(v, at[i]),
             tname(v, t->elems[i]));
    return;
  }
  if (in->ival < 0 || in->ival >= (int64_t)t->nelems) {
    fail(v, in, "index %" PRId64 " out of range for %s", in->ival, tname(v, t));
    return;
  }
  const Type *et = t->elems[in->ival];
  if (in->op == IR_OP_STRUCT_SET) {
    if (in->type != t) fail(v, in, "result must be %s", tname(v, t));
    if (at[1] && !assignable(at[1], et)) fail(v, in, "value is %s, the field is %s", tname(v, at[1]), tname(v, et));
  } else if (in->type != et) {
    fail(v, in, "result type %s, the element is %s", tname(v, in->type), tname(v, et));
  }
}

static void check_types(Verifier *v, const IrInst *in, const Type **at) {
  const TypeTable *tt = v->m->types;
  switch (in->op) {
  case IR_OP_CONST: check_const(v, in); break;
  case IR_OP_LGET:
  case IR_OP_LSET: {
    const IrLocal *l = local(v, in);
    const Type *t = in->op == IR_OP_LGET ? in->type : at[0];
    if (l && t && (in->op == IR_OP_LGET ? l->type != t : !assignable(t, l->type)))
      fail(v, in, "$%s is %s, not %s", l->name, tname(v, l->type), tname(v, t));
    break;
  }
  case IR_OP_NEG:
  case IR_OP_INVERT:
  case IR_OP_NOT:
  case IR_OP_ABS: check_unary(v, in, at[0]); break;
  case IR_OP_SELECT:
    if (at[0] && !is_bool(at[0])) fail(v, in, "condition must be bool");
    if (at[1] && at[2] && (at[1] != at[2] || at[1] != in->type))
      fail(v, in, "both values and the result must have one type");
    break;
  case IR_OP_CAST:
    if ((at[0] && !type_is_scalar(at[0])) || !type_is_scalar(in->type))
      fail(v, in, "casts between scalars only");
    break;
  case IR_OP_DIM:
    if (!at[0]) break;
    if (at[0]->kind != TY_ARRAY) fail(v, in, "operand is %s, not an array", tname(v, at[0]));
    else if (in->ival < 0 || in->ival >= at[0]->ndim)
      fail(v, in, "axis %" PRId64 " out of range for %s", in->ival, tname(v, at[0]));
    if (in->type != tt->t_i64) fail(v, in, "result must be i64");
    break;
  case IR_OP_LOAD:
  case IR_OP_STORE: check_array_access(v, in, at); break;
  case IR_OP_BOUNDSCHECK:
    if ((at[0] && at[0] != tt->t_i64) || (at[1] && at[1] != tt->t_i64))
      fail(v, in, "operands must be i64");
    if (in->ival < 0) fail(v, in, "axis must be >= 0");
    break;
  case IR_OP_ARRAY_NEW:
    if (in->type->kind != TY_ARRAY || in->type->ndim != in->nargs) {
      fail(v, in, "result %s needs one i64 extent per axis", tname(v, in->type));
      break;
    }
    for (uint32_t i = 0; i < in->nargs; i++)
      if (at[i] && at[i] != tt->t_i64) fail(v, in, "extent %" PRIu32 " must be i64", i);
    break;
  case IR_OP_TUPLE:
  case IR_OP_TUPLE_GET:
  case IR_OP_STRUCT_NEW:
  case IR_OP_STRUCT_GET:
  case IR_OP_STRUCT_SET: check_aggregate(v, in, at); break;
  case IR_OP_CALL: check_call(v, in, at); break;
  case IR_OP_REGION_NEW:
  case IR_OP_REGION_LOAD:
  case IR_OP_REGION_STORE:
  case IR_OP_REGION_REDUCE:
  case IR_OP_REGION_FILL:
  case IR_OP_REGION_COPY:
  case IR_OP_REGION_BOUND:
  case IR_OP_REGION_VOLUME:
  case IR_OP_LAUNCH:
  case IR_OP_PARTITION_EQUAL:
  case IR_OP_PARTITION_RESTRICT:
  case IR_OP_PARTITION_HALO:
  case IR_OP_PARTITION_IMAGE:
  case IR_OP_PARTITION_GET:
  case IR_OP_PARTITION_VOLUME:
  case IR_OP_PARTITION_COLORS:
  case IR_OP_PARTITION_BY_FIELD:
  case IR_OP_PARTITION_PREIMAGE:
  case IR_OP_REGION_SPARSE:
  case IR_OP_REGION_POINT:
  case IR_OP_INDEX_LAUNCH:
  case IR_OP_FUTURE_GET:
  case IR_OP_FUTURE_MAP_GET:
  case IR_OP_FUTURE_WAIT: {
    char msg[200];
    if (!ir_verify_task_op(v->m, in, at, msg, sizeof msg)) fail(v, in, "%s", msg);
    break;
  }
  case IR_OP_BUILTIN:
    if (!in->sym || !in->symlen) fail(v, in, "needs a function name");
    break;
  case IR_OP_FMT_STR:
    if (!in->sym && in->symlen) fail(v, in, "missing bytes");
    break;
  case IR_OP_FMT_VAL:
  case IR_OP_FMT_SPEC:
    if (at[0] && !type_is_scalar(at[0]) && at[0]->kind != TY_STR)
      fail(v, in, "formats scalars, not %s", tname(v, at[0]));
    if (in->op == IR_OP_FMT_SPEC && !in->sym) fail(v, in, "needs a spec");
    break;
  case IR_OP_RAISE:
    if (in->ival <= PYC_EXC_NONE || in->ival >= PYC_EXC_COUNT)
      fail(v, in, "unknown exception kind %" PRId64, in->ival);
    break;
  case IR_OP_IF:
    if (at[0] && !is_bool(at[0])) fail(v, in, "condition must be bool, not %s", tname(v, at[0]));
    break;
  case IR_OP_FOR:
    for (uint32_t i = 0; i < 3; i++)
      if (at[i] && at[i] != tt->t_i64) fail(v, in, "bounds and step must be i64");
    break;
  case IR_OP_RET:
    if (in->nargs > 1) fail(v, in, "takes 0 or 1 operands");
    else if (v->fn->ret_type->kind == TY_VOID ? in->nargs != 0 : in->nargs != 1)
      fail(v, in, "@%s returns %s", v->fn->name, tname(v, v->fn->ret_type));
    else if (in->nargs && at[0] && !assignable(at[0], v->fn->ret_type))
      fail(v, in, "returns %s, the function returns %s", tname(v, at[0]),
           tname(v, v->fn->ret_type));
    break;
  default:
    if (in->op >= IR_OP_ADD && in->op <= IR_OP_SHR) check_binary(v, in, at[0], at[1]);
    else if (in->op >= IR_OP_CMP_EQ && in->op <= IR_OP_CMP_GE) check_binary(v, in, at[0], at[1]);
    break;
  }
}

// ---- structure --------------------------------------------------------------------

static void verify_block(Verifier *v, const IrBlock *blk, int depth);

static void verify_nested(Verifier *v, const IrInst *in, const IrBlock *blk, bool loop,
                          int depth) {
  uint32_t mark = v->scope.len;
  if (in->op == IR_OP_FOR && in->result != IR_NOVALUE) define(v, in, in->result);
  v->loop_depth += loop;
  verify_block(v, blk, depth + 1);
  v->loop_depth -= loop;
  while (v->scope.len > mark) v->state.data[v->scope.data[--v->scope.len]] = V_GONE;
}

static void verify_inst(Verifier *v, const IrInst *in, bool last, int depth) {
  if ((unsigned)in->op >= IR_OP_COUNT) {
    fail(v, NULL, "bad opcode %d", (int)in->op);
    return;
  }
  const IrOpInfo *info = &ir_op_info[in->op];
  if (!in->type) {
    fail(v, in, "no type");
    return;
  }
  if (info->nargs >= 0 && in->nargs != (uint32_t)info->nargs) {
    fail(v, in, "expects %d operands, has %" PRIu32, info->nargs, in->nargs);
    return;
  }
  if (in->nargs && !in->args) {
    fail(v, in, "operand array missing");
    return;
  }
  const Type *small[4] = {0}, **at = small;
  if (in->nargs > 4) at = ARENA_ARRAY(v->m->arena, const Type *, in->nargs);
  bool args_ok = true;
  for (uint32_t i = 0; i < in->nargs; i++) {
    at[i] = arg(v, in, i);
    args_ok &= at[i] != NULL;
  }
  // Results: value-producing ops (pure and read ops, calls and builtins with a
  // non-void type, aggregates) define exactly one value of their type.
  bool has_res = in->result != IR_NOVALUE;
  if (in->op == IR_OP_FOR) {
    if (!has_res) fail(v, in, "needs an induction variable");
    else if (in->result < v->fn->value_types.len &&
             v->fn->value_types.data[in->result] != v->m->types->t_i64)
      fail(v, in, "induction variable must be i64");
  } else if (has_res != (in->type->kind != TY_VOID)) {
    fail(v, in, has_res ? "defines a value of type void" : "has a type but no result value");
  } else if (!has_res && (info->flags & (IR_F_PURE | IR_F_READ))) {
    fail(v, in, "must define a value");
  } else if (has_res && in->result < v->fn->value_types.len &&
             v->fn->value_types.data[in->result] != in->type) {
    fail(v, in, "result %%%" PRIu32 " has type %s in the value table", in->result,
         tname(v, v->fn->value_types.data[in->result]));
  }
  if (args_ok || in->op == IR_OP_CALL || in->nargs == 0) check_types(v, in, at);
  if ((info->flags & IR_F_TERM) && !last) fail(v, in, "terminator is not the last instruction of its block");
  if ((in->op == IR_OP_BREAK || in->op == IR_OP_CONTINUE) && v->loop_depth == 0)
    fail(v, in, "outside a loop");
  bool b1 = info->flags & (IR_F_BLOCKS1 | IR_F_BLOCKS2), b2 = info->flags & IR_F_BLOCKS2;
  if ((b1 && !in->body[0]) || (b2 && !in->body[1])) {
    fail(v, in, "missing nested block");
    return;
  }
  if (!b1 && (in->body[0] || in->body[1])) fail(v, in, "has a nested block");
  if (depth > 1000) {
    fail(v, in, "blocks nested too deeply");
    return;
  }
  if (b1) verify_nested(v, in, in->body[0], in->op != IR_OP_IF, depth);
  if (b2) verify_nested(v, in, in->body[1], false, depth);
  if (has_res && in->op != IR_OP_FOR) define(v, in, in->result);
}

static void verify_block(Verifier *v, const IrBlock *blk, int depth) {
  for (uint32_t i = 0; i < blk->insts.len; i++)
    verify_inst(v, blk->insts.data[i], i + 1 == blk->insts.len, depth);
}

// Few locals: compared pairwise; many: through a hash map (in the arena).
static void check_locals_unique(Verifier *v) {
  const IrFunc *fn = v->fn;
  HashMap seen = {0};
  for (uint32_t i = 0; i < fn->locals.len; i++) {
    const char *name = fn->locals.data[i].name;
    bool dup = false;
    if (fn->locals.len <= 16) {
      for (uint32_t k = 0; k < i && !dup; k++) dup = strcmp(name, fn->locals.data[k].name) == 0;
    } else {
      dup = hmap_put(v->m->arena, &seen, hash_str(name), name, (void *)name, hash_streq) != NULL;
    }
    if (dup) fail(v, NULL, "local $%s declared twice", name);
  }
}

bool ir_verify_func(IrModule *m, IrFunc *fn, DiagSink *diags) {
  Verifier v = {.m = m, .diags = diags, .fn = fn, .ok = true};
  if (fn->nparams > fn->value_types.len) {
    fail(&v, NULL, "%" PRIu32 " parameters but %" PRIu32 " values", fn->nparams, fn->value_types.len);
    return false;
  }
  if (!fn->ret_type || !fn->body) {
    fail(&v, NULL, "missing return type or body");
    return false;
  }
  for (uint32_t i = 0; i < fn->value_types.len; i++)
    vec_push(m->arena, &v.state, (uint8_t)(i < fn->nparams ? V_VISIBLE : V_UNSEEN));
  check_locals_unique(&v);
  verify_block(&v, fn->body, 0);
  return v.ok;
}

bool ir_verify(IrModule *m, DiagSink *diags) {
  bool ok = true;
  for (uint32_t i = 0; i < m->funcs.len; i++) {
    IrFunc *fn = m->funcs.data[i];
    if (ir_module_find(m, fn->name) != fn) {  // the name finds its first definition
      diag_error(diags, fn->loc, "TIR verifier: @%s: defined twice", fn->name);
      ok = false;
    }
    ok &= ir_verify_func(m, fn, diags);
  }
  if (ok) ir_compute_mayraise(m);
  return ok;
}
