// ast.h - the project's AST for Python source, built from the tree-sitter
// CST by parse.c, annotated in place by check.c (the "typed AST"), read by
// lower.c. Tagged unions, arena-allocated, every node with a source span.
//
// Annotation contract (filled by the checker, read by lowering): every Expr
// inside a compiled function gets `ty`; names get `sym`; calls get `ckind`
// and the callee fields; attributes and subscripts get their kind. Lowering
// inserts a CAST wherever a value's `ty` differs from the type of the place
// it flows into (parameter, slot, array element, return); the checker only
// accepts conversions that are allowed (bool/int -> wider int or float).
#ifndef PYC_FRONTEND_AST_H
#define PYC_FRONTEND_AST_H

#include "../ir/base.h"
#include "../ir/diag.h"
#include "../ir/types.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct FuncDef FuncDef;
typedef struct ClassDef ClassDef;

typedef struct Block {
  Stmt **stmts;   // arena
  uint32_t n;
} Block;

// ---- expressions --------------------------------------------------------------
typedef enum ExprKind {
  EX_INT,        // ival (value as unsigned 64 bits; int_overflow if it did not fit)
  EX_FLOAT,      // fval
  EX_BOOL,       // bval
  EX_NONE,
  EX_STR,        // str (decoded bytes, may contain NUL)
  EX_FSTRING,    // fstr: literal parts and replacement fields
  EX_NAME,       // name
  EX_ATTR,       // attr: value.attr
  EX_SUBSCRIPT,  // sub: value[index, ...]
  EX_SLICE,      // slice: lo:hi:step (any part NULL); only inside subscripts
  EX_CALL,       // call
  EX_BINOP,      // bin
  EX_UNARY,      // un
  EX_BOOLOP,     // boolop: a and b and c / a or b
  EX_COMPARE,    // cmp: chain a < b <= c
  EX_IFEXP,      // ifexp: then if cond else els
  EX_TUPLE,      // seq
  EX_LIST,       // seq (only as arguments of calls such as np.zeros([n, m]))
  EX_DICT,       // dict: {'x': float64} (inline field spaces, issue 4)
  EX_UNSUPPORTED,// a Python construct outside the subset: `unsupported` says what it is
  EX_KIND_COUNT
} ExprKind;

typedef enum BinOp {
  BIN_ADD, BIN_SUB, BIN_MUL, BIN_TRUEDIV, BIN_FLOORDIV, BIN_MOD, BIN_POW,
  BIN_LSHIFT, BIN_RSHIFT, BIN_BITOR, BIN_BITXOR, BIN_BITAND, BIN_MATMUL,
  BIN_COUNT
} BinOp;
extern const char *const binop_text[BIN_COUNT];   // "+", "-", ... (ast_dump.c)

typedef enum UnaryOp { UN_NEG, UN_POS, UN_NOT, UN_INVERT, UN_COUNT } UnaryOp;
extern const char *const unop_text[UN_COUNT];     // "-", "+", "not", "~"

typedef enum CmpOp {
  CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN,
  CMP_COUNT
} CmpOp;
extern const char *const cmpop_text[CMP_COUNT];   // "<", ..., "is not", "not in"

typedef struct Keyword {
  const char *name;    // interned
  SrcLoc loc;          // the whole `name=value`
  Expr *value;
} Keyword;

typedef struct FStrPart {
  bool is_expr;
  const char *text;    // literal bytes (is_expr false), arena
  uint32_t len;
  Expr *expr;          // replacement field (is_expr true)
  char conversion;     // 0, 'r', 's' or 'a'
  const char *spec;    // format spec text after ':' (NULL if none); nested {} in specs are unsupported
  SrcLoc spec_loc;
} FStrPart;

// What a name refers to (set by the checker).
typedef enum SymKind {
  SYM_LOCAL,      // a local variable of the function (ty = its one type)
  SYM_PARAM,      // a parameter (index = position)
  SYM_FUNC,       // a compiled function of this module (func)
  SYM_MODULE,     // an imported module: math, numpy, pyc_task (name = canonical module name)
  SYM_BUILTIN,    // a builtin or library function (name = canonical name, e.g. "abs", "math.sqrt", "numpy.zeros", "pyc_task.prange")
  SYM_TYPE,       // a scalar/array type name used as a value or annotation (ty)
  SYM_STRUCT,     // a @fieldspace class (ty = the struct type)
  SYM_EXCEPTION,  // a builtin exception class (index = PycExcKind value)
  SYM_CONST,      // a module-level or library constant (math.pi): cval/ty
  SYM_KIND_COUNT
} SymKind;

typedef struct Symbol {
  SymKind kind;
  const char *name;    // interned source name (canonical name for builtins/modules)
  const Type *ty;      // value type (locals, params, consts, types, structs)
  SrcLoc def_loc;      // first definition (first assignment for locals)
  uint32_t index;      // parameter position / exception kind
  FuncDef *func;       // SYM_FUNC
  double cval_f;       // SYM_CONST value when ty is float
  int64_t cval_i;      // SYM_CONST value when ty is int/bool
} Symbol;

