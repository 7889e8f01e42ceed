// pyc/runtime.h: the public ABI of libpyctask_rt, the C runtime that code
// compiled by pyc-task calls (from the ORC JIT inside the compiler process, or
// from standalone executables linked with libpyctask_main.a + libpyctask_rt.a).
//
// Contract summary (docs/runtime.md has the long form):
// - Exceptions live in a thread-local pending-exception slot. Compiled code
//   calls pyc_raise() and returns to its caller; every caller checks
//   pyc_err_occurred() after each call that may raise.
// - Text output goes through a thread-local growable buffer: pyc_buf_* append,
//   pyc_buf_print() writes it to stdout, pyc_buf_raise() turns it into an
//   exception message.
// - Numbers are formatted exactly as CPython 3.11 formats them (repr(float),
//   format(value, spec), round()); math follows CPython's math module,
//   including which error is raised with which message.
// - Arrays allocated by compiled code are refcounted blocks (atomic counts).
//
// Every function here is thread-safe: state is either thread-local (error
// slot, text buffer) or atomic (array refcounts and the live-block counter).
// The header is C99-clean and may be included from C++.
#ifndef PYC_RUNTIME_H
#define PYC_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Bumped whenever a signature or enum value below changes meaning.
#define PYC_RT_ABI_VERSION 2

/// Marks an exported runtime symbol. The library is built with
/// -fvisibility=hidden; only PYC_API functions are visible to the JIT.
#if defined(__GNUC__) || defined(__clang__)
#define PYC_API __attribute__((visibility("default")))
#else
#define PYC_API
#endif

// ============================================================================
// Section - Exceptions (runtime/src/errors.c)
// ============================================================================

/// Builtin exception kinds. The order is ABI: never reorder, only append
/// before PYC_EXC_COUNT (and bump PYC_RT_ABI_VERSION).
typedef enum PycExcKind {
  PYC_EXC_NONE = 0,         // no pending exception
  PYC_EXC_EXCEPTION,        // Exception
  PYC_EXC_ARITHMETIC,       // ArithmeticError
  PYC_EXC_ZERO_DIVISION,    // ZeroDivisionError (ArithmeticError)
  PYC_EXC_OVERFLOW,         // OverflowError (ArithmeticError)
  PYC_EXC_VALUE,            // ValueError
  PYC_EXC_TYPE,             // TypeError
  PYC_EXC_INDEX,            // IndexError (LookupError)
  PYC_EXC_KEY,              // KeyError (LookupError)
  PYC_EXC_ASSERTION,        // AssertionError
  PYC_EXC_RUNTIME,          // RuntimeError
  PYC_EXC_NOT_IMPLEMENTED,  // NotImplementedError (RuntimeError)
  PYC_EXC_MEMORY,           // MemoryError
  PYC_EXC_RECURSION,        // RecursionError (RuntimeError)
  PYC_EXC_KEYBOARD_INTERRUPT,  // KeyboardInterrupt (BaseException: not an Exception)
  PYC_EXC_COUNT
} PycExcKind;

/// Python class name of an exception kind ("ZeroDivisionError", ...).
/// Returns NULL for PYC_EXC_NONE and for values out of range.
PYC_API const char *pyc_exc_name(int32_t kind);

/// Inverse of pyc_exc_name: "ValueError" -> PYC_EXC_VALUE. Returns
/// PYC_EXC_NONE for NULL or an unknown name.
PYC_API int32_t pyc_exc_lookup(const char *name);

/// 1 if an exception of kind `kind` is caught by `except handler:` (Python's
/// class hierarchy: ZeroDivisionError is an ArithmeticError, everything is an
/// Exception, ...), else 0.
PYC_API int32_t pyc_exc_matches(int32_t kind, int32_t handler);

