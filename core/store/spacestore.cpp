#include "spacestore.h"

#include "groupfunctions.h"
#include "localizedfunction.h"
#include "medianfunction.h"
#include "schema.h"
#include "searchrank.h"
#include "searchscope.h"
#include "searchtokenizer.h"
#include "snippet.h"

#include <QFileInfo>

namespace tandem::store {

namespace {

// Joins the caller's transaction if there is one; else opens its own. Inner scopes use a savepoint
// so one failed job inside a group commit does not undo the others.
class WriteScope
{
public:
    explicit WriteScope(Database &db)
        : m_db(db)
        , m_nested(db.inTransaction())
    { }
    WriteScope(const WriteScope &) = delete;
    WriteScope &operator=(const WriteScope &) = delete;
    ~WriteScope()
    {
        if (m_open) {
            if (m_nested) {
                (void)m_db.exec("ROLLBACK TO tandem_write");
                (void)m_db.exec("RELEASE tandem_write");
            } else {
                m_db.rollback();
            }
        }
    }
    [[nodiscard]] Status begin()
    {
        auto s = m_nested ? m_db.exec("SAVEPOINT tandem_write") : m_db.begin();
        m_open = s.ok();
        return s;
    }
    [[nodiscard]] Status commit()
    {
        m_open = false;
        return m_nested ? m_db.exec("RELEASE tandem_write") : m_db.commit();
    }

private:
    Database &m_db;
    bool m_nested;
    bool m_open = false;
};

Conversation readConversation(const Statement &st)
{
    Conversation c;
    c.id = st.text(0);
    c.kind = st.text(1);
    c.name = st.text(2);
    c.topic = st.text(3);
    c.external = st.int64(4) != 0;
    c.createdAt = st.int64(5);
    c.lastMessageAt = st.int64(6);
    c.unreadCount = int(st.int64(7));
    return c;
}

constexpr std::string_view kConversationColumns
    = "id, kind, name, topic, is_external, created_at, last_message_at, unread_count";

} // namespace

SpaceStore::SpaceStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<std::unique_ptr<SpaceStore>> SpaceStore::open(
    const QString &dbPath, const DataKey &key, const OpenOptions &options)
{
    Database::Options dbo;
    dbo.create = options.create;
    dbo.cacheKiB = options.cacheKiB;
    auto db = Database::open(dbPath, key.bytes(), dbo);
    if (!db)
        return db.error();
    TANDEM_TRY(registerSearchTokenizer((*db)->handle()));
    TANDEM_TRY(registerSearchScopeFunction((*db)->handle()));
    TANDEM_TRY(registerMedianFunction((*db)->handle()));
    TANDEM_TRY(registerGroupFunctions((*db)->handle()));
    TANDEM_TRY(registerLocalizedFunction((*db)->handle()));
    TANDEM_TRY(registerSearchRank((*db)->handle()));
    TANDEM_TRY(migrate(**db));
    return std::unique_ptr<SpaceStore>(new SpaceStore(std::move(*db)));
}

Status SpaceStore::setInfo(const QString &key, const QString &value)
{
    auto st = m_db->cached("INSERT INTO space_info(key, value) VALUES (?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st)
        return st.error();
    return (*st)->bind(1, key).bind(2, value).exec();
}

Result<QString> SpaceStore::info(const QString &key)
{
    auto st = m_db->cached("SELECT value FROM space_info WHERE key = ?1");
    if (!st)
        return st.error();
    (*st)->bind(1, key);
    auto row = (*st)->step();
    if (!row)
        return row.error();
    QString v = *row ? (*st)->text(0) : QString();
    (*st)->reset();
    return v;
}

Status SpaceStore::upsertUsers(std::span<const User> users, StoreChange &change)
{
    WriteScope tx(*m_db);
    TANDEM_TRY(tx.begin());
    auto st
        = m_db->cached("INSERT INTO users(id, user_name, display_name, is_external) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT(id) DO UPDATE SET user_name = excluded.user_name, "
                       "display_name = excluded.display_name, is_external = excluded.is_external");
    if (!st)
        return st.error();
    for (const User &u : users)
        TANDEM_TRY(
            (*st)->bind(1, u.id).bind(2, u.userName).bind(3, u.displayName).bind(4, int(u.external)).exec());
    TANDEM_TRY(tx.commit());
    change.users = true;
    return {};
}

Status SpaceStore::upsertConversation(const Conversation &c, StoreChange &change)
{
    if (c.kind != u"direct" && c.kind != u"group" && c.kind != u"channel")
        return Error::make(
            ErrorCode::Invalid, QStringLiteral("Unknown conversation kind \"%1\".").arg(c.kind));
    WriteScope tx(*m_db);
    TANDEM_TRY(tx.begin());
    auto st
        = m_db->cached("INSERT INTO conversations(id, kind, name, topic, is_external, created_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
                       "name = excluded.name, topic = excluded.topic, is_external = excluded.is_external");
    if (!st)
        return st.error();
    TANDEM_TRY((*st)
                   ->bind(1, c.id)
                   .bind(2, c.kind)
                   .bind(3, c.name)
                   .bind(4, c.topic)
                   .bind(5, int(c.external))
                   .bind(6, c.createdAt)
                   .exec());
    if (!c.memberIds.isEmpty()) {
        auto mem = m_db->cached(
            "INSERT OR IGNORE INTO members(conversation_id, user_id, joined_at) VALUES (?1, ?2, ?3)");
        if (!mem)
            return mem.error();
        for (const QString &uid : c.memberIds)
            TANDEM_TRY((*mem)->bind(1, c.id).bind(2, uid).bind(3, c.createdAt).exec());
    }
    TANDEM_TRY(tx.commit());
    change.conversationList = true;
    change.conversations.insert(c.id);
    return {};
}

Result<int> SpaceStore::insertMessages(std::span<const Message> messages, StoreChange &change)
{
    WriteScope tx(*m_db);
    TANDEM_TRY(tx.begin());
    auto ins = m_db->cached(
        "INSERT INTO messages(id, conversation_id, seq, sender_id, thread_root_id, reply_to_id, body, "
        "created_at, "
        "edited_at, deleted_at, client_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
        "ON CONFLICT(id) DO NOTHING");
    auto fts = m_db->cached("INSERT INTO message_fts(rowid, body, scope) VALUES (?1, ?2, ?3)");
    auto mention
        = m_db->cached("INSERT OR IGNORE INTO message_mentions(message_rowid, user_id, conversation_id, seq) "
                       "VALUES (?1, ?2, ?3, ?4)");
    auto bump
        = m_db->cached("UPDATE conversations SET last_message_at = max(last_message_at, ?2) WHERE id = ?1");
    if (!ins || !fts || !mention || !bump)
        return (!ins ? ins : !fts ? fts : !mention ? mention : bump).error();
    Statement &insert = **ins;
    int inserted = 0;
    QHash<QString, qint64> latest; // newest message per conversation in this batch
    for (const Message &m : messages) {
        insert.bind(1, m.id)
            .bind(2, m.conversationId)
            .bind(4, m.senderId)
            .bindOptional(5, m.threadRootId)
            .bindOptional(6, m.replyToId)
            .bind(7, m.body)
            .bind(8, m.createdAt)
            .bindOptional(11, m.clientId);
        m.seq ? insert.bind(3, *m.seq) : insert.bindNull(3);
        m.editedAt ? insert.bind(9, *m.editedAt) : insert.bindNull(9);
        m.deletedAt ? insert.bind(10, *m.deletedAt) : insert.bindNull(10);
        TANDEM_TRY(insert.exec());
        if (m_db->changes() == 0)
            continue; // seen before
        const qint64 rowid = m_db->lastInsertRowId();
        ++inserted;
        if (!m.deletedAt)
            TANDEM_TRY((*fts)
                           ->bind(1, rowid)
                           .bind(2, m.body)
                           .bind(3, searchScope(m.conversationId, m.senderId, m.createdAt))
                           .exec());
        // A recalled message mentions nobody (schema version 12).
        for (const QString &uid : m.deletedAt ? QStringList() : m.mentions) {
            (*mention)->bind(1, rowid).bind(2, uid).bind(3, m.conversationId);
            m.seq ? (*mention)->bind(4, *m.seq) : (*mention)->bindNull(4);
            TANDEM_TRY((*mention)->exec());
        }
        qint64 &newest = latest[m.conversationId];
        newest = std::max(newest, m.createdAt);
        change.messageRowids.append(rowid);
        change.conversations.insert(m.conversationId);
    }
    for (auto it = latest.cbegin(); it != latest.cend(); ++it)
        TANDEM_TRY((*bump)->bind(1, it.key()).bind(2, it.value()).exec());
    TANDEM_TRY(tx.commit());
    return inserted;
}

Result<QList<Conversation>> SpaceStore::conversations()
{
    auto st = m_db->prepare("SELECT " + std::string(kConversationColumns)
        + " FROM conversations WHERE archived = 0 ORDER BY last_message_at DESC, name");
    if (!st)
        return st.error();
    QList<Conversation> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) { out.append(readConversation(r)); }));
    return out;
}

