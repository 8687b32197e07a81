#include "database.h"

#include <sqlite3.h>

#include <QFileInfo>

#include <mutex>

namespace tandem::store {

namespace {

ErrorCode codeFor(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return ErrorCode::WrongKey;
    case SQLITE_CORRUPT:
        return ErrorCode::Corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return ErrorCode::Io;
    default:
        return ErrorCode::Database;
    }
}

} // namespace

// Process-wide settings, made once before the first connection.
//
// Sorts (GROUP BY, ORDER BY without an index) stay in memory up to the page cache's size, at least
// SQLITE_CONFIG_PMASZ pages; past it they are cut into runs and merged. The app gives a space a small page
// cache (SpaceStore::kInteractiveCacheKiB), which made the dashboard's sorts of 40,000 to 80,000 rows
// spill and merge: 1.5x their time. A run's memory is spent either way (temp_store=MEMORY keeps the
// runs in memory too), so a higher floor costs nothing and keeps a sort that size in one piece.
//
// SQLCipher 4.6 writes its own lines ("ERROR CORE sqlcipher_page_cipher: hmac check failed") to stderr
// whenever a page does not decrypt. Tandem reports those failures itself, as one sentence, so the
// library's log goes nowhere. TANDEM_SQLCIPHER_LOG=1 keeps it.
void setUpLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        constexpr int kSortPagesInMemory = 4096; // 16 MiB at SQLCipher's 4 KiB pages
        // SQLITE_MISUSE if the library was initialised already (by another user in this process): the
        // sorts are then only slower.
        sqlite3_config(SQLITE_CONFIG_PMASZ, unsigned(kSortPagesInMemory));
        if (qEnvironmentVariableIsSet("TANDEM_SQLCIPHER_LOG"))
            return;
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
#ifdef Q_OS_WIN
            sqlite3_exec(
                db, "PRAGMA cipher_log = 'NUL'; PRAGMA cipher_log_level = NONE;", nullptr, nullptr, nullptr);
#else
            sqlite3_exec(db, "PRAGMA cipher_log = '/dev/null'; PRAGMA cipher_log_level = NONE;", nullptr, nullptr,
                         nullptr);
#endif
        }
        sqlite3_close(db);
    });
}

Error sqliteError(int rc, const QString &context)
{
    return Error::make(
        codeFor(rc), QStringLiteral("%1: %2").arg(context, QString::fromUtf8(sqlite3_errstr(rc))));
}

// ---- Statement ----

