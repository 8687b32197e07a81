// Approved leave feeds the work schedule's days off (core/boundary/leavedays.h), through the real store
// writer over a real encrypted space store: the leave request record arrives as it does from the server,
// and the schedule kept by boundarysettings changes with it, in the same transaction.
#include "approvals/approvalrequest.h"
#include "boundary/boundarysettings.h"
#include "boundary/leavedays.h"
#include "store/spacekey.h"
#include "store/spacestore.h"
#include "store/syncstate.h"
#include "sync/storewriter.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::boundary;
using namespace Qt::StringLiterals;

namespace {

const QString kMe = u"u_me"_s;

// The demo leave template as the server sends it (server/approvals/demoapprovals.cpp).
const QJsonObject kLeaveTemplate {{u"id"_s, u"tpl_leave"_s}, {u"name"_s, u"Leave"_s},
    {u"category"_s, u"leave"_s}, {u"updated_at"_s, 1},
    {u"form"_s,
        QJsonArray {QJsonObject {{u"id"_s, u"period"_s}, {u"type"_s, u"date_range"_s},
                        {u"label"_s, u"Period"_s}, {u"required"_s, true}},
            QJsonObject {{u"id"_s, u"days"_s}, {u"type"_s, u"computed"_s}, {u"label"_s, u"Working days"_s},
                {u"formula"_s, u"leave_days"_s}, {u"from"_s, u"period"_s}}}},
    {u"flow"_s,
        QJsonObject {{u"steps"_s,
            QJsonArray {QJsonObject {{u"name"_s, u"Manager"_s}, {u"mode"_s, u"single"_s},
                {u"approvers"_s, QJsonArray {QJsonObject {{u"manager"_s, 1}}}}}}}}}};

approvals::Request leave(const QString &id, const QString &state, qint64 version, const QString &start,
    const QString &end, const QString &requester = kMe)
{
    approvals::Request r;
    r.id = id;
    r.templateId = u"tpl_leave"_s;
    r.requesterId = requester;
    r.title = u"Leave"_s;
    r.form = {{u"period"_s, QJsonObject {{u"start"_s, start}, {u"end"_s, end}}}, {u"days"_s, 3}};
    r.state = state;
    r.version = version;
    approvals::Step step;
    step.name = u"Manager"_s;
    step.mode = u"single"_s;
    // Decided by the approver (approved, rejected), or not (pending: active; withdrawn: back to waiting).
    const bool decided = state == u"approved"_s || state == u"rejected"_s;
    step.state = decided ? state : state == u"pending"_s ? u"active"_s : u"waiting"_s;
    step.approvers = {{u"u_boss"_s, decided ? state : QString(), decided ? 2000 : 0, {}}};
    r.steps = {step};
    r.submittedAt = 1000;
    r.updatedAt = 1000 + version;
    if (state != u"pending"_s) {
        r.decidedAt = 2000;
        r.decidedBy = u"u_boss"_s;
    }
    return r;
}

QStringList dates(const QJsonValue &list)
{
    QStringList out;
    for (const QJsonValue &v : list.toArray())
        out << v.toString();
    return out;
}

} // namespace

class LeaveDaysTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::SpaceStore> m_store;

    store::Database &db() { return m_store->db(); }

    // One batch through the store writer, as SpaceConnection applies a server event.
    Status apply(const QString &entity, const QJsonObject &record)
    {
        store::StoreChange change;
        TANDEM_TRY(db().begin());
        sync::StoreWriter writer(db(), kMe, change);
        if (Status s = writer.upsertRecord(entity, record); !s) {
            db().rollback();
            return s;
        }
        TANDEM_TRY(writer.finish());
        return db().commit();
    }
    Status apply(const approvals::Request &r) { return apply(u"approval_request"_s, approvals::toJson(r)); }

    QStringList daysOff()
    {
        auto b = loadSpaceBoundary(db(), SpaceKind::Work, QTimeZone("Asia/Shanghai"));
        return b ? dates(b->workHours->toJson().value("daysOff"_L1)) : QStringList {u"<error>"_s};
    }
    QString setting(const char *key)
    {
        auto value = store::setting(db(), QLatin1String(key));
        return value ? *value : u"<error>"_s;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = store::SpaceStore::open(
            m_dir.filePath(u"leave-%1.db"_s.arg(QLatin1String(QTest::currentTestFunction()))),
            store::DataKey::generate(), {.create = true});
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_store = std::move(*opened);
        store::SyncAccount account;
        account.serverUrl = u"ws://127.0.0.1:1"_s;
        account.userId = kMe;
        account.serverSpaceId = u"sp_work"_s;
        QVERIFY(store::saveSyncAccount(db(), account));
        // Monday to Friday in Shanghai, and one day the person took off themselves.
        auto week = defaultWorkSchedule(QTimeZone("Asia/Shanghai"));
        QVERIFY(week.addDayOff(QDate(2026, 12, 31)));
        QVERIFY(saveSchedule(db(), SpaceKind::Work, week));
        QVERIFY(apply(u"approval_template"_s, kLeaveTemplate));
    }

    void cleanup() { m_store.reset(); }

    void anApprovedLeaveAddsExactlyItsWorkingDaysAsDaysOff()
    {
        // Friday 4 December to Tuesday 8 December 2026: the weekend between is not a working day.
        QVERIFY(apply(leave(u"r1"_s, u"approved"_s, 2, u"2026-12-04"_s, u"2026-12-08"_s)));
        QCOMPARE(
            daysOff(), (QStringList {u"2026-12-04"_s, u"2026-12-07"_s, u"2026-12-08"_s, u"2026-12-31"_s}));
        auto ledger = leaveDaysByRequest(db());
        QVERIFY(ledger);
        QCOMPARE(ledger->value(u"r1"_s), (QList<QDate> {{2026, 12, 4}, {2026, 12, 7}, {2026, 12, 8}}));
        auto b = loadSpaceBoundary(db(), SpaceKind::Work, QTimeZone("Asia/Shanghai"));
        QVERIFY(b && b->customised);
        QVERIFY(b->workHours->intervalsOn(QDate(2026, 12, 7)).isEmpty());
        QVERIFY(!b->workHours->intervalsOn(QDate(2026, 12, 9)).isEmpty());
    }

    void applyingTheSameRecordAgainChangesNothing()
    {
        const approvals::Request approved
            = leave(u"r1"_s, u"approved"_s, 2, u"2026-12-04"_s, u"2026-12-08"_s);
        QVERIFY(apply(approved));
        const QString schedule = setting(kWorkHoursKey);
        const QString ledger = setting(kLeaveDaysKey);
        QVERIFY(apply(approved));
        // An older version arriving late (a snapshot racing an event) changes nothing either.
        QVERIFY(apply(leave(u"r1"_s, u"pending"_s, 1, u"2026-12-04"_s, u"2026-12-08"_s)));
        QCOMPARE(setting(kWorkHoursKey), schedule);
        QCOMPARE(setting(kLeaveDaysKey), ledger);
    }

    void aRejectedOrPendingLeaveAddsNothing()
    {
        const QString schedule = setting(kWorkHoursKey);
        QVERIFY(apply(leave(u"r2"_s, u"pending"_s, 1, u"2026-12-14"_s, u"2026-12-15"_s)));
        QVERIFY(apply(leave(u"r2"_s, u"rejected"_s, 2, u"2026-12-14"_s, u"2026-12-15"_s)));
        QCOMPARE(setting(kWorkHoursKey), schedule);
        QCOMPARE(daysOff(), QStringList {u"2026-12-31"_s});
        QCOMPARE(setting(kLeaveDaysKey), QString());
    }

    void someoneElsesApprovedLeaveAddsNothing()
    {
        QVERIFY(apply(leave(u"r3"_s, u"approved"_s, 2, u"2026-12-14"_s, u"2026-12-15"_s, u"u_other"_s)));
        QCOMPARE(daysOff(), QStringList {u"2026-12-31"_s});
    }

    void aLeaveThatIsNoLongerApprovedGivesBackOnlyTheDaysItAdded()
    {
        // Two leaves overlap on 29-30 December; the person's own day off (31st) is not claimed by either.
        QVERIFY(apply(leave(u"a"_s, u"approved"_s, 2, u"2026-12-28"_s, u"2026-12-31"_s)));
        QVERIFY(apply(leave(u"b"_s, u"approved"_s, 2, u"2026-12-29"_s, u"2026-12-30"_s)));
        QCOMPARE(
            daysOff(), (QStringList {u"2026-12-28"_s, u"2026-12-29"_s, u"2026-12-30"_s, u"2026-12-31"_s}));
        // A later record of "a" that is not approved (the server's word wins) takes back what only it held.
        QVERIFY(apply(leave(u"a"_s, u"withdrawn"_s, 3, u"2026-12-28"_s, u"2026-12-31"_s)));
        QCOMPARE(daysOff(), (QStringList {u"2026-12-29"_s, u"2026-12-30"_s, u"2026-12-31"_s}));
        auto ledger = leaveDaysByRequest(db());
        QVERIFY(ledger);
        QVERIFY(!ledger->contains(u"a"_s));
        QCOMPARE(ledger->value(u"b"_s), (QList<QDate> {{2026, 12, 29}, {2026, 12, 30}}));
    }

    void withoutASavedScheduleTheDefaultWeekTakesTheDays()
    {
        QVERIFY(saveSchedule(db(), SpaceKind::Work, std::nullopt));
        QVERIFY(apply(leave(u"r4"_s, u"approved"_s, 2, u"2026-12-05"_s, u"2026-12-07"_s)));
        auto b = loadSpaceBoundary(db(), SpaceKind::Work, QTimeZone("Asia/Shanghai"));
        QVERIFY(b && b->customised);
        QCOMPARE(dates(b->workHours->toJson().value("daysOff"_L1)), QStringList {u"2026-12-07"_s});
        QCOMPARE(b->workHours->intervals(Qt::Monday).size(), 2); // the default week, kept
    }
};

QTEST_GUILESS_MAIN(LeaveDaysTest)
#include "tst_leavedays.moc"
