// build.c - TIR construction: modules, functions, values, local slots and
// instruction emission. Everything is allocated in the module's arena.
#include "ir.h"

const IrOpInfo ir_op_info[IR_OP_COUNT] = {
#define X(e, text, nargs, flags) [IR_OP_##e] = {text, nargs, flags},
#include "ops.def"
#undef X
};

IrModule *ir_module_new(Arena *arena, TypeTable *types, Interner *strs, const char *source) {
  IrModule *m = ARENA_NEW(arena, IrModule);
  m->arena = arena;
  m->types = types;
  m->strs = strs;
  m->source = source ? intern_cstr(strs, source) : intern_cstr(strs, "<unknown>");
  return m;
}

IrFunc *ir_func_new(IrModule *m, const char *name, const Type **param_types,
                    const char **param_names, uint32_t nparams, const Type *ret_type) {
  IrFunc *fn = ARENA_NEW(m->arena, IrFunc);
  fn->name = intern_cstr(m->strs, name);
  fn->nparams = nparams;
  fn->param_names = ARENA_ARRAY(m->arena, const char *, nparams ? nparams : 1);
  for (uint32_t i = 0; i < nparams; i++) {
    fn->param_names[i] =
        param_names && param_names[i] ? intern_cstr(m->strs, param_names[i]) : NULL;
    vec_push(m->arena, &fn->value_types, param_types[i]);
  }
  fn->ret_type = ret_type ? ret_type : m->types->t_void;
  fn->body = ir_block_new(m);
  fn->loc.file = SRC_NONE;
  fn->index = m->funcs.len;
  vec_push(m->arena, &m->funcs, fn);
  uint32_t h = hash_str(fn->name);
  if (!hmap_get(&m->by_name, h, fn->name, hash_streq))  // a second one is the verifier's error
    hmap_put(m->arena, &m->by_name, h, fn->name, fn, hash_streq);
  return fn;
}

IrFunc *ir_module_find(const IrModule *m, const char *name) {
  return hmap_get(&m->by_name, hash_str(name), name, hash_streq);
}

IrBlock *ir_block_new(IrModule *m) { return ARENA_NEW(m->arena, IrBlock); }

IrValue ir_value_new(IrModule *m, IrFunc *fn, const Type *t) {
  vec_push(m->arena, &fn->value_types, t);
  return fn->value_types.len - 1;
}

const Type *ir_value_type(const IrFunc *fn, IrValue v) {
  return v < fn->value_types.len ? fn->value_types.data[v] : NULL;
}

// Locals: up to LOCALS_LINEAR are searched linearly (no table to allocate
// for the many small functions); beyond, through fn->local_index, which is
// in step when it holds every local. A hit is checked against the vector and
// a stale index (locals changed in place) falls back to the linear search.
enum { LOCALS_LINEAR = 8 };

static void index_local(IrModule *m, IrFunc *fn, uint32_t i) {
  const char *name = fn->locals.data[i].name;
  uint32_t h = hash_str(name);
  if (!hmap_get(&fn->local_index, h, name, hash_streq))  // a second one: the verifier's error
    hmap_put(m->arena, &fn->local_index, h, name, (void *)(uintptr_t)(i + 1), hash_streq);
}

void ir_locals_reindex(IrModule *m, IrFunc *fn) {
  fn->local_index = (HashMap){0};
  if (fn->locals.len > LOCALS_LINEAR)
    for (uint32_t i = 0; i < fn->locals.len; i++) index_local(m, fn, i);
}

const IrLocal *ir_local_find(const IrFunc *fn, const char *name) {
  uint32_t n = fn->locals.len;
  if (n > LOCALS_LINEAR && fn->local_index.count) {
    uintptr_t k = (uintptr_t)hmap_get(&fn->local_index, hash_str(name), name, hash_streq);
    if (k && k - 1 < n && strcmp(fn->locals.data[k - 1].name, name) == 0)
      return &fn->locals.data[k - 1];
    if (!k && fn->local_index.count == n) return NULL;  // in step: not declared
  }
  for (uint32_t i = 0; i < n; i++)
    if (strcmp(fn->locals.data[i].name, name) == 0) return &fn->locals.data[i];
  return NULL;
}

