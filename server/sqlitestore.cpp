#include "sqlitestore.h"

#include "jsonbytes.h"

#include <QJsonDocument>
#include <QRandomGenerator>

namespace tandem::server {

using store::Statement;

// Prepares (once per connection) and binds a statement; returns the error from the enclosing function.
#define TANDEM_STMT(var, sql)                                                                                \
    auto var##Result_ = m_db->cached(sql);                                                                   \
    if (!var##Result_)                                                                                       \
        return var##Result_.error();                                                                         \
    Statement &var = **var##Result_;

namespace {

// Empty strings are stored as '' rather than NULL: every column has one representation.
constexpr const char *kSchema[] = {
    "CREATE TABLE IF NOT EXISTS organisations(id TEXT PRIMARY KEY, name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS spaces(id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
    " organisation_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS space_members(space_id TEXT NOT NULL, user_id TEXT NOT NULL, joined_at "
    "INTEGER,"
    " PRIMARY KEY(space_id, user_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS space_members_user ON space_members(user_id)",
    "CREATE TABLE IF NOT EXISTS users(id TEXT PRIMARY KEY, user_name TEXT NOT NULL UNIQUE, display_name TEXT,"
    " organisation_id TEXT, manager_id TEXT, time_zone TEXT, password_hash TEXT, bot INTEGER, deactivated "
    "INTEGER,"
    " updated_at INTEGER)",
    "CREATE TABLE IF NOT EXISTS devices(id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT, platform TEXT,"
    " created_at INTEGER, last_seen_at INTEGER, revoked_at INTEGER)",
    "CREATE INDEX IF NOT EXISTS devices_user ON devices(user_id)",
    "CREATE TABLE IF NOT EXISTS tokens(hash BLOB PRIMARY KEY, user_id TEXT NOT NULL, device_id TEXT NOT NULL,"
    " created_at INTEGER, expires_at INTEGER, revoked INTEGER)",
    "CREATE INDEX IF NOT EXISTS tokens_device ON tokens(device_id)",
    "CREATE INDEX IF NOT EXISTS tokens_user ON tokens(user_id)",
    "CREATE TABLE IF NOT EXISTS conversations(id TEXT PRIMARY KEY, space_id TEXT NOT NULL, kind TEXT, name "
    "TEXT,"
    " topic TEXT, created_by TEXT, external INTEGER, created_at INTEGER, last_cseq INTEGER)",
    "CREATE TABLE IF NOT EXISTS members(conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT,"
    " joined_at INTEGER, seq INTEGER, PRIMARY KEY(conversation_id, user_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS members_user ON members(user_id, conversation_id)",
    "CREATE TABLE IF NOT EXISTS messages(id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, cseq INTEGER "
    "NOT NULL,"
    " sender_id TEXT, thread_root_id TEXT, created_at INTEGER, deleted INTEGER, record TEXT NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS messages_cseq ON messages(conversation_id, cseq)",
    "CREATE INDEX IF NOT EXISTS messages_thread ON messages(conversation_id, thread_root_id, cseq)",
    "CREATE TABLE IF NOT EXISTS message_attachments(attachment_id TEXT NOT NULL, message_id TEXT NOT NULL,"
    " PRIMARY KEY(attachment_id, message_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS message_attachments_message ON message_attachments(message_id)",
    "CREATE TABLE IF NOT EXISTS receipts(conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, up_to_cseq "
    "INTEGER,"
    " read_at INTEGER, PRIMARY KEY(conversation_id, user_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS pins(conversation_id TEXT NOT NULL, message_id TEXT NOT NULL, pinned_by TEXT,"
    " pinned_at INTEGER, PRIMARY KEY(conversation_id, message_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS saved(user_id TEXT NOT NULL, message_id TEXT NOT NULL, conversation_id TEXT,"
    " space_id TEXT, saved_at INTEGER, PRIMARY KEY(user_id, message_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS prefs(user_id TEXT NOT NULL, conversation_id TEXT NOT NULL, space_id TEXT,"
    " notify_level TEXT, pinned INTEGER, archived INTEGER, updated_at INTEGER,"
    " PRIMARY KEY(user_id, conversation_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS streams(space_id TEXT NOT NULL, user_id TEXT NOT NULL, epoch TEXT NOT NULL,"
    " head INTEGER NOT NULL, PRIMARY KEY(space_id, user_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS space_events(id INTEGER PRIMARY KEY, space_id TEXT NOT NULL, kind TEXT NOT "
    "NULL,"
    " at INTEGER NOT NULL, actor_id TEXT, mutation_id TEXT, data TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS stream_events(space_id TEXT NOT NULL, user_id TEXT NOT NULL, seq INTEGER NOT "
    "NULL,"
    " event_id INTEGER NOT NULL, PRIMARY KEY(space_id, user_id, seq)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS mutations(user_id TEXT NOT NULL, mutation_id TEXT NOT NULL, space_id TEXT,"
    " kind TEXT, created_at INTEGER, request_hash BLOB, outcome TEXT, recorded_at INTEGER,"
    " PRIMARY KEY(user_id, mutation_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS attachments(id TEXT PRIMARY KEY, uploader_id TEXT, space_id TEXT, name TEXT,"
    " mime_type TEXT, size_bytes INTEGER, sha256 TEXT, received_bytes INTEGER, complete INTEGER, file_name "
    "TEXT,"
    " updated_at INTEGER)",
    "CREATE TABLE IF NOT EXISTS admin_changes(id INTEGER PRIMARY KEY, kind TEXT, target TEXT)",
    // Boundary (issue 5): server/boundary/boundarystore.cpp.
    "CREATE TABLE IF NOT EXISTS scheduled_messages(message_id TEXT PRIMARY KEY, space_id TEXT NOT NULL,"
    " user_id TEXT NOT NULL, conversation_id TEXT NOT NULL, mutation_id TEXT NOT NULL, deliver_at INTEGER NOT"
    " NULL, created_at INTEGER NOT NULL, payload TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS scheduled_by_time ON scheduled_messages(deliver_at)",
    "CREATE TABLE IF NOT EXISTS urgent_policies(user_id TEXT PRIMARY KEY, allow TEXT NOT NULL, per_day "
    "INTEGER"
    " NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS urgent_messages(message_id TEXT NOT NULL, recipient_id TEXT NOT NULL,"
    " conversation_id TEXT NOT NULL, space_id TEXT NOT NULL, sender_id TEXT NOT NULL, sent_at INTEGER NOT "
    "NULL,"
    " seen_at INTEGER NOT NULL, acked_at INTEGER NOT NULL, PRIMARY KEY(message_id, recipient_id)) WITHOUT "
    "ROWID",
    "CREATE INDEX IF NOT EXISTS urgent_by_recipient ON urgent_messages(recipient_id, sent_at)",
    "CREATE TABLE IF NOT EXISTS tasks(id TEXT PRIMARY KEY, space_id TEXT NOT NULL, record TEXT NOT NULL,"
    " updated_at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS tasks_by_space ON tasks(space_id)",
    "CREATE TABLE IF NOT EXISTS task_comments(id TEXT PRIMARY KEY, task_id TEXT NOT NULL, author_id TEXT"
    " NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS task_comments_by_task ON task_comments(task_id, created_at)",
    // The files a task has had attached: its audience may download them (attachmentVisibleTo).
    "CREATE TABLE IF NOT EXISTS task_attachments(attachment_id TEXT NOT NULL, task_id TEXT NOT NULL,"
    " PRIMARY KEY(attachment_id, task_id)) WITHOUT ROWID",
    // Approvals (server/approvals/sqliteapprovals.cpp).
    "CREATE TABLE IF NOT EXISTS approval_templates(organisation_id TEXT NOT NULL, id TEXT NOT NULL,"
    " record TEXT NOT NULL, PRIMARY KEY(organisation_id, id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS approval_requests(id TEXT PRIMARY KEY, space_id TEXT NOT NULL, record TEXT "
    "NOT NULL)",
    "CREATE TABLE IF NOT EXISTS approval_viewers(request_id TEXT NOT NULL, user_id TEXT NOT NULL, space_id "
    "TEXT"
    " NOT NULL, PRIMARY KEY(request_id, user_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS approval_viewers_user ON approval_viewers(space_id, user_id)",
    // The files a request's form names: its viewers may download them (attachmentVisibleTo).
    "CREATE TABLE IF NOT EXISTS approval_attachments(attachment_id TEXT NOT NULL, request_id TEXT NOT NULL,"
    " PRIMARY KEY(attachment_id, request_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS approval_actions(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, request_id "
    "TEXT"
    " NOT NULL, record TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS approval_actions_request ON approval_actions(request_id, n)",
    "CREATE TABLE IF NOT EXISTS user_roles(user_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY(user_id, "
    "role))"
    " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS org_holidays(organisation_id TEXT NOT NULL, day TEXT NOT NULL,"
    " PRIMARY KEY(organisation_id, day)) WITHOUT ROWID",
};

QString randomEpoch()
{
    // Never reused for a stream (§3.8): 96 random bits.
    quint32 bits[3];
    QRandomGenerator::system()->fillRange(bits);
    return QStringLiteral("ep-%1%2%3")
        .arg(bits[0], 8, 16, QLatin1Char('0'))
        .arg(bits[1], 8, 16, QLatin1Char('0'))
        .arg(bits[2], 8, 16, QLatin1Char('0'));
}

UserRow readUser(const Statement &s)
{
    UserRow u;
    u.id = s.text(0);
    u.userName = s.text(1);
    u.displayName = s.text(2);
    u.organisationId = s.text(3);
    u.managerId = s.text(4);
    u.timeZone = s.text(5);
    u.passwordHash = s.text(6);
    u.bot = s.int64(7) != 0;
    u.deactivated = s.int64(8) != 0;
    u.updatedAt = s.int64(9);
    return u;
}
constexpr const char *kUserColumns
    = "id, user_name, display_name, organisation_id, manager_id, time_zone, password_hash, bot, deactivated, "
      "updated_at";

DeviceRow readDevice(const Statement &s)
{
    return DeviceRow {s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.int64(5), s.int64(6)};
}

ConversationRow readConversation(const Statement &s)
{
    ConversationRow c;
    c.id = s.text(0);
    c.spaceId = s.text(1);
    c.kind = s.text(2);
    c.name = s.text(3);
    c.topic = s.text(4);
    c.createdBy = s.text(5);
    c.external = s.int64(6) != 0;
    c.createdAt = s.int64(7);
    c.lastCseq = s.int64(8);
    return c;
}

MessageRow readMessage(const Statement &s)
{
    MessageRow m;
    m.id = s.text(0);
    m.conversationId = s.text(1);
    m.cseq = s.int64(2);
    m.senderId = s.text(3);
    m.threadRootId = s.text(4);
    m.createdAt = s.int64(5);
    m.deleted = s.int64(6) != 0;
    m.record = parseObject(QByteArray(s.utf8(7).data(), qsizetype(s.utf8(7).size())));
    return m;
}

AttachmentRow readAttachment(const Statement &s)
{
    AttachmentRow a;
    a.id = s.text(0);
    a.uploaderId = s.text(1);
    a.spaceId = s.text(2);
    a.name = s.text(3);
    a.mimeType = s.text(4);
    a.sizeBytes = s.int64(5);
    a.sha256 = s.text(6);
    a.receivedBytes = s.int64(7);
    a.complete = s.int64(8) != 0;
    a.fileName = s.text(9);
    a.updatedAt = s.int64(10);
    return a;
}

// Runs a query expected to give at most one row, reading it with `read`.
template<typename T, typename F> Result<std::optional<T>> one(Statement &s, F read)
{
    auto row = s.step();
    if (!row) {
        s.reset();
        return row.error();
    }
    std::optional<T> out;
    if (*row)
        out = read(static_cast<const Statement &>(s));
    s.reset();
    return out;
}

template<typename T, typename F> Result<QList<T>> many(Statement &s, F read)
{
    QList<T> out;
    auto status = s.forEachRow([&](const Statement &row) { out.push_back(read(row)); });
    if (!status)
        return status.error();
    return out;
}

} // namespace

SqliteStore::SqliteStore(std::unique_ptr<store::Database> db)
    : m_db(std::move(db))
{ }

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path)
{
    store::Database::Options options;
    options.create = true;
    options.cacheKiB = 32 * 1024;
    auto db = store::Database::openPlain(path, options);
    if (!db)
        return db.error();
    std::unique_ptr<SqliteStore> s(new SqliteStore(std::move(*db)));
    TANDEM_TRY(s->migrate());
    return s;
}

// Data written before approval_attachments existed, when records did not list their files yet: every form
// value that is an attachment its requester uploaded (what the submission check let through).
constexpr std::string_view kLinkApprovalAttachments
    = "INSERT OR IGNORE INTO approval_attachments(attachment_id, request_id) SELECT a.id, r.id"
      " FROM approval_requests r, json_tree(r.record, '$.form') j"
      " JOIN attachments a ON a.id = j.value AND a.uploader_id = json_extract(r.record, '$.requester_id')"
      " WHERE j.type = 'text'";

Status SqliteStore::migrate()
{
    auto linked = m_db->queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'approval_attachments'");
    if (!linked)
        return linked.error();
    TANDEM_TRY(m_db->begin());
    for (const char *sql : kSchema) {
        if (auto st = m_db->exec(sql); !st) {
            m_db->rollback();
            return st;
        }
    }
    if (*linked == 0) {
        if (auto st = m_db->exec(kLinkApprovalAttachments); !st) {
            m_db->rollback();
            return st;
        }
    }
    return m_db->commit();
}

Status SqliteStore::begin()
{
    return m_db->begin();
}
Status SqliteStore::commit()
{
    return m_db->commit();
}
void SqliteStore::rollback()
{
    m_db->rollback();
}

Result<bool> SqliteStore::isEmpty()
{
    auto n = m_db->queryInt("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM spaces)"
                            " + (SELECT count(*) FROM organisations)");
    if (!n)
        return n.error();
    return *n == 0;
}

// ---- organisations, spaces, users ----

Status SqliteStore::createOrganisation(const OrganisationRow &row)
{
    TANDEM_STMT(s, "INSERT INTO organisations(id, name) VALUES(?, ?)");
    return s.bind(1, row.id).bind(2, row.name).exec();
}

Result<std::optional<OrganisationRow>> SqliteStore::organisation(const QString &id)
{
    TANDEM_STMT(s, "SELECT id, name FROM organisations WHERE id = ?");
    s.bind(1, id);
    return one<OrganisationRow>(s, [](const Statement &r) { return OrganisationRow {r.text(0), r.text(1)}; });
}

Status SqliteStore::createSpace(const SpaceRow &row)
{
    TANDEM_STMT(s, "INSERT INTO spaces(id, name, kind, organisation_id) VALUES(?, ?, ?, ?)");
    return s.bind(1, row.id).bind(2, row.name).bind(3, row.kind).bind(4, row.organisationId).exec();
}

Result<std::optional<SpaceRow>> SqliteStore::space(const QString &id)
{
    TANDEM_STMT(s, "SELECT id, name, kind, organisation_id FROM spaces WHERE id = ?");
    s.bind(1, id);
    return one<SpaceRow>(s, [](const Statement &r) {
        return SpaceRow {r.text(0), r.text(1), r.text(2), r.text(3)};
    });
}

Status SqliteStore::addSpaceMember(const QString &spaceId, const QString &userId, qint64 at)
{
    TANDEM_STMT(s, "INSERT OR IGNORE INTO space_members(space_id, user_id, joined_at) VALUES(?, ?, ?)");
    return s.bind(1, spaceId).bind(2, userId).bind(3, at).exec();
}

Result<bool> SqliteStore::isSpaceMember(const QString &spaceId, const QString &userId)
{
    TANDEM_STMT(s, "SELECT 1 FROM space_members WHERE space_id = ? AND user_id = ?");
    s.bind(1, spaceId).bind(2, userId);
    auto r = one<bool>(s, [](const Statement &) { return true; });
    if (!r)
        return r.error();
    return r->has_value();
}

Result<QStringList> SqliteStore::spaceMembers(const QString &spaceId)
{
    TANDEM_STMT(s, "SELECT user_id FROM space_members WHERE space_id = ? ORDER BY user_id");
    s.bind(1, spaceId);
    return many<QString>(s, [](const Statement &r) { return r.text(0); });
}

Result<QList<SpaceRow>> SqliteStore::spacesOfUser(const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT s.id, s.name, s.kind, s.organisation_id FROM spaces s JOIN space_members m"
        " ON m.space_id = s.id WHERE m.user_id = ? ORDER BY s.id");
    s.bind(1, userId);
    return many<SpaceRow>(s, [](const Statement &r) {
        return SpaceRow {r.text(0), r.text(1), r.text(2), r.text(3)};
    });
}

