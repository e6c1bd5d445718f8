#if canImport(Glibc)
    import Glibc
#endif

/// A condition variable that sleeps until a predicate holds, checked again on every signal.
final class Condition: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var variable = pthread_cond_t()

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&variable, nil)
    }

    func signal() {
        pthread_mutex_lock(&mutex)
        pthread_cond_broadcast(&variable)
        pthread_mutex_unlock(&mutex)
    }

    func wait(until ready: () -> Bool) {
        pthread_mutex_lock(&mutex)
        while !ready() { pthread_cond_wait(&variable, &mutex) }
        pthread_mutex_unlock(&mutex)
    }

    deinit {
        pthread_cond_destroy(&variable)
        pthread_mutex_destroy(&mutex)
    }
}