const char *ir_local(IrModule *m, IrFunc *fn, const char *name, const Type *t) {
  const IrLocal *l = ir_local_find(fn, name);
  if (l) return l->name;
  IrLocal nl = {intern_cstr(m->strs, name), t};
  vec_push(m->arena, &fn->locals, nl);
  if (fn->locals.len > LOCALS_LINEAR) {
    if (fn->local_index.count + 1 == fn->locals.len) index_local(m, fn, fn->locals.len - 1);
    else ir_locals_reindex(m, fn);  // the first time past LOCALS_LINEAR, or out of step
  }
  return nl.name;
}

IrInst *ir_emit(IrModule *m, IrFunc *fn, IrBlock *blk, IrOp op, const Type *type,
                const IrValue *args, uint32_t nargs, SrcLoc loc) {
  IrInst *in = ARENA_NEW(m->arena, IrInst);
  in->op = op;
  in->type = type ? type : m->types->t_void;
  in->result = IR_NOVALUE;
  if (op == IR_OP_FOR) {
    in->result = ir_value_new(m, fn, m->types->t_i64);
    in->type = m->types->t_void;
  } else if (in->type->kind != TY_VOID) {
    in->result = ir_value_new(m, fn, in->type);
  }
  if (nargs) {
    in->args = ARENA_ARRAY(m->arena, IrValue, nargs);
    memcpy(in->args, args, sizeof(IrValue) * nargs);
  }
  in->nargs = nargs;
  unsigned f = ir_op_info[op].flags;
  if (f & (IR_F_BLOCKS1 | IR_F_BLOCKS2)) in->body[0] = ir_block_new(m);
  if (f & IR_F_BLOCKS2) in->body[1] = ir_block_new(m);
  in->loc = loc;
  vec_push(m->arena, &blk->insts, in);
  return in;
}

IrValue ir_const_int(IrModule *m, IrFunc *fn, IrBlock *blk, const Type *t, int64_t v, SrcLoc loc) {
  IrInst *in = ir_emit(m, fn, blk, IR_OP_CONST, t, NULL, 0, loc);
  in->ival = v;
  return in->result;
}

IrValue ir_const_float(IrModule *m, IrFunc *fn, IrBlock *blk, const Type *t, double v, SrcLoc loc) {
  IrInst *in = ir_emit(m, fn, blk, IR_OP_CONST, t, NULL, 0, loc);
  in->fval = v;
  return in->result;
}

IrValue ir_binary(IrModule *m, IrFunc *fn, IrBlock *blk, IrOp op, const Type *t, IrValue a,
                  IrValue b, SrcLoc loc) {
  IrValue args[2] = {a, b};
  return ir_emit(m, fn, blk, op, t, args, 2, loc)->result;
}

IrValue ir_unary(IrModule *m, IrFunc *fn, IrBlock *blk, IrOp op, const Type *t, IrValue a,
                 SrcLoc loc) {
  return ir_emit(m, fn, blk, op, t, &a, 1, loc)->result;
}

bool ir_block_terminated(const IrBlock *blk) {
  return blk->insts.len && (ir_op_info[blk->insts.data[blk->insts.len - 1]->op].flags & IR_F_TERM);
}

void ir_set_linecol(IrInst *in, SrcManager *sm) { srcmgr_linecol(sm, in->loc, &in->line, &in->col); }

const IrInst *ir_def_of(const IrBlock *blk, IrValue v) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->result == v) return in;
    for (int k = 0; k < 2; k++) {
      const IrInst *d = in->body[k] ? ir_def_of(in->body[k], v) : NULL;
      if (d) return d;
    }
  }
  return NULL;
}
