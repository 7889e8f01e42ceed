// check.c - the checker's module level (fe_check): binds the imports,
// collects @fieldspace classes as TY_STRUCT, finds the compiled functions
// from their decorators (with the boundscheck/fastmath/strict/top_level
// flags), checks every signature, then every body. Bodies are checked in
// module order, except that a call to a function whose return type is not
// known yet checks that function first (recursively); a recursive call
// whose return type is still unknown is an error. Diagnostics never stop the
// walk: a failed expression gets ty NULL and its users stay quiet.
#include "check.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

// ---- helpers shared by the check*.c files -------------------------------------
static Diag *verror(Checker *ck, DiagLevel lv, SrcLoc loc, const char *fmt, va_list ap) {
  char buf[1024];
  vsnprintf(buf, sizeof buf, fmt, ap);
  return diag_emit(ck->fe->diags, lv, loc, "%s", buf);
}

Diag *ck_error(Checker *ck, SrcLoc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Diag *d = verror(ck, DIAG_ERROR, loc, fmt, ap);
  va_end(ap);
  return d;
}

void ck_note(Checker *ck, Diag *d, SrcLoc loc, const char *fmt, ...) {
  if (!d) return;
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  diag_note(ck->fe->diags, d, loc, "%s", buf);
}

const char *ck_tyname(Checker *ck, const Type *t) {
  if (!t) return "?";
  return type_py_name(ck->tt, t);
}

const char *ck_src(Checker *ck, SrcLoc loc) {
  if (loc.file == SRC_NONE) return "";
  SrcFile *f = srcmgr_file(ck->fe->sm, loc.file);
  if (!f || loc.start > loc.end || loc.end > f->len) return "";
  uint32_t n = loc.end - loc.start;
  bool cut = n > 60;
  if (cut) n = 57;
  char *s = arena_alloc(ck->fe->arena, n + 4);
  for (uint32_t i = 0; i < n; i++) {
    char c = f->text[loc.start + i];
    s[i] = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  if (cut) memcpy(s + n, "...", 4);
  return s;
}

Symbol *ck_sym_new(Checker *ck, SymKind kind, const char *name, const Type *ty, SrcLoc loc) {
  Symbol *s = ARENA_NEW(ck->fe->arena, Symbol);
  s->kind = kind;
  s->name = name;
  s->ty = ty;
  s->def_loc = loc;
  return s;
}

// Names are interned: hashed and compared by address.
Symbol *ck_global(Checker *ck, const char *name) {
  return hmap_get(&ck->globals, hash_ptr(name), name, NULL);
}

static void bind(Checker *ck, const char *key, Symbol *s) {
  hmap_put(ck->fe->arena, &ck->globals, hash_ptr(key), key, s, NULL);
}

bool ck_is_pyglobal(const Checker *ck, const char *name) {
  return hmap_get(&ck->pyglobals, hash_ptr(name), name, NULL) != NULL;
}

static void add_pyglobal(Checker *ck, const char *name) {
  hmap_put(ck->fe->arena, &ck->pyglobals, hash_ptr(name), name, (void *)name, NULL);
}

// ---- imports --------------------------------------------------------------------
// `import numpy as np` binds np -> module "numpy"; `from math import sqrt`
// binds sqrt -> builtin "math.sqrt". Unknown modules and members are bound
// too (Python-only code may use them); using them in compiled code is an error.
static void bind_imports(Checker *ck) {
  Interner *in = ck->fe->strs;
  for (uint32_t i = 0; i < ck->mod->imports.len; i++) {
    ImportItem *it = &ck->mod->imports.data[i];
    if (!it->module || !it->asname) continue;
    const char *known = fe_known_module(it->module);
    char buf[256];
    Symbol *s;
    if (!it->name) {
      s = ck_sym_new(ck, SYM_MODULE, intern_cstr(in, known ? known : it->module), NULL, it->loc);
    } else if (known && (s = ck_module_member(ck, known, it->name, it->loc))) {
      // supported member
    } else {
      snprintf(buf, sizeof buf, "%s.%s", it->module, it->name);
      s = ck_sym_new(ck, known ? SYM_BUILTIN : SYM_MODULE, intern_cstr(in, buf), NULL, it->loc);
    }
    bind(ck, intern_cstr(in, it->asname), s);
  }
}

// ---- module-level constants -------------------------------------------------------
// `N = 100` at module level, assigned once with a number literal, is a
// compile-time constant in compiled code (as in Numba, which freezes globals).
static bool literal_value(const Expr *e, const Type **ty, Checker *ck, int64_t *iv, double *fv) {
  bool neg = false;
  while (e && e->kind == EX_UNARY && (e->un.op == UN_NEG || e->un.op == UN_POS)) {
    if (e->un.op == UN_NEG) neg = !neg;
    e = e->un.x;
  }
  if (!e) return false;
  if (e->kind == EX_INT && !e->int_overflow && e->ival <= (uint64_t)INT64_MAX) {
    *ty = ck->tt->t_i64;
    *iv = neg ? -(int64_t)e->ival : (int64_t)e->ival;
    return true;
  }
  if (e->kind == EX_FLOAT) {
    *ty = ck->tt->t_f64;
    *fv = neg ? -e->fval : e->fval;
    return true;
  }
  if (e->kind == EX_BOOL && !neg && e != NULL) {
    *ty = ck->tt->t_bool;
    *iv = e->bval;
    return true;
  }
  return false;
}

typedef Vec(const char *) NameVec;

static void count_target(Checker *ck, Expr *t, NameVec *names) {
  if (!t) return;
  if (t->kind == EX_NAME) vec_push(ck->fe->arena, names, t->name.id);
  if (t->kind == EX_TUPLE || t->kind == EX_LIST)
    for (uint32_t i = 0; i < t->seq.n; i++) count_target(ck, t->seq.xs[i], names);
}

// Interned names compare by address: sorted, they are counted by binary
// search, so a module with tens of thousands of assignments checks in
// O(n log n) (it was quadratic: found by the hostile-input tests).
static int cmp_name_ptr(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)*(const char *const *)a, y = (uintptr_t)*(const char *const *)b;
  return (x > y) - (x < y);
}