Status SqliteStore::createUser(const UserRow &u)
{
    TANDEM_STMT(s,
        "INSERT INTO users(id, user_name, display_name, organisation_id, manager_id, time_zone,"
        " password_hash, bot, deactivated, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return s.bind(1, u.id)
        .bind(2, u.userName)
        .bind(3, u.displayName)
        .bind(4, u.organisationId)
        .bind(5, u.managerId)
        .bind(6, u.timeZone)
        .bind(7, u.passwordHash)
        .bind(8, qint64(u.bot))
        .bind(9, qint64(u.deactivated))
        .bind(10, u.updatedAt)
        .exec();
}

Status SqliteStore::updateUser(const UserRow &u)
{
    TANDEM_STMT(s,
        "UPDATE users SET user_name = ?2, display_name = ?3, organisation_id = ?4, manager_id = ?5,"
        " time_zone = ?6, password_hash = ?7, bot = ?8, deactivated = ?9, updated_at = ?10 WHERE id = ?1");
    return s.bind(1, u.id)
        .bind(2, u.userName)
        .bind(3, u.displayName)
        .bind(4, u.organisationId)
        .bind(5, u.managerId)
        .bind(6, u.timeZone)
        .bind(7, u.passwordHash)
        .bind(8, qint64(u.bot))
        .bind(9, qint64(u.deactivated))
        .bind(10, u.updatedAt)
        .exec();
}

Result<std::optional<UserRow>> SqliteStore::user(const QString &id)
{
    TANDEM_STMT(s, std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?");
    s.bind(1, id);
    return one<UserRow>(s, readUser);
}

Result<std::optional<UserRow>> SqliteStore::userByName(const QString &userName)
{
    TANDEM_STMT(s, std::string("SELECT ") + kUserColumns + " FROM users WHERE user_name = ?");
    s.bind(1, userName);
    return one<UserRow>(s, readUser);
}

Result<QList<UserRow>> SqliteStore::users()
{
    TANDEM_STMT(s, std::string("SELECT ") + kUserColumns + " FROM users ORDER BY id");
    return many<UserRow>(s, readUser);
}

// ---- devices and tokens ----

Status SqliteStore::createDevice(const DeviceRow &d)
{
    TANDEM_STMT(s,
        "INSERT INTO devices(id, user_id, name, platform, created_at, last_seen_at, revoked_at)"
        " VALUES(?, ?, ?, ?, ?, ?, ?)");
    return s.bind(1, d.id)
        .bind(2, d.userId)
        .bind(3, d.name)
        .bind(4, d.platform)
        .bind(5, d.createdAt)
        .bind(6, d.lastSeenAt)
        .bind(7, d.revokedAt)
        .exec();
}

Status SqliteStore::updateDevice(const DeviceRow &d)
{
    TANDEM_STMT(
        s, "UPDATE devices SET name = ?2, platform = ?3, last_seen_at = ?4, revoked_at = ?5 WHERE id = ?1");
    return s.bind(1, d.id)
        .bind(2, d.name)
        .bind(3, d.platform)
        .bind(4, d.lastSeenAt)
        .bind(5, d.revokedAt)
        .exec();
}

Result<std::optional<DeviceRow>> SqliteStore::device(const QString &id)
{
    TANDEM_STMT(s,
        "SELECT id, user_id, name, platform, created_at, last_seen_at, revoked_at FROM devices"
        " WHERE id = ?");
    s.bind(1, id);
    return one<DeviceRow>(s, readDevice);
}

Result<QList<DeviceRow>> SqliteStore::devicesOfUser(const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT id, user_id, name, platform, created_at, last_seen_at, revoked_at FROM devices"
        " WHERE user_id = ? ORDER BY created_at, id");
    s.bind(1, userId);
    return many<DeviceRow>(s, readDevice);
}

Status SqliteStore::createToken(const TokenRow &t)
{
    TANDEM_STMT(s,
        "INSERT INTO tokens(hash, user_id, device_id, created_at, expires_at, revoked)"
        " VALUES(?, ?, ?, ?, ?, ?)");
    return s.bindBlob(1, t.hash)
        .bind(2, t.userId)
        .bind(3, t.deviceId)
        .bind(4, t.createdAt)
        .bind(5, t.expiresAt)
        .bind(6, qint64(t.revoked))
        .exec();
}

Result<std::optional<TokenRow>> SqliteStore::token(const QByteArray &hash)
{
    TANDEM_STMT(
        s, "SELECT hash, user_id, device_id, created_at, expires_at, revoked FROM tokens WHERE hash = ?");
    s.bindBlob(1, hash);
    return one<TokenRow>(s, [](const Statement &r) {
        return TokenRow {r.blob(0), r.text(1), r.text(2), r.int64(3), r.int64(4), r.int64(5) != 0};
    });
}

Status SqliteStore::revokeToken(const QByteArray &hash)
{
    TANDEM_STMT(s, "UPDATE tokens SET revoked = 1 WHERE hash = ?");
    return s.bindBlob(1, hash).exec();
}

Status SqliteStore::revokeTokensOfDevice(const QString &deviceId)
{
    TANDEM_STMT(s, "UPDATE tokens SET revoked = 1 WHERE device_id = ?");
    return s.bind(1, deviceId).exec();
}

Status SqliteStore::revokeTokensOfUser(const QString &userId)
{
    TANDEM_STMT(s, "UPDATE tokens SET revoked = 1 WHERE user_id = ?");
    return s.bind(1, userId).exec();
}

// ---- conversations and members ----

namespace {
constexpr const char *kConversationColumns
    = "c.id, c.space_id, c.kind, c.name, c.topic, c.created_by, c.external, c.created_at, c.last_cseq";
}

Status SqliteStore::createConversation(const ConversationRow &c)
{
    TANDEM_STMT(s,
        "INSERT INTO conversations(id, space_id, kind, name, topic, created_by, external, created_at,"
        " last_cseq) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return s.bind(1, c.id)
        .bind(2, c.spaceId)
        .bind(3, c.kind)
        .bind(4, c.name)
        .bind(5, c.topic)
        .bind(6, c.createdBy)
        .bind(7, qint64(c.external))
        .bind(8, c.createdAt)
        .bind(9, c.lastCseq)
        .exec();
}

Status SqliteStore::updateConversation(const ConversationRow &c)
{
    TANDEM_STMT(
        s, "UPDATE conversations SET name = ?2, topic = ?3, external = ?4, last_cseq = ?5 WHERE id = ?1");
    return s.bind(1, c.id)
        .bind(2, c.name)
        .bind(3, c.topic)
        .bind(4, qint64(c.external))
        .bind(5, c.lastCseq)
        .exec();
}

Status SqliteStore::deleteConversation(const QString &id)
{
    for (const char *sql :
        {"DELETE FROM members WHERE conversation_id = ?", "DELETE FROM receipts WHERE conversation_id = ?",
            "DELETE FROM pins WHERE conversation_id = ?", "DELETE FROM prefs WHERE conversation_id = ?",
            "DELETE FROM saved WHERE conversation_id = ?", "DELETE FROM conversations WHERE id = ?"}) {
        TANDEM_STMT(s, sql);
        TANDEM_TRY(s.bind(1, id).exec());
    }
    return {};
}

Result<std::optional<ConversationRow>> SqliteStore::conversation(const QString &id)
{
    TANDEM_STMT(s, std::string("SELECT ") + kConversationColumns + " FROM conversations c WHERE c.id = ?");
    s.bind(1, id);
    return one<ConversationRow>(s, readConversation);
}

Result<QList<ConversationRow>> SqliteStore::conversationsOfUser(const QString &spaceId, const QString &userId)
{
    TANDEM_STMT(s,
        std::string("SELECT ") + kConversationColumns
            + " FROM members m JOIN conversations c ON c.id = m.conversation_id"
              " WHERE m.user_id = ? AND c.space_id = ? ORDER BY c.created_at, c.id");
    s.bind(1, userId).bind(2, spaceId);
    return many<ConversationRow>(s, readConversation);
}

Result<std::optional<QString>> SqliteStore::directConversation(
    const QString &spaceId, const QString &a, const QString &b)
{
    TANDEM_STMT(s,
        "SELECT c.id FROM conversations c JOIN members ma ON ma.conversation_id = c.id AND ma.user_id = ?2"
        " JOIN members mb ON mb.conversation_id = c.id AND mb.user_id = ?3"
        " WHERE c.space_id = ?1 AND c.kind = 'direct' LIMIT 1");
    s.bind(1, spaceId).bind(2, a).bind(3, b);
    return one<QString>(s, [](const Statement &r) { return r.text(0); });
}

Status SqliteStore::putMember(const MemberRow &m)
{
    TANDEM_STMT(s,
        "INSERT INTO members(conversation_id, user_id, role, joined_at) VALUES(?1, ?2, ?3, ?4)"
        " ON CONFLICT(conversation_id, user_id) DO UPDATE SET role = ?3");
    return s.bind(1, m.conversationId).bind(2, m.userId).bind(3, m.role).bind(4, m.joinedAt).exec();
}

Status SqliteStore::removeMember(const QString &conversationId, const QString &userId)
{
    TANDEM_STMT(s, "DELETE FROM members WHERE conversation_id = ? AND user_id = ?");
    return s.bind(1, conversationId).bind(2, userId).exec();
}

Result<std::optional<MemberRow>> SqliteStore::member(const QString &conversationId, const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, user_id, role, joined_at FROM members WHERE conversation_id = ?"
        " AND user_id = ?");
    s.bind(1, conversationId).bind(2, userId);
    return one<MemberRow>(s, [](const Statement &r) {
        return MemberRow {r.text(0), r.text(1), r.text(2), r.int64(3)};
    });
}

Result<QList<MemberRow>> SqliteStore::members(const QString &conversationId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, user_id, role, joined_at FROM members WHERE conversation_id = ?"
        " ORDER BY joined_at, user_id");
    s.bind(1, conversationId);
    return many<MemberRow>(s, [](const Statement &r) {
        return MemberRow {r.text(0), r.text(1), r.text(2), r.int64(3)};
    });
}

