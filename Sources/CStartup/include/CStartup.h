#ifndef TREAD_CSTARTUP_H
#define TREAD_CSTARTUP_H

/// Whether SWIFT_BACKTRACE was set before the Swift runtime read it (see Startup.c): 1 when the runtime is
/// linked into the executable, 0 when it is a shared library (tread then runs itself again, once).
int tread_startup_ran(void);

#endif
