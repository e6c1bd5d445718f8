#ifndef TREAD_CSTORELOG_H
#define TREAD_CSTORELOG_H

/// Makes closing `connection` (a `sqlite3 *`) leave its write-ahead log as it is, without the
/// checkpoint SQLite otherwise runs when the last connection closes (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE).
/// Returns SQLite's result code (0 when done). In C because `sqlite3_db_config` is variadic, which
/// Swift cannot call.
int tread_store_keep_log_on_close(void *connection);

/// After every commit on `connection` (a `sqlite3 *`) whose log then holds at least `pages` pages:
/// copies the log into the database as SQLite's automatic checkpoint does (PASSIVE, never waiting)
/// and, when all of it went in, empties the log file (a TRUNCATE checkpoint, not waiting either;
/// `waitMilliseconds` is the connection's busy timeout, put back after it). Replaces SQLite's automatic
/// checkpoint (`sqlite3_wal_hook`). In C because the hook is a C function pointer with a context.
///
/// Needed with a log kept between runs: a checkpoint alone leaves the log's pages valid in the file, and
/// the next process rebuilds the log's index from the file, so it would read (and fold in again at every
/// quit) every page ever written since the log was last emptied.
void tread_store_fold_log(void *connection, int pages, int waitMilliseconds);

/// Sets the store's pragmas on `connection` (a `sqlite3 *`) in one `sqlite3_exec`: `foreign_keys` on,
/// `journal_size_limit` 1 MB, `synchronous` NORMAL and `journal_mode` WAL (kept in the file, so after the first open this only
/// reads it). Returns SQLite's result code, `SQLITE_OK` when all are set, or -1 when the journal mode
/// stays other than "wal". In C to run them as one call, not statements each prepared and stepped
/// (issue 25, startup5).
int tread_store_set_pragmas(void *connection);

#endif
