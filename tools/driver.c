// driver.c - the compiler driver: the only place that chains the stages.
//   source (.py) -> fe_parse -> fe_check -> fe_lower -> passes -> cg_llvm_emit
//   -> cg_llvm_optimize -> dump text | object | executable (cc) | ORC JIT + run
// A ".tir" source enters at the TIR stage through ir_parse. The PycCompiler
// owns all state of one compilation; stages run on demand, in order, at most
// once, and a failed stage stops every later one. User errors are
// diagnostics in the DiagSink; failures of LLVM or the linker (internal
// errors, I/O) become diagnostics without a location. Each stage is timed.
#define _POSIX_C_SOURCE 200809L

#include "driver.h"

#include "driver_sig.h"
#include "../codegen/codegen.h"
#include "../frontend/frontend.h"
#include "../passes/passes.h"
#include "pyc/runtime.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

// How far a compilation has got; stages move it forward only.
typedef enum Progress {
  PR_NONE,       // no source yet
  PR_LOADED,     // source registered in the SrcManager
  PR_PARSED,     // AST (Python) ...
  PR_CHECKED,    // ... typed AST
  PR_LOWERED,    // TIR (lowered, or parsed from .tir)
  PR_PASSED,     // TIR after the passes
  PR_EMITTED,    // LLVM module
  PR_OPTIMIZED,  // LLVM module after the optimizer
  PR_JITTED,     // the LLVM module now belongs to the JIT
} Progress;

struct PycCompiler {
  PycOptions opts;  // copy; opts.passes/rt_lib_dir copied into the arena
  Arena arena;      // AST, TIR, types, strings, source text: everything
  SrcManager sm;
  DiagSink diags;
  TypeTable types;
  Interner strs;
  FeCtx fe;       // points at the fields above
  uint32_t file;  // id of the source in sm
  bool is_tir;    // the source is TIR text
  Progress progress;
  bool failed;          // a stage failed: every later stage returns false
  Module *ast;          // arena
  IrModule *ir;         // arena
  CgModule *cg;         // owned until handed to the JIT
  int units;            // codegen units asked of cg_llvm_emit (build_executable: several)
  int units_made;       // and how many the module got
  CgJit *jit;           // owned
  const Diag *printed;  // last diagnostic already printed
  bool truncation_printed;
  double ms[PYC_PHASE_COUNT];  // wall time of each phase
  bool ran[PYC_PHASE_COUNT];
  Vec(PycDropped) dropped;     // drop_failed_functions: the functions left out (arena)
  Vec(const char *) exclude;   // their names, handed to the checker (fe.opts.exclude)
};

static const char *const stage_names[PYC_STAGE_COUNT] = {
    "ast", "typed", "tir", "tir-opt", "taskgraph", "llvm", "llvm-opt", "asm",
};
static const char *const phase_names[PYC_PHASE_COUNT] = {
    "read",     "parse", "check",  "lower", "passes", "codegen",
    "llvm-opt", "jit",   "object", "link",  "run",
};

const char *pyc_stage_name(PycStage s) {
  return (unsigned)s < PYC_STAGE_COUNT ? stage_names[s] : "?";
}

bool pyc_stage_lookup(const char *name, PycStage *out) {
  for (int i = 0; i < PYC_STAGE_COUNT; i++)
    if (strcmp(name, stage_names[i]) == 0) {
      *out = (PycStage)i;
      return true;
    }
  return false;
}

void pyc_options_default(PycOptions *o) {
  memset(o, 0, sizeof *o);
  o->opt_level = 3;
}

// ---- lifetime -------------------------------------------------------------

PycCompiler *pyc_compiler_new(const PycOptions *opts) {
  PycCompiler *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  if (opts)
    c->opts = *opts;
  else
    pyc_options_default(&c->opts);
  if (c->opts.opt_level < 0) c->opts.opt_level = 0;
  if (c->opts.opt_level > 3) c->opts.opt_level = 3;
  arena_init(&c->arena);
  if (c->opts.passes) c->opts.passes = arena_strdup(&c->arena, c->opts.passes);
  if (c->opts.rt_lib_dir) c->opts.rt_lib_dir = arena_strdup(&c->arena, c->opts.rt_lib_dir);
  srcmgr_init(&c->sm, &c->arena);
  diag_init(&c->diags, &c->sm, &c->arena);
  types_init(&c->types, &c->arena);
  interner_init(&c->strs, &c->arena);
  c->fe.arena = &c->arena;
  c->fe.sm = &c->sm;
  c->fe.diags = &c->diags;
  c->fe.types = &c->types;
  c->fe.strs = &c->strs;
  c->fe.opts.boundscheck = c->opts.boundscheck;
  c->fe.opts.fastmath = c->opts.fastmath;
  c->file = SRC_NONE;
  return c;
}