Result<std::optional<Conversation>> SpaceStore::findConversation(const QString &idOrName)
{
    // An id, a name, or, for a direct chat, the other person's user name.
    auto st = m_db->prepare("SELECT " + std::string(kConversationColumns)
        + ", 0 AS rank FROM conversations WHERE id = ?1 "
          "UNION ALL SELECT "
        + std::string(kConversationColumns)
        + ", 1 FROM conversations WHERE name = ?1 "
          "UNION ALL SELECT c.id, c.kind, c.name, c.topic, c.is_external, c.created_at, c.last_message_at, "
          "c.unread_count, 2 FROM conversations c JOIN members m ON m.conversation_id = c.id "
          "JOIN users u ON u.id = m.user_id WHERE c.kind = 'direct' AND u.user_name = ?1 "
          "ORDER BY rank, last_message_at DESC LIMIT 1");
    if (!st)
        return st.error();
    st->bind(1, idOrName);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Conversation>();
    return std::optional<Conversation>(readConversation(*st));
}

Result<QList<User>> SpaceStore::users()
{
    auto st = m_db->prepare("SELECT id, user_name, display_name, is_external FROM users ORDER BY user_name");
    if (!st)
        return st.error();
    QList<User> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.append({r.text(0), r.text(1), r.text(2), r.int64(3) != 0});
    }));
    return out;
}

