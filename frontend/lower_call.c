// lower_call.c - calls -> TIR: user functions (CALL), numeric constructors
// (CAST), @fieldspace constructors (STRUCT_NEW), builtins (abs min max len
// int float bool round, pt.wtime), math.* (BUILTIN "math.<fn>"), numpy array creation
// (ARRAY_NEW + fill loops), and print (FMT_* + PRINT). The text helpers
// lw_fmt_eval/lw_fmt_emit are shared with raise/assert in lower_stmt.c.
#include "lower.h"

Keyword *lw_kwarg(Expr *call, const char *name) {
  for (uint32_t i = 0; i < call->call.nkw; i++)
    if (strcmp(call->call.kw[i].name, name) == 0) return &call->call.kw[i];
  return NULL;
}

static IrValue builtin(Lower *l, const char *name, const Type *t, const IrValue *args, uint32_t n,
                       SrcLoc loc) {
  IrInst *in = lw_emit(l, IR_OP_BUILTIN, t, args, n, loc);
  in->sym = name;
  in->symlen = (uint32_t)strlen(name);
  return in->result;
}

// f(a, b): user function
static IrValue lower_user_call(Lower *l, Expr *e) {
  FuncDef *fd = e->call.callee;
  if (!fd || fd->nparams != e->call.nargs) return lw_fail(l, e->loc, "a call");
  IrValue *args = ARENA_ARRAY(l->cx->arena, IrValue, fd->nparams ? fd->nparams : 1);
  for (uint32_t i = 0; i < fd->nparams; i++)
    args[i] = lw_expr_to(l, e->call.args[i], fd->params[i].ty);
  const Type *rt = fd->ret_ty ? fd->ret_ty : l->tt->t_void;
  IrInst *in = lw_emit(l, IR_OP_CALL, rt, args, fd->nparams, e->loc);
  in->sym = fd->name;
  in->symlen = (uint32_t)strlen(fd->name);
  if (in->result == IR_NOVALUE) return IR_NOVALUE;
  return lw_own(l, in->result, e->loc);
}

// Cell(1.0, 2.0)
static IrValue lower_struct_new(Lower *l, Expr *e) {
  const Type *t = e->ty;
  if (!t || t->kind != TY_STRUCT || t->nelems != e->call.nargs)
    return lw_fail(l, e->loc, "a struct constructor");
  IrValue *args = ARENA_ARRAY(l->cx->arena, IrValue, t->nelems ? t->nelems : 1);
  for (uint32_t i = 0; i < t->nelems; i++) args[i] = lw_expr_to(l, e->call.args[i], t->elems[i]);
  return lw_emit(l, IR_OP_STRUCT_NEW, t, args, t->nelems, e->loc)->result;
}

// min(a, b, ...) / max(a, b, ...): Python keeps the first of equal values
static IrValue lower_minmax(Lower *l, Expr *e, bool is_max) {
  const Type *t = e->ty;
  if (!t || e->call.nargs < 1) return lw_fail(l, e->loc, "min/max");
  IrValue acc = lw_expr_to(l, e->call.args[0], t);
  for (uint32_t i = 1; i < e->call.nargs; i++) {
    IrValue b = lw_expr_to(l, e->call.args[i], t);
    IrValue c = lw_bin(l, is_max ? IR_OP_CMP_GT : IR_OP_CMP_LT, l->tt->t_bool, b, acc, e->loc);
    IrValue args[3] = {c, b, acc};
    acc = lw_emit(l, IR_OP_SELECT, t, args, 3, e->loc)->result;
  }
  return acc;
}

// int(x) / float(x) / bool(x) / pt.float32(x)
static IrValue lower_convert(Lower *l, Expr *e, const Type *t) {
  if (e->call.nargs == 0) return lw_const_int(l, t, 0, e->loc);  // int() == 0
  IrValue v = lw_expr(l, e->call.args[0]);
  const Type *from = ir_value_type(l->fn, v);
  if (t->kind == TY_BOOL) return lw_truth(l, v, e->loc);
  if (t->kind == TY_INT && from->kind == TY_FLOAT && e->call.ckind == CALL_BUILTIN) {
    v = lw_cast(l, v, l->tt->t_f64, e->loc);
    return lw_cast(l, builtin(l, "int", l->tt->t_i64, &v, 1, e->loc), t, e->loc);
  }
  // pt.int8(-3.7): numpy truncates to int64, then wraps to the narrow type.
  if (t->kind == TY_INT && t->bits < 64 && from->kind == TY_FLOAT)
    v = lw_cast(l, v, l->tt->t_i64, e->loc);
  return lw_cast(l, v, t, e->loc);
}