/// Sets the pending exception of this thread. `msg` (may be NULL = empty) and
/// `file` (may be NULL = unknown) are copied. A newer raise replaces a pending
/// one. An out-of-range kind is recorded as RuntimeError.
PYC_API void pyc_raise(int32_t kind, const char *msg, const char *file, int32_t line);

/// The pending exception kind of this thread, or 0 (PYC_EXC_NONE).
PYC_API int32_t pyc_err_occurred(void);

/// Message of the pending exception ("" if none). Valid until the next
/// pyc_raise/pyc_err_clear on this thread.
PYC_API const char *pyc_err_message(void);

/// Source file of the pending exception, or NULL if none/unknown.
PYC_API const char *pyc_err_file(void);

/// Source line of the pending exception, or 0 if none/unknown.
PYC_API int32_t pyc_err_line(void);

/// Clears the pending exception of this thread.
PYC_API void pyc_err_clear(void);

/// Sets file/line of the pending exception if it has no file yet (runtime
/// helpers such as pyc_math_1 raise without a location; the caller adds it).
/// No-op when nothing is pending.
PYC_API void pyc_err_set_location(const char *file, int32_t line);

/// Raises numpy's IndexError for a bounds-check failure: "index 5 is out of
/// bounds for axis 0 with size 3" (`index` as the user wrote it, negative
/// indices included).
PYC_API void pyc_err_index(int64_t index, int32_t axis, int64_t size, const char *file,
                           int32_t line);

/// PYC_RT_ABI_VERSION of the linked library (compare with the header's).
PYC_API int32_t pyc_rt_abi_version(void);

/// Prints the pending exception to stderr as "file:line: Kind: message\n"
/// ("file:line: Kind\n" when the message is empty; the "file:line: " part is
/// left out when the file is unknown). Does not clear it.
PYC_API void pyc_err_print(void);

/// Program driver used by the standalone main(): installs the SIGINT flag
/// handler (pyc_install_sigint_flag), calls `entry`, flushes stdout, and if
/// an exception is pending prints it (pyc_err_print), clears it and returns
/// 1 (130 for KeyboardInterrupt, as CPython's exit status after Ctrl-C);
/// otherwise returns 0.
PYC_API int pyc_run_main(void (*entry)(void));

/// Records argc/argv for the program (the standalone main() calls it).
PYC_API void pyc_set_args(int argc, char **argv);

/// argc recorded by pyc_set_args (0 if never called).
PYC_API int32_t pyc_argc(void);

/// argv[i] recorded by pyc_set_args, or NULL when out of range.
PYC_API const char *pyc_argv(int32_t i);

// ============================================================================
// Section - Interrupts (runtime/src/interrupt.c)
// ============================================================================
// One process-wide flag, set asynchronously (from a SIGINT handler) and
// polled by compiled code: at the back edge of every loop that contains a
// loop, every iteration of a while loop, and between blocks of 2^16
// iterations of an innermost for loop (which stays a single-exit loop that
// LLVM vectorizes); pyc_parallel_for and the task pool check it before each
// chunk / task. A set flag raises KeyboardInterrupt through the ordinary
// exception path; it stays set (so every thread of a prange stops) until
// someone clears it: the Python extension at the start of the next call,
// pyc_run_main never (the program ends).

/// Address of the flag (an aligned int32_t, 0 or 1). Constant for the life
/// of the process; compiled code gets it once per function and reads it
/// with a volatile load at each poll point.
PYC_API volatile int32_t *pyc_interrupt_flag(void);

/// Sets the flag. Async-signal-safe (one lock-free atomic store).
PYC_API void pyc_request_interrupt(void);

/// Clears the flag.
PYC_API void pyc_clear_interrupt(void);

/// 1 if the flag is set, else 0.
PYC_API int32_t pyc_interrupt_requested(void);

/// Raises KeyboardInterrupt (no message) at file:line: what a poll point
/// that finds the flag set calls before taking the error exit.
PYC_API void pyc_raise_interrupt(const char *file, int32_t line);