Result<bool> SqliteStore::shareConversation(const QString &spaceId, const QString &a, const QString &b)
{
    TANDEM_STMT(s,
        "SELECT 1 FROM members ma JOIN members mb ON mb.conversation_id = ma.conversation_id"
        " JOIN conversations c ON c.id = ma.conversation_id"
        " WHERE ma.user_id = ? AND mb.user_id = ? AND c.space_id = ? LIMIT 1");
    s.bind(1, a).bind(2, b).bind(3, spaceId);
    auto r = one<bool>(s, [](const Statement &) { return true; });
    if (!r)
        return r.error();
    return r->has_value();
}

// ---- messages ----

Status SqliteStore::insertMessage(const MessageRow &m)
{
    TANDEM_STMT(s,
        "INSERT INTO messages(id, conversation_id, cseq, sender_id, thread_root_id, created_at, deleted,"
        " record) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    const QByteArray record = compactJson(m.record);
    return s.bind(1, m.id)
        .bind(2, m.conversationId)
        .bind(3, m.cseq)
        .bind(4, m.senderId)
        .bind(5, m.threadRootId)
        .bind(6, m.createdAt)
        .bind(7, qint64(m.deleted))
        .bindUtf8(8, std::string_view(record.constData(), size_t(record.size())))
        .exec();
}

Status SqliteStore::updateMessage(const MessageRow &m)
{
    TANDEM_STMT(s, "UPDATE messages SET deleted = ?2, record = ?3 WHERE id = ?1");
    const QByteArray record = compactJson(m.record);
    return s.bind(1, m.id)
        .bind(2, qint64(m.deleted))
        .bindUtf8(3, std::string_view(record.constData(), size_t(record.size())))
        .exec();
}

namespace {
constexpr const char *kMessageColumns
    = "id, conversation_id, cseq, sender_id, thread_root_id, created_at, deleted, record";
}

Result<std::optional<MessageRow>> SqliteStore::message(const QString &id)
{
    TANDEM_STMT(s, std::string("SELECT ") + kMessageColumns + " FROM messages WHERE id = ?");
    s.bind(1, id);
    return one<MessageRow>(s, readMessage);
}

Result<QList<MessageRow>> SqliteStore::messages(
    const QString &conversationId, const QString &threadRootId, qint64 beforeCseq, int limit)
{
    const qint64 before = beforeCseq > 0 ? beforeCseq : std::numeric_limits<qint64>::max();
    if (threadRootId.isEmpty()) {
        TANDEM_STMT(s,
            std::string("SELECT ") + kMessageColumns
                + " FROM messages WHERE conversation_id = ? AND cseq < ? ORDER BY cseq DESC LIMIT ?");
        s.bind(1, conversationId).bind(2, before).bind(3, qint64(limit));
        return many<MessageRow>(s, readMessage);
    }
    TANDEM_STMT(s,
        std::string("SELECT ") + kMessageColumns
            + " FROM messages WHERE conversation_id = ? AND thread_root_id = ? AND cseq < ?"
              " ORDER BY cseq DESC LIMIT ?");
    s.bind(1, conversationId).bind(2, threadRootId).bind(3, before).bind(4, qint64(limit));
    return many<MessageRow>(s, readMessage);
}

Status SqliteStore::linkAttachment(const QString &messageId, const QString &attachmentId)
{
    TANDEM_STMT(s, "INSERT OR IGNORE INTO message_attachments(attachment_id, message_id) VALUES(?, ?)");
    return s.bind(1, attachmentId).bind(2, messageId).exec();
}

Status SqliteStore::unlinkAttachments(const QString &messageId)
{
    TANDEM_STMT(s, "DELETE FROM message_attachments WHERE message_id = ?");
    return s.bind(1, messageId).exec();
}

// ---- receipts, pins, saved, prefs ----

Result<std::optional<ReceiptRow>> SqliteStore::receipt(const QString &conversationId, const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, user_id, up_to_cseq, read_at FROM receipts WHERE conversation_id = ?"
        " AND user_id = ?");
    s.bind(1, conversationId).bind(2, userId);
    return one<ReceiptRow>(s, [](const Statement &r) {
        return ReceiptRow {r.text(0), r.text(1), r.int64(2), r.int64(3)};
    });
}

