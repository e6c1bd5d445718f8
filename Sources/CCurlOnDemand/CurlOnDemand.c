// libcurl, loaded on tread's first fetch instead of at every start.
//
// Foundation's URLSession (linked in statically, see Package.swift) calls the 23 libcurl functions
// below. Linking libcurl itself would make every start map it and the 25 libraries it needs (TLS,
// Kerberos, LDAP, IDN...), about 2.7 ms of a start whose floor is 0.4 ms, though reading a file
// never fetches. So tread defines those functions here: the first call opens libcurl.so.4 with
// dlopen and each then calls the real one. Without libcurl installed, a fetch ends tread with a
// message and status 69 (the service is unavailable); everything else works.
//
// No curl header is needed: handles are opaque pointers and codes are ints, as in curl's ABI. The
// variadic setopt and getinfo take one argument whose type curl encodes in the option number
// (CURLOPTTYPE_*: below 10000 a long, from 30000 to 39999 a curl_off_t, else a pointer).
#define _GNU_SOURCE
#include "CCurlOnDemand.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *library = NULL;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void open_library(void) { __atomic_store_n(&library, dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL), __ATOMIC_RELEASE); }

// Ends curses' hold on the terminal (the reader may be open) before the message.
extern int endwin(void);

/// The real function `name`; ends tread when libcurl cannot be had.
static void *real(const char *name) {
    pthread_once(&once, open_library);
    void *function = library ? dlsym(library, name) : NULL;
    if (function == NULL) {
        endwin();
        const char *why = dlerror();
        fprintf(stderr, "tread: fetching needs libcurl (libcurl.so.4), which could not be loaded: %s\n",
                why ? why : name);
        exit(69);
    }
    return function;
}

int tread_curl_loaded(void) { return __atomic_load_n(&library, __ATOMIC_ACQUIRE) != NULL; }

#define FORWARD(ret, name, params, args)                                                                    \
    ret name params {                                                                                      \
        static ret(*cached) params = NULL;                                                                 \
        ret(*function) params = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);                                \
        if (function == NULL) {                                                                            \
            function = (ret(*) params)real(#name);                                                         \
            __atomic_store_n(&cached, function, __ATOMIC_RELEASE);                                         \
        }                                                                                                  \
        return function args;                                                                              \
    }
#define FORWARD_VOID(name, params, args)                                                                   \
    void name params {                                                                                     \
        static void(*cached) params = NULL;                                                                \
        void(*function) params = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);                               \
        if (function == NULL) {                                                                            \
            function = (void(*) params)real(#name);                                                        \
            __atomic_store_n(&cached, function, __ATOMIC_RELEASE);                                         \
        }                                                                                                  \
        function args;                                                                                     \
    }

FORWARD(int, curl_global_init, (long flags), (flags))
FORWARD(void *, curl_easy_init, (void), ())
FORWARD_VOID(curl_easy_cleanup, (void *easy), (easy))
FORWARD(int, curl_easy_pause, (void *easy, int mask), (easy, mask))
FORWARD(const char *, curl_easy_strerror, (int code), (code))
FORWARD_VOID(curl_free, (void *pointer), (pointer))
FORWARD(void *, curl_multi_init, (void), ())
FORWARD(int, curl_multi_cleanup, (void *multi), (multi))
FORWARD(int, curl_multi_add_handle, (void *multi, void *easy), (multi, easy))
FORWARD(int, curl_multi_remove_handle, (void *multi, void *easy), (multi, easy))
FORWARD(int, curl_multi_assign, (void *multi, int socket, void *pointer), (multi, socket, pointer))
FORWARD(void *, curl_multi_info_read, (void *multi, int *left), (multi, left))
FORWARD(int, curl_multi_socket_action, (void *multi, int socket, int mask, int *running),
        (multi, socket, mask, running))
FORWARD(void *, curl_slist_append, (void *list, const char *text), (list, text))
FORWARD_VOID(curl_slist_free_all, (void *list), (list))
FORWARD(void *, curl_url, (void), ())
FORWARD(int, curl_url_get, (void *url, int part, char **text, unsigned int flags), (url, part, text, flags))
FORWARD(int, curl_url_set, (void *url, int part, const char *text, unsigned int flags), (url, part, text, flags))
FORWARD(char *, curl_version, (void), ())
FORWARD(void *, curl_version_info, (int age), (age))

/// setopt's one argument, read as curl reads it for `option`, and passed on as that type.
#define FORWARD_OPTION(name, handle_type)                                                                   \
    int name(handle_type handle, int option, ...) {                                                        \
        static int (*cached)(handle_type, int, long) = NULL;                                               \
        int (*as_long)(handle_type, int, long) = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);               \
        if (as_long == NULL) {                                                                             \
            as_long = (int (*)(handle_type, int, long))real(#name);                                        \
            __atomic_store_n(&cached, as_long, __ATOMIC_RELEASE);                                          \
        }                                                                                                  \
        va_list list;                                                                                      \
        va_start(list, option);                                                                            \
        int result;                                                                                        \
        if (option < 10000) {                                                                              \
            result = as_long(handle, option, va_arg(list, long));                                          \
        } else if (option >= 30000 && option < 40000) {                                                    \
            result = ((int (*)(handle_type, int, int64_t))as_long)(handle, option, va_arg(list, int64_t)); \
        } else {                                                                                           \
            result = ((int (*)(handle_type, int, void *))as_long)(handle, option, va_arg(list, void *));   \
        }                                                                                                  \
        va_end(list);                                                                                      \
        return result;                                                                                     \
    }

FORWARD_OPTION(curl_easy_setopt, void *)
FORWARD_OPTION(curl_multi_setopt, void *)

int curl_easy_getinfo(void *easy, int info, ...) {
    static int (*cached)(void *, int, void *) = NULL;
    int (*function)(void *, int, void *) = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);
    if (function == NULL) {
        function = (int (*)(void *, int, void *))real("curl_easy_getinfo");
        __atomic_store_n(&cached, function, __ATOMIC_RELEASE);
    }
    va_list list;
    va_start(list, info);
    void *out = va_arg(list, void *);
    va_end(list);
    return function(easy, info, out);
}
