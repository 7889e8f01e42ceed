// interrupt.c - Ctrl-C in compiled code called from Python (docs/python.md,
// "Ctrl-C"). At import the extension puts a C-level SIGINT handler in front
// of the one CPython installed: ours sets the runtime's interrupt flag (which
// compiled code polls) and then calls CPython's, which trips its own flag as
// before. The handler is installed once, never swapped per call. A call
// from Python starts by dropping a stale flag (a Ctrl-C that Python already
// handled) and ends, when compiled code stopped with KeyboardInterrupt, by
// letting Python run its SIGINT handler (core_interrupt_raise).
#define _POSIX_C_SOURCE 200809L  // sigaction
#include "core.h"

#include <signal.h>
#include <string.h>

#include "pyc/runtime.h"

static struct sigaction prev;  // the handler we chain to (CPython's)
static volatile sig_atomic_t installed;
volatile int32_t *core_intr_flag;

static void on_sigint(int sig, siginfo_t *info, void *uctx) {
  pyc_request_interrupt();
  if (prev.sa_flags & SA_SIGINFO) {
    if (prev.sa_sigaction) prev.sa_sigaction(sig, info, uctx);
  } else if (prev.sa_handler != SIG_DFL && prev.sa_handler != SIG_IGN && prev.sa_handler) {
    prev.sa_handler(sig);
  }
}

int core_interrupt_install(void) {
  core_intr_flag = pyc_interrupt_flag();
  struct sigaction cur;
  if (sigaction(SIGINT, NULL, &cur) != 0) return 0;
  if ((cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == on_sigint) return 1;
  // SIG_DFL kills the process anyway, SIG_IGN means nobody wants Ctrl-C.
  if (!(cur.sa_flags & SA_SIGINFO) && (cur.sa_handler == SIG_DFL || cur.sa_handler == SIG_IGN))
    return 0;
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  pthread_sigmask(SIG_BLOCK, &block, &old);  // no SIGINT while prev changes
  prev = cur;
  struct sigaction sa = cur;
  sa.sa_sigaction = on_sigint;
  sa.sa_flags = cur.sa_flags | SA_SIGINFO;
  int ok = sigaction(SIGINT, &sa, NULL) == 0;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  installed = ok;
  return ok;
}

int core_interrupt_stale(void) {
  // Python's handler has run (or runs now) for the Ctrl-C that set the flag.
  if (PyErr_CheckSignals() < 0) return -1;
  pyc_clear_interrupt();
  return 0;
}

void core_interrupt_raise(void) {
  pyc_clear_interrupt();
  // Runs Python's SIGINT handler: default_int_handler raises KeyboardInterrupt,
  // a user handler may raise something else. If it raises nothing (a user
  // handler that only records the signal, a non-main thread, or a flag set
  // by pyc_request_interrupt directly) the call still has no result.
  if (PyErr_CheckSignals() < 0) return;
  PyErr_SetNone(PyExc_KeyboardInterrupt);
}

PyObject *core_install_interrupt_handler(PyObject *self, PyObject *noargs) {
  (void)self;
  (void)noargs;
  return PyBool_FromLong(core_interrupt_install());
}