/// For standalone programs (pyc_run_main calls it): if SIGINT has its
/// default disposition, installs a handler that sets the flag; a second
/// SIGINT while the flag is still set restores the default and re-raises
/// (the process dies as before, e.g. in code that never polls). Returns 1
/// if installed. Idempotent.
PYC_API int32_t pyc_install_sigint_flag(void);

// ============================================================================
// Section - Text buffer (runtime/src/buf.c, stdlib/float_repr.c, stdlib/format_spec.c)
// ============================================================================
// One growable buffer per thread. print(a, b, end='') compiles to a sequence
// of appends followed by pyc_buf_print(); f-string messages for raise compile
// to appends followed by pyc_buf_raise(). On allocation failure the append is
// dropped and MemoryError is raised.

/// Empties this thread's buffer (keeps its memory).
PYC_API void pyc_buf_reset(void);

/// Appends `len` bytes of `s` (len < 0: strlen(s)). NULL s appends nothing.
PYC_API void pyc_buf_str(const char *s, int64_t len);

/// Appends one byte.
PYC_API void pyc_buf_char(char c);

/// Appends str(v) of a signed 64-bit integer.
PYC_API void pyc_buf_i64(int64_t v);

/// Appends str(v) of an unsigned 64-bit integer.
PYC_API void pyc_buf_u64(uint64_t v);

/// Appends repr(float) exactly as CPython: the shortest digits that round-trip,
/// fixed notation iff 1e-4 <= |v| < 1e16 ('0.0001', '1e-05', '1e+16',
/// '123.0', '-0.0', 'inf', '-inf', 'nan').
PYC_API void pyc_buf_f64(double v);

/// Appends numpy's repr of a float32 scalar: the shortest digits that
/// round-trip as float32, laid out by the same rules ('0.1', '1e-04' for
/// float32(1e-4) which is below 1e-4, '123456790.0', '3.4e+38').
PYC_API void pyc_buf_f32(float v);

/// Appends "True" or "False" (v != 0 is True).
PYC_API void pyc_buf_bool(int32_t v);

/// Appends format(v, spec) for a Python int (CPython int.__format__). Types:
/// '' d n b o x X c and the float types e E f F g G % (v converted to float
/// first, as CPython does). An invalid spec raises ValueError with CPython's
/// message and appends nothing. NULL spec means "".
PYC_API void pyc_buf_fmt_i64(int64_t v, const char *spec);

/// Same as pyc_buf_fmt_i64 for an unsigned 64-bit value.
PYC_API void pyc_buf_fmt_u64(uint64_t v, const char *spec);

/// Appends format(v, spec) for a Python float (CPython float.__format__).
/// Types: '' e E f F g G n %; '' without precision is repr(v), '' with a
/// precision is 'g' that keeps at least one digit after the point.
PYC_API void pyc_buf_fmt_f64(double v, const char *spec);

/// format(v, spec) for a numpy float32 scalar. numpy converts to Python float
/// first, so this is pyc_buf_fmt_f64((double)v, spec) (f"{np.float32(0.1)}"
/// is '0.10000000149011612'); use pyc_buf_f32 for print()/str().
PYC_API void pyc_buf_fmt_f32(float v, const char *spec);

/// format(bool, spec): 'True'/'False' for an empty spec, else formatted as
/// the int 1/0 (CPython bool inherits int.__format__).
PYC_API void pyc_buf_fmt_bool(int32_t v, const char *spec);

/// format(str, spec): fill, align (< > ^), width, .precision (truncates),
/// type '' or 's'. `len` < 0 means strlen(s). Width counts UTF-8 code points.
PYC_API void pyc_buf_fmt_str(const char *s, int64_t len, const char *spec);

/// Spec value kinds for pyc_buf_spec_ok / pyc_buf_spec_error.
enum { PYC_SPEC_INT = 0, PYC_SPEC_FLOAT = 1, PYC_SPEC_STR = 2, PYC_SPEC_BOOL = 3 };