// Resolved meaning of a call (set by the checker).
typedef enum CallKind {
  CALL_UNRESOLVED,
  CALL_FUNC,       // user function: callee
  CALL_BUILTIN,    // builtin/library function: callee_name is canonical ("abs", "min", "max", "len",
                   // "range", "int", "float", "bool", "round", "print", "pyc_task.prange",
                   // "math.<fn>", "numpy.empty/zeros/ones/full/arange")
  CALL_CAST,       // numeric constructor such as pt.float64(x) / np.int32(x): target = ty
  CALL_STRUCT,     // @fieldspace constructor: ty = struct type, args in field order
  CALL_EXCEPTION,  // ValueError("msg"): only as the operand of raise; exc_kind
  // task layer (check_task.c): field numbers in field_a / field_b
  CALL_LAUNCH,     // a @task called from compiled code: asynchronous launch (callee)
  CALL_FUTURE_GET, // f.get() on a Future (the future is func->attr.value)
  CALL_REGION_NEW, // Region([n, ...], Fields): ty = the region type
  CALL_FILL,       // fill(r, 'f', value): field_a
  CALL_COPY,       // copy(src, 'f', dst, 'g'): field_a (src), field_b (dst)
  // partitions (check_partition.c, issue 5)
  CALL_PARTITION,    // Partition.equal / restrict / halo: field_a = 0 / 1 / 2; ty the partition
  CALL_INDEX_LAUNCH, // index_launch(colors, t, ...): callee t, field_a redop or -1, field_b ID param or -1
  CALL_INDEX_SPACE,  // IndexLaunch(colors) as the iterable of a checked index-launch loop
  CALL_KIND_COUNT
} CallKind;

typedef enum AttrKind {
  ATTR_UNRESOLVED,
  ATTR_SHAPE,      // array.shape -> tuple of i64
  ATTR_FIELD,      // struct field: field index
  ATTR_MODULE,     // module member (math.pi, np.float64, pt.float64): sym
  ATTR_ISPACE,     // r.ispace (ty = the region's type; only before .volume/.bounds or in `for`)
  ATTR_VOLUME,     // r.ispace.volume -> int64
  ATTR_BOUNDS,     // r.ispace.bounds -> (lo, hi): ints in 1-D, tuples in n-D
  ATTR_RFIELD,     // r.u (field index in `field`; only as the base of r.u[i])
  ATTR_KIND_COUNT
} AttrKind;

typedef enum SubKind {
  SUB_UNRESOLVED,
  SUB_ELEMENT,     // array element: one integer index per axis
  SUB_TUPLE,       // tuple element with a constant index (tuple_index, negative normalized)
  SUB_TYPE,        // a type expression (pt.float64[:]) used as a value: ty
  SUB_RFIELD,      // region field element r.u[i, j] (value is an ATTR_RFIELD), global point
  SUB_PIECE,       // piece of a partition P[i] / P[i, j] / P[c] (c a tuple) / P[ID] (index_launch)
  SUB_KIND_COUNT
} SubKind;

struct Expr {
  ExprKind kind;
  SrcLoc loc;
  const Type *ty;      // checker: the expression's type (NULL before checking)
  union {
    struct { uint64_t ival; bool int_overflow; };
    double fval;
    bool bval;
    struct { const char *s; uint32_t len; } str;
    struct { FStrPart *parts; uint32_t n; } fstr;
    struct { const char *id; Symbol *sym; } name;          // id interned
    struct {
      Expr *value;
      const char *attr;        // interned
      SrcLoc attr_loc;
      AttrKind akind;          // checker
      uint32_t field;          // ATTR_FIELD
      Symbol *sym;             // ATTR_MODULE
    } attr;
    struct {
      Expr *value;
      Expr **index;            // one per comma-separated item
      uint32_t n;
      SubKind skind;           // checker
      uint32_t tuple_index;    // SUB_TUPLE
    } sub;
    struct { Expr *lo, *hi, *step; } slice;
    struct {
      Expr *func;
      Expr **args;
      uint32_t nargs;
      Keyword *kw;
      uint32_t nkw;
      CallKind ckind;          // checker
      const char *callee_name; // checker: canonical name (CALL_BUILTIN), function name (CALL_FUNC)
      FuncDef *callee;         // checker: CALL_FUNC
      int exc_kind;            // checker: CALL_EXCEPTION (PycExcKind)
      int field_a, field_b;    // checker: CALL_FILL / CALL_COPY field numbers
    } call;
    struct {
      BinOp op;
      Expr *l, *r;
      const Type *opty;        // checker: the type both operands are converted to before the op
    } bin;
    struct { UnaryOp op; Expr *x; } un;
    struct { bool is_and; Expr **xs; uint32_t n; } boolop;
    struct {
      Expr *first;
      CmpOp *ops;              // n operators
      Expr **rest;             // n right-hand operands
      uint32_t n;
      const Type **optys;      // checker: per comparison, the common operand type
    } cmp;
    struct { Expr *cond, *then, *els; } ifexp;
    struct { Expr **xs; uint32_t n; } seq;
    struct { Expr **keys, **values; uint32_t n; } dict;
    const char *unsupported;   // EX_UNSUPPORTED: e.g. "list comprehension"
  };
};

