// The runtime's symbol table: name -> address of every PYC_API function, so
// the JIT can define them as absolute symbols (LLVMOrcAbsoluteSymbols)
// without relying on the compiler binary exporting them (-rdynamic) or on
// the linker keeping unreferenced archive members (--whole-archive).
// Referencing every function here also pulls the whole library into any
// binary that calls pyc_rt_symbols(). Keep in sync with pyc/runtime.h; the
// unit test test_runtime_core checks the count against the header.
#include "pyc/runtime.h"

#define SYM(name) {#name, (PycRtFn)(name)},
#define SYM_MATH(name) {"pyc_math_" #name, (PycRtFn)(pyc_math_##name)},

// clang-format off
static const PycRtSymbol rt_symbols[] = {
  SYM(pyc_argc)
  SYM(pyc_argv)
  SYM(pyc_array_data)
  SYM(pyc_array_decref)
  SYM(pyc_array_incref)
  SYM(pyc_array_live_count)
  SYM(pyc_array_nbytes)
  SYM(pyc_array_new)
  SYM(pyc_array_refcount)
  SYM(pyc_buf_bool)
  SYM(pyc_buf_char)
  SYM(pyc_buf_data)
  SYM(pyc_buf_f32)
  SYM(pyc_buf_f64)
  SYM(pyc_buf_fmt_bool)
  SYM(pyc_buf_fmt_f32)
  SYM(pyc_buf_fmt_f64)
  SYM(pyc_buf_fmt_i64)
  SYM(pyc_buf_fmt_str)
  SYM(pyc_buf_fmt_u64)
  SYM(pyc_buf_i64)
  SYM(pyc_buf_print)
  SYM(pyc_buf_raise)
  SYM(pyc_buf_reset)
  SYM(pyc_buf_spec_error)
  SYM(pyc_buf_spec_ok)
  SYM(pyc_buf_str)
  SYM(pyc_buf_u64)
  SYM(pyc_div_f64)
  SYM(pyc_err_clear)
  SYM(pyc_err_file)
  SYM(pyc_err_index)
  SYM(pyc_err_line)
  SYM(pyc_err_message)
  SYM(pyc_err_occurred)
  SYM(pyc_err_print)
  SYM(pyc_err_set_location)
  SYM(pyc_exc_lookup)
  SYM(pyc_exc_matches)
  SYM(pyc_exc_name)
  SYM(pyc_f64_to_i64)
  SYM(pyc_floordiv_f64)
  SYM(pyc_floordiv_i64)
  SYM(pyc_flush)
  SYM(pyc_fpow)
  SYM(pyc_ipow)
  SYM(pyc_math_1)
  SYM(pyc_math_2)
  SYM(pyc_math_ceil_i64)
  SYM(pyc_math_comb)
  SYM(pyc_math_factorial)
  SYM(pyc_math_floor_i64)
  SYM(pyc_math_gcd)
  SYM(pyc_math_isclose)
  SYM(pyc_math_isqrt)
  SYM(pyc_math_lcm)
  SYM(pyc_math_name)
  SYM(pyc_math_perm)
  SYM(pyc_math_trunc_i64)
  SYM(pyc_mod_f64)
  SYM(pyc_mod_i64)
  SYM(pyc_raise)
  SYM(pyc_round_f64)
  SYM(pyc_round_to_i64)
  SYM(pyc_rt_abi_version)
  SYM(pyc_interrupt_flag)
  SYM(pyc_request_interrupt)
  SYM(pyc_clear_interrupt)
  SYM(pyc_interrupt_requested)
  SYM(pyc_raise_interrupt)
  SYM(pyc_install_sigint_flag)
  SYM(pyc_rt_symbols)
  SYM(pyc_run_main)
  SYM(pyc_set_args)
  SYM(pyc_truediv_i64)
  PYC_MATH_1(SYM_MATH)
  PYC_MATH_2(SYM_MATH)
};
// clang-format on

PYC_API const PycRtSymbol *pyc_rt_symbols(size_t *count) {
  if (count) *count = sizeof rt_symbols / sizeof rt_symbols[0];
  return rt_symbols;
}
