// Detached threads, optionally started away from the caller's core: see CThreads.h.
#define _GNU_SOURCE
#include "CThreads.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct start {
    void (*body)(void *);
    void *context;
    int elsewhere;
    cpu_set_t everywhere;
};

static void *run(void *argument) {
    struct start start = *(struct start *)argument;
    free(argument);
    // Started away from its creator's core: from now on, any of the process's.
    if (start.elsewhere) sched_setaffinity(0, sizeof start.everywhere, &start.everywhere);
    start.body(start.context);
    return 0;
}

int tread_thread_start(void (*body)(void *), void *context, int elsewhere) {
    struct start *start = malloc(sizeof *start);
    if (!start) return -1;
    start->body = body;
    start->context = context;
    start->elsewhere = 0;
    pthread_attr_t attributes;
    int result = pthread_attr_init(&attributes);
    if (result != 0) {
        free(start);
        return result;
    }
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    int here = sched_getcpu();
    if (elsewhere && here >= 0 && here < CPU_SETSIZE &&
        sched_getaffinity(0, sizeof start->everywhere, &start->everywhere) == 0) {
        cpu_set_t away = start->everywhere;
        CPU_CLR(here, &away);
        if (CPU_COUNT(&away) > 0 && pthread_attr_setaffinity_np(&attributes, sizeof away, &away) == 0)
            start->elsewhere = 1;
    }
    pthread_t thread;
    result = pthread_create(&thread, &attributes, run, start);
    pthread_attr_destroy(&attributes);
    if (result != 0) free(start);
    return result;
}

int tread_thread_core_count(void) {
    cpu_set_t cores;
    if (sched_getaffinity(0, sizeof cores, &cores) != 0) return -1;
    return CPU_COUNT(&cores);
}
