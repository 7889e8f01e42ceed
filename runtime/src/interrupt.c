// The interrupt flag (docs/runtime.md, "Interrupts"): one process-wide int32
// that a SIGINT handler sets and compiled code polls (codegen/llvm/
// emit_ctrl.c). It lives outside the PycRuntime context on purpose: a signal
// handler must reach it without pthread_once, so it is a plain static
// accessed with lock-free __atomic builtins (compiled code reads it with a
// volatile unordered-atomic load). Also the standalone programs' SIGINT
// handler (pyc_run_main installs it; the Python extension chains its own).
#define _POSIX_C_SOURCE 200809L  // sigaction
#include "pyc/runtime.h"

#include <signal.h>

static volatile int32_t interrupt_flag;
static volatile sig_atomic_t handler_installed;

PYC_API volatile int32_t *pyc_interrupt_flag(void) { return &interrupt_flag; }

PYC_API void pyc_request_interrupt(void) {
  __atomic_store_n(&interrupt_flag, 1, __ATOMIC_SEQ_CST);
}

PYC_API void pyc_clear_interrupt(void) { __atomic_store_n(&interrupt_flag, 0, __ATOMIC_SEQ_CST); }

PYC_API int32_t pyc_interrupt_requested(void) {
  return __atomic_load_n(&interrupt_flag, __ATOMIC_SEQ_CST) != 0;
}

PYC_API void pyc_raise_interrupt(const char *file, int32_t line) {
  pyc_raise(PYC_EXC_KEYBOARD_INTERRUPT, NULL, file, line);
}

// First SIGINT: set the flag (compiled code stops at its next poll). A
// second one before the program noticed: die the default way.
static void on_sigint(int sig) {
  if (__atomic_load_n(&interrupt_flag, __ATOMIC_SEQ_CST)) {
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  pyc_request_interrupt();
}

PYC_API int32_t pyc_install_sigint_flag(void) {
  if (handler_installed) return 1;
  struct sigaction cur;
  if (sigaction(SIGINT, NULL, &cur) != 0) return 0;
  if ((cur.sa_flags & SA_SIGINFO) || cur.sa_handler != SIG_DFL) return 0;  // someone else's
  struct sigaction sa;
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  if (sigaction(SIGINT, &sa, NULL) != 0) return 0;
  handler_installed = 1;
  return 1;
}
