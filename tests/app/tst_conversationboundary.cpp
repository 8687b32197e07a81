// The open conversation's boundary (issue 5) through the real tandem-server: the words of off-duty
// presence in both zones, a colleague off duty shown in the direct conversation, the composer's text
// scheduled for the start of their hours and listed until cancelled, the schedule picker's errors, an
// urgent message refused with the server's reason (the text given back), and an accepted one seen and
// acknowledged by the recipient with "Seen … · Acknowledged …" for the sender.
#include "../sync/realclient.h"
#include "../sync/serverprocess.h"

#include "arrivals.h"
#include "composercontroller.h"
#include "conversationboundary.h"
#include "conversationcontroller.h"
#include "offdutytext.h"
#include "urgentreminder.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

constexpr int kWait = 20000;
const QTimeZone kShanghai("Asia/Shanghai");
const QTimeZone kLondon("Europe/London");

QDateTime at(const QTimeZone &zone, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), zone);
}

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

} // namespace

class TestConversationBoundary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Client> m_alice, m_chen;
    QString m_chat; // alice and chen's direct conversation

    std::unique_ptr<ConversationController> open(Client &c, const QString &self)
    {
        return std::make_unique<ConversationController>(c.store.get(), c.sync.get(), c.files, m_chat, self);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        m_alice = connectClient(m_dir.filePath(u"alice"_s), m_server->url(), u"alice"_s, u"tst_cb"_s);
        m_chen = connectClient(m_dir.filePath(u"chen"_s), m_server->url(), u"chen"_s, u"tst_cb"_s);
        QVERIFY(m_alice && m_chen);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*m_alice, u"chen"_s).isEmpty(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*m_chen, u"alice"_s).isEmpty(), kWait);
        m_chat = directWith(*m_alice, u"chen"_s);
    }

    void cleanupTestCase()
    {
        m_alice.reset();
        m_chen.reset();
        m_server.reset();
    }

    void offDutyTextGivesTheirTimeAndOurs_data()
    {
        QTest::addColumn<qint64>("offUntil");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("choice");
        // Chen in Shanghai is back at 09:00 Wednesday; Alice reads it in London on Tuesday evening (GMT).
        QTest::newRow("shanghai seen from london")
            << ms(at(kShanghai, 11, 25, 9)) << u"Asia/Shanghai"_s << at(kLondon, 11, 25, 0, 30)
            << u"Off until 09:00 (your time 01:00)"_s << u"Schedule for 09:00 their time (01:00 yours)"_s;
        QTest::newRow("same zone: one time")
            << ms(at(kShanghai, 11, 25, 9)) << u"Asia/Shanghai"_s << at(kShanghai, 11, 25, 7)
            << u"Off until 09:00"_s << u"Schedule for 09:00"_s;
        QTest::newRow("hong kong and shanghai read alike")
            << ms(at(kShanghai, 11, 25, 9)) << u"Asia/Hong_Kong"_s << at(kShanghai, 11, 25, 7)
            << u"Off until 09:00"_s << u"Schedule for 09:00"_s;
        QTest::newRow("tomorrow names the day")
            << ms(at(kShanghai, 11, 26, 9)) << u"Asia/Shanghai"_s << at(kLondon, 11, 25, 10)
            << u"Off until Thu 09:00 (your time Thu 01:00)"_s
            << u"Schedule for Thu 09:00 their time (Thu 01:00 yours)"_s;
        // Monday 09:00 in London (BST) is 04:00 Monday in New York (EDT); it is Sunday evening in New York
        // and already Monday in London.
        QTest::newRow("london in summer from new york")
            << ms(at(kLondon, 7, 6, 9)) << u"Europe/London"_s << at(QTimeZone("America/New_York"), 7, 5, 20)
            << u"Off until 09:00 (your time Mon 04:00)"_s
            << u"Schedule for 09:00 their time (Mon 04:00 yours)"_s;
        QTest::newRow("no zone given: ours")
            << ms(at(kLondon, 11, 25, 9)) << QString() << at(kLondon, 11, 25, 7) << u"Off until 09:00"_s
            << u"Schedule for 09:00"_s;
        QTest::newRow("no time") << qint64(0) << QString() << at(kLondon, 11, 25, 7) << u"Off duty"_s
                                 << QString();
    }

    void offDutyTextGivesTheirTimeAndOurs()
    {
        QFETCH(qint64, offUntil);
        QFETCH(QString, zone);
        QFETCH(QDateTime, now);
        QFETCH(QString, text);
        QFETCH(QString, choice);
        QCOMPARE(offDutyText(offUntil, zone, now), text);
        if (!choice.isEmpty())
            QCOMPARE(scheduleChoiceText(offUntil, zone, now), choice);
    }

    void aColleagueOffDutyIsShownAndAScheduledMessageIsListedUntilCancelled()
    {
        const QDateTime realNow = QDateTime::currentDateTimeUtc();
        const QDateTime nine(realNow.toTimeZone(kShanghai).date().addDays(1), QTime(9, 0), kShanghai);
        QVERIFY(m_chen->sync->setOffDuty(ms(nine), u"Asia/Shanghai"_s).result().ok());

        auto alice = open(*m_alice, u"u_alice"_s);
        ConversationBoundary *boundary = alice->boundary();
        const QDateTime londonNow = QDateTime::currentDateTime().toTimeZone(kLondon);
        boundary->setClock([] { return QDateTime::currentDateTime().toTimeZone(kLondon); });
        QTRY_VERIFY_WITH_TIMEOUT(boundary->offDuty(), kWait);
        QCOMPARE(qint64(boundary->offUntilValue()), ms(nine));
        QCOMPARE(boundary->offDutyText(), offDutyText(ms(nine), u"Asia/Shanghai"_s, londonNow));
        QVERIFY2(boundary->offDutyText().contains(u"(your time "_s), qPrintable(boundary->offDutyText()));

        // Nothing to send: nothing scheduled.
        QVERIFY(!boundary->scheduleComposerText(boundary->offUntilValue()));
        alice->composer()->setText(u"Morning Chen, the contract is ready"_s);
        QVERIFY(boundary->scheduleComposerText(boundary->offUntilValue()));
        QCOMPARE(alice->composer()->text(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(boundary->scheduled().size(), 1, kWait);
        QVariantMap row = boundary->scheduled().at(0).toMap();
        QCOMPARE(row.value(u"body"_s).toString(), u"Morning Chen, the contract is ready"_s);
        QCOMPARE(qint64(row.value(u"deliverAt"_s).toDouble()), ms(nine));
        QTRY_VERIFY_WITH_TIMEOUT(boundary->scheduled().at(0).toMap().value(u"confirmed"_s).toBool(), kWait);

        boundary->cancelScheduled(row.value(u"messageId"_s).toString());
        QTRY_COMPARE_WITH_TIMEOUT(boundary->scheduled().size(), 0, kWait);

        // Back on duty: the indicator goes.
        QVERIFY(m_chen->sync->clearOffDuty().result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(!boundary->offDuty(), kWait);
        QCOMPARE(boundary->offDutyText(), QString());
    }

    void theSchedulePickerSaysWhatIsWrong_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("error");
        QTest::newRow("not a date")
            << u"25/11/2026"_s << u"09:00"_s
            << u"“25/11/2026” is not a date. Write it as YYYY-MM-DD, such as 2026-11-25."_s;
        QTest::newRow("no such day")
            << u"2026-02-30"_s << u"09:00"_s
            << u"“2026-02-30” is not a date. Write it as YYYY-MM-DD, such as 2026-11-25."_s;
        QTest::newRow("not a time") << u"2026-11-26"_s << u"9am"_s
                                    << u"“9am” is not a time. Write it as HH:MM, such as 09:00."_s;
        QTest::newRow("past") << u"2026-11-24"_s << u"09:00"_s
                              << u"2026-11-24 09:00 has already passed. Choose a later time."_s;
        QTest::newRow("beyond a year")
            << u"2027-12-01"_s << u"09:00"_s << u"A message can be scheduled at most a year ahead."_s;
        QTest::newRow("fine") << u"2026-11-26"_s << u"09:00"_s << QString();
    }

    void theSchedulePickerSaysWhatIsWrong()
    {
        QFETCH(QString, date);
        QFETCH(QString, time);
        QFETCH(QString, error);
        ConversationBoundary boundary(nullptr, nullptr, m_chat, u"u_alice"_s, nullptr);
        boundary.setClock([] { return at(kLondon, 11, 25, 10); });
        const double when = boundary.parseWhen(date, time);
        QCOMPARE(boundary.errorText(), error);
        if (error.isEmpty())
            QCOMPARE(qint64(when), ms(at(kLondon, 11, 26, 9)));
        else
            QCOMPARE(when, -1.0);
    }

    void anUrgentRefusalShowsTheServersReasonAndGivesTheTextBack()
    {
        QVERIFY(m_chen->sync->setUrgentPolicy(u"nobody"_s, 3).result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(readInt(*m_chen->store, "SELECT count(*) FROM outbox") == 0, kWait);
        auto alice = open(*m_alice, u"u_alice"_s);
        alice->composer()->setText(u"The build server is down"_s);
        QVERIFY(alice->boundary()->sendComposerTextUrgent());
        QCOMPARE(alice->composer()->text(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!alice->boundary()->errorText().isEmpty(), kWait);
        QVERIFY2(alice->boundary()->errorText().startsWith(u"Not sent as urgent: "_s),
            qPrintable(alice->boundary()->errorText()));
        QVERIFY2(
            alice->boundary()->errorText().contains(u"nobody"_s), qPrintable(alice->boundary()->errorText()));
        QCOMPARE(alice->composer()->text(), u"The build server is down"_s);
    }

    void anUrgentMessageIsMarkedSeenAndAcknowledgedAndTheSenderSeesWhen()
    {
        QVERIFY(m_chen->sync->setUrgentPolicy(u"anyone"_s, 5).result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(readInt(*m_chen->store, "SELECT count(*) FROM outbox") == 0, kWait);
        auto alice = open(*m_alice, u"u_alice"_s);
        auto chen = open(*m_chen, u"u_chen"_s);
        alice->composer()->setText(u"Production is down, please call"_s);
        QVERIFY(alice->boundary()->sendComposerTextUrgent());
        QTRY_COMPARE_WITH_TIMEOUT(chen->boundary()->urgent().size(), 1, kWait);
        const QString id = chen->boundary()->urgent().firstKey();
        QVariantMap mine = chen->boundary()->urgent().value(id).toMap();
        QCOMPARE(mine.value(u"mine"_s).toBool(), false);
        QCOMPARE(mine.value(u"acknowledged"_s).toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(alice->boundary()->urgent().size(), 1, kWait);
        QCOMPARE(alice->boundary()->urgent().value(id).toMap().value(u"statusText"_s).toString(),
            u"Not seen yet"_s);

        // Until acknowledged, chen's reminder offers it to the notifier again and again, as urgent.
        ArrivalQuery query;
        query.self = u"u_chen"_s;
        query.spaceId = u"work"_s;
        query.spaceKind = u"work"_s;
        UrgentReminder reminder(m_chen->store.get(), query, 200);
        QSignalSpy reminded(&reminder, &UrgentReminder::remind);
        QTRY_VERIFY_WITH_TIMEOUT(reminded.size() >= 2, kWait);
        const auto first = reminded.at(0).at(0).value<QList<IncomingMessage>>();
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.at(0).messageId, id);
        QVERIFY(first.at(0).urgent);

        chen->boundary()->markSeen(id);
        QTRY_VERIFY_WITH_TIMEOUT(alice->boundary()
                                     ->urgent()
                                     .value(id)
                                     .toMap()
                                     .value(u"statusText"_s)
                                     .toString()
                                     .startsWith(u"Seen "_s),
            kWait);
        QVERIFY(!alice->boundary()
                     ->urgent()
                     .value(id)
                     .toMap()
                     .value(u"statusText"_s)
                     .toString()
                     .contains(u"Ackn"_s));
        chen->boundary()->acknowledge(id);
        QTRY_VERIFY_WITH_TIMEOUT(
            alice->boundary()->urgent().value(id).toMap().value(u"acknowledged"_s).toBool(), kWait);
        const QString status
            = alice->boundary()->urgent().value(id).toMap().value(u"statusText"_s).toString();
        QVERIFY2(QRegularExpression(u"^Seen \\d\\d:\\d\\d · Acknowledged \\d\\d:\\d\\d$"_s)
                     .match(status)
                     .hasMatch(),
            qPrintable(status));
        QTRY_VERIFY_WITH_TIMEOUT(
            chen->boundary()->urgent().value(id).toMap().value(u"acknowledged"_s).toBool(), kWait);
    }
};

QTEST_GUILESS_MAIN(TestConversationBoundary)
#include "tst_conversationboundary.moc"
