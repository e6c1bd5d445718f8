// Sets SWIFT_BACKTRACE=interactive=no before the Swift runtime reads it, in the same process.
//
// The runtime reads SWIFT_BACKTRACE once, in an initialiser of its own, and decides there whether a
// crash report asks "Press space" on a terminal; a crash of tread must never wait for a key. When the
// runtime is linked into the executable (`-static-stdlib`, as Package.swift links tread), its
// initialiser is one of the executable's, with the default priority, and this one (priority 101)
// runs before it, after libc's. When the runtime is a shared library (libswiftCore.so), its
// initialiser runs before any of the executable's, and earlier than that (`.preinit_array`) libc has
// no environment yet to set a variable in: then `tread_startup_ran` says 0 and tread sets the
// variable and executes itself again, once, as it did on every start before.
//
// Only on a terminal, as the backtracer is not interactive elsewhere; a value the user set is kept.
#define _GNU_SOURCE
#include "CStartup.h"

#include <stdlib.h>
#include <unistd.h>

// Defined by the Swift runtime, in whichever object holds it.
extern void swift_retain(void) __attribute__((weak));
// Also the runtime's: the command line `CommandLine.arguments` reads. Without it the runtime finds
// argv by where `environ` points, which `setenv` moves.
extern void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc) __attribute__((weak));

// The start and end of the executable's code, defined by the linker.
extern const char __executable_start[];
extern const char etext[];

static int ran = 0;

// glibc hands an executable's initialisers the arguments `main` gets.
__attribute__((constructor(101))) static void tread_startup(int argc, char **argv, char **envp) {
    (void)envp;
    // The runtime is linked in when its code lies in the executable's (the linker's bounds of it;
    // dladdr would tell too, but scans a 100 MB binary's symbols).
    const char *runtime = (const char *)swift_retain;
    if (runtime == NULL || runtime < __executable_start || runtime >= etext) return;
    if (_swift_stdlib_overrideUnsafeArgvArgc == NULL) return;
    ran = 1;
    if (getenv("SWIFT_BACKTRACE") == NULL && isatty(STDOUT_FILENO) == 1) {
        _swift_stdlib_overrideUnsafeArgvArgc(argv, argc);
        setenv("SWIFT_BACKTRACE", "interactive=no", 1);
    }
}

int tread_startup_ran(void) { return ran; }
