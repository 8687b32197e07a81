// The hybrid logical clock and the field merge rule of docs/protocol.md §11.2: the string form orders
// like the clock, the clock never goes back or repeats, and the merge is commutative, associative and
// idempotent over random writes from several devices.
#include "tasks/hlc.h"
#include "tasks/taskstate.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace tandem::tasks;
using namespace Qt::StringLiterals;

namespace {

// A random write of one field of task "t", by one of three devices, each issuing from its own clock at
// a few nearby physical times, so that equal physical parts and counters across devices happen often
// (a device never issues the same timestamp twice, which the rule relies on).
TaskState randomWrite(QRandomGenerator &rng, QList<HlcClock> &clocks)
{
    static const QStringList devices {u"dA"_s, u"dB"_s, u"dC"_s};
    const int d = int(rng.bounded(3));
    const Hlc h = clocks[d].issue(1764000000000LL + rng.bounded(3), devices.at(d));
    TaskState t;
    t.id = u"t"_s;
    const QString stamp = h.toString();
    switch (rng.bounded(5)) {
    case 0:
        t.fields.insert(u"title"_s, Clocked {QString::number(rng.bounded(1000)), stamp});
        break;
    case 1:
        t.fields.insert(u"status"_s, Clocked {rng.bounded(2) ? u"done"_s : u"open"_s, stamp});
        break;
    case 2:
        t.assignees.insert(rng.bounded(2) ? u"u1"_s : u"u2"_s, Clocked {bool(rng.bounded(2)), stamp});
        break;
    case 3:
        t.attachments.insert(rng.bounded(2) ? u"f1"_s : u"f2"_s, Clocked {bool(rng.bounded(2)), stamp});
        break;
    default:
        t.checklist[u"i1"_s].insert(u"done"_s, Clocked {bool(rng.bounded(2)), stamp});
        break;
    }
    return t;
}

TaskState mergedInOrder(const QList<TaskState> &writes)
{
    TaskState s;
    for (const TaskState &w : writes)
        s.merge(w);
    return s;
}

} // namespace

