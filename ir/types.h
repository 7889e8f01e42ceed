// types.h - the type universe shared by the frontend and TIR.
// Types are interned in a TypeTable: equal types are the same pointer, so
// compare with ==. Two spellings: the IR's (`f64`, `array<f64,2,C>`) and the
// user's (`float64`, `float64[:, ::1]`) for diagnostics.
#ifndef PYC_IR_TYPES_H
#define PYC_IR_TYPES_H

#include "base.h"

typedef enum TypeKind {
  TY_VOID,       // no value (None-returning functions)
  TY_BOOL,
  TY_INT,        // bits 8/16/32/64, is_signed
  TY_FLOAT,      // bits 32/64
  TY_STR,        // string literal (print/raise only); a `const char*`
  TY_ARRAY,      // elem, ndim, contig
  TY_TUPLE,      // elems
  TY_STRUCT,     // @fieldspace class used as a value struct
  // Task layer (issue 4): TY_REGION (elem = the field space, a TY_STRUCT;
  // ndim 1..3), TY_FUTURE (elem = the result type, a scalar). TY_PARTITION is
  // reserved (issue 5). TY_COLORSPACE (ndim = cdim 1..3): a partition's color
  // space kept in a variable (`cs = P.color_space`); the checker's type only,
  // lowered to the color counts (i64, or tuple<i64,...> in n-d).
  TY_REGION, TY_PARTITION, TY_FUTURE, TY_COLORSPACE,
  TY_KIND_COUNT
} TypeKind;

typedef struct Type Type;
struct Type {
  TypeKind kind;
  uint32_t id;             // dense index in the table (0 = void)
  uint8_t bits;            // TY_INT, TY_FLOAT
  bool is_signed;          // TY_INT
  // TY_ARRAY: element type (scalar), rank 1..3+, contig = innermost axis has
  // stride 1 (the `::1` / 'C' spelling), so codegen may drop the stride.
  const Type *elem;
  uint8_t ndim;
  bool contig;
  // TY_TUPLE: element types. TY_STRUCT: field types (and names below).
  const Type **elems;      // arena
  uint32_t nelems;
  const char *name;        // TY_STRUCT: class name (interned)
  const char **field_names;// TY_STRUCT (interned)
};

typedef struct TypeTable {
  Arena *arena;            // not owned
  Vec(Type *) all;         // every interned type, by id
  HashMap index;           // structure -> its Type (types.c): interning in O(1)
  // Shortcuts to the scalar singletons.
  const Type *t_void, *t_bool, *t_str;
  const Type *t_i8, *t_i16, *t_i32, *t_i64, *t_u8, *t_u16, *t_u32, *t_u64;
  const Type *t_f32, *t_f64;
} TypeTable;

void types_init(TypeTable *tt, Arena *arena);
const Type *type_int(TypeTable *tt, unsigned bits, bool is_signed);
const Type *type_float(TypeTable *tt, unsigned bits);
const Type *type_array(TypeTable *tt, const Type *elem, unsigned ndim, bool contig);
const Type *type_tuple(TypeTable *tt, const Type **elems, uint32_t n);
// Structs are nominal: one per name. Re-declaring a name returns the first.
const Type *type_struct(TypeTable *tt, const char *name, const char **field_names,
                        const Type **field_types, uint32_t n);
const Type *type_struct_lookup(TypeTable *tt, const char *name);
// Region[Fields, ndim] (fs a TY_STRUCT, ndim 1..3) and Future[T] (T scalar).
const Type *type_region(TypeTable *tt, const Type *fs, unsigned ndim);
const Type *type_future(TypeTable *tt, const Type *value);
// FutureMap[T] (issue 5): the results of an index launch without reduce=,
// one per point of its cdim-d launch space (T scalar, or void for a task
// returning nothing). A TY_FUTURE with ndim = cdim 1..3 (ndim 0: a plain
// future); spelled futuremap<T,cdim>.
const Type *type_future_map(TypeTable *tt, const Type *value, unsigned cdim);
// Partition[region, cdim] (issue 5): elem = the region type (of the parent
// and of every piece), ndim = color dimensions 1..3, bits = how it was made
// (TypePartKind), which gives what the compiler knows statically.
typedef enum TypePartKind {
  PART_EQUAL = 1,         // Partition.equal: disjoint, complete
  PART_RESTRICT,          // Partition.restrict, extent <= step on every axis: disjoint
  PART_RESTRICT_ALIASED,  // Partition.restrict otherwise: aliased
  PART_HALO,              // Partition.halo: aliased
  PART_IMAGE,             // Partition.image (exact point sets): aliased
  PART_BY_FIELD,          // Partition.by_field (sparse pieces, 1-d): disjoint
  PART_PREIMAGE,          // Partition.preimage of a disjoint partition: disjoint
  PART_PREIMAGE_ALIASED,  // Partition.preimage otherwise: aliased
  PART_KIND_COUNT
} TypePartKind;
const Type *type_partition(TypeTable *tt, const Type *region, unsigned cdim, unsigned kind);
static inline bool type_part_disjoint(const Type *t) {
  return t->bits == PART_EQUAL || t->bits == PART_RESTRICT || t->bits == PART_BY_FIELD ||
         t->bits == PART_PREIMAGE;
}
extern const char *const type_part_kind_text[PART_KIND_COUNT];  // "equal", ...
// The color space of a partition with cdim color axes (starting at 0, its
// extents the color counts): spelled colorspace<cdim> / ColorSpace[cdim].
const Type *type_color_space(TypeTable *tt, unsigned cdim);
int type_struct_field(const Type *st, const char *name);  // index or -1
// A point of an n-d index space (n 1..3): int64 in 1-d, tuple[int64 x n]
// otherwise (Pygion's int1d / int2d / int3d). type_point_rank(t) is n for
// such a type, 0 for any other.
const Type *type_point(TypeTable *tt, unsigned ndim);
unsigned type_point_rank(const Type *t);
// A region field's type: a scalar, or a point of a 2-d or 3-d space (the
// pointers of Partition.image / preimage into n-d regions).
bool type_is_field(const Type *t);

static inline bool type_is_scalar(const Type *t) {
  return t->kind == TY_BOOL || t->kind == TY_INT || t->kind == TY_FLOAT;
}
static inline bool type_is_numeric(const Type *t) {
  return t->kind == TY_BOOL || t->kind == TY_INT || t->kind == TY_FLOAT;
}

// numpy promotion for two scalar types (bool < ints < floats; int64+uint64 -> float64,
// signed+unsigned -> the next signed width that holds both; int + float32 -> float64 when
// the int is wider than 16 bits, as numpy's promote_types).
const Type *type_promote(TypeTable *tt, const Type *a, const Type *b);

// IR spelling: void bool i8..i64 u8..u64 f32 f64 str array<f64,2> array<f64,2,C>
// tuple<i64,f64> struct@Cell region<struct@Cell,1> future<f64> futuremap<f64,1>
void type_print(const Type *t, Str *out);
// Parses the IR spelling at *p, advancing it; NULL on error. Structs must exist.
const Type *type_parse(TypeTable *tt, const char **p);
// User spelling for diagnostics: bool int64 float64 float64[:] float64[:, ::1]
// tuple[int64, float64] Cell str None
void type_print_py(const Type *t, Str *out);
const char *type_py_name(TypeTable *tt, const Type *t);  // arena copy of type_print_py

#endif
