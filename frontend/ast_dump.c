// ast_dump.c - text dump of the AST (`--stage=ast`) and of the typed AST
// (`--stage=typed`, typed == true), plus the operator spelling tables.
//
// Format: one line per module item / definition part / statement, indented by
// two spaces per level; expressions are one-line S-expressions; `@line:col`
// (1-based, columns in code points) ends every line that has a location.
//   module "x.py"
//     import numpy as np @1:1              (ImportItem: import MODULE as ASNAME)
//     from pyc_task import float64 as f @2:1  (from MODULE import NAME as ASNAME)
//     def saxpy @4:5 [async] [varargs]     (typed: [kernel|task|plain flags...] -> RET)
//       decorator (attr (name pt) kernel)
//       param a: (name float64) = DEFAULT @4:11   (typed: ... : TYPE @4:11)
//       returns (name float64)
//       local s : f64 @5:5                 (typed only: FuncDef.locals)
//       body
//         for @5:5  / target X / iter X / body / else
//         if @ / cond X / then / else      while @ / cond X / body / else
//         assign @ / target X (one per target) / value X
//         augassign + @ / target X / value X    annassign @ / target / annot / value
//         expr X @   return [X] @   raise [X] @   assert @ / test X / msg X
//         break @  continue @  pass @  import-stmt @  unsupported "what" @
//     class Cell @7:7 / decorator X / field u: X @ / other / STMT...  (typed: : TYPE)
//     toplevel / STMT...
// Expressions: (int 42) (int overflow) (float 1.5) (float 2.0) (float 1e+10) (bool True) (None) (str "a\n")
//   (fstr "lit" (field X !r ":>8.3f")) (name x) (attr X name) (subscript X I...)
//   (slice LO HI STEP) with _ for absent parts, (call F ARG... (kw name X))
//   (binop + L R) (unary - X) (and A B...) (or A B...) (compare A < B <= C)
//   (ifexp COND THEN ELSE) (tuple ...) (list ...) (dict (K V)...) (unsupported "what")
// Typed mode adds, before an expression's closing paren: the symbol kind of a
// name (local param func module builtin type struct exception const), the call
// kind (func:NAME builtin:NAME cast struct exception:N), the attribute kind
// (shape field#I module), the subscript kind (element tuple#I type), `opty=T`
// of binops/augassign, `optys=T,T` of comparisons, then ` : TYPE` (IR spelling)
// for every expression whose `ty` is set.
#include "ast.h"

#include <stdio.h>
#include <stdlib.h>

const char *const binop_text[BIN_COUNT] = {"+", "-", "*", "/", "//", "%", "**",
                                           "<<", ">>", "|", "^", "&", "@"};
const char *const unop_text[UN_COUNT] = {"-", "+", "not", "~"};
const char *const cmpop_text[CMP_COUNT] = {"<", "<=", ">", ">=", "==", "!=",
                                           "is", "is not", "in", "not in"};

static const char *const sym_kind_text[SYM_KIND_COUNT] = {
    "local", "param", "func", "module", "builtin", "type", "struct", "exception", "const"};

#define DUMP_MAX_DEPTH 1000

typedef struct Dumper {
  SrcManager *sm;
  bool typed;
  Str *out;
  uint32_t depth;
} Dumper;

static void indent(Dumper *d, int level) {
  for (int i = 0; i < level; i++) str_puts(d->out, "  ");
}

static void put_loc(Dumper *d, SrcLoc loc) {
  if (loc.file == SRC_NONE || !d->sm || loc.file >= d->sm->files.len) return;
  uint32_t line, col;
  srcmgr_linecol(d->sm, loc, &line, &col);
  str_printf(d->out, " @%u:%u", line, col);
}

static void put_quoted(Dumper *d, const char *s, uint32_t n) {
  str_putc(d->out, '"');
  for (uint32_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"': str_puts(d->out, "\\\""); break;
    case '\\': str_puts(d->out, "\\\\"); break;
    case '\n': str_puts(d->out, "\\n"); break;
    case '\t': str_puts(d->out, "\\t"); break;
    case '\r': str_puts(d->out, "\\r"); break;
    default:
      if (c < 0x20 || c == 0x7f) str_printf(d->out, "\\x%02x", c);
      else str_putc(d->out, (char)c);   // UTF-8 passes through
    }
  }
  str_putc(d->out, '"');
}