Status SqliteStore::putReceipt(const ReceiptRow &row)
{
    TANDEM_STMT(s,
        "INSERT OR REPLACE INTO receipts(conversation_id, user_id, up_to_cseq, read_at) VALUES(?, ?, ?, ?)");
    return s.bind(1, row.conversationId).bind(2, row.userId).bind(3, row.upToCseq).bind(4, row.readAt).exec();
}

Status SqliteStore::removeReceipt(const QString &conversationId, const QString &userId)
{
    TANDEM_STMT(s, "DELETE FROM receipts WHERE conversation_id = ? AND user_id = ?");
    return s.bind(1, conversationId).bind(2, userId).exec();
}

Result<QList<ReceiptRow>> SqliteStore::receipts(const QString &conversationId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, user_id, up_to_cseq, read_at FROM receipts WHERE conversation_id = ?"
        " ORDER BY user_id");
    s.bind(1, conversationId);
    return many<ReceiptRow>(s, [](const Statement &r) {
        return ReceiptRow {r.text(0), r.text(1), r.int64(2), r.int64(3)};
    });
}

Result<std::optional<PinRow>> SqliteStore::pin(const QString &conversationId, const QString &messageId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, message_id, pinned_by, pinned_at FROM pins WHERE conversation_id = ?"
        " AND message_id = ?");
    s.bind(1, conversationId).bind(2, messageId);
    return one<PinRow>(s, [](const Statement &r) {
        return PinRow {r.text(0), r.text(1), r.text(2), r.int64(3)};
    });
}

