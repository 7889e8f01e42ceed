#!/bin/sh
# bench/partition/run.sh BUILD_DIR [rounds]: the issue-5 benchmarks, in one run
# on one machine: the PRK 2-D star stencil (radius 2, 4096x4096, 100
# iterations) compiled by pyc-task (explicit partitions + index launches,
# and @task(parallel=True); PYC_TASK_THREADS=2) against the same algorithm in C + OpenMP (gcc -O3
# -march=native -fopenmp, OMP_NUM_THREADS=2; also with its grids on huge
# pages, as pyc-task's region fields are), alternating, `rounds` rounds
# (default 3); then the index launch of 1,000 empty point tasks, and two
# tasks on interleaved sparse pieces (sparse_overlap.c: exact dependences).
set -e
B=${1:?usage: run.sh BUILD_DIR [rounds]}
R=${2:-3}
D=$(cd "$(dirname "$0")" && pwd)
O=$B/bench-partition
mkdir -p "$O"
"$B/bin/pyc-task" build "$D/stencil2d.py" -o "$O/stencil2d"
"$B/bin/pyc-task" build "$D/stencil2d_auto.py" -o "$O/stencil2d_auto"
gcc -O3 -march=native -fopenmp "$D/stencil2d_omp.c" -o "$O/stencil2d_omp" -lm
gcc -O3 -march=native -fopenmp -DHUGE_PAGES "$D/stencil2d_omp.c" -o "$O/stencil2d_omp_huge" -lm
gcc -O2 -std=c11 -I"$D/../../runtime/include" "$D/index_launch.c" "$B/lib/libpyctask_rt.a" -lm -lpthread -o "$O/index_launch"
gcc -O2 -std=c11 -I"$D/../../runtime/include" "$D/sparse_overlap.c" "$B/lib/libpyctask_rt.a" -lm -lpthread -o "$O/sparse_overlap"
i=0
while [ $i -lt "$R" ]; do
  PYC_TASK_THREADS=2 "$O/stencil2d"
  PYC_TASK_THREADS=2 "$O/stencil2d_auto"
  OMP_NUM_THREADS=2 OMP_PROC_BIND=false "$O/stencil2d_omp"
  OMP_NUM_THREADS=2 OMP_PROC_BIND=false "$O/stencil2d_omp_huge"
  i=$((i + 1))
done
"$O/index_launch" 2
"$O/index_launch" 1
"$O/sparse_overlap" 2