static void put_type(Dumper *d, const Type *t) {
  if (t) type_print(t, d->out);
  else str_puts(d->out, "?");
}

// Shortest %g spelling that reads back to the same double.
static void put_double(Dumper *d, double v) {
  char buf[40];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (strtod(buf, NULL) == v) break;
  }
  str_puts(d->out, buf);
  if (!strpbrk(buf, ".eni")) str_puts(d->out, ".0");   // 2.0, not 2: floats never look like ints
}

static void expr(Dumper *d, const Expr *e);

static void expr_list(Dumper *d, Expr *const *xs, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    str_putc(d->out, ' ');
    expr(d, xs[i]);
  }
}

static void opt_expr(Dumper *d, const Expr *e) {
  str_putc(d->out, ' ');
  if (e) expr(d, e);
  else str_putc(d->out, '_');
}

static void fstring(Dumper *d, const Expr *e) {
  str_puts(d->out, "(fstr");
  for (uint32_t i = 0; i < e->fstr.n; i++) {
    const FStrPart *p = &e->fstr.parts[i];
    str_putc(d->out, ' ');
    if (!p->is_expr) {
      put_quoted(d, p->text, p->len);
      continue;
    }
    str_puts(d->out, "(field ");
    if (p->expr) expr(d, p->expr);
    if (p->conversion) str_printf(d->out, " !%c", p->conversion);
    if (p->spec) {
      str_puts(d->out, " :");
      put_quoted(d, p->spec, (uint32_t)strlen(p->spec));
    }
    str_putc(d->out, ')');
  }
}

static void typed_suffix(Dumper *d, const Expr *e) {
  switch (e->kind) {
  case EX_NAME:
    if (e->name.sym && e->name.sym->kind < SYM_KIND_COUNT)
      str_printf(d->out, " %s", sym_kind_text[e->name.sym->kind]);
    break;
  case EX_CALL:
    switch (e->call.ckind) {
    case CALL_FUNC: str_printf(d->out, " func:%s", e->call.callee_name ? e->call.callee_name : "?"); break;
    case CALL_BUILTIN: str_printf(d->out, " builtin:%s", e->call.callee_name ? e->call.callee_name : "?"); break;
    case CALL_CAST: str_puts(d->out, " cast"); break;
    case CALL_STRUCT: str_puts(d->out, " struct"); break;
    case CALL_EXCEPTION: str_printf(d->out, " exception:%d", e->call.exc_kind); break;
    default: break;
    }
    break;
  case EX_ATTR:
    if (e->attr.akind == ATTR_SHAPE) str_puts(d->out, " shape");
    else if (e->attr.akind == ATTR_FIELD) str_printf(d->out, " field#%u", e->attr.field);
    else if (e->attr.akind == ATTR_MODULE) str_puts(d->out, " module");
    break;
  case EX_SUBSCRIPT:
    if (e->sub.skind == SUB_ELEMENT) str_puts(d->out, " element");
    else if (e->sub.skind == SUB_TUPLE) str_printf(d->out, " tuple#%u", e->sub.tuple_index);
    else if (e->sub.skind == SUB_TYPE) str_puts(d->out, " type");
    break;
  case EX_BINOP:
    if (e->bin.opty) {
      str_puts(d->out, " opty=");
      put_type(d, e->bin.opty);
    }
    break;
  case EX_COMPARE:
    if (e->cmp.optys) {
      str_puts(d->out, " optys=");
      for (uint32_t i = 0; i < e->cmp.n; i++) {
        if (i) str_putc(d->out, ',');
        put_type(d, e->cmp.optys[i]);
      }
    }
    break;
  default:
    break;
  }
  if (e->ty) {
    str_puts(d->out, " : ");
    put_type(d, e->ty);
  }
}

