#include "digest.h"

#include "store/database.h"

#include <sqlite3.h>

#include <algorithm>

namespace tandem::boundary {

namespace {

using Section = DigestItem::Section;

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
constexpr int kFirstLineChars = 140;

// The first non-empty line, bounded: a digest row is one line.
QString firstLine(const QString &body)
{
    const auto lines = QStringView(body).split(u'\n', Qt::SkipEmptyParts);
    for (const QStringView line : lines) {
        const QString trimmed = line.trimmed().toString();
        if (!trimmed.isEmpty())
            return trimmed.size() > kFirstLineChars ? trimmed.left(kFirstLineChars) + QChar(0x2026) : trimmed;
    }
    return {};
}

// A sender's name as the lists show it.
constexpr std::string_view kSenderName = "coalesce(nullif(u.display_name, ''), u.user_name, m.sender_id)";

class Builder
{
public:
    Builder(store::Database &db, Digest &digest, const QString &self)
        : m_db(db)
        , m_digest(digest)
        , m_self(self)
    { }

    // Runs `sql` with ?1 = self, ?2 = from and ?3 = to (when it names them), ?4 = row limit, and appends one
    // item per row from `make`.
    template<typename Make> Status append(Section section, std::string_view sql, Make make)
    {
        auto st = m_db.prepare(sql);
        if (!st)
            return st.error();
        // Only the parameters the statement names: SQLite refuses a bind past the last one.
        const int used = sqlite3_bind_parameter_count(st->handle());
        st->bind(1, m_self);
        if (used >= 3)
            st->bind(2, m_digest.from).bind(3, m_digest.to);
        st->bind(4, kDigestRowsPerSection);
        return st->forEachRow([&](const store::Statement &row) {
            DigestItem item;
            item.section = section;
            make(row, item);
            m_digest.items.append(item);
        });
    }

private:
    store::Database &m_db;
    Digest &m_digest;
    QString m_self;
};

} // namespace

int Digest::count(DigestItem::Section section) const
{
    return int(std::count_if(
        items.cbegin(), items.cend(), [&](const DigestItem &i) { return i.section == section; }));
}

Result<Digest> buildDigest(store::Database &db, const QString &self, qint64 fromMs, qint64 toMs)
{
    Digest digest;
    digest.from = fromMs;
    digest.to = toMs;
    Builder b(db, digest, self);

    // Messages others sent in the period, still there (a recalled message has nothing to catch up on).
    const std::string inPeriod = "m.sender_id != ?1 AND m.created_at >= ?2 AND m.created_at < ?3 "
                                 "AND m.deleted_at IS NULL AND m.seq IS NOT NULL";

    TANDEM_TRY(b.append(Section::Mention,
        "SELECT m.id, m.conversation_id, " + std::string(kSenderName)
            + ", c.name, m.body, m.created_at FROM message_mentions mm "
              "JOIN messages m ON m.rowid = mm.message_rowid JOIN conversations c ON c.id = "
              "m.conversation_id "
              "LEFT JOIN users u ON u.id = m.sender_id WHERE mm.user_id = ?1 AND "
            + inPeriod + " ORDER BY m.created_at, m.rowid LIMIT ?4",
        [](const store::Statement &r, DigestItem &i) {
            i.targetId = r.text(0);
            i.conversationId = r.text(1);
            const QString conversation = r.text(3);
            i.title = conversation.isEmpty() ? r.text(2) : r.text(2) + QStringLiteral(" · ") + conversation;
            i.text = firstLine(r.text(4));
            i.at = r.int64(5);
        }));

    // One row per direct conversation: who wrote, how many, and the first of them.
    TANDEM_TRY(b.append(Section::Direct,
        "SELECT m.id, m.conversation_id, " + std::string(kSenderName)
            + ", m.body, m.created_at, n.messages FROM messages m "
              "JOIN (SELECT m.conversation_id AS cid, min(m.rowid) AS first_rowid, count(*) AS messages "
              "      FROM messages m JOIN conversations c ON c.id = m.conversation_id "
              "      WHERE c.kind = 'direct' AND "
            + inPeriod
            + " GROUP BY m.conversation_id) n ON m.rowid = n.first_rowid "
              "LEFT JOIN users u ON u.id = m.sender_id ORDER BY m.created_at, m.rowid LIMIT ?4",
        [](const store::Statement &r, DigestItem &i) {
            i.targetId = r.text(0);
            i.conversationId = r.text(1);
            i.title = r.text(2);
            i.text = firstLine(r.text(3));
            i.at = r.int64(4);
            i.count = int(r.int64(5));
        }));

    // Approvals whose active step lists me with no decision yet (version 3 tables; empty until synced).
    TANDEM_TRY(b.append(Section::Approval,
        "SELECT r.id, r.title, coalesce(nullif(u.display_name, ''), u.user_name, r.requester_id), "
        "coalesce(r.submitted_at, r.updated_at) FROM approval_requests r "
        "JOIN approval_steps s ON s.request_id = r.id AND s.position = r.current_step AND s.state = 'active' "
        "JOIN approval_step_approvers a ON a.request_id = s.request_id AND a.position = s.position "
        "LEFT JOIN users u ON u.id = r.requester_id "
        "WHERE r.state = 'pending' AND a.user_id = ?1 AND a.decision IS NULL "
        "ORDER BY coalesce(r.submitted_at, r.updated_at), r.id LIMIT ?4",
        [](const store::Statement &r, DigestItem &i) {
            i.targetId = r.text(0);
            i.title = r.text(1);
            i.text = r.text(2);
            i.at = r.int64(3);
        }));

    // My open tasks due by the end of the day after the period (overdue: due before it ended).
    auto tasks
        = db.prepare("SELECT t.id, t.title, coalesce(t.conversation_id, ''), t.due_at FROM tasks t "
                     "JOIN task_assignees a ON a.task_id = t.id AND a.user_id = ?1 "
                     "WHERE t.status IN ('open', 'in_progress') AND t.due_at IS NOT NULL AND t.due_at < ?2 "
                     "ORDER BY t.due_at, t.id LIMIT ?3");
    if (!tasks)
        return tasks.error();
    tasks->bind(1, self).bind(2, toMs + kDayMs).bind(3, kDigestRowsPerSection);
    TANDEM_TRY(tasks->forEachRow([&](const store::Statement &r) {
        DigestItem i;
        i.section = Section::Task;
        i.targetId = r.text(0);
        i.title = r.text(1);
        i.conversationId = r.text(2);
        i.at = r.int64(3);
        i.overdue = i.at < toMs;
        digest.items.append(i);
    }));

    // The threads that were busiest: replies in the period per thread root, with the root's first line.
    auto threads = db.prepare("SELECT root.id, root.conversation_id, c.name, root.body, t.replies, t.latest "
                              "FROM (SELECT m.thread_root_id AS root_id, count(*) AS replies, "
                              "      max(m.created_at) AS latest FROM messages m "
                              "      WHERE m.thread_root_id IS NOT NULL AND "
        + inPeriod
        + " GROUP BY m.thread_root_id) t "
          "JOIN messages root ON root.id = t.root_id JOIN conversations c ON c.id = root.conversation_id "
          "ORDER BY t.replies DESC, t.latest DESC, root.id LIMIT ?4");
    if (!threads)
        return threads.error();
    threads->bind(1, self).bind(2, fromMs).bind(3, toMs).bind(4, kBusyThreads);
    TANDEM_TRY(threads->forEachRow([&](const store::Statement &r) {
        DigestItem i;
        i.section = Section::BusyThread;
        i.targetId = r.text(0);
        i.conversationId = r.text(1);
        i.title = r.text(2);
        i.text = firstLine(r.text(3));
        i.count = int(r.int64(4));
        i.at = r.int64(5);
        digest.items.append(i);
    }));

    // Unread counts per conversation, counted as the conversation list counts them (after my read
    // receipt, from others, top-level, not recalled); muted conversations stay out, as in the badges.
    TANDEM_TRY(b.append(Section::Unread,
        "SELECT c.id, c.name, c.kind, count(*) AS unread, max(m.created_at) AS latest, "
        "(SELECT coalesce(nullif(u.display_name, ''), u.user_name) FROM members mb JOIN users u ON u.id = "
        " mb.user_id WHERE mb.conversation_id = c.id AND mb.user_id != ?1 ORDER BY mb.user_id LIMIT 1) "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "WHERE m.seq > coalesce((SELECT up_to_seq FROM read_receipts rr WHERE rr.conversation_id = c.id "
        "AND rr.user_id = ?1), 0) AND m.sender_id != ?1 AND m.thread_root_id IS NULL AND m.deleted_at IS "
        "NULL "
        "AND c.notify_level != 'muted' AND c.archived = 0 "
        "GROUP BY c.id ORDER BY unread DESC, latest DESC, c.id LIMIT ?4",
        [](const store::Statement &r, DigestItem &i) {
            i.conversationId = r.text(0);
            i.targetId = r.text(0);
            const QString name = r.text(1);
            // A direct conversation has no name of its own: it is the other person's.
            i.title = name.isEmpty() && r.text(2) == u"direct" ? r.text(5) : name;
            i.count = int(r.int64(3));
            i.at = r.int64(4);
        }));
    return digest;
}

} // namespace tandem::boundary
