// pipeline.c - the only place that knows the passes and their order. A
// static table maps names (as given to --passes=) to pass functions; the
// default pipeline is "verify,constfold,dce,parloop,verify". "verify" runs the
// module verifier (which also computes IR_FN_MAYRAISE); with
// cx->verify_each the verifier also runs after every other pass.
#include "passes.h"

#include <stdio.h>

static void pass_verify(IrFunc *fn, PassCtx *cx) { ir_verify_func(cx->m, fn, cx->diags); }

static const PassInfo pass_table[] = {
    {"verify", pass_verify},
    {"constfold", pass_constfold},
    {"dce", pass_dce},
    {"parloop", pass_parloop},
    {"privilege", pass_privilege},
    {"taskgraph", pass_taskgraph},
};

#define DEFAULT_PIPELINE "verify,privilege,constfold,dce,parloop,taskgraph,verify"
#define MAX_PASS_NAME 64

const PassInfo *pass_find(const char *name) {
  for (size_t i = 0; i < sizeof pass_table / sizeof *pass_table; i++)
    if (strcmp(pass_table[i].name, name) == 0) return &pass_table[i];
  return NULL;
}

static const SrcLoc no_loc = {SRC_NONE, 0, 0};

static bool run_one(PassCtx *cx, const PassInfo *p) {
  uint32_t before = cx->diags->nerrors;
  if (p->fn == pass_verify) {
    ir_verify(cx->m, cx->diags);
  } else {
    for (uint32_t i = 0; i < cx->m->funcs.len; i++) p->fn(cx->m->funcs.data[i], cx);
    if (cx->verify_each && cx->diags->nerrors == before) {
      if (!ir_verify(cx->m, cx->diags))
        diag_error(cx->diags, no_loc, "TIR verifier failed after pass '%s'",
                   p->name);
    }
  }
  return cx->diags->nerrors == before;
}

bool pass_run_list(PassCtx *cx, const char *names) {
  const char *s = names ? names : "";
  while (*s) {
    while (*s == ',' || *s == ' ') s++;
    if (!*s) break;
    const char *e = s;
    while (*e && *e != ',' && *e != ' ') e++;
    char buf[MAX_PASS_NAME];
    size_t n = (size_t)(e - s) < sizeof buf - 1 ? (size_t)(e - s) : sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
    const PassInfo *p = pass_find(buf);
    if (!p) {
      diag_error(cx->diags, no_loc,
                 "unknown pass '%s' (known: verify, constfold, dce, parloop, privilege, taskgraph)", buf);
      return false;
    }
    if (!run_one(cx, p)) return false;
    s = e;
  }
  return true;
}

bool pass_run_default(PassCtx *cx) { return pass_run_list(cx, DEFAULT_PIPELINE); }