static void expr_body(Dumper *d, const Expr *e) {
  switch (e->kind) {
  case EX_INT:
    if (e->int_overflow) str_puts(d->out, "(int overflow");
    else str_printf(d->out, "(int %llu", (unsigned long long)e->ival);
    break;
  case EX_FLOAT:
    str_puts(d->out, "(float ");
    put_double(d, e->fval);
    break;
  case EX_BOOL: str_puts(d->out, e->bval ? "(bool True" : "(bool False"); break;
  case EX_NONE: str_puts(d->out, "(None"); break;
  case EX_STR:
    str_puts(d->out, "(str ");
    put_quoted(d, e->str.s, e->str.len);
    break;
  case EX_FSTRING: fstring(d, e); break;
  case EX_NAME: str_printf(d->out, "(name %s", e->name.id); break;
  case EX_ATTR:
    str_puts(d->out, "(attr ");
    expr(d, e->attr.value);
    str_printf(d->out, " %s", e->attr.attr);
    break;
  case EX_SUBSCRIPT:
    str_puts(d->out, "(subscript ");
    expr(d, e->sub.value);
    expr_list(d, e->sub.index, e->sub.n);
    break;
  case EX_SLICE:
    str_puts(d->out, "(slice");
    opt_expr(d, e->slice.lo);
    opt_expr(d, e->slice.hi);
    opt_expr(d, e->slice.step);
    break;
  case EX_CALL:
    str_puts(d->out, "(call ");
    expr(d, e->call.func);
    expr_list(d, e->call.args, e->call.nargs);
    for (uint32_t i = 0; i < e->call.nkw; i++) {
      str_printf(d->out, " (kw %s ", e->call.kw[i].name);
      expr(d, e->call.kw[i].value);
      str_putc(d->out, ')');
    }
    break;
  case EX_BINOP:
    str_printf(d->out, "(binop %s ", e->bin.op < BIN_COUNT ? binop_text[e->bin.op] : "?");
    expr(d, e->bin.l);
    str_putc(d->out, ' ');
    expr(d, e->bin.r);
    break;
  case EX_UNARY:
    str_printf(d->out, "(unary %s ", e->un.op < UN_COUNT ? unop_text[e->un.op] : "?");
    expr(d, e->un.x);
    break;
  case EX_BOOLOP:
    str_puts(d->out, e->boolop.is_and ? "(and" : "(or");
    expr_list(d, e->boolop.xs, e->boolop.n);
    break;
  case EX_COMPARE:
    str_puts(d->out, "(compare ");
    expr(d, e->cmp.first);
    for (uint32_t i = 0; i < e->cmp.n; i++) {
      str_printf(d->out, " %s ", e->cmp.ops[i] < CMP_COUNT ? cmpop_text[e->cmp.ops[i]] : "?");
      expr(d, e->cmp.rest[i]);
    }
    break;
  case EX_IFEXP:
    str_puts(d->out, "(ifexp ");
    expr(d, e->ifexp.cond);
    str_putc(d->out, ' ');
    expr(d, e->ifexp.then);
    str_putc(d->out, ' ');
    expr(d, e->ifexp.els);
    break;
  case EX_TUPLE:
  case EX_LIST:
    str_puts(d->out, e->kind == EX_TUPLE ? "(tuple" : "(list");
    expr_list(d, e->seq.xs, e->seq.n);
    break;
  case EX_DICT:
    str_puts(d->out, "(dict");
    for (uint32_t i = 0; i < e->dict.n; i++) {
      str_puts(d->out, " (");
      expr(d, e->dict.keys[i]);
      str_putc(d->out, ' ');
      expr(d, e->dict.values[i]);
      str_putc(d->out, ')');
    }
    break;
  case EX_UNSUPPORTED:
    str_puts(d->out, "(unsupported ");
    put_quoted(d, e->unsupported ? e->unsupported : "?",
               (uint32_t)strlen(e->unsupported ? e->unsupported : "?"));
    break;
  default:
    str_printf(d->out, "(kind%d", (int)e->kind);
    break;
  }
}

static void expr(Dumper *d, const Expr *e) {
  if (!e) {
    str_puts(d->out, "(null)");
    return;
  }
  if (d->depth >= DUMP_MAX_DEPTH) {
    str_puts(d->out, "(...)");
    return;
  }
  d->depth++;
  expr_body(d, e);
  if (d->typed) typed_suffix(d, e);
  str_putc(d->out, ')');
  d->depth--;
}

// ---- statements ----------------------------------------------------------------------
static void func(Dumper *d, const FuncDef *fn, int level);
static void stmt(Dumper *d, const Stmt *s, int level);

static void block(Dumper *d, const char *label, const Block *b, int level) {
  indent(d, level);
  str_printf(d->out, "%s\n", label);
  for (uint32_t i = 0; i < b->n; i++) stmt(d, b->stmts[i], level + 1);
}

