#include "bench.h"
#include "messagegen.h"

#include "store/database.h"
#include "store/schema.h"
#include "store/searchscope.h"
#include "store/searchtokenizer.h"

#include <sqlite3.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>

#include <string>

namespace tandemctl::bench {

using namespace tandem;
using namespace tandem::store;

namespace {

// Binds UTF-8 that outlives the step (SQLITE_STATIC: no copy, as a hand-written loop would do).
void bindText(sqlite3_stmt *st, int index, const QByteArray &utf8)
{
    sqlite3_bind_text(st, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void bindOptionalText(sqlite3_stmt *st, int index, const QString &text, const QByteArray &utf8)
{
    if (text.isNull())
        sqlite3_bind_null(st, index);
    else
        bindText(st, index, utf8);
}

} // namespace

// A bare connection and its prepared statements.
struct RawWriter::Connection
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *insert = nullptr;
    sqlite3_stmt *fts = nullptr;
    sqlite3_stmt *mention = nullptr;
    sqlite3_stmt *bump = nullptr;

    ~Connection()
    {
        for (sqlite3_stmt *st : {insert, fts, mention, bump})
            sqlite3_finalize(st);
        sqlite3_close_v2(db);
    }

    Error fail() const { return Error::make(ErrorCode::Database, QString::fromUtf8(sqlite3_errmsg(db))); }

    Status exec(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
            sqlite3_free(message);
            return Error::make(ErrorCode::Database, text);
        }
        return {};
    }

    Status prepare(const char *sql, sqlite3_stmt **st)
    {
        if (sqlite3_prepare_v2(db, sql, -1, st, nullptr) != SQLITE_OK)
            return fail();
        return {};
    }