Status SqliteStore::putPin(const PinRow &row)
{
    TANDEM_STMT(s,
        "INSERT OR REPLACE INTO pins(conversation_id, message_id, pinned_by, pinned_at) VALUES(?, ?, ?, ?)");
    return s.bind(1, row.conversationId)
        .bind(2, row.messageId)
        .bind(3, row.pinnedBy)
        .bind(4, row.pinnedAt)
        .exec();
}

Status SqliteStore::removePin(const QString &conversationId, const QString &messageId)
{
    TANDEM_STMT(s, "DELETE FROM pins WHERE conversation_id = ? AND message_id = ?");
    return s.bind(1, conversationId).bind(2, messageId).exec();
}

Result<QList<PinRow>> SqliteStore::pins(const QString &conversationId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, message_id, pinned_by, pinned_at FROM pins WHERE conversation_id = ?"
        " ORDER BY pinned_at, message_id");
    s.bind(1, conversationId);
    return many<PinRow>(s, [](const Statement &r) {
        return PinRow {r.text(0), r.text(1), r.text(2), r.int64(3)};
    });
}

Result<std::optional<SavedRow>> SqliteStore::saved(const QString &userId, const QString &messageId)
{
    TANDEM_STMT(
        s, "SELECT conversation_id, message_id, saved_at FROM saved WHERE user_id = ? AND message_id = ?");
    s.bind(1, userId).bind(2, messageId);
    return one<SavedRow>(s, [](const Statement &r) { return SavedRow {r.text(0), r.text(1), r.int64(2)}; });
}