// ---- statements -----------------------------------------------------------------
typedef enum StmtKind {
  ST_EXPR, ST_ASSIGN, ST_AUGASSIGN, ST_ANNASSIGN, ST_IF, ST_WHILE, ST_FOR,
  ST_BREAK, ST_CONTINUE, ST_RETURN, ST_PASS, ST_ASSERT, ST_RAISE,
  ST_FUNCDEF,      // nested def (unsupported inside compiled code; top level goes to Module)
  ST_IMPORT,       // import inside a function (unsupported)
  ST_UNSUPPORTED,  // try/with/global/del/...: `unsupported` says what it is
  ST_KIND_COUNT
} StmtKind;

struct Stmt {
  StmtKind kind;
  SrcLoc loc;
  union {
    Expr *expr;                                          // ST_EXPR
    struct { Expr **targets; uint32_t ntargets; Expr *value; } assign;  // a = b = v; targets may be EX_TUPLE
    struct { BinOp op; Expr *target; Expr *value;
             const Type *opty; } aug;  // opty (checker, optional): as bin.opty; lowering infers it when NULL
    struct { Expr *target; Expr *annot; Expr *value; } ann;             // value may be NULL
    struct { Expr *cond; Block then; Block els; } if_;   // elif becomes a single nested ST_IF in els
    struct { Expr *cond; Block body; Block orelse; } while_;
    struct { Expr *target; Expr *iter; Block body; Block orelse; } for_;
    struct { Expr *value; } ret;                         // NULL for bare return
    struct { Expr *test; Expr *msg; } assert_;           // msg may be NULL
    struct { Expr *exc; } raise;                         // NULL for bare raise
    FuncDef *funcdef;
    const char *unsupported;
  };
};

// ---- definitions and the module ------------------------------------------------
typedef struct Param {
  const char *name;    // interned
  SrcLoc loc;
  Expr *annot;         // NULL if not annotated; string annotations are already parsed into expressions
  const Type *ty;      // checker
  Expr *default_value; // unsupported in compiled code (reported by the checker)
} Param;

typedef enum FuncKind { FN_PLAIN, FN_KERNEL, FN_TASK } FuncKind;

struct FuncDef {
  const char *name;        // interned
  SrcLoc loc;              // the whole def (decorators excluded)
  SrcLoc name_loc;
  Param *params;
  uint32_t nparams;
  bool has_varargs;        // *args / **kwargs / keyword-only markers seen (unsupported)
  Expr *ret_annot;         // NULL if none
  Expr **decorators;       // the decorator expressions, in source order
  uint32_t ndecorators;
  Block body;
  // checker:
  FuncKind fkind;          // from the decorators
  bool top_level;          // @task(top_level=True)
  bool boundscheck, fastmath, strict;  // decorator flags
  const Type *ret_ty;
  Vec(Symbol *) locals;    // SYM_LOCAL symbols in first-definition order
  bool checked;
  Expr *privileges;        // checker: the @task(privileges=[...]) list, or NULL
  struct IrPriv *privs;    // checker (check_task.c): per parameter, or NULL (no region parameters)
  bool parallel;           // @task(parallel=True): automatic partitioning (issue 5)
  int16_t *autopart;       // checker (check_autopart.c): per parameter, -1 whole / scalar,
                           // 0 a piece of the equal partition, w > 0 its halo of width w
  int16_t autopart_iter;   // checker: the region parameter the task loops over
  uint8_t ret_shares;      // checker (check_alias.c): 0 not known yet, 1 being worked out,
                           // 2 its result is always a new value, 3 it may hand back an argument
  bool is_async;           // parser: `async def` (unsupported in compiled code)
};

struct ClassDef {
  const char *name;        // interned
  SrcLoc loc, name_loc;
  Expr **decorators;
  uint32_t ndecorators;
  // class body: `field: type` lines (other statements are kept for diagnostics)
  const char **field_names;
  Expr **field_annots;
  SrcLoc *field_locs;
  uint32_t nfields;
  Block other;             // anything else in the body (docstrings excluded)
  const Type *ty;          // checker: TY_STRUCT for @fieldspace classes
};

typedef struct ImportItem {
  const char *module;      // "numpy", "math", "pyc_task", "pyc_task.types" (interned)
  const char *name;        // imported member for `from m import name`; NULL for `import m`
  const char *asname;      // local name bound (never NULL)
  SrcLoc loc;
} ImportItem;

typedef struct Module {
  const char *path;        // file path as given
  uint32_t file;           // id in the SrcManager
  Vec(ImportItem) imports;
  Vec(FuncDef *) funcs;    // top-level defs, in order
  Vec(ClassDef *) classes; // top-level classes, in order
  Vec(Stmt *) toplevel;    // every other top-level statement (run by Python only)
} Module;

// ---- dump (ast_dump.c): --stage=ast and --stage=typed -------------------------
void ast_dump_module(const Module *m, SrcManager *sm, bool typed, Str *out);

#endif