// round(x) / round(x, n)
static IrValue lower_round(Lower *l, Expr *e) {
  Expr *x = e->call.args[0];
  const Type *t = e->ty;
  const Type *f64 = l->tt->t_f64, *i64 = l->tt->t_i64;
  if (e->call.nargs == 1) {
    if (x->ty && x->ty->kind != TY_FLOAT) return lw_expr_to(l, x, t);  // round(int) -> the int
    IrValue v = lw_expr_to(l, x, f64);
    return lw_cast(l, builtin(l, "round", i64, &v, 1, e->loc), t, e->loc);
  }
  IrValue args[2] = {lw_expr_to(l, x, f64), lw_expr_to(l, e->call.args[1], i64)};
  return lw_cast(l, builtin(l, "round_n", f64, args, 2, e->loc), t, e->loc);
}

static bool math_int_arg(const char *fn, uint32_t k) {
  static const char *const int_fns[] = {"factorial", "gcd", "lcm", "isqrt", "comb", "perm"};
  for (size_t i = 0; i < sizeof int_fns / sizeof int_fns[0]; i++)
    if (strcmp(fn, int_fns[i]) == 0) return true;
  return strcmp(fn, "ldexp") == 0 && k == 1;
}

// math.sqrt(x), math.gcd(a, b), ...
static IrValue lower_math(Lower *l, Expr *e) {
  const char *name = e->call.callee_name;
  const char *fn = name + 5;
  const Type *t = e->ty ? e->ty : l->tt->t_f64;
  bool to_int = strcmp(fn, "floor") == 0 || strcmp(fn, "ceil") == 0 || strcmp(fn, "trunc") == 0;
  if (to_int && e->call.nargs == 1 && e->call.args[0]->ty && e->call.args[0]->ty->kind != TY_FLOAT)
    return lw_expr_to(l, e->call.args[0], t);  // math.floor(int) is the int
  IrValue *args = ARENA_ARRAY(l->cx->arena, IrValue, e->call.nargs ? e->call.nargs : 1);
  for (uint32_t i = 0; i < e->call.nargs; i++)
    args[i] = lw_expr_to(l, e->call.args[i], math_int_arg(fn, i) ? l->tt->t_i64 : l->tt->t_f64);
  return builtin(l, name, t, args, e->call.nargs, e->loc);
}

// Extents of a shape argument (int, tuple/list literal, or a tuple value).
static uint32_t shape_extents(Lower *l, Expr *s, IrValue *ext, uint32_t max) {
  const Type *i64 = l->tt->t_i64;
  if (s->kind == EX_TUPLE || s->kind == EX_LIST) {
    if (s->seq.n > max) return 0;
    for (uint32_t i = 0; i < s->seq.n; i++) ext[i] = lw_expr_to(l, s->seq.xs[i], i64);
    return s->seq.n;
  }
  IrValue v = lw_expr(l, s);
  const Type *t = ir_value_type(l->fn, v);
  if (t->kind != TY_TUPLE) {
    ext[0] = lw_cast(l, v, i64, s->loc);
    return 1;
  }
  if (t->nelems > max) return 0;
  return lw_tuple_i64s(l, v, ext, max, s->loc);
}

// A fresh owned array of type t and extents ext, held by a hidden slot.
static IrValue array_new(Lower *l, const Type *t, const IrValue *ext, SrcLoc loc) {
  t = type_array(l->tt, t->elem, t->ndim, true);  // fresh arrays are C-contiguous
  IrValue a = lw_emit(l, IR_OP_ARRAY_NEW, t, ext, t->ndim, loc)->result;
  return lw_own(l, a, loc);
}