Result<QList<Message>> SpaceStore::messagesBefore(
    const QString &conversationId, qint64 beforeCreatedAt, qint64 beforeRowid, int limit)
{
    auto st
        = m_db->cached("SELECT rowid, id, conversation_id, sender_id, body, created_at, seq, thread_root_id, "
                       "reply_to_id, client_id, edited_at, deleted_at FROM messages "
                       "WHERE conversation_id = ?1 AND (created_at, rowid) < (?2, ?3) "
                       "ORDER BY created_at DESC, rowid DESC LIMIT ?4");
    if (!st)
        return st.error();
    Statement &s = **st;
    s.bind(1, conversationId).bind(2, beforeCreatedAt).bind(3, beforeRowid).bind(4, limit);
    QList<Message> out;
    TANDEM_TRY(s.forEachRow([&](const Statement &r) {
        Message m;
        m.rowid = r.int64(0);
        m.id = r.text(1);
        m.conversationId = r.text(2);
        m.senderId = r.text(3);
        m.body = r.text(4);
        m.createdAt = r.int64(5);
        if (!r.isNull(6))
            m.seq = r.int64(6);
        m.threadRootId = r.text(7);
        m.replyToId = r.text(8);
        m.clientId = r.text(9);
        if (!r.isNull(10))
            m.editedAt = r.int64(10);
        if (!r.isNull(11))
            m.deletedAt = r.int64(11);
        out.append(std::move(m));
    }));
    return out;
}

