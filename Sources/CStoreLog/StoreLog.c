// The reading state's one SQLite setting Swift cannot make: see CStoreLog.h.
#include "CStoreLog.h"

#include <sqlite3.h>

int tread_store_keep_log_on_close(void *connection) {
    return sqlite3_db_config((sqlite3 *)connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