// for i0 in range(ext0): for i1 ...: a[i0, i1, ...] = v
static void fill_loops(Lower *l, IrValue arr, const IrValue *ext, unsigned nd, IrValue v,
                       SrcLoc loc) {
  IrBlock *outer = l->blk;
  IrValue args[17];
  args[0] = arr;
  for (unsigned k = 0; k < nd; k++) {
    IrValue fa[3] = {lw_const_int(l, l->tt->t_i64, 0, loc), ext[k],
                     lw_const_int(l, l->tt->t_i64, 1, loc)};
    IrInst *f = lw_emit(l, IR_OP_FOR, NULL, fa, 3, loc);
    args[k + 1] = f->result;
    l->blk = f->body[0];
  }
  args[nd + 1] = v;
  lw_emit(l, IR_OP_STORE, NULL, args, nd + 2, loc);
  l->blk = outer;
}

// np.empty / np.zeros / np.ones / np.full (shape, [fill], dtype=...)
static IrValue lower_np_fill(Lower *l, Expr *e, const char *what) {
  const Type *t = e->ty;
  Expr *shape = e->call.nargs ? e->call.args[0] : NULL;
  if (!shape) {
    Keyword *k = lw_kwarg(e, "shape");
    shape = k ? k->value : NULL;
  }
  if (!t || t->kind != TY_ARRAY || !shape || t->ndim > 16)
    return lw_fail(l, e->loc, "an array constructor");
  IrValue ext[16];
  if (shape_extents(l, shape, ext, 16) != t->ndim) return lw_fail(l, e->loc, "an array shape");
  IrValue fill = IR_NOVALUE;
  if (strcmp(what, "zeros") == 0) fill = lw_const_int(l, t->elem, 0, e->loc);
  if (strcmp(what, "ones") == 0) fill = lw_const_int(l, t->elem, 1, e->loc);
  if (strcmp(what, "full") == 0) {
    Expr *fv = e->call.nargs > 1 ? e->call.args[1] : NULL;
    if (!fv) {
      Keyword *k = lw_kwarg(e, "fill_value");
      fv = k ? k->value : NULL;
    }
    if (!fv) return lw_fail(l, e->loc, "np.full without a fill value");
    fill = lw_expr_to(l, fv, t->elem);
  }
  IrValue arr = array_new(l, t, ext, e->loc);
  if (fill != IR_NOVALUE) fill_loops(l, arr, ext, t->ndim, fill, e->loc);
  return arr;
}

// np.arange(stop) / (start, stop) / (start, stop, step)
static IrValue lower_np_arange(Lower *l, Expr *e) {
  const Type *t = e->ty, *i64 = l->tt->t_i64, *f64 = l->tt->t_f64, *bt = l->tt->t_bool;
  uint32_t n = e->call.nargs;
  if (!t || t->kind != TY_ARRAY || t->ndim != 1 || n < 1 || n > 3)
    return lw_fail(l, e->loc, "np.arange");
  bool is_float = t->elem->kind == TY_FLOAT;
  for (uint32_t i = 0; i < n; i++)
    if (e->call.args[i]->ty && e->call.args[i]->ty->kind == TY_FLOAT) is_float = true;
  const Type *ct = is_float ? f64 : i64;
  SrcLoc loc = e->loc;
  IrValue start, stop, step;
  if (n == 1) {
    start = lw_const_int(l, ct, 0, loc);
    stop = lw_expr_to(l, e->call.args[0], ct);
  } else {
    start = lw_expr_to(l, e->call.args[0], ct);
    stop = lw_expr_to(l, e->call.args[1], ct);
  }
  step = n == 3 ? lw_expr_to(l, e->call.args[2], ct) : lw_const_int(l, ct, 1, loc);
  IrValue count;
  if (is_float) {
    IrValue q =
        lw_bin(l, IR_OP_TRUEDIV, f64, lw_bin(l, IR_OP_SUB, f64, stop, start, loc), step, loc);
    count = builtin(l, "math.ceil", i64, &q, 1, loc);
  } else {  // ceil((stop - start) / step) == -((start - stop) // step)
    IrValue q =
        lw_bin(l, IR_OP_FLOORDIV, i64, lw_bin(l, IR_OP_SUB, i64, start, stop, loc), step, loc);
    count = lw_un(l, IR_OP_NEG, i64, q, loc);
  }
  IrValue zero = lw_const_int(l, i64, 0, loc);
  IrValue sel[3] = {lw_bin(l, IR_OP_CMP_LT, bt, count, zero, loc), zero, count};
  count = lw_emit(l, IR_OP_SELECT, i64, sel, 3, loc)->result;
  IrValue arr = array_new(l, t, &count, loc);
  IrValue fa[3] = {zero, count, lw_const_int(l, i64, 1, loc)};
  IrInst *f = lw_emit(l, IR_OP_FOR, NULL, fa, 3, loc);
  IrBlock *outer = l->blk;
  l->blk = f->body[0];
  IrValue iv = lw_cast(l, f->result, ct, loc);
  IrValue v = lw_bin(l, IR_OP_ADD, ct, start, lw_bin(l, IR_OP_MUL, ct, iv, step, loc), loc);
  IrValue st[3] = {arr, f->result, lw_cast(l, v, t->elem, loc)};
  lw_emit(l, IR_OP_STORE, NULL, st, 3, loc);
  l->blk = outer;
  return arr;
}