class TestHlc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stringFormHasFixedWidthsAndParsesBack()
    {
        const Hlc h {1764000005210LL, 3, u"dK7m2Qx9"_s};
        QCOMPARE(h.toString(), u"1764000005210-00003-dK7m2Qx9"_s);
        QCOMPARE(Hlc::parse(h.toString()), h);
        QCOMPARE(Hlc::parse(u"0000000000001-00000-_server"_s)->deviceId, u"_server"_s);
    }

    void parseRefusesMalformedStamps()
    {
        for (const QString &bad :
            {u""_s, u"1764000005210-3-dK"_s, u"176400000521-00003-dK"_s, u"1764000005210-00003-"_s,
                u"1764000005210-00003-d K"_s, u"17640000052x0-00003-dK"_s, u"1764000005210_00003-dK"_s})
            QVERIFY2(!Hlc::parse(bad), qPrintable(bad));
    }

    void byteOrderIsClockOrder()
    {
        QRandomGenerator rng(7);
        for (int i = 0; i < 2000; ++i) {
            const Hlc a {qint64(rng.bounded(20000)), int(rng.bounded(100000)),
                u"d"_s + QString::number(rng.bounded(3))};
            const Hlc b {qint64(rng.bounded(20000)), int(rng.bounded(100000)),
                u"d"_s + QString::number(rng.bounded(3))};
            const bool clockLess
                = std::tie(a.physical, a.counter, a.deviceId) < std::tie(b.physical, b.counter, b.deviceId);
            QCOMPARE(hlcWins(b.toString(), a.toString()), clockLess);
        }
    }

    void issueNeverRepeatsOrGoesBack()
    {
        HlcClock clock;
        QString last;
        // The physical clock jumps back and stands still; stamps still strictly increase.
        for (qint64 now : {1000LL, 1000LL, 999LL, 500LL, 1001LL, 1001LL, 2000LL}) {
            const QString s = clock.issue(now, u"dA"_s).toString();
            QVERIFY2(hlcWins(s, last), qPrintable(s + u" after "_s + last));
            last = s;
        }
        QCOMPARE(clock, (HlcClock {2000, 0}));
    }

    void receiveFollowsTheRule()
    {
        HlcClock c {1000, 5};
        c.receive(Hlc {1000, 9, u"dB"_s}, 900); // l' = l = lm
        QCOMPARE(c, (HlcClock {1000, 10}));
        c.receive(Hlc {800, 50, u"dB"_s}, 900); // only l' = l
        QCOMPARE(c, (HlcClock {1000, 11}));
        c.receive(Hlc {1500, 7, u"dB"_s}, 900); // only l' = lm
        QCOMPARE(c, (HlcClock {1500, 8}));
        c.receive(Hlc {1200, 7, u"dB"_s}, 2000); // physical time is ahead of both
        QCOMPARE(c, (HlcClock {2000, 0}));
        // A local write after receiving orders after what was received.
        const Hlc seen {5000, 3, u"dB"_s};
        c.receive(seen, 2100);
        QVERIFY(hlcWins(c.issue(2100, u"dA"_s).toString(), seen.toString()));
    }

    void counterOverflowCarriesIntoPhysical()
    {
        HlcClock c {1000, kHlcCounterMax};
        const Hlc h = c.issue(1000, u"dA"_s);
        QCOMPARE(h.physical, 1001);
        QCOMPARE(h.counter, 0);
        HlcClock r {1000, 10};
        r.receive(Hlc {1000, kHlcCounterMax, u"dB"_s}, 0);
        QCOMPARE(r, (HlcClock {1001, 0}));
        QVERIFY(hlcWins(h.toString(), Hlc {1000, kHlcCounterMax, u"dA"_s}.toString()));
    }

    void skewCheckAllowsFiveMinutesOnly()
    {
        const qint64 now = 1764000000000LL;
        QVERIFY(!hlcTooFarAhead(Hlc {now + kHlcMaxSkewMs, 0, u"d"_s}, now));
        QVERIFY(hlcTooFarAhead(Hlc {now + kHlcMaxSkewMs + 1, 0, u"d"_s}, now));
        QVERIFY(hlcTooFarAhead(Hlc {now + 10 * 60 * 1000, 0, u"d"_s}, now));
        QVERIFY(!hlcTooFarAhead(Hlc {now - 3600000, 0, u"d"_s}, now)); // an old clock only loses
    }

    void stateRoundTripsThroughTheDatabaseForm()
    {
        const HlcClock c {1764000005210LL, 42};
        QCOMPARE(HlcClock::fromState(c.toState()), c);
        QCOMPARE(HlcClock::fromState(u"garbage"_s), HlcClock());
    }

    void mergeIsCommutativeAssociativeAndIdempotent()
    {
        QRandomGenerator rng(2024);
        for (int round = 0; round < 300; ++round) {
            QList<TaskState> writes;
            QList<HlcClock> clocks(3);
            for (int i = 0; i < 12; ++i)
                writes << randomWrite(rng, clocks);
            const TaskState forward = mergedInOrder(writes);
            QList<TaskState> shuffled = writes;
            std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(round));
            QCOMPARE(mergedInOrder(shuffled).toRecord(), forward.toRecord()); // any order
            // Grouping: merge two halves separately, then the halves together.
            TaskState left = mergedInOrder(writes.mid(0, 5));
            left.merge(mergedInOrder(writes.mid(5)));
            QCOMPARE(left.toRecord(), forward.toRecord());
            // Applying everything again changes nothing.
            TaskState twice = forward;
            for (const TaskState &w : writes)
                QVERIFY(!twice.merge(w));
            QCOMPARE(twice.toRecord(), forward.toRecord());
        }
    }

    void differentFieldsBothKeepTheirChange()
    {
        TaskState base = TaskState::fromPayload(u"task.create"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000000000-00000-dA"_s}, {u"title"_s, u"Draft"_s}},
            u"u1"_s, 1764000000000LL);
        const TaskState a = TaskState::fromPayload(u"task.update"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000001000-00000-dA"_s},
                {u"fields"_s, QJsonObject {{u"title"_s, u"Final"_s}}}},
            u"u1"_s, 0);
        const TaskState b = TaskState::fromPayload(u"task.update"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000000500-00000-dB"_s},
                {u"fields"_s, QJsonObject {{u"status"_s, u"done"_s}}}},
            u"u2"_s, 0);
        TaskState x = base;
        x.merge(b);
        x.merge(a);
        QCOMPARE(x.title(), u"Final"_s);
        QCOMPARE(x.status(), u"done"_s);
        QCOMPARE(x.createdBy, u"u1"_s);
    }

    void twoDevicesAttachingDifferentFilesKeepBoth()
    {
        const TaskState base = TaskState::fromPayload(u"task.create"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000000000-00000-dA"_s}, {u"title"_s, u"T"_s},
                {u"attachment_ids"_s, QJsonArray {u"f0"_s}}},
            u"u1"_s, 0);
        const TaskState a = TaskState::fromPayload(u"task.update"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000001000-00000-dA"_s},
                {u"attachments"_s, QJsonObject {{u"f1"_s, true}}}},
            u"u1"_s, 0);
        const TaskState b = TaskState::fromPayload(u"task.update"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000001000-00000-dB"_s},
                {u"attachments"_s, QJsonObject {{u"f2"_s, true}}}},
            u"u2"_s, 0);
        TaskState x = base;
        QVERIFY(x.merge(a));
        QVERIFY(x.merge(b));
        TaskState y = base;
        y.merge(b);
        y.merge(a);
        QCOMPARE(x.attachmentIds(), (QStringList {u"f0"_s, u"f1"_s, u"f2"_s}));
        QCOMPARE(y.toRecord(), x.toRecord());
        QCOMPARE(x.changedSince(base), QStringList {u"attachments"_s});
    }

    void addingAndRemovingAFileAreOrderedByTheirClocks()
    {
        const auto write = [](const char *hlc, bool present) {
            return TaskState::fromPayload(u"task.update"_s,
                {{u"task_id"_s, u"t"_s}, {u"hlc"_s, QString::fromLatin1(hlc)},
                    {u"attachments"_s, QJsonObject {{u"f1"_s, present}}}},
                u"u1"_s, 0);
        };
        const TaskState add = write("1764000001000-00000-dA", true);
        const TaskState laterRemove = write("1764000002000-00000-dB", false);
        TaskState x = add;
        x.merge(laterRemove);
        TaskState y = laterRemove;
        QVERIFY(!y.merge(add)); // the older add loses
        QCOMPARE(x.attachmentIds(), QStringList());
        QCOMPARE(y.attachmentIds(), QStringList());
        QCOMPARE(
            x.attachments.value(u"f1"_s).hlc, u"1764000002000-00000-dB"_s); // the removal keeps its clock
        TaskState z = x;
        QVERIFY(z.merge(write("1764000003000-00000-dA", true))); // a later add wins back
        QCOMPARE(z.attachmentIds(), QStringList {u"f1"_s});
    }

    void aRecordListsTheFilesOfPresentAttachmentsOnly()
    {
        TaskState t = TaskState::fromPayload(u"task.create"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000000000-00000-dA"_s}, {u"title"_s, u"T"_s},
                {u"attachment_ids"_s, QJsonArray {u"f1"_s, u"f2"_s}}},
            u"u1"_s, 0);
        const auto file = [](const QString &id) {
            return QJsonObject {{u"id"_s, id}, {u"name"_s, id + u".pdf"_s},
                {u"mime_type"_s, u"application/pdf"_s}, {u"size_bytes"_s, 3},
                {u"sha256"_s, QString(64, u'a')}};
        };
        t.files.insert(u"f1"_s, file(u"f1"_s));
        t.files.insert(u"f2"_s, file(u"f2"_s));
        t.merge(TaskState::fromPayload(u"task.update"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000001000-00000-dA"_s},
                {u"attachments"_s, QJsonObject {{u"f2"_s, false}}}},
            u"u1"_s, 0));
        const QJsonObject record = t.toRecord();
        QCOMPARE(record.value("files"_L1).toArray(), QJsonArray {file(u"f1"_s)});
        QCOMPARE(record.value("attachments"_L1).toObject().size(), 2);
        const auto back = TaskState::fromRecord(record);
        QVERIFY(back);
        QCOMPARE(back->toRecord(), record);
        QCOMPARE(back->attachmentIds(), QStringList {u"f1"_s});
        QCOMPARE(back->files.value(u"f1"_s), file(u"f1"_s));
    }

    void recordRoundTrips()
    {
        TaskState t = TaskState::fromPayload(u"task.create"_s,
            {{u"task_id"_s, u"t"_s}, {u"hlc"_s, u"1764000000000-00000-dA"_s}, {u"title"_s, u"T"_s},
                {u"assignees"_s, QJsonArray {u"u2"_s}}, {u"due_at"_s, 1764003600000.0},
                {u"conversation_id"_s, u"c1"_s}, {u"source_message_id"_s, u"m1"_s},
                {u"checklist"_s, QJsonArray {QJsonObject {{u"item_id"_s, u"i1"_s}, {u"text"_s, u"a"_s}}}}},
            u"u1"_s, 5);
        const auto back = TaskState::fromRecord(t.toRecord());
        QVERIFY(back);
        QCOMPARE(back->toRecord(), t.toRecord());
        QCOMPARE(back->assigneeIds(), QStringList {u"u2"_s});
        QCOMPARE(back->dueAt(), 1764003600000LL);
        QCOMPARE(back->checklistItems().size(), 1);
        QCOMPARE(back->sourceMessageId, u"m1"_s);
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"