static void line_expr(Dumper *d, const char *label, const Expr *e, int level) {
  indent(d, level);
  str_printf(d->out, "%s ", label);
  expr(d, e);
  str_putc(d->out, '\n');
}

static void head(Dumper *d, const char *label, SrcLoc loc, int level) {
  indent(d, level);
  str_puts(d->out, label);
  put_loc(d, loc);
  str_putc(d->out, '\n');
}

static void stmt(Dumper *d, const Stmt *s, int level) {
  if (d->depth >= DUMP_MAX_DEPTH) return;
  d->depth++;
  switch (s->kind) {
  case ST_EXPR:
  case ST_RETURN:
  case ST_RAISE: {
    const Expr *x = s->kind == ST_EXPR ? s->expr : s->kind == ST_RETURN ? s->ret.value : s->raise.exc;
    indent(d, level);
    str_puts(d->out, s->kind == ST_EXPR ? "expr" : s->kind == ST_RETURN ? "return" : "raise");
    if (x) {
      str_putc(d->out, ' ');
      expr(d, x);
    }
    put_loc(d, s->loc);
    str_putc(d->out, '\n');
    break;
  }
  case ST_ASSIGN:
    head(d, "assign", s->loc, level);
    for (uint32_t i = 0; i < s->assign.ntargets; i++) line_expr(d, "target", s->assign.targets[i], level + 1);
    line_expr(d, "value", s->assign.value, level + 1);
    break;
  case ST_AUGASSIGN:
    indent(d, level);
    str_printf(d->out, "augassign %s", s->aug.op < BIN_COUNT ? binop_text[s->aug.op] : "?");
    if (d->typed && s->aug.opty) {
      str_puts(d->out, " opty=");
      put_type(d, s->aug.opty);
    }
    put_loc(d, s->loc);
    str_putc(d->out, '\n');
    line_expr(d, "target", s->aug.target, level + 1);
    line_expr(d, "value", s->aug.value, level + 1);
    break;
  case ST_ANNASSIGN:
    head(d, "annassign", s->loc, level);
    line_expr(d, "target", s->ann.target, level + 1);
    line_expr(d, "annot", s->ann.annot, level + 1);
    if (s->ann.value) line_expr(d, "value", s->ann.value, level + 1);
    break;
  case ST_IF:
    head(d, "if", s->loc, level);
    line_expr(d, "cond", s->if_.cond, level + 1);
    block(d, "then", &s->if_.then, level + 1);
    if (s->if_.els.n) block(d, "else", &s->if_.els, level + 1);
    break;
  case ST_WHILE:
    head(d, "while", s->loc, level);
    line_expr(d, "cond", s->while_.cond, level + 1);
    block(d, "body", &s->while_.body, level + 1);
    if (s->while_.orelse.n) block(d, "else", &s->while_.orelse, level + 1);
    break;
  case ST_FOR:
    head(d, "for", s->loc, level);
    line_expr(d, "target", s->for_.target, level + 1);
    line_expr(d, "iter", s->for_.iter, level + 1);
    block(d, "body", &s->for_.body, level + 1);
    if (s->for_.orelse.n) block(d, "else", &s->for_.orelse, level + 1);
    break;
  case ST_BREAK: head(d, "break", s->loc, level); break;
  case ST_CONTINUE: head(d, "continue", s->loc, level); break;
  case ST_PASS: head(d, "pass", s->loc, level); break;
  case ST_ASSERT:
    head(d, "assert", s->loc, level);
    line_expr(d, "test", s->assert_.test, level + 1);
    if (s->assert_.msg) line_expr(d, "msg", s->assert_.msg, level + 1);
    break;
  case ST_FUNCDEF:
    if (s->funcdef) func(d, s->funcdef, level);
    break;
  case ST_IMPORT: head(d, "import-stmt", s->loc, level); break;
  case ST_UNSUPPORTED:
    indent(d, level);
    str_puts(d->out, "unsupported ");
    put_quoted(d, s->unsupported ? s->unsupported : "?",
               (uint32_t)strlen(s->unsupported ? s->unsupported : "?"));
    put_loc(d, s->loc);
    str_putc(d->out, '\n');
    break;
  default:
    indent(d, level);
    str_printf(d->out, "stmt%d", (int)s->kind);
    put_loc(d, s->loc);
    str_putc(d->out, '\n');
    break;
  }
  d->depth--;
}