static void fmt_str(Lower *l, const char *s, uint32_t n, SrcLoc loc) {
  if (n == 0) return;
  IrInst *in = lw_emit(l, IR_OP_FMT_STR, NULL, NULL, 0, loc);
  in->sym = lw_bytes(l, s, n);
  in->symlen = n;
}

static bool is_text(Expr *e) { return e->kind == EX_STR || e->kind == EX_NONE; }

void lw_fmt_eval(Lower *l, Expr *e, LwVals *vals) {
  if (is_text(e)) return;
  if (e->kind == EX_FSTRING) {
    for (uint32_t i = 0; i < e->fstr.n; i++)
      if (e->fstr.parts[i].is_expr) lw_fmt_eval(l, e->fstr.parts[i].expr, vals);
    return;
  }
  vec_push(l->cx->arena, vals, lw_expr(l, e));
}

// One value: FMT_SPEC with a spec, else FMT_VAL; a tuple as CPython's str()
// writes it: (1, 2.5), (3,), element by element.
static void fmt_value(Lower *l, IrValue v, const char *spec, SrcLoc loc) {
  if (v == IR_NOVALUE) return;
  const Type *t = ir_value_type(l->fn, v);
  if (t->kind == TY_TUPLE) {
    fmt_str(l, "(", 1, loc);
    for (uint32_t i = 0; i < t->nelems; i++) {
      if (i) fmt_str(l, ", ", 2, loc);
      IrInst *g = lw_emit(l, IR_OP_TUPLE_GET, t->elems[i], &v, 1, loc);
      g->ival = i;
      fmt_value(l, g->result, NULL, loc);
    }
    fmt_str(l, t->nelems == 1 ? ",)" : ")", t->nelems == 1 ? 2 : 1, loc);
    return;
  }
  bool has_spec = spec && spec[0];
  IrInst *in = lw_emit(l, has_spec ? IR_OP_FMT_SPEC : IR_OP_FMT_VAL, NULL, &v, 1, loc);
  if (has_spec) {
    in->sym = lw_bytes(l, spec, (uint32_t)strlen(spec));
    in->symlen = (uint32_t)strlen(spec);
  }
}

// "text" / f"... {x} {y!r} {z:>10.3f} ..." / a value
void lw_fmt_emit(Lower *l, Expr *e, const LwVals *vals, uint32_t *next) {
  if (e->kind == EX_STR) {
    fmt_str(l, e->str.s, e->str.len, e->loc);
    return;
  }
  if (e->kind == EX_NONE) {
    fmt_str(l, "None", 4, e->loc);
    return;
  }
  if (e->kind != EX_FSTRING) {
    fmt_value(l, vals->data[(*next)++], NULL, e->loc);
    return;
  }
  for (uint32_t i = 0; i < e->fstr.n; i++) {
    FStrPart *p = &e->fstr.parts[i];
    if (!p->is_expr)
      fmt_str(l, p->text, p->len, e->loc);
    else if (is_text(p->expr) || p->expr->kind == EX_FSTRING)
      lw_fmt_emit(l, p->expr, vals, next);
    else
      fmt_value(l, vals->data[(*next)++], p->spec, p->expr->loc);
  }
}

