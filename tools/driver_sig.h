// driver_sig.h - private to the driver: the signature text of a module's
// compiled functions for the Python boundary (pyc_compiler_signatures).
#ifndef PYC_TOOLS_DRIVER_SIG_H
#define PYC_TOOLS_DRIVER_SIG_H

#include "../ir/ir.h"

// The text described at pyc_compiler_signatures (malloc'd; NULL if out of memory).
char *drv_signatures(IrModule *m);

#endif
