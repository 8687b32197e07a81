// The notifier under the boundary's policy, at the app-model level over a real encrypted store: the
// schedule saved through SpaceBoundary (store thread) and read back, arrivals read by the same query the
// space session uses, and the Notifier's alerts counted. Work hours, breaks, days off, levels, mentions,
// direct and urgent messages, focus mode and quiet hours each decide what alerts, and off hours or a
// badge give no alert at all.
#include "modeltestsupport.h"

#include "arrivals.h"
#include "conversationlistmodel.h"
#include "notifier.h"
#include "spaceboundary.h"

#include "store/syncstate.h"

#include <QSignalSpy>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;
using boundary::Delivery;

namespace {

const QTimeZone kShanghai("Asia/Shanghai");

QDateTime sh(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), kShanghai).toUTC();
}

AttentionContext at(const QDateTime &now, bool focusMode = false)
{
    AttentionContext context;
    context.now = now;
    context.focusMode = focusMode;
    return context;
}

QVariantMap shanghaiWeek(const QString &daysOff = {})
{
    QVariantList week;
    for (int day = 0; day < 7; ++day)
        week << (day < 5 ? u"09:00-12:00, 13:30-18:00"_s : QString());
    return {{u"timeZone"_s, u"Asia/Shanghai"_s}, {u"week"_s, week}, {u"daysOff"_s, daysOff},
        {u"extraDays"_s, QString()}, {u"enabled"_s, true}};
}

} // namespace

class BoundaryNotifyTest : public QObject
{
    Q_OBJECT

    TestSpace m_space;
    QList<IncomingMessage> m_arrivals;

    // A controller over the test store, loaded, whose clock is `now`.
    std::unique_ptr<SpaceBoundaryController> boundaryAt(boundary::SpaceKind kind, const QDateTime *now)
    {
        auto controller = std::make_unique<SpaceBoundaryController>(
            m_space.thread(), kind, kShanghai, [now] { return *now; });
        QSignalSpy changed(controller.get(), &SpaceBoundaryController::scheduleChanged);
        controller->load();
        if (!changed.wait(5000))
            qFatal("the schedule was not read");
        return controller;
    }

    // Offers every arrival at `now`; returns the ids that alerted.
    QStringList alerts(const boundary::SpaceBoundary &b, AttentionContext context, const QDateTime &now,
        const QString &kind = u"work"_s)
    {
        Notifier notifier(nullptr);
        QStringList alerted;
        connect(&notifier, &Notifier::alerted, this,
            [&](const QString &, const QString &messageId) { alerted << messageId; });
        context.now = now;
        for (IncomingMessage m : std::as_const(m_arrivals)) {
            m.spaceKind = kind;
            const Delivery d = notifier.offer(m, context, &b);
            // Only NotifyNow may alert; BadgeOnly and HoldForDigest never do.
            if (d != Delivery::NotifyNow && alerted.contains(m.messageId))
                qFatal("%s alerted without NotifyNow", qPrintable(m.messageId));
        }
        return alerted;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_space.open());
        QVERIFY(m_space.addConversation(u"eng"_s, u"Engineering"_s, {kMe, kBob}));
        QVERIFY(m_space.addConversation(u"ops"_s, u"Ops"_s, {kMe, kBob}));
        QVERIFY(m_space.addConversation(u"news"_s, u"News"_s, {kMe, kBob}));
        QVERIFY(m_space.addConversation(u"dm"_s, QString(), {kMe, kBob}, u"direct"_s));
        const qint64 t = minutesAgo(1);
        QList<store::Message> messages {message(u"m1"_s, u"eng"_s, kBob, u"plain"_s, t, 1),
            message(u"m2"_s, u"eng"_s, kBob, u"@me look"_s, t, 2),
            message(u"m3"_s, u"dm"_s, kBob, u"hi"_s, t, 1),
            message(u"m4"_s, u"ops"_s, kBob, u"plain in ops"_s, t, 1),
            message(u"m5"_s, u"ops"_s, kBob, u"@me in ops"_s, t, 2),
            message(u"m6"_s, u"news"_s, kBob, u"muted news"_s, t, 1),
            message(u"m7"_s, u"eng"_s, kBob, u"server down"_s, t, 3),
            message(u"m8"_s, u"eng"_s, kMe, u"mine"_s, t, 4)};
        messages[1].mentions = {kMe};
        messages[4].mentions = {kMe};
        QVERIFY(m_space.addMessages(messages));
        // The levels and the urgent flag as the sync engine stores them (prefs and message records).
        QVERIFY(m_space.sql(
            u"ops"_s, "UPDATE conversations SET notify_level = 'mentions' WHERE id = ?1", {u"ops"_s}));
        QVERIFY(m_space.sql(
            u"news"_s, "UPDATE conversations SET notify_level = 'muted' WHERE id = ?1", {u"news"_s}));
        QVERIFY(
            m_space.sql(u"eng"_s, "INSERT INTO message_state(message_id, urgent) VALUES (?1, 1)", {u"m7"_s}));

