// A stand-in for a compiled program: defines pyc_user_main() the way codegen
// does and is linked with libpyctask_main.a (which provides main()), exactly
// as `pyc-task build` links executables. Without arguments it prints and
// exits 0; with "raise" it raises ZeroDivisionError at smoke.py:7 and exits 1.
#include "pyc/runtime.h"

#include <string.h>

void pyc_user_main(void);

void pyc_user_main(void) {
  pyc_buf_str("hello ", -1);
  pyc_buf_f64(0.1 + 0.2);
  pyc_buf_char(' ');
  pyc_buf_bool(1);
  pyc_buf_char('\n');
  pyc_buf_print();
  if (pyc_argc() > 1 && strcmp(pyc_argv(1), "raise") == 0) {
    (void)pyc_div_f64(1.0, 0.0);
    pyc_err_set_location("smoke.py", 7);
  }
}
