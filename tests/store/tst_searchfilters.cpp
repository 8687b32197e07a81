// Filtered search with the default candidate limit: the scope tokens narrow candidates inside the index,
// and the exact filters must still give complete answers when the newest candidates fail them.
#include "storetestsupport.h"

#include "store/profile.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class SearchFiltersTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SpaceStore> m_store;

    QSet<QString> ids(const SearchQuery &q)
    {
        auto hits = m_store->search(q);
        if (!hits)
            return {describe(hits.error())};
        QSet<QString> out;
        for (const SearchHit &h : *hits)
            out.insert(h.messageId);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Profile profile(m_dir.path());
        auto space
            = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(space);
        auto store = profile.openSpace(*space, passphrase());
        TANDEM_VERIFY_OK(store);
        m_store = std::move(*store);
        StoreChange change;
        TANDEM_VERIFY_OK(
            m_store->upsertConversation(conversation(QStringLiteral("c1"), QStringLiteral("c1")), change));
        TANDEM_VERIFY_OK(
            m_store->upsertConversation(conversation(QStringLiteral("c2"), QStringLiteral("c2")), change));
        QList<Message> messages;
        // Five old matches, then 1,200 newer ones on the afternoon of the boundary day, all arriving later:
        // more than the default candidate limit, so the newest candidates all fail an end bound of 10:00.
        for (int i = 0; i < 5; ++i)
            messages << message(QStringLiteral("old-%1").arg(i), QStringLiteral("c1"),
                QStringLiteral("alice"), QStringLiteral("报销 单据 %1").arg(i), utc(2026, 1, 10 + i, 9));
        for (int i = 0; i < 1200; ++i)
            messages << message(QStringLiteral("new-%1").arg(i), QStringLiteral("c1"), QStringLiteral("bob"),
                QStringLiteral("报销 进度 %1").arg(i), utc(2026, 2, 6, 12) + i * 1000);
        // And 1,200 matches from another sender and conversation, in a later month.
        for (int i = 0; i < 1200; ++i)
            messages << message(QStringLiteral("c2-%1").arg(i), QStringLiteral("c2"), QStringLiteral("chen"),
                QStringLiteral("报销 审批 %1").arg(i), utc(2026, 3, 1, 8) + i * 1000);
        auto inserted = m_store->insertMessages(std::span<const Message>(messages), change);
        TANDEM_VERIFY_OK(inserted);
        QCOMPARE(*inserted, 2405);
    }

    void endBoundFindsOlderMatchesBehindManyNewerOnes()
    {
        SearchQuery q;
        q.text = QStringLiteral("报销");
        q.toMs = utc(2026, 2, 6, 10);
        QCOMPARE(q.candidateLimit < 1200, true); // the default limit, smaller than the newer matches
        const QSet<QString> expected {QStringLiteral("old-0"), QStringLiteral("old-1"),
            QStringLiteral("old-2"), QStringLiteral("old-3"), QStringLiteral("old-4")};
        QCOMPARE(ids(q), expected);
    }

    void startBoundWithinTheBoundaryDayIsExact()
    {
        SearchQuery q;
        q.text = QStringLiteral("报销");
        q.fromMs = utc(2026, 2, 6, 12) + 1195 * 1000; // the last five of the afternoon
        q.toMs = utc(2026, 2, 7);
        const QSet<QString> expected {QStringLiteral("new-1195"), QStringLiteral("new-1196"),
            QStringLiteral("new-1197"), QStringLiteral("new-1198"), QStringLiteral("new-1199")};
        QCOMPARE(ids(q), expected);
    }

    void openEndedStartBoundLeavesOutEverythingBefore()
    {
        SearchQuery q;
        q.text = QStringLiteral("报销");
        q.fromMs = utc(2026, 3, 1);
        q.limit = 5000;
        const QSet<QString> found = ids(q);
        QCOMPARE(found.size(), 1200);
        for (const QString &id : found)
            QVERIFY2(id.startsWith(QStringLiteral("c2-")), qPrintable(id));
    }

    void senderAndConversationFiltersAreExact()
    {
        SearchQuery q;
        q.text = QStringLiteral("报销");
        q.senderId = QStringLiteral("alice");
        q.limit = 5000;
        QCOMPARE(ids(q).size(), 5);
        q.senderId.clear();
        q.conversationId = QStringLiteral("c2");
        QCOMPARE(ids(q).size(), 1200);
        q.senderId = QStringLiteral("alice"); // alice never wrote in c2
        QVERIFY(ids(q).isEmpty());
    }

    void limitIsHonouredWithFilters()
    {
        SearchQuery q;
        q.text = QStringLiteral("报销");
        q.conversationId = QStringLiteral("c1");
        q.limit = 7;
        QCOMPARE(ids(q).size(), 7);
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(SearchFiltersTest)
#include "tst_searchfilters.moc"
