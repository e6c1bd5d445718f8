#ifndef TREAD_CTHREADS_H
#define TREAD_CTHREADS_H

/// Starts `body(context)` on a new detached POSIX thread; returns 0, or pthread_create's error (and then
/// `body` has not run). With `elsewhere` nonzero the thread starts on a core other than the caller's when
/// the process may use one, and may run on any of the process's cores once it has started. In C because
/// the affinity calls and `cpu_set_t`'s macros are GNU extensions Swift's Glibc module does not import.
int tread_thread_start(void (*body)(void *), void *context, int elsewhere);

/// How many cores the calling thread may run on (its affinity), or -1 when unknown: for tests of the above.
int tread_thread_core_count(void);

#endif