// ---- definitions ------------------------------------------------------------------------
static void func(Dumper *d, const FuncDef *fn, int level) {
  indent(d, level);
  str_printf(d->out, "def %s", fn->name);
  put_loc(d, fn->name_loc);
  if (fn->is_async) str_puts(d->out, " [async]");
  if (fn->has_varargs) str_puts(d->out, " [varargs]");
  if (d->typed) {
    static const char *const fk[] = {"plain", "kernel", "task"};
    str_printf(d->out, " [%s", fn->fkind <= FN_TASK ? fk[fn->fkind] : "?");
    if (fn->top_level) str_puts(d->out, " top_level");
    if (fn->boundscheck) str_puts(d->out, " boundscheck");
    if (fn->fastmath) str_puts(d->out, " fastmath");
    if (fn->strict) str_puts(d->out, " strict");
    str_putc(d->out, ']');
    if (fn->ret_ty) {
      str_puts(d->out, " -> ");
      put_type(d, fn->ret_ty);
    }
  }
  str_putc(d->out, '\n');
  for (uint32_t i = 0; i < fn->ndecorators; i++) line_expr(d, "decorator", fn->decorators[i], level + 1);
  for (uint32_t i = 0; i < fn->nparams; i++) {
    const Param *p = &fn->params[i];
    indent(d, level + 1);
    str_printf(d->out, "param %s", p->name);
    if (p->annot) {
      str_puts(d->out, ": ");
      expr(d, p->annot);
    }
    if (p->default_value) {
      str_puts(d->out, " = ");
      expr(d, p->default_value);
    }
    if (d->typed && p->ty) {
      str_puts(d->out, " : ");
      put_type(d, p->ty);
    }
    put_loc(d, p->loc);
    str_putc(d->out, '\n');
  }
  if (fn->ret_annot) line_expr(d, "returns", fn->ret_annot, level + 1);
  if (d->typed) {
    for (uint32_t i = 0; i < fn->locals.len; i++) {
      const Symbol *s = fn->locals.data[i];
      indent(d, level + 1);
      str_printf(d->out, "local %s : ", s->name);
      put_type(d, s->ty);
      put_loc(d, s->def_loc);
      str_putc(d->out, '\n');
    }
  }
  block(d, "body", &fn->body, level + 1);
}

static void class_def(Dumper *d, const ClassDef *cd, int level) {
  indent(d, level);
  str_printf(d->out, "class %s", cd->name);
  put_loc(d, cd->name_loc);
  if (d->typed && cd->ty) {
    str_puts(d->out, " : ");
    put_type(d, cd->ty);
  }
  str_putc(d->out, '\n');
  for (uint32_t i = 0; i < cd->ndecorators; i++) line_expr(d, "decorator", cd->decorators[i], level + 1);
  for (uint32_t i = 0; i < cd->nfields; i++) {
    indent(d, level + 1);
    str_printf(d->out, "field %s: ", cd->field_names[i]);
    expr(d, cd->field_annots[i]);
    put_loc(d, cd->field_locs[i]);
    str_putc(d->out, '\n');
  }
  if (cd->other.n) block(d, "other", &cd->other, level + 1);
}

void ast_dump_module(const Module *m, SrcManager *sm, bool typed, Str *out) {
  Dumper d = {sm, typed, out, 0};
  if (!m) return;
  str_puts(out, "module ");
  put_quoted(&d, m->path ? m->path : "", (uint32_t)strlen(m->path ? m->path : ""));
  str_putc(out, '\n');
  for (uint32_t i = 0; i < m->imports.len; i++) {
    const ImportItem *it = &m->imports.data[i];
    indent(&d, 1);
    if (it->name) str_printf(out, "from %s import %s as %s", it->module, it->name, it->asname);
    else str_printf(out, "import %s as %s", it->module, it->asname);
    put_loc(&d, it->loc);
    str_putc(out, '\n');
  }
  for (uint32_t i = 0; i < m->funcs.len; i++) func(&d, m->funcs.data[i], 1);
  for (uint32_t i = 0; i < m->classes.len; i++) class_def(&d, m->classes.data[i], 1);
  if (m->toplevel.len) {
    indent(&d, 1);
    str_puts(out, "toplevel\n");
    for (uint32_t i = 0; i < m->toplevel.len; i++) stmt(&d, m->toplevel.data[i], 2);
  }
}