        ArrivalQuery query;
        query.self = kMe;
        query.spaceId = u"work"_s;
        query.limit = 50;
        m_arrivals = m_space.read<QList<IncomingMessage>>(
            [query](store::SpaceStore &s) { return readArrivals(s, query); });
        QCOMPARE(m_arrivals.size(), 8);
        QCOMPARE(m_arrivals.at(2).direct, true);
        QCOMPARE(m_arrivals.at(6).urgent, true);
        QCOMPARE(m_arrivals.at(3).notifyLevel, u"mentions"_s);
    }

    void savedScheduleIsReadBackFromTheStore()
    {
        QDateTime now = sh(3, 24, 10);
        auto first = boundaryAt(boundary::SpaceKind::Work, &now);
        QVERIFY(!first->customised());
        QSignalSpy saved(first.get(), &SpaceBoundaryController::saved);
        QVERIFY(first->save(shanghaiWeek(u"2026-10-01"_s)));
        QVERIFY(saved.wait(5000));
        auto second = boundaryAt(boundary::SpaceKind::Work, &now);
        QVERIFY(second->customised());
        QCOMPARE(second->form().value(u"week"_s).toList().at(0).toString(), u"09:00-12:00, 13:30-18:00"_s);
        QCOMPARE(second->form().value(u"daysOff"_s).toString(), u"2026-10-01"_s);
    }

    void badFormIsRefusedWithAClearErrorAndNotSaved()
    {
        QDateTime now = sh(3, 24, 10);
        auto b = boundaryAt(boundary::SpaceKind::Work, &now);
        QVariantMap form = shanghaiWeek();
        form[u"week"_s]
            = QVariantList {u"9-12"_s, QString(), QString(), QString(), QString(), QString(), QString()};
        QVERIFY(!b->save(form));
        QVERIFY2(
            b->errorText().contains(u"Monday: “9-12” is not a time range"_s), qPrintable(b->errorText()));
        form = shanghaiWeek();
        form[u"timeZone"_s] = u"Asia/Peking"_s;
        QVERIFY(!b->save(form));
        QVERIFY2(b->errorText().contains(u"Unknown time zone “Asia/Peking”"_s), qPrintable(b->errorText()));
        form = shanghaiWeek(u"2026-13-01"_s);
        QVERIFY(!b->save(form));
        QVERIFY2(
            b->errorText().contains(u"Days off: “2026-13-01” is not a date"_s), qPrintable(b->errorText()));
        form = shanghaiWeek();
        form[u"week"_s] = QVariantList {
            u"09:00-12:00, 11:00-13:00"_s, QString(), QString(), QString(), QString(), QString(), QString()};
        QVERIFY(!b->save(form));
        QVERIFY2(b->errorText().startsWith(u"Monday: "_s), qPrintable(b->errorText()));
        auto again = boundaryAt(boundary::SpaceKind::Work, &now);
        QCOMPARE(again->form().value(u"week"_s).toList().at(0).toString(), u"09:00-12:00, 13:30-18:00"_s);
    }

    void inWorkHoursAllButBadgesAlert()
    {
        QDateTime now = sh(3, 24, 10); // Tuesday 10:00
        auto b = boundaryAt(boundary::SpaceKind::Work, &now);
        QVERIFY(!b->offHours());
        // m4: "mentions only" without a mention; m6: muted; m8: mine.
        QCOMPARE(alerts(b->boundary(), {}, now), (QStringList {u"m1"_s, u"m2"_s, u"m3"_s, u"m5"_s, u"m7"_s}));
    }

    void offHoursAndBreaksAndDaysOffOnlyLetUrgentThrough()
    {
        QDateTime now = sh(3, 24, 20); // Tuesday 20:00
        auto b = boundaryAt(boundary::SpaceKind::Work, &now);
        QVERIFY(b->offHours());
        QCOMPARE(b->offUntilText(), u"Off until %1 09:00"_s.arg(QLocale().dayName(3, QLocale::ShortFormat)));
        QCOMPARE(alerts(b->boundary(), {}, now), QStringList {u"m7"_s});
        QCOMPARE(deliveryFor(m_arrivals.at(0), at(now), &b->boundary()), Delivery::HoldForDigest);
        QCOMPARE(deliveryFor(m_arrivals.at(5), at(now), &b->boundary()), Delivery::HoldForDigest);
        const QDateTime lunch = sh(3, 24, 12, 30);
        QCOMPARE(alerts(b->boundary(), {}, lunch), QStringList {u"m7"_s});
        const QDateTime holiday = sh(10, 1, 10); // a Thursday, saved as a day off
        QCOMPARE(alerts(b->boundary(), {}, holiday), QStringList {u"m7"_s});
    }

    void focusOnAnotherSpaceBadgesAllButUrgent()
    {
        QDateTime now = sh(3, 24, 10);
        auto b = boundaryAt(boundary::SpaceKind::Work, &now);
        AttentionContext focus;
        focus.focusMode = true;
        focus.openSpaceId = u"personal"_s;
        QCOMPARE(alerts(b->boundary(), focus, now), QStringList {u"m7"_s});
        QCOMPARE(deliveryFor(m_arrivals.at(0), at(now, true), &b->boundary()), Delivery::BadgeOnly);
        // Focus on this very space changes nothing; the open conversation does not alert.
        focus.openSpaceId = u"work"_s;
        focus.openConversationId = u"eng"_s;
        focus.windowFocused = true;
        QCOMPARE(alerts(b->boundary(), focus, now), (QStringList {u"m3"_s, u"m5"_s}));
    }

    void personalQuietHoursBadgeAllButUrgent()
    {
        QDateTime now = sh(3, 24, 23);
        auto b = boundaryAt(boundary::SpaceKind::Personal, &now);
        QVERIFY(!b->form().value(u"enabled"_s).toBool());
        QCOMPARE(alerts(b->boundary(), {}, now, u"personal"_s).size(), 5); // no quiet hours yet
        QVariantList week;
        for (int day = 0; day < 7; ++day)
            week << u"00:00-07:00, 22:00-24:00"_s;
        QSignalSpy saved(b.get(), &SpaceBoundaryController::saved);
        QVERIFY(b->save({{u"timeZone"_s, u"Asia/Hong_Kong"_s}, {u"week"_s, week}, {u"enabled"_s, true}}));
        QVERIFY(saved.wait(5000));
        QVERIFY(b->quiet());
        QVERIFY(!b->offHours());
        QCOMPARE(alerts(b->boundary(), {}, now, u"personal"_s), QStringList {u"m7"_s});
        QCOMPARE(alerts(b->boundary(), {}, sh(3, 24, 10), u"personal"_s).size(), 5);
    }

    void workPeriodStartAfterOffPeriodAnnouncesTheDigest()
    {
        QDateTime now = sh(3, 27, 20); // Friday evening
        auto b = boundaryAt(boundary::SpaceKind::Work, &now);
        QVERIFY(b->offHours());
        QCOMPARE(b->offSince(), sh(3, 27, 18));
        QSignalSpy started(b.get(), &SpaceBoundaryController::workPeriodStarted);
        now = sh(3, 30, 8, 59);
        b->evaluate();
        QCOMPARE(started.size(), 0);
        now = sh(3, 30, 9, 0);
        b->evaluate();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(0).toLongLong(), sh(3, 27, 18).toMSecsSinceEpoch());
        QCOMPARE(started.at(0).at(1).toLongLong(), sh(3, 30, 9).toMSecsSinceEpoch());
        b->evaluate();
        QCOMPARE(started.size(), 1);
    }

    // The app was closed over the weekend and starts on Monday within hours: the digest from Friday's
    // end is due at once, unless it was seen since Monday's period began; a profile that never showed
    // one has nothing "while away".
    void aDigestMissedWhileClosedIsDueOnTheFirstLookWithinHours()
    {
        const auto seenAt = [this](const QDateTime &at) {
            auto done = m_space.thread()
                            ->write<bool>([at](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
                                TANDEM_TRY(boundary::saveDigestSeenAt(s.db(), at.toMSecsSinceEpoch()));
                                return true;
                            })
                            .result();
            QVERIFY(done.ok());
        };
        const auto startedAt = [this](const QDateTime &at) {
            QDateTime now = at;
            SpaceBoundaryController b(
                m_space.thread(), boundary::SpaceKind::Work, kShanghai, [&now] { return now; });
            QSignalSpy started(&b, &SpaceBoundaryController::workPeriodStarted);
            QSignalSpy changed(&b, &SpaceBoundaryController::scheduleChanged);
            b.load();
            if (!changed.wait(5000))
                qFatal("the schedule was not read");
            b.evaluate(); // a later look changes nothing
            QList<QList<QVariant>> all;
            for (const auto &args : started)
                all << args;
            return all;
        };

        seenAt(sh(3, 27, 17)); // Friday, before the end of the day
        const auto monday = startedAt(sh(3, 30, 10));
        QCOMPARE(monday.size(), 1);
        QCOMPARE(monday.at(0).at(0).toLongLong(), sh(3, 27, 18).toMSecsSinceEpoch());
        QCOMPARE(monday.at(0).at(1).toLongLong(), sh(3, 30, 10).toMSecsSinceEpoch());

        seenAt(sh(3, 30, 9, 30)); // seen on Monday already
        QCOMPARE(startedAt(sh(3, 30, 10)).size(), 0);

        seenAt(QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc())); // never shown
        QCOMPARE(startedAt(sh(3, 30, 10)).size(), 0);
        QCOMPARE(startedAt(sh(3, 28, 10)).size(), 0); // Saturday: off hours, nothing due yet
    }

    void notifyLevelIsValidatedAndQueuedAsPrefs()
    {
        ConversationListModel list(m_space.thread(), nullptr, kMe);
        QSignalSpy errors(&list, &ConversationListModel::errorOccurred);
        list.setNotifyLevel(u"eng"_s, u"loud"_s);
        QCOMPARE(errors.size(), 1);
        list.setNotifyLevel(u"eng"_s, u"mentions"_s);
        QTRY_COMPARE(
            m_space
                .read<QString>([](store::SpaceStore &s) -> Result<QString> {
                    auto st = s.db().prepare(
                        "SELECT payload FROM outbox WHERE kind = 'prefs.set' ORDER BY seq DESC LIMIT 1");
                    if (!st)
                        return st.error();
                    QString payload;
                    TANDEM_TRY(st->forEachRow([&](const store::Statement &r) { payload = r.text(0); }));
                    return payload;
                })
                .contains(u"\"notify_level\":\"mentions\""_s),
            true);
        QCOMPARE(errors.size(), 1);
    }
};

QTEST_MAIN(BoundaryNotifyTest)

#include "tst_boundarynotify.moc"
