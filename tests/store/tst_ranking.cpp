// How search orders what it finds: tandem_rank (BM25's term frequency and length normalisation, without
// the IDF walk; see core/store/searchrank.h), then recency.
#include "storetestsupport.h"

#include "store/profile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

class RankingTest : public QObject
{
    Q_OBJECT

    QStringList rankedIds(const QStringList &bodies, const QString &query)
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space
            = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, passphrase(), false, cheapKdf());
        if (!space)
            return {describe(space.error())};
        auto store = profile.openSpace(*space, passphrase());
        if (!store)
            return {describe(store.error())};
        if (auto s = storeConversation(**store, QStringLiteral("c"), bodies); !s)
            return {describe(s.error())};
        SearchQuery q;
        q.text = query;
        auto hits = (*store)->search(q);
        if (!hits)
            return {describe(hits.error())};
        QStringList ids;
        for (const SearchHit &h : *hits)
            ids << h.messageId;
        return ids;
    }

private Q_SLOTS:
    void moreOccurrencesRankFirst()
    {
        // Same length, so only the number of matches differs.
        const QStringList ids = rankedIds({QStringLiteral("报销 单据 已经 提交 了吗 谢谢"),
                                              QStringLiteral("报销 报销 报销 单据 谢谢 大家")},
            QStringLiteral("报销"));
        QCOMPARE(ids, (QStringList {QStringLiteral("c-1"), QStringLiteral("c-0")}));
    }

    void shorterMessagesRankFirstForTheSameMatches()
    {
        const QStringList ids
            = rankedIds({QStringLiteral("release notes are ready for review by the whole team today"),
                            QStringLiteral("release notes ready")},
                QStringLiteral("release"));
        QCOMPARE(ids, (QStringList {QStringLiteral("c-1"), QStringLiteral("c-0")}));
    }

    void equalScoresRankNewestFirst()
    {
        const QStringList ids = rankedIds({QStringLiteral("会议 改到 三点"), QStringLiteral("会议 改到 四点"),
                                              QStringLiteral("会议 改到 五点")},
            QStringLiteral("会议"));
        QCOMPARE(ids, (QStringList {QStringLiteral("c-2"), QStringLiteral("c-1"), QStringLiteral("c-0")}));
    }

    void everyTermCountsInAMultiTermQuery()
    {
        // Both contain both terms; the one with more of them ranks first.
        const QStringList ids = rankedIds(
            {QStringLiteral("deploy 上线 today ok fine"), QStringLiteral("deploy 上线 上线 deploy ok")},
            QStringLiteral("deploy 上线"));
        QCOMPARE(ids, (QStringList {QStringLiteral("c-1"), QStringLiteral("c-0")}));
    }

    void scoresAreNegativeAndComeFromTheRankFunction()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space
            = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(space);
        auto store = profile.openSpace(*space, passphrase());
        TANDEM_VERIFY_OK(store);
        TANDEM_VERIFY_OK(storeConversation(**store, QStringLiteral("c"), {QStringLiteral("审批 通过")}));
        SearchQuery q;
        q.text = QStringLiteral("审批");
        auto hits = (*store)->search(q);
        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 1);
        QVERIFY(hits->first().score < 0);
        // One hit in a one-token body of average length: (1 * 2.2) / (1 + 1.2) = 1.
        QCOMPARE(hits->first().score, -1.0);
    }
};

QTEST_GUILESS_MAIN(RankingTest)
#include "tst_ranking.moc"
