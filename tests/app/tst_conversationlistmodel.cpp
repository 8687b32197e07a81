// ConversationListModel over a real encrypted store: order, counts, last message, names and drafts.
#include "conversationlistmodel.h"
#include "modeltestsupport.h"

#include "messageformat.h"
#include "messaging/conversationqueries.h"

#include <QSignalSpy>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;

class TestConversationListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSpace> m_space;

    std::unique_ptr<ConversationListModel> model()
    {
        auto m = std::make_unique<ConversationListModel>(m_space->thread(), nullptr, kMe);
        new QAbstractItemModelTester(m.get(), QAbstractItemModelTester::FailureReportingMode::Fatal, m.get());
        return m;
    }

    static QVariant at(const ConversationListModel &m, int row, int role)
    {
        return m.data(m.index(row), role);
    }

    static QStringList ids(const ConversationListModel &m)
    {
        QStringList out;
        for (int row = 0; row < m.rowCount(); ++row)
            out << at(m, row, ConversationListModel::ConversationIdRole).toString();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_space = std::make_unique<TestSpace>();
        QVERIFY(m_space->open());
    }
    void cleanup() { m_space.reset(); }

    void ordersPinnedFirstThenByLastActivity()
    {
        QVERIFY(m_space->addConversation(u"old"_s, u"Old"_s, {kMe, kBob}));
        QVERIFY(m_space->addConversation(u"new"_s, u"New"_s, {kMe, kBob}));
        QVERIFY(m_space->addConversation(u"pinned"_s, u"Pinned"_s, {kMe, kBob}));
        QVERIFY(m_space->addMessages({message(u"1"_s, u"old"_s, kBob, u"x"_s, minutesAgo(30), 1),
            message(u"2"_s, u"new"_s, kBob, u"y"_s, minutesAgo(5), 1),
            message(u"3"_s, u"pinned"_s, kBob, u"z"_s, minutesAgo(60), 1)}));
        QVERIFY(m_space->sql(u"pinned"_s, "UPDATE conversations SET pinned = 1 WHERE id = 'pinned'", {}));
        auto m = model();
        QTRY_COMPARE(ids(*m), (QStringList {u"pinned"_s, u"new"_s, u"old"_s}));
    }

    void newMessageMovesItsConversationToTheTop()
    {
        QVERIFY(m_space->addConversation(u"a"_s, u"A"_s, {kMe, kBob}));
        QVERIFY(m_space->addConversation(u"b"_s, u"B"_s, {kMe, kBob}));
        QVERIFY(m_space->addMessages({message(u"1"_s, u"a"_s, kBob, u"x"_s, minutesAgo(30), 1),
            message(u"2"_s, u"b"_s, kBob, u"y"_s, minutesAgo(5), 1)}));
        auto m = model();
        QTRY_COMPARE(ids(*m), (QStringList {u"b"_s, u"a"_s}));
        QSignalSpy moved(m.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(m.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_space->addMessages({message(u"3"_s, u"a"_s, kCarol, u"news"_s, minutesAgo(1), 2)}));
        QTRY_COMPARE(ids(*m), (QStringList {u"a"_s, u"b"_s}));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(at(*m, 0, ConversationListModel::LastMessageTextRole).toString(), u"news"_s);
        QCOMPARE(at(*m, 0, ConversationListModel::LastSenderNameRole).toString(), u"Carol King"_s);
    }

    void countsUnreadAndMentionsAfterTheReceipt()
    {
        QVERIFY(m_space->addConversation(u"c"_s, u"C"_s, {kMe, kBob}));
        QList<store::Message> messages;
        for (int i = 1; i <= 5; ++i)
            messages << message(u"m%1"_s.arg(i), u"c"_s, kBob, u"text"_s, minutesAgo(10 - i), i);
        messages[3].mentions = {kMe}; // m4
        messages[0].mentions = {kMe}; // m1, read already
        messages << message(u"own"_s, u"c"_s, kMe, u"mine"_s, minutesAgo(1), 6);
        QVERIFY(m_space->addMessages(messages));
        QVERIFY(m_space->sql(u"c"_s,
            "INSERT INTO read_receipts(conversation_id, user_id, up_to_seq, read_at) VALUES ('c', 'u-me', 2, "
            "1)",
            {}));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 1);
        QCOMPARE(at(*m, 0, ConversationListModel::UnreadCountRole).toInt(), 3); // m3, m4, m5; not my own
        QCOMPARE(at(*m, 0, ConversationListModel::MentionCountRole).toInt(), 1);
        QCOMPARE(at(*m, 0, ConversationListModel::LastSenderNameRole).toString(), u"You"_s);
        QCOMPARE(at(*m, 0, ConversationListModel::MemberCountRole).toInt(), 2);
    }

    // Counts stop one past the cap (the badge says 99+), in each conversation on its own: the mention
    // counts of all conversations come from one query, which must not mix them up.
    void countsAreCappedAndKeptApartPerConversation()
    {
        QVERIFY(m_space->addConversation(u"busy"_s, u"Busy"_s, {kMe, kBob}));
        QVERIFY(m_space->addConversation(u"calm"_s, u"Calm"_s, {kMe, kBob}));
        QList<store::Message> messages;
        for (int i = 1; i <= 250; ++i) {
            messages << message(u"b%1"_s.arg(i), u"busy"_s, kBob, u"text"_s, minutesAgo(500 - i), i);
            messages.last().mentions = {kMe};
        }
        messages << message(u"c1"_s, u"calm"_s, kBob, u"hello"_s, minutesAgo(600), 1);
        messages.last().mentions = {kMe};
        QVERIFY(m_space->addMessages(messages));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 2);
        QCOMPARE(ids(*m), (QStringList {u"busy"_s, u"calm"_s}));
        QCOMPARE(at(*m, 0, ConversationListModel::UnreadCountRole).toInt(), messaging::kUnreadCap + 1);
        QCOMPARE(at(*m, 0, ConversationListModel::MentionCountRole).toInt(), messaging::kUnreadCap + 1);
        QCOMPARE(at(*m, 1, ConversationListModel::UnreadCountRole).toInt(), 1);
        QCOMPARE(at(*m, 1, ConversationListModel::MentionCountRole).toInt(), 1);
    }

    void directConversationIsNamedAfterTheOtherPerson()
    {
        QVERIFY(m_space->addConversation(u"d"_s, QString(), {kMe, kCarol}, u"direct"_s));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 1);
        QCOMPARE(at(*m, 0, ConversationListModel::NameRole).toString(), u"Carol King"_s);
        QCOMPARE(at(*m, 0, ConversationListModel::KindRole).toString(), u"direct"_s);
    }

    void showsTheDraftOnceSaved()
    {
        QVERIFY(m_space->addConversation(u"c"_s, u"C"_s, {kMe, kBob}));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 1);
        QVERIFY(m_space->write([](store::SpaceStore &s, store::StoreChange &c) {
            return messaging::saveDraft(s, c, u"c"_s, u"half a thought"_s, 1);
        }));
        QTRY_COMPARE(at(*m, 0, ConversationListModel::DraftTextRole).toString(), u"half a thought"_s);
    }

    void filterTextKeepsMatchingNames()
    {
        QVERIFY(m_space->addConversation(u"a"_s, u"Design review"_s, {kMe, kBob}));
        QVERIFY(m_space->addConversation(u"b"_s, u"Lunch"_s, {kMe, kBob}));
        auto m = model();
        QTRY_COMPARE(m->rowCount(), 2);
        m->setFilterText(u"REVIEW"_s);
        QCOMPARE(ids(*m), QStringList {u"a"_s});
        m->setFilterText(QString());
        QCOMPARE(m->rowCount(), 2);
    }

    // Within the hour the row's time reads as an age; the minute refresh moves it on (and drops it after
    // the hour) through dataChanged on that role alone, with the model neither reset nor re-read.
    void lastMessageAgeIsRelativeWithinTheHourAndRefreshedEachMinute()
    {
        QVERIFY(m_space->addConversation(u"a"_s, u"A"_s, {kMe, kBob}));
        QVERIFY(m_space->addConversation(u"b"_s, u"B"_s, {kMe, kBob}));
        const qint64 sent = minutesAgo(3);
        QVERIFY(m_space->addMessages({message(u"1"_s, u"a"_s, kBob, u"x"_s, sent, 1),
            message(u"2"_s, u"b"_s, kBob, u"y"_s, minutesAgo(3 * 60), 1)}));
        auto m = model();
        qint64 now = sent + 3 * 60 * 1000 + 5000;
        m->setClock([&now] { return now; });
        QTRY_COMPARE(ids(*m), (QStringList {u"a"_s, u"b"_s}));
        const int age = ConversationListModel::LastMessageAgeTextRole;
        QCOMPARE(m->roleNames().value(age), QByteArray("lastMessageAgeText"));
        // MessageFormat's own text (its translations and plurals: tst_languagesettings), at the model's
        // clock.
        const auto ago = [&](qint64 minutes) {
            return models::MessageFormat::relativeTimeText(now - minutes * 60 * 1000, now);
        };
        QVERIFY(ago(3).contains(u'3'));
        QCOMPARE(at(*m, 0, age).toString(), ago(3));
        QCOMPARE(at(*m, 1, age).toString(), QString()); // three hours: the clock time instead

        QSignalSpy changed(m.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m.get(), &QAbstractItemModel::modelReset);
        now += 60 * 1000;
        m->refreshAgeTexts();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int> {age});
        QCOMPARE(at(*m, 0, age).toString(), ago(4));

        now = sent + 60 * 60 * 1000;
        m->refreshAgeTexts();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(at(*m, 0, age).toString(), QString());
        QCOMPARE(reset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