    // Steps a statement to its end and resets it.
    Status run(sqlite3_stmt *st)
    {
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return fail();
        return {};
    }
};

RawWriter::RawWriter() = default;
RawWriter::~RawWriter() = default;

Status RawWriter::open(const QString &path, const DataKey &key, int cacheKiB, const MessageGenerator &corpus)
{
    return open(path, key, cacheKiB, corpus.users(), corpus.conversations());
}

Status RawWriter::open(const QString &path, const DataKey &key, int cacheKiB, const std::vector<User> &users,
    const std::vector<Conversation> &conversations)
{
    m_path = path;
    {
        // The schema exactly as Tandem makes it, with the same key.
        Database::Options create;
        create.create = true;
        auto made = Database::open(path, key.bytes(), create);
        if (!made)
            return made.error();
        TANDEM_TRY(registerSearchTokenizer((*made)->handle()));
        TANDEM_TRY(migrate(**made));
    }

    m_db = std::make_unique<Connection>();
    const QByteArray file = QFile::encodeName(path);
    int rc
        = sqlite3_open_v2(file.constData(), &m_db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(rc, QStringLiteral("Cannot open %1").arg(path));
    QByteArray keySpec = "x'" + key.bytes().toHex() + "'";
    rc = sqlite3_key_v2(m_db->db, "main", keySpec.constData(), int(keySpec.size()));
    keySpec.fill('\0');
    if (rc != SQLITE_OK)
        return sqliteError(rc, QStringLiteral("Cannot key %1").arg(path));
    // The settings Database::configure gives every Tandem connection, so that only the layers differ.
    const std::string pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                                "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-"
        + std::to_string(cacheKiB) + ";";
    TANDEM_TRY(m_db->exec(pragmas.c_str()));
    // The tokenizer is part of the index, not a layer: without it the index cannot be written.
    TANDEM_TRY(registerSearchTokenizer(m_db->db));

    // Users, conversations and members: set-up, not measured (ours does the same through SpaceStore).
    sqlite3_stmt *user = nullptr;
    sqlite3_stmt *conversation = nullptr;
    sqlite3_stmt *member = nullptr;
    const auto finalize = qScopeGuard([&] {
        for (sqlite3_stmt *st : {user, conversation, member})
            sqlite3_finalize(st);
    });
    TANDEM_TRY(m_db->prepare(
        "INSERT INTO users(id, user_name, display_name, is_external) VALUES (?1, ?2, ?3, ?4)", &user));
    TANDEM_TRY(m_db->prepare("INSERT INTO conversations(id, kind, name, topic, is_external, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &conversation));
    TANDEM_TRY(m_db->prepare(
        "INSERT INTO members(conversation_id, user_id, joined_at) VALUES (?1, ?2, ?3)", &member));
    TANDEM_TRY(m_db->exec("BEGIN IMMEDIATE"));
    for (const User &u : users) {
        const QByteArray id = u.id.toUtf8(), name = u.userName.toUtf8(), display = u.displayName.toUtf8();
        bindText(user, 1, id);
        bindText(user, 2, name);
        bindText(user, 3, display);
        sqlite3_bind_int(user, 4, u.external ? 1 : 0);
        TANDEM_TRY(m_db->run(user));
    }
    for (const Conversation &c : conversations) {
        const QByteArray id = c.id.toUtf8(), kind = c.kind.toUtf8(), name = c.name.toUtf8(),
                         topic = c.topic.toUtf8();
        bindText(conversation, 1, id);
        bindText(conversation, 2, kind);
        bindText(conversation, 3, name);
        bindText(conversation, 4, topic);
        sqlite3_bind_int(conversation, 5, c.external ? 1 : 0);
        sqlite3_bind_int64(conversation, 6, c.createdAt);
        TANDEM_TRY(m_db->run(conversation));
        for (const QString &m : c.memberIds) {
            const QByteArray uid = m.toUtf8();
            bindText(member, 1, id);
            bindText(member, 2, uid);
            sqlite3_bind_int64(member, 3, c.createdAt);
            TANDEM_TRY(m_db->run(member));
        }
    }
    TANDEM_TRY(m_db->exec("COMMIT"));

    // The statements SpaceStore::insertMessages runs, word for word.
    TANDEM_TRY(m_db->prepare(
        "INSERT INTO messages(id, conversation_id, seq, sender_id, thread_root_id, reply_to_id, "
        "body, created_at, edited_at, deleted_at, client_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO NOTHING",
        &m_db->insert));
    TANDEM_TRY(m_db->prepare("INSERT INTO message_fts(rowid, body, scope) VALUES (?1, ?2, ?3)", &m_db->fts));
    TANDEM_TRY(m_db->prepare(
        "INSERT OR IGNORE INTO message_mentions(message_rowid, user_id) VALUES (?1, ?2)", &m_db->mention));
    TANDEM_TRY(m_db->prepare(
        "UPDATE conversations SET last_message_at = max(last_message_at, ?2) WHERE id = ?1", &m_db->bump));
    return {};
}

Result<int> RawWriter::write(const std::vector<Message> &batch)
{
    Connection &c = *m_db;
    TANDEM_TRY(c.exec("BEGIN IMMEDIATE"));
    int inserted = 0;
    QHash<QString, qint64> latest; // newest message per conversation in this batch
    for (const Message &m : batch) {
        const QByteArray id = m.id.toUtf8(), conversation = m.conversationId.toUtf8(),
                         sender = m.senderId.toUtf8(), body = m.body.toUtf8(), root = m.threadRootId.toUtf8(),
                         reply = m.replyToId.toUtf8();
        bindText(c.insert, 1, id);
        bindText(c.insert, 2, conversation);
        if (m.seq)
            sqlite3_bind_int64(c.insert, 3, *m.seq);
        else
            sqlite3_bind_null(c.insert, 3);
        bindText(c.insert, 4, sender);
        bindOptionalText(c.insert, 5, m.threadRootId, root);
        bindOptionalText(c.insert, 6, m.replyToId, reply);
        bindText(c.insert, 7, body);
        sqlite3_bind_int64(c.insert, 8, m.createdAt);
        sqlite3_bind_null(c.insert, 9);
        sqlite3_bind_null(c.insert, 10);
        sqlite3_bind_null(c.insert, 11);
        if (auto s = c.run(c.insert); !s) {
            (void)c.exec("ROLLBACK");
            return s.error();
        }
        if (sqlite3_changes(c.db) == 0)
            continue;
        const sqlite3_int64 rowid = sqlite3_last_insert_rowid(c.db);
        ++inserted;
        sqlite3_bind_int64(c.fts, 1, rowid);
        bindText(c.fts, 2, body);
        // The scope tokens are part of the row the index holds (the same schema), not a layer.
        const QByteArray scope = searchScope(m.conversationId, m.senderId, m.createdAt).toUtf8();
        bindText(c.fts, 3, scope);
        if (auto s = c.run(c.fts); !s) {
            (void)c.exec("ROLLBACK");
            return s.error();
        }
        for (const QString &uid : m.mentions) {
            const QByteArray user = uid.toUtf8();
            sqlite3_bind_int64(c.mention, 1, rowid);
            bindText(c.mention, 2, user);
            if (auto s = c.run(c.mention); !s) {
                (void)c.exec("ROLLBACK");
                return s.error();
            }
        }
        qint64 &newest = latest[m.conversationId];
        newest = std::max(newest, m.createdAt);
    }
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        const QByteArray id = it.key().toUtf8();
        bindText(c.bump, 1, id);
        sqlite3_bind_int64(c.bump, 2, it.value());
        if (auto s = c.run(c.bump); !s) {
            (void)c.exec("ROLLBACK");
            return s.error();
        }
    }
    TANDEM_TRY(c.exec("COMMIT"));
    return inserted;
}

qint64 RawWriter::bytes() const
{
    return fileBytes(m_path);
}

} // namespace tandemctl::bench