Status SqliteStore::putSaved(const QString &userId, const SavedRow &row)
{
    TANDEM_STMT(s,
        "INSERT OR REPLACE INTO saved(user_id, message_id, conversation_id, space_id, saved_at)"
        " VALUES(?1, ?2, ?3, (SELECT space_id FROM conversations WHERE id = ?3), ?4)");
    return s.bind(1, userId).bind(2, row.messageId).bind(3, row.conversationId).bind(4, row.savedAt).exec();
}

Status SqliteStore::removeSaved(const QString &userId, const QString &messageId)
{
    TANDEM_STMT(s, "DELETE FROM saved WHERE user_id = ? AND message_id = ?");
    return s.bind(1, userId).bind(2, messageId).exec();
}

Result<QList<SavedRow>> SqliteStore::savedOfUser(const QString &spaceId, const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, message_id, saved_at FROM saved WHERE space_id = ? AND user_id = ?"
        " ORDER BY saved_at, message_id");
    s.bind(1, spaceId).bind(2, userId);
    return many<SavedRow>(s, [](const Statement &r) { return SavedRow {r.text(0), r.text(1), r.int64(2)}; });
}

namespace {
PrefsRow readPrefs(const Statement &r)
{
    PrefsRow p;
    p.conversationId = r.text(0);
    p.notifyLevel = r.text(1);
    p.pinned = r.int64(2) != 0;
    p.archived = r.int64(3) != 0;
    p.updatedAt = r.int64(4);
    return p;
}
} // namespace

Result<std::optional<PrefsRow>> SqliteStore::prefs(const QString &userId, const QString &conversationId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, notify_level, pinned, archived, updated_at FROM prefs WHERE user_id = ?"
        " AND conversation_id = ?");
    s.bind(1, userId).bind(2, conversationId);
    return one<PrefsRow>(s, readPrefs);
}

Status SqliteStore::putPrefs(const QString &userId, const PrefsRow &row)
{
    TANDEM_STMT(s,
        "INSERT OR REPLACE INTO prefs(user_id, conversation_id, space_id, notify_level, pinned, archived,"
        " updated_at) VALUES(?1, ?2, (SELECT space_id FROM conversations WHERE id = ?2), ?3, ?4, ?5, ?6)");
    return s.bind(1, userId)
        .bind(2, row.conversationId)
        .bind(3, row.notifyLevel)
        .bind(4, qint64(row.pinned))
        .bind(5, qint64(row.archived))
        .bind(6, row.updatedAt)
        .exec();
}

Result<QList<PrefsRow>> SqliteStore::prefsOfUser(const QString &spaceId, const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT conversation_id, notify_level, pinned, archived, updated_at FROM prefs WHERE space_id = ?"
        " AND user_id = ? ORDER BY conversation_id");
    s.bind(1, spaceId).bind(2, userId);
    return many<PrefsRow>(s, readPrefs);
}

// ---- streams ----

Result<StreamHead> SqliteStore::ensureStream(const QString &spaceId, const QString &userId)
{
    auto existing = streamHead(spaceId, userId);
    if (!existing)
        return existing.error();
    if (*existing)
        return **existing;
    StreamHead head {randomEpoch(), 0};
    TANDEM_STMT(s, "INSERT INTO streams(space_id, user_id, epoch, head) VALUES(?, ?, ?, 0)");
    TANDEM_TRY(s.bind(1, spaceId).bind(2, userId).bind(3, head.epoch).exec());
    return head;
}

