// The task runtime's symbol table: name -> address of every PYC_API function
// of pyc/tasks.h, for the JIT (LLVMOrcAbsoluteSymbols), like pyc_rt_symbols()
// for pyc/runtime.h. Keep in sync with the header; test_runtime_tasks checks
// that every entry resolves and that the count matches.
#include "pyc/tasks.h"

#define SYM(name) {#name, (PycRtFn)(name)},

// clang-format off
static const PycRtSymbol task_symbols[] = {
  SYM(pyc_future_get)
  SYM(pyc_future_map_get)
  SYM(pyc_future_get_f64)
  SYM(pyc_future_get_i64)
  SYM(pyc_future_ready)
  SYM(pyc_future_release)
  SYM(pyc_future_retain)
  SYM(pyc_future_wait)
  SYM(pyc_launch)
  SYM(pyc_launch_arrays)
  SYM(pyc_launch_ex)
  SYM(pyc_index_launch)
  SYM(pyc_partition_by_field)
  SYM(pyc_partition_cdim)
  SYM(pyc_partition_colors)
  SYM(pyc_partition_equal)
  SYM(pyc_partition_get)
  SYM(pyc_partition_halo)
  SYM(pyc_partition_image)
  SYM(pyc_partition_kind)
  SYM(pyc_partition_parent)
  SYM(pyc_partition_piece)
  SYM(pyc_partition_preimage)
  SYM(pyc_partition_release)
  SYM(pyc_partition_restrict)
  SYM(pyc_partition_retain)
  SYM(pyc_partition_volume)
  SYM(pyc_parallel_for)
  SYM(pyc_region_contains)
  SYM(pyc_region_copy)
  SYM(pyc_region_copy_reduce)
  SYM(pyc_region_field_data)
  SYM(pyc_region_field_size)
  SYM(pyc_region_fill)
  SYM(pyc_region_fill_f64)
  SYM(pyc_region_fill_i64)
  SYM(pyc_region_hi)
  SYM(pyc_region_lo)
  SYM(pyc_region_ndim)
  SYM(pyc_region_new)
  SYM(pyc_region_nfields)
  SYM(pyc_region_parent)
  SYM(pyc_region_point)
  SYM(pyc_region_point_axis)
  SYM(pyc_region_points)
  SYM(pyc_region_refcount)
  SYM(pyc_region_release)
  SYM(pyc_region_retain)
  SYM(pyc_region_stride)
  SYM(pyc_region_subregion)
  SYM(pyc_region_subregion_points)
  SYM(pyc_region_volume)
  SYM(pyc_runtime_fence)
  SYM(pyc_runtime_init)
  SYM(pyc_runtime_live_allocs)
  SYM(pyc_runtime_set_alloc)
  SYM(pyc_runtime_shutdown)
  SYM(pyc_runtime_threads)
  SYM(pyc_runtime_worker_id)
  SYM(pyc_task_symbols)
};
// clang-format on

PYC_API const PycRtSymbol *pyc_task_symbols(size_t *count) {
  if (count) *count = sizeof task_symbols / sizeof task_symbols[0];
  return task_symbols;
}