/// 1 if `spec` is valid for a value of kind `kind` (PYC_SPEC_*), else 0.
/// Pure function, no exception is raised (the compiler calls it at compile
/// time to reject bad f-string specs).
PYC_API int32_t pyc_buf_spec_ok(const char *spec, int32_t kind);

/// Like pyc_buf_spec_ok, but on an invalid spec also writes CPython's
/// ValueError message ("Unknown format code 'q' for object of type 'int'")
/// into out[0..cap) (NUL-terminated, truncated). Returns 1 if valid.
PYC_API int32_t pyc_buf_spec_error(const char *spec, int32_t kind, char *out, size_t cap);

/// Writes the buffer to stdout (no newline added) and resets it; through the
/// write hook instead when one is set.
PYC_API void pyc_buf_print(void);

/// Output hook: receives the bytes pyc_buf_print would write to stdout
/// (`data` is not NUL-terminated, `len` > 0), on the printing thread. One
/// process-wide hook; NULL restores stdout. The Python extension
/// (python/_core) sets it so that compiled print() goes through sys.stdout
/// and interleaves with Python's print in program order. Not in the ABI of
/// compiled code (codegen never calls it).
typedef void (*PycWriteHook)(const char *data, size_t len, void *ctx);
PYC_API void pyc_set_write_hook(PycWriteHook hook, void *ctx);

/// Raises `kind` with the buffer's text as message (pyc_raise), then resets.
PYC_API void pyc_buf_raise(int32_t kind, const char *file, int32_t line);

/// Current buffer contents (NUL-terminated; valid until the next append or
/// reset) and its length in *len_out (if not NULL).
PYC_API const char *pyc_buf_data(int64_t *len_out);

/// fflush(stdout).
PYC_API void pyc_flush(void);

// ============================================================================
// Section - Math (stdlib/math.c, stdlib/arith.c)
// ============================================================================
// Errors follow CPython's math module: ValueError "math domain error",
// OverflowError "math range error". They are raised with no location
// (file NULL, line 0): call pyc_err_set_location afterwards to add one.
// On error the returned value is unspecified (0 or NaN).

/// One-argument math functions, in id order (ceil_f/floor_f/trunc_f return
/// the float value; see pyc_math_floor_i64 and friends for Python's int).
// clang-format off
#define PYC_MATH_1(X)                                                                             \
  X(sqrt) X(exp) X(expm1) X(log) X(log2) X(log10) X(log1p)                                        \
  X(sin) X(cos) X(tan) X(asin) X(acos) X(atan)                                                    \
  X(sinh) X(cosh) X(tanh) X(asinh) X(acosh) X(atanh)                                              \
  X(fabs) X(erf) X(erfc) X(gamma) X(lgamma) X(degrees) X(radians)                                 \
  X(ceil_f) X(floor_f) X(trunc_f) X(exp2) X(cbrt) X(ulp)
// clang-format on

/// Two-argument math functions, in id order. log_base(x, b) is math.log(x, b);
/// ldexp_f(x, i) takes the exponent as a double holding an integer.
#define PYC_MATH_2(X)                                                                              \
  X(pow) X(atan2) X(hypot) X(fmod) X(copysign) X(remainder) X(log_base) X(ldexp_f) X(nextafter)

#define PYC_MATH_ENUM_(name) PYC_MATH_##name,
/// Ids for pyc_math_1: PYC_MATH_sqrt, PYC_MATH_exp, ...
enum PycMath1 { PYC_MATH_1(PYC_MATH_ENUM_) PYC_MATH_1_COUNT };
/// Ids for pyc_math_2: PYC_MATH_pow, PYC_MATH_atan2, ...
enum PycMath2 { PYC_MATH_2(PYC_MATH_ENUM_) PYC_MATH_2_COUNT };
#undef PYC_MATH_ENUM_