Result<std::optional<StreamHead>> SqliteStore::streamHead(const QString &spaceId, const QString &userId)
{
    TANDEM_STMT(s, "SELECT epoch, head FROM streams WHERE space_id = ? AND user_id = ?");
    s.bind(1, spaceId).bind(2, userId);
    return one<StreamHead>(s, [](const Statement &r) { return StreamHead {r.text(0), r.int64(1)}; });
}

Result<QHash<QString, qint64>> SqliteStore::appendEvent(const QString &spaceId, const QString &kind,
    qint64 at, const QString &actorId, const QString &mutationId, const QByteArray &data,
    const QStringList &recipients)
{
    QHash<QString, qint64> seqs;
    if (recipients.isEmpty())
        return seqs;
    {
        TANDEM_STMT(s,
            "INSERT INTO space_events(space_id, kind, at, actor_id, mutation_id, data)"
            " VALUES(?, ?, ?, ?, ?, ?)");
        TANDEM_TRY(s.bind(1, spaceId)
                       .bind(2, kind)
                       .bind(3, at)
                       .bind(4, actorId)
                       .bind(5, mutationId)
                       .bindUtf8(6, std::string_view(data.constData(), size_t(data.size())))
                       .exec());
    }
    const qint64 eventId = m_db->lastInsertRowId();
    TANDEM_STMT(bump, "UPDATE streams SET head = head + 1 WHERE space_id = ? AND user_id = ? RETURNING head");
    TANDEM_STMT(link, "INSERT INTO stream_events(space_id, user_id, seq, event_id) VALUES(?, ?, ?, ?)");
    seqs.reserve(recipients.size());
    for (const QString &user : recipients) {
        bump.bind(1, spaceId).bind(2, user);
        auto row = bump.step();
        if (!row) {
            bump.reset();
            return row.error();
        }
        if (!*row) {
            bump.reset();
            return Error::make(
                ErrorCode::NotFound, QStringLiteral("no stream for %1 in %2").arg(user, spaceId));
        }
        const qint64 seq = bump.int64(0);
        bump.reset();
        TANDEM_TRY(link.bind(1, spaceId).bind(2, user).bind(3, seq).bind(4, eventId).exec());
        seqs.insert(user, seq);
    }
    return seqs;
}

Result<QList<StreamEvent>> SqliteStore::readEvents(
    const QString &spaceId, const QString &userId, qint64 after, int limit, qint64 maxBytes)
{
    TANDEM_STMT(s,
        "SELECT se.seq, e.kind, e.at, e.actor_id, e.mutation_id, e.data FROM stream_events se"
        " JOIN space_events e ON e.id = se.event_id WHERE se.space_id = ? AND se.user_id = ? AND se.seq > ?"
        " ORDER BY se.seq LIMIT ?");
    s.bind(1, spaceId).bind(2, userId).bind(3, after).bind(4, qint64(limit));
    QList<StreamEvent> out;
    qint64 bytes = 0;
    for (;;) {
        auto row = s.step();
        if (!row) {
            s.reset();
            return row.error();
        }
        if (!*row)
            break;
        StreamEvent event;
        event.seq = s.int64(0);
        QByteArray &j = event.json;
        const std::string_view data = s.utf8(5);
        j.reserve(qsizetype(data.size()) + 160);
        j += "{\"seq\":";
        j += QByteArray::number(event.seq);
        j += ",\"kind\":";
        appendJsonString(j, s.text(1));
        j += ",\"at\":";
        j += QByteArray::number(s.int64(2));
        const QString actor = s.text(3);
        if (!actor.isEmpty()) {
            j += ",\"actor_id\":";
            appendJsonString(j, actor);
            const QString mutationId = s.text(4);
            if (actor == userId && !mutationId.isEmpty()) {
                j += ",\"mutation_id\":";
                appendJsonString(j, mutationId);
            }
        }
        j += ",\"data\":";
        j.append(data.data(), qsizetype(data.size()));
        j += '}';
        if (!out.isEmpty() && bytes + j.size() + 1 > maxBytes)
            break;
        bytes += j.size() + 1;
        out.push_back(std::move(event));
    }
    s.reset();
    return out;
}

// ---- mutations ----

Result<std::optional<MutationRecord>> SqliteStore::mutation(const QString &userId, const QString &mutationId)
{
    TANDEM_STMT(s,
        "SELECT user_id, mutation_id, space_id, kind, created_at, request_hash, outcome, recorded_at"
        " FROM mutations WHERE user_id = ? AND mutation_id = ?");
    s.bind(1, userId).bind(2, mutationId);
    return one<MutationRecord>(s, [](const Statement &r) {
        MutationRecord m;
        m.userId = r.text(0);
        m.mutationId = r.text(1);
        m.spaceId = r.text(2);
        m.kind = r.text(3);
        m.createdAt = r.int64(4);
        m.requestHash = r.blob(5);
        m.outcome = parseObject(r.text(6).toUtf8());
        m.recordedAt = r.int64(7);
        return m;
    });
}

