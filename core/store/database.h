// A thin RAII wrapper over SQLCipher's C API: one encrypted connection, prepared statements with a
// cache, transactions, and errors as values. A Database is used by one thread at a time.
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tandem::store {

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    // Parameters are 1-based, as in SQLite.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &text);
    Statement &bindUtf8(int index, std::string_view utf8);
    Statement &bindBlob(int index, const QByteArray &blob);
    Statement &bindNull(int index);
    // Binds text, or NULL when the string is null.
    Statement &bindOptional(int index, const QString &text);

    // Advances one row: true when a row is available, false when done.
    [[nodiscard]] Result<bool> step();
    // Runs the statement to completion and resets it.
    [[nodiscard]] Status exec();
    // Steps through every row, calling `onRow(*this)` for each, then resets; stops at the first error.
    template<typename F> [[nodiscard]] Status forEachRow(F &&onRow)
    {
        for (;;) {
            auto row = step();
            if (!row) {
                reset();
                return row.error();
            }
            if (!*row)
                break;
            onRow(static_cast<const Statement &>(*this));
        }
        reset();
        return {};
    }
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] std::string_view utf8(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;

    [[nodiscard]] sqlite3_stmt *handle() const { return m_stmt; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

// Durability of a write transaction. Things the user typed must survive a power cut; data that can be
// fetched again from the server only needs to survive a killed process (see docs/store.md).
enum class Durability { Process, PowerLoss };

class Database
{
public:
    struct Options
    {
        bool create = false; // create the file when missing
        bool readOnly = false;
        int cacheKiB = 16 * 1024; // page cache per connection
    };

    // Opens an SQLCipher database with a raw 256-bit key (no key derivation in SQLCipher: the key is
    // random and wrapped elsewhere). A wrong key gives ErrorCode::WrongKey and leaves the file untouched.
    static Result<std::unique_ptr<Database>> open(
        const QString &path, const QByteArray &rawKey, const Options &options);
    // Opens a plain, unencrypted SQLite database (the server's own data or test fixtures).
    static Result<std::unique_ptr<Database>> openPlain(const QString &path, const Options &options);

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    [[nodiscard]] Status exec(std::string_view sql);
    [[nodiscard]] Result<Statement> prepare(std::string_view sql);
    // A prepared statement kept for the life of the connection, reset and ready to bind.
    [[nodiscard]] Result<Statement *> cached(std::string_view sql);
    [[nodiscard]] Result<qint64> queryInt(std::string_view sql);

    [[nodiscard]] Status begin(Durability durability = Durability::Process);
    [[nodiscard]] Status commit();
    void rollback();
    [[nodiscard]] bool inTransaction() const;

    [[nodiscard]] qint64 lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] Error error(const QString &context) const;
    [[nodiscard]] sqlite3 *handle() const { return m_db; }
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    Database(sqlite3 *db, QString path);
    static Result<std::unique_ptr<Database>> openImpl(
        const QString &path, const QByteArray *rawKey, const Options &options);
    Status configure(const Options &options);
    Status requireSqlCipher4();

    sqlite3 *m_db = nullptr;
    QString m_path;
    Durability m_txDurability = Durability::Process;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

// Rolls back unless committed: a scope that returns early leaves no half-written transaction.
class Transaction
{
public:
    explicit Transaction(Database &db)
        : m_db(db)
    { }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    [[nodiscard]] Status begin(Durability durability = Durability::Process)
    {
        auto s = m_db.begin(durability);
        m_open = s.ok();
        return s;
    }
    [[nodiscard]] Status commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    Database &m_db;
    bool m_open = false;
};

// Error for a SQLite result code outside a connection (open failures).
Error sqliteError(int rc, const QString &context);

} // namespace tandem::store