/// Direct entry points: double pyc_math_sqrt(double), ..., and
/// double pyc_math_pow(double, double), ... with the same semantics.
#define PYC_MATH_DECL1_(name) PYC_API double pyc_math_##name(double x);
#define PYC_MATH_DECL2_(name) PYC_API double pyc_math_##name(double x, double y);
PYC_MATH_1(PYC_MATH_DECL1_)
PYC_MATH_2(PYC_MATH_DECL2_)
#undef PYC_MATH_DECL1_
#undef PYC_MATH_DECL2_

/// Calls one-argument function `fn` (a PYC_MATH_* id of PYC_MATH_1). An
/// unknown id raises RuntimeError.
PYC_API double pyc_math_1(int32_t fn, double x);

/// Calls two-argument function `fn` (a PYC_MATH_* id of PYC_MATH_2).
PYC_API double pyc_math_2(int32_t fn, double x, double y);

/// Name of a math function id ("sqrt"), NULL if out of range. `arity` is 1 or 2.
PYC_API const char *pyc_math_name(int32_t arity, int32_t fn);

/// math.floor / math.ceil / math.trunc returning int: NaN raises ValueError
/// "cannot convert float NaN to integer", inf raises OverflowError "cannot
/// convert float infinity to integer", beyond int64 OverflowError.
PYC_API int64_t pyc_math_floor_i64(double x);
PYC_API int64_t pyc_math_ceil_i64(double x);
PYC_API int64_t pyc_math_trunc_i64(double x);

/// math.factorial(n). n < 0: ValueError "factorial() not defined for negative
/// values"; a result beyond int64 (n > 20): OverflowError.
PYC_API int64_t pyc_math_factorial(int64_t n);

/// math.gcd(a, b) >= 0. gcd(INT64_MIN, 0 or INT64_MIN) raises OverflowError.
PYC_API int64_t pyc_math_gcd(int64_t a, int64_t b);

/// math.lcm(a, b) >= 0; OverflowError beyond int64.
PYC_API int64_t pyc_math_lcm(int64_t a, int64_t b);

/// math.isqrt(n): n < 0 raises ValueError "isqrt() argument must be nonnegative".
PYC_API int64_t pyc_math_isqrt(int64_t n);

/// math.comb(n, k); negative n/k raise ValueError "n must be a non-negative
/// integer" / "k must be a non-negative integer"; k > n gives 0; a result
/// beyond int64 raises OverflowError.
PYC_API int64_t pyc_math_comb(int64_t n, int64_t k);

/// math.perm(n, k), same errors as pyc_math_comb.
PYC_API int64_t pyc_math_perm(int64_t n, int64_t k);

/// math.isclose(a, b, rel_tol=, abs_tol=) (CPython defaults: 1e-09, 0.0).
/// A negative tolerance raises ValueError "tolerances must be non-negative".
PYC_API int32_t pyc_math_isclose(double a, double b, double rel_tol, double abs_tol);

/// base ** exp for int64 with exp >= 0, wrapping mod 2^64 like numpy int64.
/// exp < 0 raises ValueError "Integers to negative integer powers are not
/// allowed." (numpy's message; the compiler converts Python's int**-n to float).
PYC_API int64_t pyc_ipow(int64_t base, int64_t exp);

/// float.__pow__ (x ** y) as CPython: 0.0 ** negative raises
/// ZeroDivisionError "0.0 cannot be raised to a negative power"; negative **
/// non-integer raises ValueError "math domain error" (CPython returns a
/// complex: documented difference); overflow raises OverflowError
/// "(34, 'Numerical result out of range')".
PYC_API double pyc_fpow(double x, double y);

/// round(x, ndigits) as CPython: correctly rounded, half-even on the exact
/// decimal value of x; NaN/inf returned unchanged; OverflowError "rounded
/// value too large to represent" if the result overflows.
PYC_API double pyc_round_f64(double x, int64_t ndigits);

