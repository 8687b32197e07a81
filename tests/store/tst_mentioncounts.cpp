// Unread mention counts (schema version 12): a mention carries its message's conversation and seq, so
// that the counts come from one index. These tests hold the copies to the messages they copy: the
// counts for every conversation and for one are compared with a count made from the messages themselves,
// through a history of local echoes getting their seq, recalls and moving receipts; and an upgrade from
// version 11 gives the mentions already stored their conversation and seq.
#include "messaging/conversationqueries.h"
#include "store/database.h"
#include "store/schema.h"
#include "store/searchtokenizer.h"
#include "store/spacestore.h"
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

const QString kMe = QStringLiteral("u-me");
const QStringList kConversations {
    QStringLiteral("c-0"), QStringLiteral("c-1"), QStringLiteral("c-2"), QStringLiteral("c-busy")};

// What the badge should say, counted from the messages (not from the copies in message_mentions).
int expectedMentions(Database &db, const QString &conversationId)
{
    auto st = db.prepare(
        "SELECT count(*) FROM message_mentions mm JOIN messages m ON m.rowid = mm.message_rowid "
        "WHERE mm.user_id = ?1 AND m.conversation_id = ?2 AND m.deleted_at IS NULL AND m.seq > "
        "coalesce((SELECT up_to_seq FROM read_receipts WHERE conversation_id = ?2 AND user_id = ?1), 0)");
    if (!st)
        return -1;
    qint64 count = -1;
    if (!st->bind(1, kMe).bind(2, conversationId).forEachRow([&](const Statement &r) { count = r.int64(0); }))
        return -1;
    return int(std::min<qint64>(count, messaging::kUnreadCap + 1));
}

} // namespace

class TestMentionCounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsFollowSeqsRecallsAndReceipts()
    {
        QTemporaryDir dir;
        auto opened = SpaceStore::open(dir.filePath(QStringLiteral("space.db")), DataKey::generate(), {true});
        TANDEM_VERIFY_OK(opened);
        SpaceStore &store = **opened;
        std::mt19937 random(20261125);
        StoreChange change;
        for (const QString &id : kConversations)
            TANDEM_VERIFY_OK(store.upsertConversation(conversation(id, id), change));

        // 1,500 messages; about a third mention me (c-busy far more than the badge's cap), some mention
        // someone else too, and one in eight is a local echo with no seq yet.
        QList<Message> messages;
        QHash<QString, qint64> seqs;
        for (int i = 0; i < 1500; ++i) {
            const QString conversationId
                = i % 3 == 0 ? QStringLiteral("c-busy") : kConversations.at(int(random() % 3));
            Message m = message(QStringLiteral("m-%1").arg(i), conversationId,
                random() % 2 ? QStringLiteral("u-li") : QStringLiteral("u-chen"), QStringLiteral("hello"),
                1'700'000'000'000 + i);
            if (random() % 8 != 0)
                m.seq = ++seqs[conversationId];
            if (random() % 3 == 0 || conversationId == QLatin1String("c-busy"))
                m.mentions << kMe;
            if (random() % 4 == 0)
                m.mentions << QStringLiteral("u-wang");
            messages.append(m);
        }
        TANDEM_VERIFY_OK(store.insertMessages(std::span<const Message>(messages), change));

        Database &db = store.db();
        auto check = [&](const char *when) {
            auto all = messaging::conversationSummaries(store, kMe);
            TANDEM_VERIFY_OK(all);
            QCOMPARE(all->size(), kConversations.size());
            for (const messaging::ConversationSummary &c : *all) {
                const int expected = expectedMentions(db, c.id);
                QVERIFY2(expected >= 0, when);
                QVERIFY2(c.mentionCount == expected,
                    qPrintable(QStringLiteral("%1, all: %2 has %3, expected %4")
                                   .arg(QLatin1String(when), c.id)
                                   .arg(c.mentionCount)
                                   .arg(expected)));
                auto one = messaging::conversationSummary(store, kMe, c.id);
                TANDEM_VERIFY_OK(one);
                QVERIFY(one->has_value());
                QVERIFY2((*one)->mentionCount == expected,
                    qPrintable(QStringLiteral("%1, one: %2 has %3, expected %4")
                                   .arg(QLatin1String(when), c.id)
                                   .arg((*one)->mentionCount)
                                   .arg(expected)));
            }
        };
        check("as stored");
        QCOMPARE(expectedMentions(db, QStringLiteral("c-busy")), messaging::kUnreadCap + 1);

        for (int round = 0; round < 6; ++round) {
            // Local echoes confirmed: their seq comes after the conversation's last.
            auto confirm
                = db.prepare("SELECT rowid, conversation_id FROM messages WHERE seq IS NULL LIMIT 40");
            TANDEM_VERIFY_OK(confirm);
            QList<QPair<qint64, QString>> unconfirmed;
            TANDEM_VERIFY_OK(confirm->forEachRow([&](const Statement &r) {
                unconfirmed.append({r.int64(0), r.text(1)});
            }));
            auto setSeq = db.prepare("UPDATE messages SET seq = ?2, send_state = 0 WHERE rowid = ?1");
            TANDEM_VERIFY_OK(setSeq);
            for (const auto &[rowid, conversationId] : unconfirmed)
                TANDEM_VERIFY_OK(setSeq->bind(1, rowid).bind(2, ++seqs[conversationId]).exec());
            // Some recalled.
            auto recall = db.prepare("UPDATE messages SET body = '', deleted_at = 1 WHERE rowid = ?1");
            TANDEM_VERIFY_OK(recall);
            for (int i = 0; i < 60; ++i)
                TANDEM_VERIFY_OK(recall->bind(1, qint64(1 + random() % 1500)).exec());
            // Receipts move, up to somewhere in each conversation.
            auto receipt
                = db.prepare("INSERT OR REPLACE INTO read_receipts(conversation_id, user_id, up_to_seq, "
                             "read_at) VALUES (?1, ?2, ?3, 1)");
            TANDEM_VERIFY_OK(receipt);
            for (const QString &id : kConversations)
                TANDEM_VERIFY_OK(receipt->bind(1, id)
                                     .bind(2, kMe)
                                     .bind(3, qint64(random() % (seqs.value(id) + 1)))
                                     .exec());
            check(qPrintable(QStringLiteral("round %1").arg(round)));
        }

        // A recalled message mentions nobody: no row is left for it, whoever recalled it.
        auto left = db.queryInt("SELECT count(*) FROM message_mentions mm JOIN messages m "
                                "ON m.rowid = mm.message_rowid WHERE m.deleted_at IS NOT NULL");
        TANDEM_VERIFY_OK(left);
        QCOMPARE(*left, qint64(0));
        // Every copy matches its message.
        auto stale
            = db.queryInt("SELECT count(*) FROM message_mentions mm JOIN messages m "
                          "ON m.rowid = mm.message_rowid WHERE mm.conversation_id IS NOT m.conversation_id "
                          "OR mm.seq IS NOT m.seq");
        TANDEM_VERIFY_OK(stale);
        QCOMPARE(*stale, qint64(0));
    }

    void upgradeGivesStoredMentionsTheirConversationAndSeq()
    {
        QTemporaryDir dir;
        const DataKey key = DataKey::generate();
        Database::Options o;
        o.create = true;
        auto db = Database::open(dir.filePath(QStringLiteral("space.db")), key.bytes(), o);
        TANDEM_VERIFY_OK(db);
        Database &d = **db;
        TANDEM_VERIFY_OK(registerSearchTokenizer(d.handle()));
        TANDEM_VERIFY_OK(migrate(d, 11));
        TANDEM_VERIFY_OK(d.exec("INSERT INTO conversations(id, kind, name, created_at) VALUES "
                                "('c-a', 'group', 'A', 1), ('c-b', 'group', 'B', 1)"));
        TANDEM_VERIFY_OK(d.exec(
            "INSERT INTO messages(rowid, id, conversation_id, seq, sender_id, body, created_at, deleted_at) "
            "VALUES (1, 'm-1', 'c-a', 7, 'u-li', '@me', 1, NULL), (2, 'm-2', 'c-b', NULL, 'u-me', '@me', 2, "
            "NULL), "
            "(3, 'm-3', 'c-b', 3, 'u-li', '', 3, 99)"));
        TANDEM_VERIFY_OK(d.exec("INSERT INTO message_mentions(message_rowid, user_id) VALUES "
                                "(1, 'u-me'), (1, 'u-wang'), (2, 'u-me'), (3, 'u-me')"));

        TANDEM_VERIFY_OK(migrate(d, 12));

        auto rows
            = d.prepare("SELECT message_rowid, user_id, coalesce(conversation_id, '-'), coalesce(seq, -1) "
                        "FROM message_mentions ORDER BY message_rowid, user_id");
        TANDEM_VERIFY_OK(rows);
        QStringList got;
        TANDEM_VERIFY_OK(rows->forEachRow([&](const Statement &r) {
            got << QStringLiteral("%1 %2 %3 %4").arg(r.int64(0)).arg(r.text(1), r.text(2)).arg(r.int64(3));
        }));
        // The recalled message's mention is gone; the local echo's has no seq until it gets one.
        QCOMPARE(got,
            QStringList({QStringLiteral("1 u-me c-a 7"), QStringLiteral("1 u-wang c-a 7"),
                QStringLiteral("2 u-me c-b -1")}));
        TANDEM_VERIFY_OK(d.exec("UPDATE messages SET seq = 4 WHERE rowid = 2"));
        auto seq = d.queryInt("SELECT seq FROM message_mentions WHERE message_rowid = 2");
        TANDEM_VERIFY_OK(seq);
        QCOMPARE(*seq, qint64(4));
    }
};

QTEST_GUILESS_MAIN(TestMentionCounts)
#include "tst_mentioncounts.moc"