Result<QList<SearchHit>> SpaceStore::search(const SearchQuery &q)
{
    const QString textMatch = buildMatchExpression(q.text);
    if (textMatch.isEmpty() || q.limit <= 0)
        return QList<SearchHit>();
    // Filters narrow the match inside FTS5 through the scope tokens (searchscope.h): the candidates are
    // already the right conversation and sender, and the right days but for the two boundary days.
    QStringList scope;
    if (!q.conversationId.isEmpty())
        scope << conversationScopeToken(q.conversationId);
    if (!q.senderId.isEmpty())
        scope << senderScopeToken(q.senderId);
    const DateFilter dates = dateScopeFilter(q.fromMs, q.toMs);
    if (!dates.include.isEmpty())
        scope << u'(' + dates.include + u')';
    QString match = QStringLiteral("{body} : (%1)").arg(textMatch);
    if (!scope.isEmpty())
        match += QStringLiteral(" AND {scope} : (%1)").arg(scope.join(QStringLiteral(" AND ")));
    if (!dates.exclude.isEmpty())
        match += QStringLiteral(" NOT {scope} : (%1)").arg(dates.exclude);

    // The most recent matches (by arrival, which FTS5 walks backwards without sorting) are ranked on the
    // index alone by tandem_rank (BM25 without the IDF walk, see searchrank.h), then by recency. Rows are
    // then read in rank order, and the exact filters applied, only until `limit` of them pass: a search
    // reads a few dozen messages, not every candidate. (The LIMIT on the sorted subquery keeps its order.)
    constexpr std::string_view kRankThenFilter
        = "SELECT m.rowid, m.id, m.conversation_id, m.sender_id, m.created_at, m.body, c.score FROM ("
          "  SELECT rowid, score FROM ("
          "    SELECT rowid, tandem_rank(message_fts) AS score FROM message_fts"
          "    WHERE message_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?6"
          "  ) ORDER BY score, rowid DESC LIMIT ?6"
          ") c JOIN messages m ON m.rowid = c.rowid"
          " WHERE (?2 IS NULL OR m.conversation_id = ?2) AND (?3 IS NULL OR m.sender_id = ?3)"
          "   AND (?4 IS NULL OR m.created_at >= ?4) AND (?5 IS NULL OR m.created_at < ?5)"
          " LIMIT ?7";
    // When that finds fewer than `limit`, the newest candidates may all have failed the exact test (rows on
    // a boundary day): this pass applies it while choosing candidates, so the answer is complete. It reads
    // the candidates' rows, which the scope tokens keep few.
    constexpr std::string_view kFilterThenRank
        = "SELECT m.rowid, m.id, m.conversation_id, m.sender_id, m.created_at, m.body, c.score FROM ("
          "  SELECT message_fts.rowid AS rowid, tandem_rank(message_fts) AS score FROM message_fts"
          "  JOIN messages mm ON mm.rowid = message_fts.rowid"
          "  WHERE message_fts MATCH ?1"
          "    AND (?2 IS NULL OR mm.conversation_id = ?2) AND (?3 IS NULL OR mm.sender_id = ?3)"
          "    AND (?4 IS NULL OR mm.created_at >= ?4) AND (?5 IS NULL OR mm.created_at < ?5)"
          "  ORDER BY message_fts.rowid DESC LIMIT ?6"
          ") c JOIN messages m ON m.rowid = c.rowid ORDER BY c.score, m.created_at DESC LIMIT ?7";
    const bool filtered = !q.conversationId.isEmpty() || !q.senderId.isEmpty() || q.fromMs > 0 || q.toMs > 0;

    auto run = [&](std::string_view sql) -> Result<QList<SearchHit>> {
        auto st = m_db->cached(sql);
        if (!st)
            return st.error();
        Statement &s = **st;
        s.bind(1, match)
            .bindOptional(2, q.conversationId.isEmpty() ? QString() : q.conversationId)
            .bindOptional(3, q.senderId.isEmpty() ? QString() : q.senderId);
        q.fromMs > 0 ? s.bind(4, q.fromMs) : s.bindNull(4);
        q.toMs > 0 ? s.bind(5, q.toMs) : s.bindNull(5);
        s.bind(6, std::max(q.candidateLimit, q.limit)).bind(7, q.limit);
        QList<SearchHit> hits;
        TANDEM_TRY(s.forEachRow([&](const Statement &r) {
            SearchHit h;
            h.rowid = r.int64(0);
            h.messageId = r.text(1);
            h.conversationId = r.text(2);
            h.senderId = r.text(3);
            h.createdAt = r.int64(4);
            h.snippet = makeSnippet(r.text(5), q.text);
            h.score = r.real(6);
            hits.append(std::move(h));
        }));
        return hits;
    };
    auto hits = run(kRankThenFilter);
    if (hits && filtered && hits->size() < q.limit)
        hits = run(kFilterThenRank);
    if (!hits)
        return hits;
    // Relevance, then time (the rank order above breaks ties by arrival; time is what people see).
    std::stable_sort(hits->begin(), hits->end(), [](const SearchHit &a, const SearchHit &b) {
        return a.score != b.score ? a.score < b.score : a.createdAt > b.createdAt;
    });
    return hits;
}

Result<StoreStats> SpaceStore::stats()
{
    StoreStats st;
    auto count = [&](std::string_view sql, qint64 &out) -> Status {
        auto v = m_db->queryInt(sql);
        if (!v)
            return v.error();
        out = *v;
        return {};
    };
    TANDEM_TRY(count("SELECT count(*) FROM conversations", st.conversations));
    TANDEM_TRY(count("SELECT count(*) FROM messages", st.messages));
    TANDEM_TRY(count("SELECT count(*) FROM users", st.users));
    TANDEM_TRY(count("SELECT count(*) FROM outbox WHERE state = 'pending'", st.outboxPending));
    qint64 version = 0;
    TANDEM_TRY(count("PRAGMA user_version", version));
    st.schemaVersion = int(version);
    // Page-exact when the library has dbstat; else the index's own payload (its segment blocks, plus
    // the term directory), which is within a few per cent of the pages it fills.
    if (auto idx
        = m_db->queryInt("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'message_fts%'"))
        st.searchIndexBytes = *idx;
    else if (auto blocks
        = m_db->queryInt("SELECT coalesce(sum(length(block)), 0) + "
                         "(SELECT count(*) * 24 FROM message_fts_idx) FROM message_fts_data"))
        st.searchIndexBytes = *blocks;
    st.dbBytes = QFileInfo(m_db->path()).size() + QFileInfo(m_db->path() + QStringLiteral("-wal")).size();
    return st;
}

} // namespace tandem::store