Statement::Statement(sqlite3 *db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
{ }

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{ }

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindUtf8(int index, std::string_view utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &blob)
{
    sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement &Statement::bindOptional(int index, const QString &text)
{
    return text.isNull() ? bindNull(index) : bind(index, text);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = Error::make(codeFor(rc),
        QStringLiteral("%1 (in: %2)")
            .arg(QString::fromUtf8(sqlite3_errmsg(m_db)), QString::fromUtf8(sqlite3_sql(m_stmt)).left(120)));
    sqlite3_reset(m_stmt);
    return e;
}

Status Statement::exec()
{
    for (;;) {
        auto r = step();
        if (!r) {
            reset();
            return r.error();
        }
        if (!*r)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

std::string_view Statement::utf8(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return {p, size_t(sqlite3_column_bytes(m_stmt, column))};
}

QByteArray Statement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(p, sqlite3_column_bytes(m_stmt, column));
}

// ---- Database ----

Database::Database(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{ }

Database::~Database()
{
    m_cache.clear(); // statements must be finalized before the connection closes
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<Database>> Database::open(
    const QString &path, const QByteArray &rawKey, const Options &options)
{
    if (rawKey.size() != 32)
        return Error::make(ErrorCode::Invalid, QStringLiteral("A space key must be 32 bytes."));
    return openImpl(path, &rawKey, options);
}

Result<std::unique_ptr<Database>> Database::openPlain(const QString &path, const Options &options)
{
    return openImpl(path, nullptr, options);
}

Result<std::unique_ptr<Database>> Database::openImpl(
    const QString &path, const QByteArray *rawKey, const Options &options)
{
    setUpLibrary();
    if (!options.create && !QFileInfo::exists(path))
        return Error::make(ErrorCode::NotFound, QStringLiteral("No database at %1.").arg(path));
    int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.readOnly)
        flags |= SQLITE_OPEN_CREATE;
    // One connection per thread by design, so SQLite's own mutexes are not needed.
    flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    sqlite3 *raw = nullptr;
    const QByteArray nativePath = path.toUtf8();
    const int rc = sqlite3_open_v2(nativePath.constData(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK)
        return sqliteError(rc, QStringLiteral("Cannot open %1").arg(path));

    if (rawKey) {
        TANDEM_TRY(db->requireSqlCipher4());
        // "x'…'" tells SQLCipher the key is raw: it skips its own PBKDF2, since ours is already random.
        QByteArray keySpec = "x'" + rawKey->toHex() + "'";
        const int krc = sqlite3_key_v2(raw, "main", keySpec.constData(), int(keySpec.size()));
        keySpec.fill('\0');
        if (krc != SQLITE_OK)
            return sqliteError(krc, QStringLiteral("Cannot set the key of %1").arg(path));
    }
    // Until the key is proven, closing must not checkpoint: a connection that cannot read the database
    // would otherwise copy a crashed session's WAL into the database file and delete the WAL.
    sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, static_cast<int *>(nullptr));
    // The first read proves the key before anything is written: a wrong key changes no byte.
    auto probe = db->queryInt("SELECT count(*) FROM sqlite_schema");
    if (!probe) {
        if (probe.error().code == ErrorCode::WrongKey)
            return Error::make(ErrorCode::WrongKey,
                QStringLiteral("The key does not open %1, or it is not a Tandem database.").arg(path));
        return probe.error();
    }
    sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, static_cast<int *>(nullptr));
    TANDEM_TRY(db->configure(options));
    return db;
}

Status Database::requireSqlCipher4()
{
    // Linking plain SQLite or SQLCipher 3 by mistake would write unencrypted or weakly keyed files.
    auto st = prepare("PRAGMA cipher_version");
    if (!st)
        return st.error();
    auto row = st->step();
    const QString version = (row && *row) ? st->text(0) : QString();
    if (version.isEmpty() || version.section(u'.', 0, 0).toInt() < 4)
        return Error::make(ErrorCode::Unavailable,
            QStringLiteral("Tandem needs SQLCipher 4 or newer; this build uses %1.")
                .arg(version.isEmpty() ? QStringLiteral("a library without encryption") : version));
    return {};
}

Status Database::configure(const Options &options)
{
    sqlite3_busy_timeout(m_db, 5000);
    sqlite3_extended_result_codes(m_db, 1);
    if (!options.readOnly) {
        // WAL: readers never block the writer; synchronous=NORMAL makes a committed transaction survive a
        // killed process (the WAL is written before COMMIT returns). See docs/store.md for power loss.
        TANDEM_TRY(exec("PRAGMA journal_mode=WAL"));
        TANDEM_TRY(exec("PRAGMA synchronous=NORMAL"));
    }
    TANDEM_TRY(exec("PRAGMA foreign_keys=ON"));
    TANDEM_TRY(exec("PRAGMA temp_store=MEMORY"));
    const std::string cache = "PRAGMA cache_size=-" + std::to_string(options.cacheKiB);
    TANDEM_TRY(exec(cache));
    return {};
}

Status Database::exec(std::string_view sql)
{
    const std::string s(sql);
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        return Error::make(
            codeFor(rc), QStringLiteral("%1 (in: %2)").arg(msg, QString::fromUtf8(s.c_str()).left(120)));
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc
        = sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return Error::make(codeFor(rc),
            QStringLiteral("%1 (in: %2)")
                .arg(QString::fromUtf8(sqlite3_errmsg(m_db)),
                    QString::fromUtf8(sql.data(), qsizetype(sql.size())).left(120)));
    return Statement(m_db, stmt);
}

Result<Statement *> Database::cached(std::string_view sql)
{
    auto it = m_cache.find(std::string(sql));
    if (it != m_cache.end()) {
        it->second->reset();
        return it->second.get();
    }
    auto st = prepare(sql);
    if (!st)
        return st.error();
    auto owned = std::make_unique<Statement>(std::move(*st));
    Statement *p = owned.get();
    m_cache.emplace(std::string(sql), std::move(owned));
    return p;
}

Result<qint64> Database::queryInt(std::string_view sql)
{
    auto st = prepare(sql);
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    return *row ? st->int64(0) : qint64(0);
}

Status Database::begin(Durability durability)
{
    m_txDurability = durability;
    if (durability == Durability::PowerLoss)
        TANDEM_TRY(exec("PRAGMA synchronous=FULL"));
    // IMMEDIATE takes the write lock now, so a later write in the transaction cannot fail with BUSY.
    return exec("BEGIN IMMEDIATE");
}

Status Database::commit()
{
    Status s = exec("COMMIT");
    if (m_txDurability == Durability::PowerLoss) {
        (void)exec("PRAGMA synchronous=NORMAL");
        m_txDurability = Durability::Process;
    }
    if (!s)
        rollback();
    return s;
}

void Database::rollback()
{
    if (!sqlite3_get_autocommit(m_db))
        (void)exec("ROLLBACK");
    if (m_txDurability == Durability::PowerLoss) {
        (void)exec("PRAGMA synchronous=NORMAL");
        m_txDurability = Durability::Process;
    }
}

bool Database::inTransaction() const
{
    return !sqlite3_get_autocommit(m_db);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::error(const QString &context) const
{
    return Error::make(codeFor(sqlite3_extended_errcode(m_db)),
        QStringLiteral("%1: %2").arg(context, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

} // namespace tandem::store
