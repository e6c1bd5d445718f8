// The reading state's SQLite settings Swift cannot make: see CStoreLog.h.
#include "CStoreLog.h"

#include <stdint.h>
#include <string.h>
#include <sqlite3.h>

int tread_store_keep_log_on_close(void *connection) {
    return sqlite3_db_config((sqlite3 *)connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

// The hook's context packs its two numbers: the pages that start a fold (high 32 bits) and the
// milliseconds the connection waits for a lock otherwise (low 32 bits), put back after the fold.
static int fold_log(void *context, sqlite3 *connection, const char *name, int pages) {
    intptr_t packed = (intptr_t)context;
    int limit = (int)(packed >> 32);
    int wait = (int)(packed & 0xffffffff);
    if (pages < limit) return SQLITE_OK;
    int logged = 0;
    int folded = 0;
    // What SQLite's automatic checkpoint does: copy into the database what no reader still needs,
    // waiting for no one.
    if (sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, &logged, &folded) != SQLITE_OK ||
        folded < logged)
        return SQLITE_OK;
    // All of it is in the database now: empty the log, or the next process (which rebuilds its index
    // from the file) would find every page of it still valid and read them all. Without waiting: a
    // reader or writer in another tread keeps the log until a later save.
    sqlite3_busy_timeout(connection, 0);
    sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_TRUNCATE, (int *)0, (int *)0);
    sqlite3_busy_timeout(connection, wait);
    return SQLITE_OK;
}

void tread_store_fold_log(void *connection, int pages, int waitMilliseconds) {
    intptr_t packed = ((intptr_t)pages << 32) | (intptr_t)(uint32_t)waitMilliseconds;
    sqlite3_wal_hook((sqlite3 *)connection, fold_log, (void *)packed);
}

// The journal mode's row: `wal` set to 1 when it reads "wal".
static int read_journal_mode(void *wal, int columns, char **values, char **names) {
    (void)names;
    if (columns == 1 && values[0] != 0 && strcmp(values[0], "wal") == 0) *(int *)wal = 1;
    return 0;
}

int tread_store_set_pragmas(void *connection) {
    int wal = 0;
    int result = sqlite3_exec((sqlite3 *)connection,
                              "PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 1048576; "
                              "PRAGMA synchronous = NORMAL; "
                              "PRAGMA journal_mode = WAL",
                              read_journal_mode, &wal, (char **)0);
    if (result != SQLITE_OK) return result;
    return wal ? SQLITE_OK : -1;
}
