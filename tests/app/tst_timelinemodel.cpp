// TimelineModel over a real encrypted store: pages come asynchronously and never more than asked,
// changes touch only their rows, and the per-row extras (reactions, receipts, grouping) are right.
#include "modeltestsupport.h"
#include "timelinemodel.h"

#include "messageformat.h"

#include "messaging/conversationqueries.h"
#include "sync/storewriter.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTranslator>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;

class TestTimelineModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSpace> m_space;

    // A conversation "c1" of me, bob and carol holding `count` messages from bob, a minute apart,
    // ids m0 (oldest) .. m<count-1>, seq 1..count.
    void fill(int count, qint64 start = minutesAgo(10'000))
    {
        QVERIFY(m_space->addConversation(u"c1"_s, u"Team"_s, {kMe, kBob, kCarol}));
        QList<store::Message> messages;
        for (int i = 0; i < count; ++i)
            messages.append(
                message(u"m%1"_s.arg(i), u"c1"_s, kBob, u"body %1"_s.arg(i), start + i * 60'000, i + 1));
        QVERIFY(m_space->addMessages(messages));
    }

    // The tester checks every signal, but it also calls fetchMore() after each reset: the paging tests,
    // which count what was asked for, go without it.
    std::unique_ptr<TimelineModel> model(bool tested = true)
    {
        auto m = std::make_unique<TimelineModel>(m_space->thread(), u"c1"_s, kMe);
        if (tested)
            new QAbstractItemModelTester(
                m.get(), QAbstractItemModelTester::FailureReportingMode::Fatal, m.get());
        return m;
    }

    // A server notice in c1 (sent by carol, after the three messages of fill(3)) written as the sync engine
    // writes a message record, with its `system` object.
    void addNotice(const QString &id, const QJsonObject &system, const QString &body)
    {
        const QJsonObject record {{u"id"_s, id}, {u"conversation_id"_s, u"c1"_s}, {u"cseq"_s, 4},
            {u"sender_id"_s, kCarol}, {u"body"_s, body}, {u"format"_s, u"plain"_s},
            {u"created_at"_s, minutesAgo(1)}, {u"system"_s, system}};
        QVERIFY(m_space->write([=](store::SpaceStore &s, store::StoreChange &c) -> Status {
            sync::StoreWriter writer(s.db(), kMe, c);
            TANDEM_TRY(writer.upsertRecord(u"message"_s, record));
            return writer.finish();
        }));
    }

    static QString idAt(const TimelineModel &m, int row)
    {
        return m.data(m.index(row), TimelineModel::MessageIdRole).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_space = std::make_unique<TestSpace>();
        QVERIFY(m_space->open());
    }
    void cleanup() { m_space.reset(); }

    void firstPageHoldsOnlyTheNewestFifty()
    {
        fill(120);
        auto m = model(false);
        QCOMPARE(m->rowCount(), 0); // nothing is read on the GUI thread
        QTRY_COMPARE(m->rowCount(), TimelineModel::kPageSize);
        QCOMPARE(idAt(*m, 0), u"m119"_s);
        QCOMPARE(idAt(*m, 49), u"m70"_s);
        QVERIFY(m->canFetchMore({}));
    }

    void fetchMoreAppendsOlderPagesInOrderUntilTheStart()
    {
        fill(120);
        auto m = model(false);
        QTRY_COMPARE(m->rowCount(), 50);
        m->fetchMore({});
        QCOMPARE(m->rowCount(), 50); // returns at once; the rows come with the store's answer
        QTRY_COMPARE(m->rowCount(), 100);
        m->fetchMore({});
        QTRY_COMPARE(m->rowCount(), 120);
        QVERIFY(!m->canFetchMore({}));
        for (int row = 0; row < 120; ++row)
            QCOMPARE(idAt(*m, row), u"m%1"_s.arg(119 - row));
    }

    void fetchMoreTwiceBeforeTheAnswerLoadsOnePage()
    {
        fill(200);
        auto m = model(false);
        QTRY_COMPARE(m->rowCount(), 50);
        m->fetchMore({});
        m->fetchMore({});
        QTRY_COMPARE(m->rowCount(), 100);
        QTest::qWait(100);
        QCOMPARE(m->rowCount(), 100);
    }

    void newMessageIsInsertedAtRowZero()
    {
        fill(10);
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 10);
        QSignalSpy inserted(m.get(), &QAbstractItemModel::rowsInserted);
        QVERIFY(m_space->addMessages({message(u"new"_s, u"c1"_s, kCarol, u"hello"_s, minutesAgo(1), 11)}));
        QTRY_COMPARE(m->rowCount(), 11);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(idAt(*m, 0), u"new"_s);
        QCOMPARE(m->data(m->index(0), TimelineModel::SenderNameRole).toString(), u"Carol King"_s);
    }

    void editChangesOnlyItsRow()
    {
        fill(10);
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 10);
        QSignalSpy changed(m.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m.get(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_space->sql(
            u"c1"_s, "UPDATE messages SET body = 'edited body', edited_at = 5 WHERE id = 'm6'", {}, u"m6"_s));
        QTRY_COMPARE(m->data(m->index(3), TimelineModel::BodyRole).toString(), u"edited body"_s);
        QVERIFY(m->data(m->index(3), TimelineModel::EditedRole).toBool());
        QTest::qWait(50);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
    }

    void recallChangesOnlyItsRow()
    {
        fill(10);
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 10);
        QSignalSpy changed(m.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_space->sql(
            u"c1"_s, "UPDATE messages SET body = '', deleted_at = 5 WHERE id = 'm9'", {}, u"m9"_s));
        QTRY_VERIFY(m->data(m->index(0), TimelineModel::DeletedRole).toBool());
        QCOMPARE(m->data(m->index(0), TimelineModel::BlocksRole).toList().size(), 0);
        QVERIFY(!m->data(m->index(0), TimelineModel::CanDeleteRole).toBool());
        QTest::qWait(50);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    }

    void reactionsAreGroupedByEmojiWithNames()
    {
        fill(3);
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 3);
        for (const auto &[user, emoji, at] : {std::tuple {kBob, u"👍"_s, u"1"_s},
                 std::tuple {kMe, u"👍"_s, u"2"_s}, std::tuple {kCarol, u"🎉"_s, u"3"_s}})
            QVERIFY(m_space->sql(u"c1"_s,
                "INSERT INTO reactions(message_id, user_id, emoji, created_at) VALUES ('m2', ?1, ?2, ?3)",
                {user, emoji, at}));
        QTRY_COMPARE(m->data(m->index(0), TimelineModel::ReactionsRole).toList().size(), 2);
        const QVariantList reactions = m->data(m->index(0), TimelineModel::ReactionsRole).toList();
        const QVariantMap thumbs = reactions.at(0).toMap();
        QCOMPARE(thumbs.value(u"emoji"_s).toString(), u"👍"_s);
        QCOMPARE(thumbs.value(u"count"_s).toInt(), 2);
        QCOMPARE(thumbs.value(u"mine"_s).toBool(), true);
        QCOMPARE(thumbs.value(u"names"_s).toString(), u"Bob Stone, Me"_s);
        const QVariantMap party = reactions.at(1).toMap();
        QCOMPARE(party.value(u"count"_s).toInt(), 1);
        QCOMPARE(party.value(u"mine"_s).toBool(), false);
    }

    void readByCountComparesReceiptsWithTheSequence()
    {
        QVERIFY(m_space->addConversation(u"c1"_s, u"Team"_s, {kMe, kBob, kCarol}));
        QVERIFY(m_space->addMessages({message(u"mine"_s, u"c1"_s, kMe, u"hi"_s, minutesAgo(5), 5)}));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 1);
        QCOMPARE(m->data(m->index(0), TimelineModel::ReceiptTotalRole).toInt(), 2);
        QCOMPARE(m->data(m->index(0), TimelineModel::ReadByCountRole).toInt(), 0);
        QVERIFY(m_space->sql(u"c1"_s,
            "INSERT INTO read_receipts(conversation_id, user_id, up_to_seq, read_at) VALUES "
            "('c1', 'u-bob', 5, 1), ('c1', 'u-carol', 4, 1), ('c1', 'u-me', 5, 1)",
            {}));
        QTRY_COMPARE(m->data(m->index(0), TimelineModel::ReadByCountRole).toInt(), 1);
    }

    void groupingAndDaySeparatorsFollowLocalDays()
    {
        QVERIFY(m_space->addConversation(u"c1"_s, u"Team"_s, {kMe, kBob, kCarol}));
        const QDate day = QDate::currentDate().addDays(-3);
        auto at
            = [](const QDate &d, int h, int min) { return QDateTime(d, QTime(h, min)).toMSecsSinceEpoch(); };
        QVERIFY(m_space->addMessages({
            message(u"a"_s, u"c1"_s, kBob, u"a"_s, at(day, 23, 50), 1),
            message(u"b"_s, u"c1"_s, kBob, u"b"_s, at(day, 23, 53), 2),
            message(u"c"_s, u"c1"_s, kBob, u"c"_s, at(day.addDays(1), 0, 1), 3),
            message(u"d"_s, u"c1"_s, kBob, u"d"_s, at(day.addDays(1), 0, 10), 4),
            message(u"e"_s, u"c1"_s, kCarol, u"e"_s, at(day.addDays(1), 0, 11), 5),
        }));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 5);
        auto grouped = [&](int row) {
            return m->data(m->index(row), TimelineModel::GroupedWithPreviousRole).toBool();
        };
        auto separated
            = [&](int row) { return m->data(m->index(row), TimelineModel::ShowDaySeparatorRole).toBool(); };
        // Rows: 0 e, 1 d, 2 c, 3 b, 4 a.
        QVERIFY(separated(4)); // the oldest message of the conversation starts its day
        QVERIFY(!grouped(4));
        QVERIFY(grouped(3)); // b: same sender, three minutes later
        QVERIFY(!separated(3));
        QVERIFY(separated(2)); // c: after midnight
        QVERIFY(!grouped(2));
        QVERIFY(!grouped(1)); // d: nine minutes after c
        QVERIFY(!grouped(0)); // e: another sender
        QVERIFY(!separated(0));
        QCOMPARE(m->data(m->index(4), TimelineModel::DayTextRole).toString(),
            QLocale::system().toString(day, u"dddd d MMMM"_s));
    }

    // "@carol" and "@Carol King" are highlighted because carol is among the message's mentions; a
    // name that only looks like a mention ("@dave", not mentioned) is left as text.
    void mentionsAreHighlightedByTheMentionedNames()
    {
        QVERIFY(m_space->addConversation(u"c1"_s, u"Team"_s, {kMe, kBob, kCarol}));
        store::Message m
            = message(u"m"_s, u"c1"_s, kBob, u"@carol and @Carol King, not @dave"_s, minutesAgo(1), 1);
        m.mentions = {kCarol};
        QVERIFY(m_space->addMessages({m}));
        auto model = this->model();
        QTRY_COMPARE(model->rowCount(), 1);
        const QStringList names
            = model->data(model->index(0), TimelineModel::MentionNamesRole).toStringList();
        QCOMPARE(names, (QStringList {u"carol"_s, u"Carol King"_s}));
        const QString html = model->data(model->index(0), TimelineModel::BlocksRole)
                                 .toList()
                                 .value(0)
                                 .toMap()
                                 .value(u"html"_s)
                                 .toString();
        QCOMPARE(html.count(u"<span style=\"background-color"_s), 2);
        QVERIFY(html.contains(u"not @dave"_s));
    }

    // Edit and Delete are offered inside the server's windows only; 0 is no limit; moderators delete any.
    void editAndDeleteFollowTheServersWindows()
    {
        QVERIFY(m_space->addConversation(u"c1"_s, u"Team"_s, {kMe, kBob}));
        QVERIFY(m_space->addMessages({message(u"mine"_s, u"c1"_s, kMe, u"x"_s, minutesAgo(10), 1),
            message(u"theirs"_s, u"c1"_s, kBob, u"y"_s, minutesAgo(5), 2)}));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 2);
        const auto can = [&](int role) {
            return QString::number(m->data(m->index(1), role).toBool())
                + QString::number(m->data(m->index(0), role).toBool());
        };
        m->setPolicy({.editWindowMs = 5 * 60'000, .recallWindowMs = 60 * 60'000});
        QCOMPARE(can(TimelineModel::CanEditRole), u"00"_s); // mine is 10 minutes old; theirs is not mine
        QCOMPARE(can(TimelineModel::CanDeleteRole), u"10"_s);
        m->setPolicy({.editWindowMs = 0, .recallWindowMs = 60'000});
        QCOMPARE(can(TimelineModel::CanEditRole), u"10"_s);
        QCOMPARE(can(TimelineModel::CanDeleteRole), u"00"_s);
        m->setCanModerate(true);
        QCOMPARE(can(TimelineModel::CanDeleteRole), u"11"_s);
    }

    void timeStampsHaveNoSeconds()
    {
        QCOMPARE(models::MessageFormat::shortTimeFormat(QLocale::c()), u"HH:mm"_s); // C has HH:mm:ss
        QCOMPARE(models::MessageFormat::shortTimeFormat(QLocale(u"en_US"_s)), u"h:mm AP"_s);
        QCOMPARE(models::MessageFormat::shortTimeFormat(QLocale(u"zh_CN"_s)), u"HH:mm"_s);
        QVERIFY(!models::MessageFormat::timeText(minutesAgo(1))
                     .contains(QRegularExpression(u"\\d:\\d\\d:\\d"_s)));
    }

    void handoverNoticeIsTheClientsSentenceWithTheStoredNamesInEnglishAndChinese()
    {
        fill(3);
        // The server's English body names people as it knew them; the store's names win.
        addNotice(u"n1"_s, {{u"kind"_s, u"handover"_s}, {u"from_user_id"_s, kBob}, {u"to_user_id"_s, kCarol}},
            u"carol has taken over this conversation from bob"_s);
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 4);
        QCOMPARE(idAt(*m, 0), u"n1"_s);
        QCOMPARE(m->data(m->index(0), TimelineModel::SystemKindRole).toString(), u"handover"_s);
        QCOMPARE(m->data(m->index(0), TimelineModel::SystemTextRole).toString(),
            u"Carol King has taken over this conversation from Bob Stone"_s);
        QVERIFY(!m->data(m->index(0), TimelineModel::CanEditRole).toBool());
        QCOMPARE(m->data(m->index(1), TimelineModel::SystemTextRole).toString(), QString()); // a message

        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/tandem_zh_CN.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        QCOMPARE(m->data(m->index(0), TimelineModel::SystemTextRole).toString(),
            u"Carol King 已接手此会话（原负责人：Bob Stone）"_s);

        // The conversation list's preview reads the same notice.
        const auto list = m_space->read<QList<messaging::ConversationSummary>>(
            [](store::SpaceStore &s) { return messaging::conversationSummaries(s, kMe); });
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).lastSystemKind, u"handover"_s);
        QCOMPARE(list.at(0).lastSystemFromName, u"Bob Stone"_s);
        QCOMPARE(list.at(0).lastSystemToName, u"Carol King"_s);
    }

    void unknownNoticeKindShowsTheServersBody()
    {
        fill(3);
        addNotice(u"n1"_s, {{u"kind"_s, u"retention_changed"_s}, {u"days"_s, 30}},
            u"Messages are now kept for 30 days"_s);
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 4);
        QCOMPARE(m->data(m->index(0), TimelineModel::SystemKindRole).toString(), u"retention_changed"_s);
        QCOMPARE(m->data(m->index(0), TimelineModel::SystemTextRole).toString(),
            u"Messages are now kept for 30 days"_s);
    }

    void malformedSystemObjectLeavesAnOrdinaryMessage()
    {
        fill(3);
        addNotice(u"n1"_s, {{u"kind"_s, u"Hand Over!"_s}}, u"plain text"_s);
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 4);
        QCOMPARE(m->data(m->index(0), TimelineModel::SystemKindRole).toString(), QString());
        QCOMPARE(m->data(m->index(0), TimelineModel::SystemTextRole).toString(), QString());
        QCOMPARE(m->data(m->index(0), TimelineModel::BodyRole).toString(), u"plain text"_s);
    }

    void loadAroundShowsTheMessageAndHighlightsIt()
    {
        fill(300);
        auto m = model(false);
        QTRY_COMPARE(m->rowCount(), 50);
        QSignalSpy position(m.get(), &TimelineModel::positionRequested);
        m->loadAround(u"m20"_s);
        QTRY_COMPARE(position.count(), 1);
        const int row = position.at(0).at(0).toInt();
        QCOMPARE(idAt(*m, row), u"m20"_s);
        QVERIFY(m->data(m->index(row), TimelineModel::HighlightedRole).toBool());
        QVERIFY(!m->atLatest());
        QVERIFY(m->rowCount() <= TimelineModel::kPageSize + 1);
        m->fetchNewer();
        QTRY_COMPARE(idAt(*m, 0), u"m95"_s); // the 25 newer ones held, then a page of 50
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
