// TypingTracker (core/sync/typingtracker.h, docs/protocol.md §6.7): notices hold for their expiry, a
// newer one extends it, a message from the typist ends it, the end of a connection ends them all, and
// a flood of notices from a hostile server stays bounded.
#include "sync/typingtracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace tandem::sync;
using namespace Qt::StringLiterals;

class TestTypingTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNoticeHoldsUntilItExpires()
    {
        TypingTracker t;
        QSignalSpy changed(&t, &TypingTracker::typingChanged);
        t.noticed(u"c1"_s, u"u_bob"_s, 300);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().at(1).toStringList(), QStringList {u"u_bob"_s});
        QTest::qWait(150);
        QCOMPARE(t.typing(u"c1"_s), QStringList {u"u_bob"_s});
        QVERIFY(changed.wait(1000));
        QCOMPARE(changed.takeFirst().at(1).toStringList(), QStringList());
        QVERIFY(t.typing(u"c1"_s).isEmpty());
    }

    void aNewerNoticeExtendsWithoutAnnouncingTheSamePeopleAgain()
    {
        TypingTracker t;
        QSignalSpy changed(&t, &TypingTracker::typingChanged);
        t.noticed(u"c1"_s, u"u_bob"_s, 300);
        QTest::qWait(200);
        t.noticed(u"c1"_s, u"u_bob"_s, 300);
        QCOMPARE(changed.size(), 1);
        QTest::qWait(200); // 400 ms after the first notice, 200 ms after the second
        QCOMPARE(t.typing(u"c1"_s), QStringList {u"u_bob"_s});
        QVERIFY(changed.wait(1000));
        QVERIFY(t.typing(u"c1"_s).isEmpty());
    }

    void peopleAreListedInTheOrderTheyStarted()
    {
        TypingTracker t;
        t.noticed(u"c1"_s, u"u_bob"_s, 5000);
        t.noticed(u"c1"_s, u"u_chen"_s, 5000);
        t.noticed(u"c2"_s, u"u_dana"_s, 5000);
        QCOMPARE(t.typing(u"c1"_s), (QStringList {u"u_bob"_s, u"u_chen"_s}));
        QCOMPARE(t.typing(u"c2"_s), QStringList {u"u_dana"_s});
    }

    void aMessageFromTheTypistEndsOnlyTheirNotice()
    {
        TypingTracker t;
        t.noticed(u"c1"_s, u"u_bob"_s, 5000);
        t.noticed(u"c1"_s, u"u_chen"_s, 5000);
        QSignalSpy changed(&t, &TypingTracker::typingChanged);
        t.messageFrom(u"c2"_s, u"u_bob"_s); // another conversation: nothing
        t.messageFrom(u"c1"_s, u"u_dana"_s); // someone not typing: nothing
        QCOMPARE(changed.size(), 0);
        t.messageFrom(u"c1"_s, u"u_bob"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().at(1).toStringList(), QStringList {u"u_chen"_s});
    }

    void clearEndsEveryNotice()
    {
        TypingTracker t;
        t.noticed(u"c1"_s, u"u_bob"_s, 5000);
        t.noticed(u"c2"_s, u"u_chen"_s, 5000);
        QSignalSpy changed(&t, &TypingTracker::typingChanged);
        t.clear();
        QCOMPARE(changed.size(), 2);
        for (const QList<QVariant> &args : std::as_const(changed))
            QVERIFY(args.at(1).toStringList().isEmpty());
        QVERIFY(t.typing(u"c1"_s).isEmpty());
    }

    void aFloodStaysBounded()
    {
        TypingTracker t;
        for (int c = 0; c < 1000; ++c)
            for (int u = 0; u < 100; ++u)
                t.noticed(u"c%1"_s.arg(c), u"u%1"_s.arg(u), 60000);
        QCOMPARE(t.typing(u"c0"_s).size(), TypingTracker::kMaxPerConversation);
        QVERIFY(t.typing(u"c999"_s).isEmpty());
        QCOMPARE(t.typing(u"c255"_s).size(), TypingTracker::kMaxPerConversation);
    }
};

QTEST_GUILESS_MAIN(TestTypingTracker)
#include "tst_typingtracker.moc"