/// round(x) -> int, half to even. NaN: ValueError "cannot convert float NaN
/// to integer"; inf: OverflowError "cannot convert float infinity to
/// integer"; beyond int64: OverflowError "Python int too large to convert to
/// C long" (CPython would return a big int).
PYC_API int64_t pyc_round_to_i64(double x);

/// int(x): truncation toward zero, same errors as pyc_round_to_i64.
PYC_API int64_t pyc_f64_to_i64(double x);

/// a // b with Python floor semantics. b == 0: ZeroDivisionError "integer
/// division or modulo by zero". INT64_MIN // -1 wraps to INT64_MIN (numpy).
PYC_API int64_t pyc_floordiv_i64(int64_t a, int64_t b);

/// a % b with the sign of b. b == 0: ZeroDivisionError "integer modulo by zero".
PYC_API int64_t pyc_mod_i64(int64_t a, int64_t b);

/// a / b for ints (true division, correctly rounded like CPython even when
/// |a| or |b| exceed 2^53). b == 0: ZeroDivisionError "division by zero".
PYC_API double pyc_truediv_i64(int64_t a, int64_t b);

/// a / b for floats. b == 0: ZeroDivisionError "float division by zero".
PYC_API double pyc_div_f64(double a, double b);

/// a // b for floats, exactly CPython's float floor division (signed zeros
/// included). b == 0: ZeroDivisionError "float floor division by zero".
PYC_API double pyc_floordiv_f64(double a, double b);

/// a % b for floats, exactly CPython's float_rem (result has b's sign, zero
/// result is copysign(0, b)). b == 0: ZeroDivisionError "float modulo".
PYC_API double pyc_mod_f64(double a, double b);

// ============================================================================
// Section - Arrays (runtime/src/array.c)
// ============================================================================
// A block is a "meminfo" handle plus a data pointer, like numba's NRT
// MemInfo. A NULL meminfo means a borrowed array (owned by the caller or by
// Python): incref/decref on it are no-ops.

/// Allocates a block of `nbytes` (>= 0) bytes, data 64-byte aligned and
/// zero-filled, refcount 1. Returns the meminfo and stores the data pointer in
/// *data_out. Negative nbytes raises ValueError "negative dimensions are not
/// allowed"; allocation failure raises MemoryError. On error returns NULL and
/// sets *data_out to NULL.
PYC_API void *pyc_array_new(int64_t nbytes, void **data_out);

/// Adds a reference (atomic). NULL-safe.
PYC_API void pyc_array_incref(void *meminfo);

/// Drops a reference (atomic); frees the block when it reaches 0. NULL-safe.
PYC_API void pyc_array_decref(void *meminfo);

/// Data pointer of a block (NULL for NULL).
PYC_API void *pyc_array_data(void *meminfo);

/// Size in bytes given at allocation (0 for NULL).
PYC_API int64_t pyc_array_nbytes(void *meminfo);

/// Current refcount (0 for NULL); for tests and debugging.
PYC_API int64_t pyc_array_refcount(void *meminfo);

/// Number of live blocks in the process (for leak tests).
PYC_API int64_t pyc_array_live_count(void);

// ============================================================================
// Section - Symbol table (runtime/src/symbols.c)
// ============================================================================

/// Generic function pointer type for the symbol table (cast back before calling).
typedef void (*PycRtFn)(void);

/// One exported runtime function: name as emitted by codegen, and address
/// (for the JIT: (uint64_t)(uintptr_t)sym.fn).
typedef struct PycRtSymbol {
  const char *name;
  PycRtFn fn;
} PycRtSymbol;

/// Every PYC_API function of the runtime, for the JIT to define as absolute
/// symbols (so the compiler binary needs neither -rdynamic nor
/// --whole-archive). Returns the table and stores its length in *count.
PYC_API const PycRtSymbol *pyc_rt_symbols(size_t *count);

#ifdef __cplusplus
}
#endif

#endif  // PYC_RUNTIME_H