void pyc_compiler_delete(PycCompiler *c) {
  if (!c) return;
  if (c->jit) cg_jit_dispose(c->jit);
  if (c->cg) cg_llvm_dispose(c->cg);
  interner_fini(&c->strs);
  arena_fini(&c->arena);
  free(c);
}

// ---- helpers --------------------------------------------------------------

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void phase_add(PycCompiler *c, PycPhase p, double t0) {
  c->ms[p] += now_ms() - t0;
  c->ran[p] = true;
}

// An error without a source location (I/O, LLVM, linker): "pyc-task: error: ...".
static bool fail(PycCompiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(PycCompiler *c, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  SrcLoc none = {SRC_NONE, 0, 0};
  diag_error(&c->diags, none, "%s", buf);
  c->failed = true;
  return false;
}

// Takes a malloc'd message from a codegen call (may be NULL) and reports it.
// Not through fail(): LLVM's messages (verifier output) can be long.
static bool fail_cg(PycCompiler *c, const char *what, char *err) {
  SrcLoc none = {SRC_NONE, 0, 0};
  diag_error(&c->diags, none, "%s: %s", what, err ? err : "unknown error");
  free(err);
  c->failed = true;
  return false;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

// ---- source ---------------------------------------------------------------

bool pyc_compiler_load_buffer(PycCompiler *c, const char *name, const char *text, size_t len) {
  if (c->progress != PR_NONE) return fail(c, "a compilation takes exactly one source");
  if (len >= UINT32_MAX) return fail(c, "'%s' is too large (%zu bytes)", name, len);
  c->file = srcmgr_add(&c->sm, name, text, (uint32_t)len);
  c->is_tir = ends_with(name, ".tir");
  c->progress = PR_LOADED;
  return true;
}

bool pyc_compiler_load_file(PycCompiler *c, const char *path) {
  double t0 = now_ms();
  FILE *f = fopen(path, "rb");
  if (!f) return fail(c, "cannot open '%s': %s", path, strerror(errno));
  Str s;
  str_init(&s);
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) str_putn(&s, buf, n);
  bool bad = ferror(f) != 0;
  int err = errno;
  fclose(f);
  bool ok;
  if (bad)
    ok = fail(c, "cannot read '%s': %s", path, strerror(err));
  else
    ok = pyc_compiler_load_buffer(c, path, s.data ? s.data : "", s.len);
  str_fini(&s);
  phase_add(c, PYC_PHASE_READ, t0);
  return ok;
}

bool pyc_compiler_is_tir(const PycCompiler *c) { return c->is_tir; }

// ---- stages ---------------------------------------------------------------

// Common prologue: false if the compile already failed or has no source;
// true with *done set when the stage already ran.
static bool stage_ready(PycCompiler *c, Progress target, bool *done) {
  *done = false;
  if (c->failed) return false;
  if (c->progress == PR_NONE) return fail(c, "no source given");
  if (c->progress >= target) *done = true;
  return true;
}

// Marks the end of a stage: failed if it returned false or left errors.
static bool stage_end(PycCompiler *c, bool ok, Progress reached) {
  if (!ok || diag_has_errors(&c->diags)) {
    c->failed = true;
    return false;
  }
  c->progress = reached;
  return true;
}

// TIR text -> IrModule, for .tir sources (skips the frontend).
static bool parse_tir(PycCompiler *c) {
  double t0 = now_ms();
  SrcFile *f = srcmgr_file(&c->sm, c->file);
  c->ir = ir_parse(&c->arena, &c->types, &c->strs, &c->diags, c->file, f->text, f->len);
  phase_add(c, PYC_PHASE_PARSE, t0);
  return stage_end(c, c->ir != NULL, PR_LOWERED);
}

bool pyc_compiler_parse(PycCompiler *c) {
  bool done;
  if (!stage_ready(c, PR_PARSED, &done)) return false;
  if (done) return true;
  if (c->is_tir) return parse_tir(c);
  double t0 = now_ms();
  c->ast = fe_parse(&c->fe, c->file);
  phase_add(c, PYC_PHASE_PARSE, t0);
  return stage_end(c, c->ast != NULL, PR_PARSED);
}

// ---- drop_failed_functions -------------------------------------------------

// The top-level def whose span (decorators included) holds loc, or NULL.
static FuncDef *owner_of(const Module *m, SrcLoc loc) {
  if (loc.file == SRC_NONE) return NULL;
  for (uint32_t i = 0; i < m->funcs.len; i++) {
    FuncDef *fn = m->funcs.data[i];
    if (!fn || !fn->name) continue;
    uint32_t start = fn->loc.start;
    for (uint32_t k = 0; k < fn->ndecorators; k++)
      if (fn->decorators[k] && fn->decorators[k]->loc.start < start)
        start = fn->decorators[k]->loc.start;
    if (loc.start >= start && loc.start < fn->loc.end) return fn;
  }
  return NULL;
}

// Records an error of fn: a new dropped entry, or more text for fn's entry.
static void record_drop(PycCompiler *c, const FuncDef *fn, const Diag *d) {
  Str s;
  str_init(&s);
  diag_render(&c->diags, d, &s);
  for (uint32_t i = 0; i < c->dropped.len; i++) {
    PycDropped *p = &c->dropped.data[i];
    if (strcmp(p->name, fn->name) != 0) continue;
    p->rendered = arena_printf(&c->arena, "%s%s", p->rendered, s.data ? s.data : "");
    str_fini(&s);
    return;
  }
  PycDropped p = {.name = fn->name, .message = d->msg};
  p.rendered = arena_strdup(&c->arena, s.data ? s.data : "");
  str_fini(&s);
  SrcFile *f = srcmgr_file(&c->sm, d->loc.file);
  srcmgr_linecol(&c->sm, d->loc, &p.line, &p.col);
  p.file = f ? f->name : "";
  p.text = "";
  if (f && p.line >= 1 && p.line <= f->nlines) {
    uint32_t a = f->line_starts[p.line - 1], b = a;
    while (b < f->len && f->text[b] != '\n' && f->text[b] != '\r') b++;
    char *t = arena_alloc(&c->arena, b - a + 1);
    memcpy(t, f->text + a, b - a);
    t[b - a] = 0;
    p.text = t;
  }
  vec_push(&c->arena, &c->dropped, p);
  vec_push(&c->arena, &c->exclude, fn->name);
}

// fe_check, dropping the compiled functions with errors: each round moves
// the errors of the failing functions to c->dropped, re-parses and checks
// again without them (their callers then fail and go in the next round).
static bool check_dropping(PycCompiler *c) {
  for (;;) {
    Diag *mark = c->diags.last;
    uint32_t nerr = c->diags.nerrors, nwarn = c->diags.nwarnings;
    if (fe_check(&c->fe, c->ast)) return true;
    uint32_t before = c->dropped.len;
    for (Diag *d = mark ? mark->next : c->diags.first; d; d = d->next) {
      if (d->level != DIAG_ERROR) continue;
      FuncDef *fn = owner_of(c->ast, d->loc);
      if (!fn || fn->fkind == FN_PLAIN) return false;  // not a compiled function's error
      record_drop(c, fn, d);
    }
    if (c->dropped.len == before) return false;
    // Forget this round's diagnostics and check a fresh AST.
    if (mark)
      mark->next = NULL;
    else
      c->diags.first = NULL;
    c->diags.last = mark;
    c->diags.nerrors = nerr;
    c->diags.nwarnings = nwarn;
    c->diags.truncated = false;
    c->fe.opts.exclude = c->exclude.data;
    c->fe.opts.nexclude = c->exclude.len;
    c->ast = fe_parse(&c->fe, c->file);
    if (!c->ast || diag_has_errors(&c->diags)) return false;
  }
}

size_t pyc_compiler_dropped_count(const PycCompiler *c) { return c->dropped.len; }

const PycDropped *pyc_compiler_dropped(const PycCompiler *c, size_t i) {
  return i < c->dropped.len ? &c->dropped.data[i] : NULL;
}

char *pyc_compiler_signatures(PycCompiler *c) {
  if (c->progress < PR_PASSED && !pyc_compiler_passes(c)) return NULL;
  if (!c->ir) return NULL;
  return drv_signatures(c->ir);
}

bool pyc_compiler_check(PycCompiler *c) {
  bool done;
  if (!stage_ready(c, PR_CHECKED, &done)) return false;
  if (c->is_tir) {
    // TIR input: "check" means parse + verify.
    if (!pyc_compiler_parse(c)) return false;
    double t0 = now_ms();
    bool ok = ir_verify(c->ir, &c->diags);
    phase_add(c, PYC_PHASE_CHECK, t0);
    return stage_end(c, ok, c->progress);
  }
  if (done) return true;
  if (!pyc_compiler_parse(c)) return false;
  double t0 = now_ms();
  bool ok = c->opts.drop_failed_functions ? check_dropping(c) : fe_check(&c->fe, c->ast);
  phase_add(c, PYC_PHASE_CHECK, t0);
  return stage_end(c, ok, PR_CHECKED);
}

bool pyc_compiler_lower(PycCompiler *c) {
  bool done;
  if (!stage_ready(c, PR_LOWERED, &done)) return false;
  if (done) return true;
  if (c->is_tir) return pyc_compiler_parse(c);
  if (!pyc_compiler_check(c)) return false;
  double t0 = now_ms();
  c->ir = fe_lower(&c->fe, c->ast);
  phase_add(c, PYC_PHASE_LOWER, t0);
  return stage_end(c, c->ir != NULL, PR_LOWERED);
}

bool pyc_compiler_passes(PycCompiler *c) {
  bool done;
  if (!stage_ready(c, PR_PASSED, &done)) return false;
  if (done) return true;
  if (!pyc_compiler_lower(c)) return false;
  double t0 = now_ms();
  PassCtx cx = {.m = c->ir, .diags = &c->diags, .verify_each = c->opts.verify_each};
  bool ok = c->opts.passes ? pass_run_list(&cx, c->opts.passes) : pass_run_default(&cx);
  phase_add(c, PYC_PHASE_PASSES, t0);
  if (!ok && !diag_has_errors(&c->diags))
    return fail(c, "the TIR passes failed ('%s')", c->opts.passes ? c->opts.passes : "default");
  return stage_end(c, ok, PR_PASSED);
}

bool pyc_compiler_codegen(PycCompiler *c) {
  bool done;
  if (!stage_ready(c, PR_EMITTED, &done)) return false;
  if (done) return true;
  if (!pyc_compiler_passes(c)) return false;
  double t0 = now_ms();
  // Codegen takes verified TIR: the default pipeline ends with the verifier,
  // a custom --passes list may not.
  if (c->opts.passes && !ir_verify(c->ir, &c->diags)) {
    phase_add(c, PYC_PHASE_PASSES, t0);
    return stage_end(c, false, PR_PASSED);
  }
  t0 = now_ms();
  CgOptions co = {.opt_level = c->opts.opt_level, .fastmath = c->opts.fastmath,
                  .units = c->units, .units_by_size = c->opts.codegen_units == 0};
  char *err = NULL;
  c->cg = cg_llvm_emit(c->ir, &co, &err);
  phase_add(c, PYC_PHASE_CODEGEN, t0);
  if (!c->cg) return fail_cg(c, "internal error in LLVM code generation", err);
  c->units_made = cg_llvm_unit_count(c->cg);
  free(err);
  return stage_end(c, true, PR_EMITTED);
}

bool pyc_compiler_optimize(PycCompiler *c) {
  bool done;
  if (!stage_ready(c, PR_OPTIMIZED, &done)) return false;
  if (done) return true;
  if (!pyc_compiler_codegen(c)) return false;
  double t0 = now_ms();
  char *err = NULL;
  bool ok = cg_llvm_optimize(c->cg, &err);
  phase_add(c, PYC_PHASE_LLVM_OPT, t0);
  if (!ok) return fail_cg(c, "internal error in the LLVM optimizer", err);
  free(err);
  return stage_end(c, true, PR_OPTIMIZED);
}

// ---- dumps ----------------------------------------------------------------

// The progress a stage's dump is taken at (the compilation must be exactly there).
static const Progress stage_progress[PYC_STAGE_COUNT] = {
    PR_PARSED, PR_CHECKED, PR_LOWERED, PR_PASSED, PR_PASSED, PR_EMITTED, PR_OPTIMIZED, PR_OPTIMIZED,
};

char *pyc_compiler_dump(PycCompiler *c, PycStage stage) {
  if ((unsigned)stage >= PYC_STAGE_COUNT) {
    fail(c, "unknown stage %d", (int)stage);
    return NULL;
  }
  if (c->failed) return NULL;
  if (c->is_tir && stage <= PYC_STAGE_TYPED) {
    fail(c, "stage '%s' needs Python source; a .tir file starts at stage 'tir'",
         stage_names[stage]);
    return NULL;
  }
  Progress want = stage_progress[stage];
  if (c->progress > want && !(c->is_tir && want < PR_LOWERED)) {
    fail(c, "stage '%s' is no longer available: the compilation has gone past it",
         stage_names[stage]);
    return NULL;
  }
  // LLVM dumps show the codegen units only when asked for explicitly.
  if (c->progress < PR_EMITTED && c->opts.codegen_units > 1) c->units = c->opts.codegen_units;
  Str s;
  str_init(&s);
  char *err = NULL;
  switch (stage) {
  case PYC_STAGE_AST:
  case PYC_STAGE_TYPED:
    if (!(stage == PYC_STAGE_AST ? pyc_compiler_parse(c) : pyc_compiler_check(c))) break;
    ast_dump_module(c->ast, &c->sm, stage == PYC_STAGE_TYPED, &s);
    return str_take(&s);
  case PYC_STAGE_TIR:
  case PYC_STAGE_TIR_OPT:
    if (!(stage == PYC_STAGE_TIR ? pyc_compiler_lower(c) : pyc_compiler_passes(c))) break;
    ir_print_module(c->ir, &s);
    return str_take(&s);
  case PYC_STAGE_TASKGRAPH:
    if (!pyc_compiler_passes(c)) break;
    pass_taskgraph_dot(c->ir, &s);
    return str_take(&s);
  case PYC_STAGE_LLVM:
    if (!pyc_compiler_codegen(c)) break;
    str_fini(&s);
    return cg_llvm_ir_text(c->cg);
  case PYC_STAGE_LLVM_OPT:
    if (!pyc_compiler_optimize(c)) break;
    str_fini(&s);
    return cg_llvm_ir_text(c->cg);
  case PYC_STAGE_ASM: {
    if (!pyc_compiler_optimize(c)) break;
    str_fini(&s);
    double t0 = now_ms();
    char *text = cg_llvm_asm_text(c->cg, &err);
    phase_add(c, PYC_PHASE_OBJECT, t0);
    if (!text)
      fail_cg(c, "internal error emitting assembly", err);
    else
      free(err);
    return text;
  }
  case PYC_STAGE_COUNT: break;
  }
  str_fini(&s);
  return NULL;
}

// ---- outputs --------------------------------------------------------------

bool pyc_compiler_write_object(PycCompiler *c, const char *path) {
  if (!pyc_compiler_optimize(c)) return false;
  if (c->progress == PR_JITTED) return fail(c, "the module was already handed to the JIT");
  double t0 = now_ms();
  char *err = NULL;
  bool ok = cg_llvm_write_object(c->cg, path, &err);
  phase_add(c, PYC_PHASE_OBJECT, t0);
  if (!ok) return fail_cg(c, "cannot write the object file", err);
  free(err);
  return true;
}

// The runtime library directory: option, then $PYC_TASK_RT_LIB_DIR, then the
// build tree's lib dir (compile definition from CMake).
static const char *rt_lib_dir(const PycCompiler *c) {
  if (c->opts.rt_lib_dir && *c->opts.rt_lib_dir) return c->opts.rt_lib_dir;
  const char *env = getenv("PYC_TASK_RT_LIB_DIR");
  if (env && *env) return env;
#ifdef PYC_RT_LIB_DIR
  return PYC_RT_LIB_DIR;
#else
  return NULL;
#endif
}

// Whether codegen gives the module a `pyc_user_main` entry (codegen/llvm/
// emit.c: the top-level task, else a function named main; no parameters).
static bool has_user_main(const PycCompiler *c) {
  const IrFunc *m = NULL;
  for (uint32_t i = 0; c->ir && i < c->ir->funcs.len; i++)
    if (c->ir->funcs.data[i]->flags & IR_FN_TOP_LEVEL) m = c->ir->funcs.data[i];
  for (uint32_t i = 0; c->ir && !m && i < c->ir->funcs.len; i++)
    if (strcmp(c->ir->funcs.data[i]->name, "main") == 0) m = c->ir->funcs.data[i];
  return m && m->nparams == 0;
}

// Codegen units for an executable: the option, else one per online CPU.
static int build_units(const PycCompiler *c) {
  if (c->opts.codegen_units > 0) return c->opts.codegen_units;
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

bool pyc_compiler_build_executable(PycCompiler *c, const char *out_path) {
  if (c->progress < PR_EMITTED) c->units = build_units(c);
  if (!pyc_compiler_optimize(c)) return false;
  // An executable needs main(): say so, rather than the linker's undefined symbol.
  if (!has_user_main(c))
    return fail(c, "the program has no main(): define `@task(top_level=True) def main():`");
  const char *libdir = rt_lib_dir(c);
  if (!libdir)
    return fail(c, "no runtime library directory: set PYC_TASK_RT_LIB_DIR to the directory "
                   "holding libpyctask_rt.a and libpyctask_main.a");
  const char *tmpbase = getenv("TMPDIR");
  if (!tmpbase || !*tmpbase) tmpbase = "/tmp";
  char *dir = arena_printf(&c->arena, "%s/pyc-task-XXXXXX", tmpbase);
  if (!mkdtemp(dir))
    return fail(c, "cannot create a temporary directory in '%s': %s", tmpbase, strerror(errno));
  int nobj = cg_llvm_unit_count(c->cg);
  const char **objs = arena_alloc(&c->arena, sizeof(char *) * (size_t)nobj);
  for (int i = 0; i < nobj; i++) objs[i] = arena_printf(&c->arena, "%s/unit%d.o", dir, i);
  double t0 = now_ms();
  char *err = NULL;
  bool ok = cg_llvm_write_objects(c->cg, objs, &err);
  phase_add(c, PYC_PHASE_OBJECT, t0);
  if (!ok) {
    fail_cg(c, "cannot write the object files", err);
  } else {
    free(err);
    err = NULL;
    t0 = now_ms();
    ok = cg_link_executable(objs, nobj, out_path, libdir, &err);
    phase_add(c, PYC_PHASE_LINK, t0);
    if (!ok)
      fail_cg(c, arena_printf(&c->arena, "cannot build '%s'", out_path), err);
    else
      free(err);
  }
  for (int i = 0; i < nobj; i++) unlink(objs[i]);
  rmdir(dir);
  return ok;
}

void *pyc_compiler_lookup(PycCompiler *c, const char *symbol) {
  if (c->progress != PR_JITTED) {
    if (!pyc_compiler_optimize(c)) return NULL;
    double t0 = now_ms();
    char *err = NULL;
    c->jit = cg_jit_new(&err);
    if (!c->jit) {
      phase_add(c, PYC_PHASE_JIT, t0);
      fail_cg(c, "cannot create the JIT", err);
      return NULL;
    }
    free(err);
    err = NULL;
    CgModule *cm = c->cg;
    c->cg = NULL;  // consumed by cg_jit_add, even on failure
    c->progress = PR_JITTED;
    if (!cg_jit_add(c->jit, cm, &err)) {
      phase_add(c, PYC_PHASE_JIT, t0);
      fail_cg(c, "cannot add the module to the JIT", err);
      return NULL;
    }
    free(err);
    phase_add(c, PYC_PHASE_JIT, t0);
  }
  if (c->failed) return NULL;
  double t0 = now_ms();
  char *err = NULL;
  void *addr = cg_jit_lookup(c->jit, symbol, &err);
  phase_add(c, PYC_PHASE_JIT, t0);
  if (!addr) {
    // A missing symbol is not fatal for the compilation: others may exist.
    SrcLoc none = {SRC_NONE, 0, 0};
    diag_error(&c->diags, none, "symbol '%s' not found in the compiled module%s%s", symbol,
               err ? ": " : "", err ? err : "");
    free(err);
    return NULL;
  }
  free(err);
  return addr;
}

int pyc_compiler_run_main(PycCompiler *c, int argc, char **argv) {
  if (pyc_compiler_lower(c) && !has_user_main(c)) {
    fail(c, "the program has no main(): define `@task(top_level=True) def main():`");
    return -1;
  }
  void *addr = pyc_compiler_lookup(c, "pyc_user_main");
  if (!addr) {
    if (!c->failed)
      fail(c, "the program has no main(): define `@task(top_level=True) def main():`");
    return -1;
  }
  void (*entry)(void);
  // ISO C forbids object <-> function pointer casts; POSIX guarantees they work (dlsym).
  memcpy(&entry, &addr, sizeof entry);
  pyc_set_args(argc, argv);
  fflush(stdout);
  double t0 = now_ms();
  int rc = pyc_run_main(entry);
  phase_add(c, PYC_PHASE_RUN, t0);
  return rc;
}

// ---- object code and the disk cache -----------------------------------------

void *pyc_compiler_object_bytes(PycCompiler *c, size_t *size) {
  *size = 0;
  if (!pyc_compiler_optimize(c)) return NULL;
  if (c->progress == PR_JITTED) {
    fail(c, "the module was already handed to the JIT");
    return NULL;
  }
  double t0 = now_ms();
  char *err = NULL;
  void *bytes = cg_llvm_object_bytes(c->cg, size, &err);
  phase_add(c, PYC_PHASE_OBJECT, t0);
  if (!bytes) {
    fail_cg(c, "cannot emit the object file", err);
    return NULL;
  }
  free(err);
  return bytes;
}

bool pyc_compiler_jit_object(PycCompiler *c, const void *bytes, size_t size) {
  if (c->failed) return false;
  if (c->jit || c->progress == PR_JITTED) return fail(c, "the compilation already has JIT code");
  double t0 = now_ms();
  char *err = NULL;
  c->jit = cg_jit_new(&err);
  if (!c->jit) {
    phase_add(c, PYC_PHASE_JIT, t0);
    return fail_cg(c, "cannot create the JIT", err);
  }
  free(err);
  err = NULL;
  if (c->cg) {  // the LLVM module is not needed any more: the object is the code
    cg_llvm_dispose(c->cg);
    c->cg = NULL;
  }
  c->progress = PR_JITTED;
  bool ok = cg_jit_add_object(c->jit, bytes, size, &err);
  phase_add(c, PYC_PHASE_JIT, t0);
  if (!ok) return fail_cg(c, "cannot load the object file", err);
  free(err);
  return true;
}

const char *pyc_compiler_source(const PycCompiler *c, size_t *len, const char **name) {
  if (c->file == SRC_NONE) return NULL;
  SrcFile *f = srcmgr_file((SrcManager *)&c->sm, c->file);
  if (!f) return NULL;
  if (len) *len = f->len;
  if (name) *name = f->name;
  return f->text;
}

const PycOptions *pyc_compiler_options(const PycCompiler *c) { return &c->opts; }

// ---- diagnostics and statistics --------------------------------------------

DiagSink *pyc_compiler_diags(PycCompiler *c) { return &c->diags; }

bool pyc_compiler_failed(const PycCompiler *c) { return c->failed; }

void pyc_compiler_print_diags(PycCompiler *c, FILE *f) {
  Str s;
  str_init(&s);
  const Diag *d = c->printed ? c->printed->next : c->diags.first;
  for (; d; d = d->next) {
    diag_render(&c->diags, d, &s);
    c->printed = d;
  }
  if (c->diags.truncated && !c->truncation_printed) {
    str_printf(&s, "pyc-task: note: too many errors (%u), stopped after %u\n", c->diags.nerrors,
               DIAG_MAX_ERRORS);
    c->truncation_printed = true;
  }
  if (s.data) fputs(s.data, f);
  fflush(f);
  str_fini(&s);
}

double pyc_compiler_phase_ms(const PycCompiler *c, PycPhase p) {
  return (unsigned)p < PYC_PHASE_COUNT ? c->ms[p] : 0.0;
}

void pyc_compiler_print_times(const PycCompiler *c, FILE *f) {
  double compile = 0;
  for (int p = 0; p < PYC_PHASE_COUNT; p++) {
    if (!c->ran[p]) continue;
    bool units = c->units_made > 1 && (p == PYC_PHASE_LLVM_OPT || p == PYC_PHASE_OBJECT);
    fprintf(f, "time: %s %.3f ms", phase_names[p], c->ms[p]);
    if (units) fprintf(f, " (%d codegen units in parallel)", c->units_made);
    fputc('\n', f);
    if (p != PYC_PHASE_LINK && p != PYC_PHASE_RUN) compile += c->ms[p];
  }
  fprintf(f, "time: compile %.3f ms\n", compile);
}