Status SqliteStore::recordMutation(const MutationRecord &m)
{
    TANDEM_STMT(s,
        "INSERT INTO mutations(user_id, mutation_id, space_id, kind, created_at, request_hash, outcome,"
        " recorded_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    const QByteArray outcome = compactJson(m.outcome);
    return s.bind(1, m.userId)
        .bind(2, m.mutationId)
        .bind(3, m.spaceId)
        .bind(4, m.kind)
        .bind(5, m.createdAt)
        .bindBlob(6, m.requestHash)
        .bindUtf8(7, std::string_view(outcome.constData(), size_t(outcome.size())))
        .bind(8, m.recordedAt)
        .exec();
}

// ---- attachments ----

Result<std::optional<AttachmentRow>> SqliteStore::attachment(const QString &id)
{
    TANDEM_STMT(s,
        "SELECT id, uploader_id, space_id, name, mime_type, size_bytes, sha256, received_bytes, complete,"
        " file_name, updated_at FROM attachments WHERE id = ?");
    s.bind(1, id);
    return one<AttachmentRow>(s, readAttachment);
}

Status SqliteStore::putAttachment(const AttachmentRow &a)
{
    TANDEM_STMT(s,
        "INSERT OR REPLACE INTO attachments(id, uploader_id, space_id, name, mime_type, size_bytes, sha256,"
        " received_bytes, complete, file_name, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return s.bind(1, a.id)
        .bind(2, a.uploaderId)
        .bind(3, a.spaceId)
        .bind(4, a.name)
        .bind(5, a.mimeType)
        .bind(6, a.sizeBytes)
        .bind(7, a.sha256)
        .bind(8, a.receivedBytes)
        .bind(9, qint64(a.complete))
        .bind(10, a.fileName)
        .bind(11, a.updatedAt)
        .exec();
}

Result<bool> SqliteStore::attachmentVisibleTo(const QString &attachmentId, const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT 1 FROM attachments WHERE id = ?1 AND uploader_id = ?2 UNION ALL"
        " SELECT 1 FROM message_attachments ma JOIN messages m ON m.id = ma.message_id AND m.deleted = 0"
        " JOIN members mb ON mb.conversation_id = m.conversation_id AND mb.user_id = ?2"
        " WHERE ma.attachment_id = ?1 UNION ALL"
        " SELECT 1 FROM approval_attachments x JOIN approval_viewers v ON v.request_id = x.request_id"
        " AND v.user_id = ?2 WHERE x.attachment_id = ?1 UNION ALL"
        // A task's audience (§11.4): its creator, its present assignees, the members of its conversation.
        " SELECT 1 FROM task_attachments x JOIN tasks t ON t.id = x.task_id WHERE x.attachment_id = ?1 AND"
        " (json_extract(t.record, '$.created_by') = ?2"
        " OR EXISTS (SELECT 1 FROM json_each(t.record, '$.assignees') a WHERE a.key = ?2"
        " AND json_extract(a.value, '$.value') = 1)"
        " OR EXISTS (SELECT 1 FROM members mb WHERE mb.user_id = ?2"
        " AND mb.conversation_id = json_extract(t.record, '$.conversation_id'))) LIMIT 1");
    s.bind(1, attachmentId).bind(2, userId);
    auto r = one<bool>(s, [](const Statement &) { return true; });
    if (!r)
        return r.error();
    return r->has_value();
}

// ---- administrative changes ----

Status SqliteStore::recordAdminChange(const QString &kind, const QString &target)
{
    TANDEM_STMT(s, "INSERT INTO admin_changes(kind, target) VALUES(?, ?)");
    return s.bind(1, kind).bind(2, target).exec();
}

Result<QList<AdminChange>> SqliteStore::adminChangesAfter(qint64 id)
{
    TANDEM_STMT(s, "SELECT id, kind, target FROM admin_changes WHERE id > ? ORDER BY id LIMIT 1000");
    s.bind(1, id);
    return many<AdminChange>(s, [](const Statement &r) {
        return AdminChange {r.int64(0), r.text(1), r.text(2)};
    });
}

Result<qint64> SqliteStore::lastAdminChange()
{
    return m_db->queryInt("SELECT coalesce(max(id), 0) FROM admin_changes");
}

// ---- Tasks (docs/protocol.md §11.4) ----

Result<std::optional<TaskRow>> SqliteStore::task(const QString &id)
{
    TANDEM_STMT(s, "SELECT id, space_id, record, updated_at FROM tasks WHERE id = ?");
    s.bind(1, id);
    return one<TaskRow>(s, [](const Statement &r) {
        return TaskRow {
            r.text(0), r.text(1), QJsonDocument::fromJson(r.text(2).toUtf8()).object(), r.int64(3)};
    });
}

Status SqliteStore::putTask(const TaskRow &row)
{
    {
        TANDEM_STMT(s, "INSERT OR REPLACE INTO tasks(id, space_id, record, updated_at) VALUES(?, ?, ?, ?)");
        TANDEM_TRY(s.bind(1, row.id)
                       .bind(2, row.spaceId)
                       .bind(3, QString::fromUtf8(QJsonDocument(row.record).toJson(QJsonDocument::Compact)))
                       .bind(4, row.updatedAt)
                       .exec());
    }
    // The files it has attached (checked by the applier to be uploads of this space): links only grow,
    // like a request's, so a file once shown stays readable by whoever sees the task.
    const QJsonObject attachments = row.record.value(QLatin1StringView("attachments")).toObject();
    for (auto it = attachments.begin(); it != attachments.end(); ++it) {
        if (!it->toObject().value(QLatin1StringView("value")).toBool())
            continue;
        TANDEM_STMT(s, "INSERT OR IGNORE INTO task_attachments(attachment_id, task_id) VALUES(?, ?)");
        TANDEM_TRY(s.bind(1, it.key()).bind(2, row.id).exec());
    }
    return {};
}

Result<QList<TaskRow>> SqliteStore::tasksOfSpace(const QString &spaceId)
{
    TANDEM_STMT(s, "SELECT id, space_id, record, updated_at FROM tasks WHERE space_id = ? ORDER BY id");
    s.bind(1, spaceId);
    return many<TaskRow>(s, [](const Statement &r) {
        return TaskRow {
            r.text(0), r.text(1), QJsonDocument::fromJson(r.text(2).toUtf8()).object(), r.int64(3)};
    });
}

Result<bool> SqliteStore::taskCommentExists(const QString &id)
{
    TANDEM_STMT(s, "SELECT 1 FROM task_comments WHERE id = ?");
    s.bind(1, id);
    auto found = one<int>(s, [](const Statement &) { return 1; });
    if (!found)
        return found.error();
    return found->has_value();
}

Status SqliteStore::insertTaskComment(const TaskCommentRow &row)
{
    TANDEM_STMT(
        s, "INSERT INTO task_comments(id, task_id, author_id, body, created_at) VALUES(?, ?, ?, ?, ?)");
    return s.bind(1, row.id)
        .bind(2, row.taskId)
        .bind(3, row.authorId)
        .bind(4, row.body)
        .bind(5, row.createdAt)
        .exec();
}

Result<QList<TaskCommentRow>> SqliteStore::taskComments(const QString &taskId)
{
    TANDEM_STMT(s,
        "SELECT id, task_id, author_id, body, created_at FROM task_comments WHERE task_id = ?"
        " ORDER BY created_at, id");
    s.bind(1, taskId);
    return many<TaskCommentRow>(s, [](const Statement &r) {
        return TaskCommentRow {r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4)};
    });
}

} // namespace tandem::server