// A sep=/end= keyword: its string literal, or the default (None or absent).
static void kw_text(Expr *call, const char *name, const char **s, uint32_t *n) {
  Keyword *k = lw_kwarg(call, name);
  if (k && k->value->kind == EX_STR) {
    *s = k->value->str.s;
    *n = k->value->str.len;
  }
}

// print(a, b, sep=' ', end='\n')
static IrValue lower_print(Lower *l, Expr *e) {
  const char *sep = " ", *end = "\n";
  uint32_t nsep = 1, nend = 1;
  kw_text(e, "sep", &sep, &nsep);
  kw_text(e, "end", &end, &nend);
  LwVals vals = {0};
  for (uint32_t i = 0; i < e->call.nargs; i++) lw_fmt_eval(l, e->call.args[i], &vals);
  lw_emit(l, IR_OP_FMT_BEGIN, NULL, NULL, 0, e->loc);
  uint32_t next = 0;
  for (uint32_t i = 0; i < e->call.nargs; i++) {
    if (i) fmt_str(l, sep, nsep, e->loc);
    lw_fmt_emit(l, e->call.args[i], &vals, &next);
  }
  fmt_str(l, end, nend, e->loc);
  lw_emit(l, IR_OP_PRINT, NULL, NULL, 0, e->loc);
  return IR_NOVALUE;
}

static IrValue lower_builtin(Lower *l, Expr *e) {
  const char *n = e->call.callee_name ? e->call.callee_name : "";
  uint32_t na = e->call.nargs;
  if (strcmp(n, "print") == 0) return lower_print(l, e);
  if (strcmp(n, "abs") == 0 && na == 1 && e->ty)
    return lw_un(l, IR_OP_ABS, e->ty, lw_expr_to(l, e->call.args[0], e->ty), e->loc);
  if (strcmp(n, "min") == 0) return lower_minmax(l, e, false);
  if (strcmp(n, "max") == 0) return lower_minmax(l, e, true);
  if (strcmp(n, "len") == 0 && na == 1) {
    const Type *at = e->call.args[0]->ty;
    if (at && (at->kind == TY_PARTITION || at->kind == TY_COLORSPACE))
      return lw_part_len(l, e->call.args[0]);  // len(P), len(P.color_space), len(cs)
    IrValue a = lw_expr(l, e->call.args[0]);
    IrInst *in = lw_emit(l, IR_OP_DIM, l->tt->t_i64, &a, 1, e->loc);
    return lw_cast(l, in->result, e->ty, e->loc);
  }
  if ((strcmp(n, "int") == 0 || strcmp(n, "float") == 0 || strcmp(n, "bool") == 0) && e->ty)
    return lower_convert(l, e, e->ty);
  if (strcmp(n, "round") == 0 && (na == 1 || na == 2)) return lower_round(l, e);
  if (strncmp(n, "math.", 5) == 0) return lower_math(l, e);
  if (strcmp(n, "pyc_task.wtime") == 0 && na == 0)  // pt.wtime(): monotonic seconds
    return builtin(l, n, e->ty ? e->ty : l->tt->t_f64, NULL, 0, e->loc);
  if (strncmp(n, "numpy.", 6) == 0) {
    const char *f = n + 6;
    if (strcmp(f, "arange") == 0) return lower_np_arange(l, e);
    if (strcmp(f, "empty") == 0 || strcmp(f, "zeros") == 0 || strcmp(f, "ones") == 0 ||
        strcmp(f, "full") == 0)
      return lower_np_fill(l, e, f);
  }
  return lw_fail(l, e->loc, "this builtin call");
}

IrValue lw_call(Lower *l, Expr *e) {
  switch (e->call.ckind) {
  case CALL_FUNC: return lower_user_call(l, e);
  case CALL_BUILTIN: return lower_builtin(l, e);
  case CALL_CAST: return e->ty ? lower_convert(l, e, e->ty) : lw_fail(l, e->loc, "a cast");
  case CALL_STRUCT: return lower_struct_new(l, e);
  case CALL_LAUNCH: case CALL_FUTURE_GET: case CALL_REGION_NEW: case CALL_FILL: case CALL_COPY:
    return lw_task_call(l, e);
  case CALL_PARTITION: case CALL_INDEX_LAUNCH: return lw_part_call(l, e);
  default: return lw_fail(l, e->loc, "a call");
  }
}