// The first index of v (sorted) whose name is >= key (or > key when `after`).
static uint32_t bound_sorted(const NameVec *v, const char *key, bool after) {
  uint32_t lo = 0, hi = v->len;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    uintptr_t m = (uintptr_t)v->data[mid], k = (uintptr_t)key;
    if (m < k || (after && m == k)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// How many times key occurs in v (sorted); *pos = its first index.
static uint32_t count_sorted(const NameVec *v, const char *key, uint32_t *pos) {
  *pos = bound_sorted(v, key, false);
  return bound_sorted(v, key, true) - *pos;
}

static void bind_constants(Checker *ck) {
  NameVec names = {0}, single_names = {0};
  Vec(Stmt *) top = {0};
  for (uint32_t i = 0; i < ck->mod->toplevel.len; i++) {
    Stmt *s = ck->mod->toplevel.data[i];
    if (!s) continue;
    if (s->kind == ST_ASSIGN)
      for (uint32_t k = 0; k < s->assign.ntargets; k++)
        count_target(ck, s->assign.targets[k], &names);
    else if (s->kind == ST_AUGASSIGN)
      count_target(ck, s->aug.target, &names);
    else if (s->kind == ST_ANNASSIGN)
      count_target(ck, s->ann.target, &names);
    else if (s->kind == ST_FOR)
      count_target(ck, s->for_.target, &names);
    if (s->kind == ST_ASSIGN && s->assign.ntargets == 1 && s->assign.targets[0] &&
        s->assign.targets[0]->kind == EX_NAME) {
      vec_push(ck->fe->arena, &top, s);
      vec_push(ck->fe->arena, &single_names, s->assign.targets[0]->name.id);
    }
  }
  if (names.len) qsort(names.data, names.len, sizeof *names.data, cmp_name_ptr);
  if (single_names.len)
    qsort(single_names.data, single_names.len, sizeof *single_names.data, cmp_name_ptr);
  for (uint32_t i = 0; i < names.len; i++) {  // `for x in ...`, `a, b = ...` at module level
    if (i && names.data[i] == names.data[i - 1]) continue;  // each name once
    uint32_t pos;
    if (!count_sorted(&single_names, names.data[i], &pos))
      add_pyglobal(ck, names.data[i]);
  }
  bool *pushed = arena_alloc(ck->fe->arena, (size_t)names.len + 1);  // by position in names
  memset(pushed, 0, (size_t)names.len + 1);
  for (uint32_t i = 0; i < top.len; i++) {
    Stmt *s = top.data[i];
    const char *name = s->assign.targets[0]->name.id;
    uint32_t pos = 0, n = count_sorted(&names, name, &pos);
    const Type *ty;
    int64_t iv = 0;
    double fv = 0;
    if (n != 1 || !literal_value(s->assign.value, &ty, ck, &iv, &fv)) {
      if (!pushed[pos]) add_pyglobal(ck, name);  // each name once
      pushed[pos] = true;
      continue;
    }
    Symbol *c = ck_sym_new(ck, SYM_CONST, name, ty, s->assign.targets[0]->loc);
    c->cval_i = iv;
    c->cval_f = fv;
    bind(ck, name, c);
  }
}

// ---- decorators ------------------------------------------------------------------------
typedef enum DecKind { DEC_OTHER, DEC_KERNEL, DEC_TASK, DEC_FIELDSPACE } DecKind;

// What a decorator expression names: pyc_task.kernel / task / fieldspace
// through any import spelling (`kernel`, `pt.kernel`, `pyc_task.kernel`),
// called or not. An unbound bare `kernel` is accepted too.
static DecKind decorator_kind(Checker *ck, Expr *d, Keyword **kw, uint32_t *nkw, Expr **call) {
  *kw = NULL;
  *nkw = 0;
  *call = NULL;
  if (d && d->kind == EX_CALL) {
    *call = d;
    *kw = d->call.kw;
    *nkw = d->call.nkw;
    d = d->call.func;
  }
  if (!d) return DEC_OTHER;
  const char *canon = NULL;
  if (d->kind == EX_NAME) {
    Symbol *s = ck_global(ck, d->name.id);
    if (s && s->kind == SYM_BUILTIN)
      canon = s->name;
    else if (!s) {
      static const char *const bare[] = {"kernel", "task", "fieldspace"};
      for (int i = 0; i < 3; i++)
        if (strcmp(d->name.id, bare[i]) == 0) return (DecKind)(DEC_KERNEL + i);
    }
  } else if (d->kind == EX_ATTR && d->attr.value && d->attr.value->kind == EX_NAME) {
    Symbol *m = ck_global(ck, d->attr.value->name.id);
    if (m && m->kind == SYM_MODULE && strncmp(m->name, "pyc_task", 8) == 0) {
      Symbol *s = ck_module_member(ck, "pyc_task", d->attr.attr, d->loc);
      if (s) canon = s->name;
    }
  }
  if (!canon) return DEC_OTHER;
  if (strcmp(canon, "pyc_task.kernel") == 0) return DEC_KERNEL;
  if (strcmp(canon, "pyc_task.task") == 0) return DEC_TASK;
  if (strcmp(canon, "pyc_task.fieldspace") == 0) return DEC_FIELDSPACE;
  return DEC_OTHER;
}

static bool bool_option(Checker *ck, Keyword *k, bool *out) {
  if (k->value && k->value->kind == EX_BOOL) {
    *out = k->value->bval;
    return true;
  }
  ck_error(ck, k->value ? k->value->loc : k->loc,
           "option '%s' must be True or False (a literal), found '%s'", k->name,
           ck_src(ck, k->value ? k->value->loc : k->loc));
  return false;
}

// Reads @kernel(...)/@task(...) options into fn.
static void decorator_options(Checker *ck, FuncDef *fn, DecKind dk, Keyword *kw, uint32_t nkw,
                              Expr *call) {
  if (call && call->call.nargs > 0 && call->call.args[0])
    ck_error(ck, call->call.args[0]->loc,
             "@%s takes only keyword options (boundscheck=, fastmath=, strict=%s)",
             dk == DEC_TASK ? "task" : "kernel", dk == DEC_TASK ? ", top_level=, privileges=" : "");
  for (uint32_t i = 0; i < nkw; i++) {
    Keyword *k = &kw[i];
    if (!k->name) continue;
    bool v;
    if (strcmp(k->name, "boundscheck") == 0) {
      if (bool_option(ck, k, &v)) fn->boundscheck = v;
    } else if (strcmp(k->name, "fastmath") == 0) {
      if (bool_option(ck, k, &v)) fn->fastmath = v;
    } else if (strcmp(k->name, "strict") == 0) {
      if (bool_option(ck, k, &v)) fn->strict = v;
    } else if (strcmp(k->name, "top_level") == 0 && dk == DEC_TASK) {
      if (bool_option(ck, k, &v)) fn->top_level = v;
    } else if (dk == DEC_TASK &&
               strcmp(k->name, "privileges") == 0) {
      fn->privileges = k->value;  // read by ck_task_signature (check_task.c)
    } else if (dk == DEC_TASK &&
               (strcmp(k->name, "leaf") == 0 ||
                strcmp(k->name, "inner") == 0 || strcmp(k->name, "replicable") == 0)) {
      // Task-layer options: accepted, no effect without Region parameters.
    } else if (dk == DEC_TASK && strcmp(k->name, "parallel") == 0) {
      if (bool_option(ck, k, &v)) fn->parallel = v;  // check_autopart.c
    } else if (strcmp(k->name, "parallel") == 0 || strcmp(k->name, "target") == 0 ||
               (dk == DEC_KERNEL &&
                (strcmp(k->name, "cache") == 0 || strcmp(k->name, "nogil") == 0 ||
                 strcmp(k->name, "inline") == 0))) {
      // Accepted by pyc_task's Python decorators; no effect on the CPU backend yet.
    } else {
      ck_error(ck, k->loc, "unknown @%s option '%s' (supported: boundscheck, fastmath, strict%s)",
               dk == DEC_TASK ? "task" : "kernel", k->name,
               dk == DEC_TASK ? ", top_level, privileges" : "");
    }
  }
}

// ---- classes ------------------------------------------------------------------------------
static void collect_class(Checker *ck, ClassDef *c) {
  if (!c->name) return;
  bool fs = false;
  for (uint32_t i = 0; i < c->ndecorators; i++) {
    Keyword *kw;
    uint32_t nkw;
    Expr *call;
    if (decorator_kind(ck, c->decorators[i], &kw, &nkw, &call) == DEC_FIELDSPACE) fs = true;
  }
  if (!fs) {
    // Python-only class: bound as a SYM_STRUCT without a type (an error if used).
    bind(ck, c->name, ck_sym_new(ck, SYM_STRUCT, c->name, NULL, c->name_loc));
    return;
  }
  bool ok = true;
  const Type **tys = ARENA_ARRAY(ck->fe->arena, const Type *, c->nfields ? c->nfields : 1);
  for (uint32_t i = 0; i < c->nfields; i++) {
    const Type *t = c->field_annots[i] ? ck_annot(ck, c->field_annots[i], false) : NULL;
    if (t && !type_is_field(t)) {
      ck_error(ck, c->field_annots[i]->loc,
               "field '%s' of @fieldspace class '%s' has type %s; fields must be scalars "
               "(bool, int8..int64, uint8..uint64, float32, float64) or points (int2d, int3d)",
               c->field_names[i], c->name, ck_tyname(ck, t));
      t = NULL;
    }
    for (uint32_t k = 0; k < i; k++)
      if (c->field_names[k] && c->field_names[i] &&
          strcmp(c->field_names[k], c->field_names[i]) == 0) {
        ck_error(ck, c->field_locs[i], "field '%s' of class '%s' is declared twice",
                 c->field_names[i], c->name);
        t = NULL;
      }
    if (!t || !c->field_names[i]) ok = false;
    tys[i] = t;
  }
  if (c->nfields == 0) {
    ck_error(ck, c->name_loc,
             "@fieldspace class '%s' has no fields; declare them as `name: float64`", c->name);
    ok = false;
  }
  for (uint32_t i = 0; i < c->other.n; i++) {
    Stmt *s = c->other.stmts[i];
    if (!s || s->kind == ST_PASS) continue;
    if (s->kind == ST_EXPR && s->expr && s->expr->kind == EX_STR) continue;
    ck_error(ck, s->loc,
             "a @fieldspace class body holds only field declarations (`name: type`); "
             "methods and other statements are not supported");
  }
  // A second class of the same name in this module. (The type table is not
  // the test: the driver's retry without failed functions checks a fresh AST
  // against the same table, where the first round's struct already is.)
  if (ok && hmap_get(&ck->first_class, hash_ptr(c->name), c->name, NULL) != c) {
    ck_error(ck, c->name_loc, "@fieldspace class '%s' is defined twice", c->name);
    ok = false;
  }
  if (ok) c->ty = type_struct(ck->tt, c->name, c->field_names, tys, c->nfields);
  Symbol *s = ck_sym_new(ck, SYM_STRUCT, c->name, c->ty, c->name_loc);
  s->index = ok ? 0 : 1;  // 1: a broken fieldspace (uses stay quiet)
  bind(ck, c->name, s);
}

// ---- functions ----------------------------------------------------------------------------
static void collect_func(Checker *ck, FuncDef *fn) {
  fn->fkind = FN_PLAIN;
  if (!fn->name) return;
  bool excluded = false;  // dropped by the driver: stays plain Python
  for (uint32_t i = 0; i < ck->fe->opts.nexclude; i++)
    if (strcmp(ck->fe->opts.exclude[i], fn->name) == 0) excluded = true;
  for (uint32_t i = 0; i < fn->ndecorators && !excluded; i++) {
    Keyword *kw;
    uint32_t nkw;
    Expr *call;
    DecKind dk = decorator_kind(ck, fn->decorators[i], &kw, &nkw, &call);
    if (dk == DEC_KERNEL || dk == DEC_TASK) {
      if (fn->fkind != FN_PLAIN) {
        ck_error(ck, fn->decorators[i]->loc, "function '%s' has two compiling decorators",
                 fn->name);
        continue;
      }
      fn->fkind = dk == DEC_TASK ? FN_TASK : FN_KERNEL;
      decorator_options(ck, fn, dk, kw, nkw, call);
    }
  }
  if (fn->fkind != FN_PLAIN) {
    for (uint32_t i = 0; i < fn->ndecorators; i++) {
      Keyword *kw;
      uint32_t nkw;
      Expr *call;
      DecKind dk = decorator_kind(ck, fn->decorators[i], &kw, &nkw, &call);
      if (dk == DEC_OTHER || dk == DEC_FIELDSPACE)
        ck_error(ck, fn->decorators[i]->loc,
                 "decorator '%s' is not supported on a compiled function (only @kernel or @task)",
                 ck_src(ck, fn->decorators[i]->loc));
    }
    fn->boundscheck = fn->boundscheck || ck->fe->opts.boundscheck;
    fn->fastmath = fn->fastmath || ck->fe->opts.fastmath;
  }
  Symbol *s = ck_sym_new(ck, SYM_FUNC, fn->name, NULL, fn->name_loc);
  s->func = fn;
  bind(ck, fn->name, s);
}

// Parameter and return types of a compiled function.
static void check_signature(Checker *ck, FuncDef *fn) {
  if (fn->has_varargs)
    ck_error(ck, fn->name_loc,
             "compiled function '%s' uses *args, **kwargs or keyword-only parameters; "
             "only plain positional parameters are supported",
             fn->name);
  for (uint32_t i = 0; i < fn->nparams; i++) {
    Param *p = &fn->params[i];
    for (uint32_t k = 0; k < i; k++)
      if (fn->params[k].name == p->name)
        ck_error(ck, p->loc, "duplicate parameter '%s' in function '%s'", p->name, fn->name);
    if (!p->annot) {
      ck_error(ck, p->loc,
               "parameter '%s' of compiled function '%s' needs a type annotation "
               "(e.g. `%s: float64` or `%s: pt.float64[:]`)",
               p->name, fn->name, p->name, p->name);
    } else {
      p->ty = ck_annot(ck, p->annot, false);
    }
    if (p->default_value)
      ck_error(ck, p->default_value->loc,
               "default parameter values are not supported in compiled functions; "
               "pass every argument explicitly");
  }
  if (fn->ret_annot) fn->ret_ty = ck_annot(ck, fn->ret_annot, true);
  if (fn->top_level && fn->nparams > 0)
    ck_error(ck, fn->params[0].loc, "top-level task '%s' must take no parameters", fn->name);
  ck_task_signature(ck, fn);
}

static bool in_progress(Checker *ck, FuncDef *fn) {
  for (FnState *f = ck->fs; f; f = f->outer)
    if (f->fn == fn) return true;
  return false;
}

uint32_t ck_check_nesting(const Checker *ck) {
  uint32_t n = 0;
  for (const FnState *f = ck->fs; f; f = f->outer) n++;
  return n;
}

bool ck_need_func(Checker *ck, FuncDef *fn) {
  if (fn->ret_ty) return true;
  if (fn->checked || in_progress(ck, fn)) return false;
  // Each nested check is a C stack frame chain: 20,000 functions that each
  // return the next one's result overflowed the stack (found by probing).
  if (ck_check_nesting(ck) >= FE_MAX_CHECK_NESTING) return false;
  ck_func_body(ck, fn);
  return fn->ret_ty != NULL;
}

bool fe_check(FeCtx *cx, Module *mod) {
  if (!mod) return false;
  Checker ck = {.fe = cx, .mod = mod, .tt = cx->types};
  uint32_t errs = cx->diags->nerrors;
  bind_imports(&ck);
  bind_constants(&ck);
  for (uint32_t i = 0; i < mod->classes.len; i++) {
    ClassDef *c = mod->classes.data[i];
    if (c && c->name && !hmap_get(&ck.first_class, hash_ptr(c->name), c->name, NULL))
      hmap_put(cx->arena, &ck.first_class, hash_ptr(c->name), c->name, c, NULL);
  }
  for (uint32_t i = 0; i < mod->classes.len; i++)
    if (mod->classes.data[i]) collect_class(&ck, mod->classes.data[i]);
  for (uint32_t i = 0; i < mod->funcs.len; i++)
    if (mod->funcs.data[i]) collect_func(&ck, mod->funcs.data[i]);
  HashMap compiled = {0};  // name (interned) -> its first compiled FuncDef
  for (uint32_t i = 0; i < mod->funcs.len; i++) {
    FuncDef *fn = mod->funcs.data[i];
    if (!fn || fn->fkind == FN_PLAIN) continue;
    FuncDef *old = hmap_get(&compiled, hash_ptr(fn->name), fn->name, NULL);
    if (old) {
      Diag *d = ck_error(&ck, fn->name_loc,
                         "compiled function '%s' is defined twice; give each one its own name",
                         fn->name);
      ck_note(&ck, d, old->name_loc, "first definition of '%s' here", fn->name);
    } else {
      hmap_put(cx->arena, &compiled, hash_ptr(fn->name), fn->name, fn, NULL);
    }
    check_signature(&ck, fn);
  }
  for (uint32_t i = 0; i < mod->funcs.len; i++) {
    FuncDef *fn = mod->funcs.data[i];
    if (fn && fn->fkind != FN_PLAIN && !fn->checked) ck_func_body(&ck, fn);
  }
  // Once every body is typed (the rule reads what callees return).
  for (uint32_t i = 0; i < mod->funcs.len; i++) {
    FuncDef *fn = mod->funcs.data[i];
    if (fn && fn->fkind != FN_PLAIN && fn->checked) ck_alias(&ck, fn);
  }
  return cx->diags->nerrors == errs;
}
