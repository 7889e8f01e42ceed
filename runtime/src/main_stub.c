// The C entry point of a standalone executable built by `pyc-task build`.
// Codegen emits the compiled program's entry as `void pyc_user_main(void)`;
// this main() records argv and runs it through pyc_run_main(), which flushes
// stdout and turns a pending exception into a message on stderr + exit 1.
// Kept in its own library (libpyctask_main.a) so that the compiler binary and
// the JIT, which link libpyctask_rt.a, never get a second main().
#include "pyc/runtime.h"

void pyc_user_main(void);

int main(int argc, char **argv) {
  pyc_set_args(argc, argv);
  return pyc_run_main(pyc_user_main);
}
