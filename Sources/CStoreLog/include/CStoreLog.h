#ifndef TREAD_CSTORELOG_H
#define TREAD_CSTORELOG_H

/// Makes closing `connection` (a `sqlite3 *`) leave its write-ahead log as it is, without the
/// checkpoint SQLite otherwise runs when the last connection closes (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE).
/// Returns SQLite's result code (0 when done). In C because `sqlite3_db_config` is variadic, which
/// Swift cannot call.
int tread_store_keep_log_on_close(void *connection);

#endif
