// The catch-up digest over a real encrypted space store: events generated across a weekend off a
// Shanghai work schedule produce exactly the expected digest, section by section and in order; the
// settings the boundary keeps in the store (work hours, quiet hours) round-trip and validate.
#include "boundary/boundarysettings.h"
#include "boundary/digest.h"

#include "store/database.h"
#include "store/spacekey.h"
#include "store/spacestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::boundary;
using namespace Qt::StringLiterals;

namespace {

const QString kMe = QStringLiteral("u-me");
const QTimeZone kShanghai("Asia/Shanghai");

// Local Shanghai wall time in March 2026 (Fri 27 to Mon 30), as ms since the epoch.
qint64 sh(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), kShanghai).toMSecsSinceEpoch();
}

struct Msg
{
    const char *id;
    const char *conversation;
    const char *sender;
    const char *body;
    qint64 at;
    qint64 seq;
    const char *threadRoot = "";
    bool mentionsMe = false;
    bool recalled = false;
};

QString describe(const DigestItem &i)
{
    static const char *const names[] = {"mention", "direct", "approval", "task", "thread", "unread"};
    return QStringLiteral("%1 %2 [%3] \"%4\" \"%5\" n=%6%7")
        .arg(QLatin1String(names[int(i.section)]), i.targetId, i.conversationId, i.title, i.text)
        .arg(i.count)
        .arg(i.overdue ? QStringLiteral(" overdue") : QString());
}

} // namespace

class DigestTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::SpaceStore> m_store;

    bool exec(const QString &sql, const QList<QVariant> &params)
    {
        auto st = m_store->db().prepare(sql.toStdString());
        if (!st)
            return false;
        for (int i = 0; i < params.size(); ++i) {
            const QVariant &v = params.at(i);
            if (v.isNull())
                st->bindNull(i + 1);
            else if (v.typeId() == QMetaType::QString)
                st->bind(i + 1, v.toString());
            else
                st->bind(i + 1, v.toLongLong());
        }
        return bool(st->exec());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = store::SpaceStore::open(
            m_dir.filePath(QStringLiteral("digest-%1.db").arg(QLatin1String(QTest::currentTestFunction()))),
            store::DataKey::generate(), {.create = true});
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_store = std::move(*opened);
    }

    void cleanup() { m_store.reset(); }

    void weekendOffPeriodGivesTheExpectedDigestInOrder()
    {
        store::StoreChange change;
        const QList<store::User> users {{kMe, QStringLiteral("me"), QStringLiteral("Me"), false},
            {QStringLiteral("u-bob"), QStringLiteral("bob"), QStringLiteral("Bob Stone"), false},
            {QStringLiteral("u-carol"), QStringLiteral("carol"), QStringLiteral("Carol King"), false},
            {QStringLiteral("u-dave"), QStringLiteral("dave"), QStringLiteral("Dave Wu"), false}};
        QVERIFY(m_store->upsertUsers(users, change));
        const std::tuple<const char *, const char *, const char *, QStringList> conversations[] = {
            {"eng", "group", "Engineering", {kMe, u"u-bob"_s, u"u-carol"_s}},
            {"sales", "group", "Sales", {kMe, u"u-dave"_s}},
            {"dm-bob", "direct", "", {kMe, u"u-bob"_s}},
            {"dm-carol", "direct", "", {kMe, u"u-carol"_s}},
            {"dm-dave", "direct", "", {kMe, u"u-dave"_s}},
            {"news", "channel", "News", {kMe, u"u-bob"_s}},
        };
        for (const auto &[id, kind, name, members] : conversations) {
            store::Conversation c;
            c.id = QLatin1String(id);
            c.kind = QLatin1String(kind);
            c.name = QLatin1String(name);
            c.createdAt = sh(1, 9);
            c.memberIds = members;
            QVERIFY(m_store->upsertConversation(c, change));
        }
        QVERIFY(
            exec(QStringLiteral("UPDATE conversations SET notify_level = 'muted' WHERE id = 'news'"), {}));

        // The off period: from Friday's 18:00 to the next start the schedule gives (Monday 09:00).
        const WeeklySchedule schedule = defaultWorkSchedule(kShanghai);
        const qint64 from = sh(27, 18);
        QVERIFY(!schedule.isWorking(QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc())));
        const qint64 to
            = schedule.nextStart(QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc())).toMSecsSinceEpoch();
        QCOMPARE(to, sh(30, 9));

        const Msg messages[] = {
            {"e1", "eng", "u-carol", "Release plan for 2.0\nDetails inside", sh(27, 17, 50), 1},
            {"e2", "eng", "u-carol", "@me before the weekend", sh(27, 17, 55), 2, "", true},
            {"e3", "eng", "u-bob", "ok", sh(28, 9), 3, "e1"},
            {"e4", "eng", "u-carol", "\n  @me can you review the plan?  \nthanks", sh(28, 11), 4, "", true},
            {"e5", "eng", "u-carol", "added tests", sh(28, 12), 5, "e1"},
            {"e6", "eng", "u-bob", "ship it", sh(29, 10), 6, "e1"},
            {"e7", "eng", "u-me", "@me note to self", sh(29, 11), 7, "", true},
            {"e8", "eng", "u-bob", "@me recalled", sh(29, 12), 8, "", true, true},
            {"e9", "eng", "u-bob", "@me at nine sharp", sh(30, 9), 9, "", true},
            {"s1", "sales", "u-dave", "Q2 pipeline review", sh(28, 8), 1},
            {"s2", "sales", "u-dave", "numbers attached", sh(28, 8, 30), 2, "s1"},
            {"s3", "sales", "u-dave", "@me need your sign-off", sh(29, 20), 3, "", true},
            {"s4", "sales", "u-dave", "one more thing", sh(29, 21), 4},
            {"d1", "dm-bob", "u-bob", "Are you around Monday?\nIt is about the demo", sh(28, 10), 1},
            {"d2", "dm-bob", "u-bob", "ping", sh(28, 12, 30), 2},
            {"c1", "dm-carol", "u-carol", "Happy weekend!", sh(27, 20), 1},
            {"v1", "dm-dave", "u-dave", "see you", sh(27, 17), 1},
            {"n1", "news", "u-bob", "@me weekly newsletter", sh(28, 7), 1, "", true},
            {"n2", "news", "u-bob", "more news", sh(28, 7, 10), 2},
        };
        QList<store::Message> rows;
        for (const Msg &m : messages) {
            store::Message r;
            r.id = QLatin1String(m.id);
            r.conversationId = QLatin1String(m.conversation);
            r.senderId = QString::fromLatin1(m.sender);
            r.body = QString::fromUtf8(m.body);
            r.createdAt = m.at;
            r.seq = m.seq;
            if (*m.threadRoot)
                r.threadRootId = QLatin1String(m.threadRoot);
            if (m.mentionsMe)
                r.mentions = {kMe};
            if (m.recalled)
                r.deletedAt = m.at + 1000;
            rows.append(r);
        }
        QVERIFY(m_store->insertMessages(rows, change));
        // Read before the weekend: Engineering up to e2, Dave's direct conversation entirely.
        QVERIFY(exec(
            QStringLiteral("INSERT INTO read_receipts VALUES ('eng', ?1, 2, ?2), ('dm-dave', ?1, 1, ?2)"),
            {kMe, sh(27, 17, 56)}));

        // Approvals: r4 and r1 wait on me; I already decided r2; r3 waits on Carol; r5 is decided.
        QVERIFY(exec(QStringLiteral("INSERT INTO approval_templates(id, name, form_schema, flow, updated_at) "
                                    "VALUES ('leave', 'Leave', '{}', '{}', 0)"),
            {}));
        const std::tuple<const char *, const char *, const char *, qint64, const char *, const char *>
            approvals[] = {
                {"r1", "Reimbursement: taxi ¥86", "pending", sh(28, 15), "u-me", nullptr},
                {"r2", "Leave: Bob, 2 days", "pending", sh(28, 16), "u-me", "approved"},
                {"r3", "Purchase: laptop", "pending", sh(28, 17), "u-carol", nullptr},
                {"r4", "Leave: Dave, 1 day", "pending", sh(26, 10), "u-me", nullptr},
                {"r5", "Leave: Carol", "approved", sh(25, 10), "u-me", nullptr},
            };
        for (const auto &[id, title, state, submitted, approver, decision] : approvals) {
            QVERIFY(exec(QStringLiteral(
                             "INSERT INTO approval_requests(id, template_id, requester_id, title, form_data, "
                             "state, current_step, submitted_at, updated_at) "
                             "VALUES (?1, 'leave', 'u-dave', ?2, '{}', ?3, 0, ?4, ?4)"),
                {QLatin1String(id), QString::fromUtf8(title), QLatin1String(state), submitted}));
            QVERIFY(exec(QStringLiteral("INSERT INTO approval_steps(request_id, position, mode, state) "
                                        "VALUES (?1, 0, 'single', 'active')"),
                {QLatin1String(id)}));
            QVERIFY(exec(
                QStringLiteral("INSERT INTO approval_step_approvers(request_id, position, user_id, decision) "
                               "VALUES (?1, 0, ?2, ?3)"),
                {QLatin1String(id), QLatin1String(approver),
                    decision ? QVariant(QLatin1String(decision)) : QVariant()}));
        }
        // Tasks: t1 overdue, t2 due Monday afternoon; t3 next week, t4 done, t5 Carol's: none of these.
        const std::tuple<const char *, const char *, const char *, qint64, const char *> tasks[] = {
            {"t1", "Send the slides", "open", sh(29, 12), "u-me"},
            {"t2", "Review the contract", "in_progress", sh(30, 15), "u-me"},
            {"t3", "Plan the offsite", "open", sh(30, 12) + 7LL * 86'400'000, "u-me"},
            {"t4", "Book the room", "done", sh(28, 12), "u-me"},
            {"t5", "Fix the build", "open", sh(28, 12), "u-carol"},
        };
        for (const auto &[id, title, status, due, assignee] : tasks) {
            QVERIFY(
                exec(QStringLiteral(
                         "INSERT INTO tasks(id, title, status, due_at, created_by, created_at, updated_at, "
                         "conversation_id) VALUES (?1, ?2, ?3, ?4, 'u-dave', 0, 0, ?5)"),
                    {QLatin1String(id), QLatin1String(title), QLatin1String(status), due,
                        QLatin1String(id) == u"t2" ? QVariant(QStringLiteral("sales")) : QVariant()}));
            QVERIFY(exec(QStringLiteral("INSERT INTO task_assignees VALUES (?1, ?2)"),
                {QLatin1String(id), QLatin1String(assignee)}));
        }

        auto digest = buildDigest(m_store->db(), kMe, from, to);
        QVERIFY2(digest, qPrintable(digest ? QString() : digest.error().message));
        QStringList got;
        for (const DigestItem &i : digest->items)
            got << describe(i);
        const QStringList expected {
            // Mentions, oldest first: the muted channel's too (muting silences, the digest still lists it);
            // not e2 (before), e7 (mine), e8 (recalled), e9 (at the period's end, which is excluded).
            u"mention n1 [news] \"Bob Stone · News\" \"@me weekly newsletter\" n=0"_s,
            u"mention e4 [eng] \"Carol King · Engineering\" \"@me can you review the plan?\" n=0"_s,
            u"mention s3 [sales] \"Dave Wu · Sales\" \"@me need your sign-off\" n=0"_s,
            // Direct conversations by their first message in the period; Dave's was before it.
            u"direct c1 [dm-carol] \"Carol King\" \"Happy weekend!\" n=1"_s,
            u"direct d1 [dm-bob] \"Bob Stone\" \"Are you around Monday?\" n=2"_s,
            // Approvals waiting on me, oldest first.
            u"approval r4 [] \"Leave: Dave, 1 day\" \"Dave Wu\" n=0"_s,
            u"approval r1 [] \"Reimbursement: taxi ¥86\" \"Dave Wu\" n=0"_s,
            // My open tasks due by Tuesday 09:00, soonest first.
            u"task t1 [] \"Send the slides\" \"\" n=0 overdue"_s,
            u"task t2 [sales] \"Review the contract\" \"\" n=0"_s,
            // Threads by replies in the period, with the root's first line.
            u"thread e1 [eng] \"Engineering\" \"Release plan for 2.0\" n=3"_s,
            u"thread s1 [sales] \"Sales\" \"Q2 pipeline review\" n=1"_s,
            // Unread now, most first (ties: latest first); the muted channel stays out.
            u"unread sales [sales] \"Sales\" \"\" n=3"_s,
            u"unread eng [eng] \"Engineering\" \"\" n=2"_s,
            u"unread dm-bob [dm-bob] \"Bob Stone\" \"\" n=2"_s,
            u"unread dm-carol [dm-carol] \"Carol King\" \"\" n=1"_s,
        };
        if (got != expected) {
            for (const QString &line : got)
                qInfo("got: %s", qPrintable(line));
        }
        QCOMPARE(got, expected);
    }

    void emptyStoreGivesAnEmptyDigest()
    {
        auto digest = buildDigest(m_store->db(), kMe, sh(27, 18), sh(30, 9));
        QVERIFY(digest);
        QVERIFY(digest->items.isEmpty());
    }

    void workSpaceWithoutSavedHoursGetsTheDefaultWeek()
    {
        auto loaded = loadSpaceBoundary(m_store->db(), SpaceKind::Work, kShanghai);
        QVERIFY(loaded);
        QVERIFY(!loaded->customised);
        QVERIFY(loaded->workHours);
        QCOMPARE(loaded->workHours->timeZone().id(), QByteArray("Asia/Shanghai"));
        const QList<LocalInterval> monday {{9 * 60, 12 * 60}, {13 * 60, 18 * 60}};
        QCOMPARE(loaded->workHours->intervals(Qt::Monday), monday);
        QCOMPARE(loaded->workHours->intervals(Qt::Friday), monday);
        QVERIFY(loaded->workHours->intervals(Qt::Saturday).isEmpty());
        QVERIFY(loaded->workHours->intervals(Qt::Sunday).isEmpty());
    }

    void savedSchedulesRoundTripPerKind()
    {
        auto quiet = WeeklySchedule::create("Asia/Hong_Kong");
        QVERIFY(quiet);
        QVERIFY(quiet->addInterval(Qt::Sunday, QStringLiteral("22:00"), QStringLiteral("24:00")));
        QVERIFY(saveSchedule(m_store->db(), SpaceKind::Personal, *quiet));
        auto personal = loadSpaceBoundary(m_store->db(), SpaceKind::Personal, kShanghai);
        QVERIFY(personal);
        QVERIFY(personal->quietHours);
        QCOMPARE(personal->quietHours->toJson(), quiet->toJson());
        QVERIFY(!personal->workHours);
        // The personal setting is not the work one.
        auto work = loadSpaceBoundary(m_store->db(), SpaceKind::Work, kShanghai);
        QVERIFY(work && !work->customised);
        QVERIFY(saveSchedule(m_store->db(), SpaceKind::Personal, std::nullopt));
        personal = loadSpaceBoundary(m_store->db(), SpaceKind::Personal, kShanghai);
        QVERIFY(personal && !personal->quietHours);
        QVERIFY(saveDigestSeenAt(m_store->db(), 1234));
        QCOMPARE(loadSpaceBoundary(m_store->db(), SpaceKind::Work, kShanghai)->digestSeenAt, 1234);
    }

    void unreadableSavedScheduleIsAnErrorNamingIt()
    {
        QVERIFY(exec(QStringLiteral("INSERT INTO settings VALUES ('boundary.work_hours', ?1)"),
            {QStringLiteral(R"({"timeZone": "Mars/Olympus"})")}));
        auto loaded = loadSpaceBoundary(m_store->db(), SpaceKind::Work, kShanghai);
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(u"boundary.work_hours"), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(u"Mars/Olympus"), qPrintable(loaded.error().message));
    }
};

QTEST_GUILESS_MAIN(DigestTest)

#include "tst_digest.moc"
