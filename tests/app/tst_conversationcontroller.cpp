// ConversationController and its composer over a real encrypted store without a sync engine: what
// they queue lands in the store's outbox and its echo in the timeline.
#include "composercontroller.h"
#include "conversationcontroller.h"
#include "memberlistmodel.h"
#include "modeltestsupport.h"
#include "threadcontroller.h"
#include "timelinemodel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;

class TestConversationController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSpace> m_space;

    std::unique_ptr<ConversationController> controller()
    {
        auto c = std::make_unique<ConversationController>(m_space->thread(), nullptr, nullptr, u"c1"_s, kMe);
        new QAbstractItemModelTester(
            c->timeline(), QAbstractItemModelTester::FailureReportingMode::Fatal, c.get());
        return c;
    }

    // The payloads of the outbox's rows of `kind`, oldest first.
    QList<QJsonObject> outbox(const QString &kind)
    {
        return m_space->read<QList<QJsonObject>>([kind](store::SpaceStore &s) -> Result<QList<QJsonObject>> {
            auto rows = store::outboxRows(s.db(), true);
            if (!rows)
                return rows.error();
            QList<QJsonObject> out;
            for (const store::OutboxRow &r : std::as_const(*rows))
                if (r.kind == kind)
                    out << QJsonDocument::fromJson(r.payload).object();
            return out;
        });
    }

private Q_SLOTS:
    void init()
    {
        m_space = std::make_unique<TestSpace>();
        QVERIFY(m_space->open());
        QVERIFY(m_space->addConversation(u"c1"_s, u"Team"_s, {kMe, kBob, kCarol}));
    }
    void cleanup() { m_space.reset(); }

    void draftSurvivesANewControllerOnTheSameStore()
    {
        {
            auto c = controller();
            QTRY_VERIFY(c->composer()->draftLoaded());
            c->composer()->setText(u"unfinished thought"_s);
        } // destroyed before the delay: the draft is saved on the way out
        auto c = controller();
        QTRY_COMPARE(c->composer()->text(), u"unfinished thought"_s);
    }

    void sendQueuesTheMessageAndShowsItAtRowZero()
    {
        QVERIFY(m_space->addMessages({message(u"old"_s, u"c1"_s, kBob, u"before"_s, minutesAgo(5), 1)}));
        auto c = controller();
        TimelineModel *t = c->timeline();
        QTRY_COMPARE(t->rowCount(), 1);
        c->composer()->setText(u"hello @bob"_s);
        QTRY_COMPARE(c->members()->count(), 3);
        QVERIFY(c->composer()->send());
        QCOMPARE(c->composer()->text(), QString());
        QTRY_COMPARE(t->rowCount(), 2);
        QCOMPARE(t->data(t->index(0), TimelineModel::BodyRole).toString(), u"hello @bob"_s);
        QCOMPARE(t->data(t->index(0), TimelineModel::SendStateRole).toString(), u"sending"_s);
        QVERIFY(t->data(t->index(0), TimelineModel::MineRole).toBool());
        const QList<QJsonObject> sent = outbox(u"message.send"_s);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).value(u"format"_s).toString(), u"markdown"_s);
        QCOMPARE(sent.at(0).value(u"mentions"_s).toArray().at(0).toString(), kBob);
    }

    void sendWithNothingButSpacesDoesNothing()
    {
        auto c = controller();
        c->composer()->setText(u"   "_s);
        QVERIFY(!c->composer()->send());
        QCOMPARE(outbox(u"message.send"_s).size(), 0);
    }

    void beginEditLastPicksTheNewestOwnMessage()
    {
        QVERIFY(m_space->addMessages({message(u"mine-old"_s, u"c1"_s, kMe, u"first"_s, minutesAgo(30), 1),
            message(u"bob1"_s, u"c1"_s, kBob, u"b"_s, minutesAgo(20), 2),
            message(u"mine-new"_s, u"c1"_s, kMe, u"second"_s, minutesAgo(10), 3),
            message(u"bob2"_s, u"c1"_s, kBob, u"c"_s, minutesAgo(5), 4)}));
        auto c = controller();
        QTRY_COMPARE(c->timeline()->rowCount(), 4);
        QVERIFY(c->composer()->beginEditLast());
        QCOMPARE(c->composer()->editingMessageId(), u"mine-new"_s);
        QCOMPARE(c->composer()->text(), u"second"_s);
        c->composer()->setText(u"second, fixed"_s);
        QVERIFY(c->composer()->send());
        QCOMPARE(c->composer()->editingMessageId(), QString());
        QTRY_COMPARE(outbox(u"message.edit"_s).size(), 1);
        const QJsonObject edit = outbox(u"message.edit"_s).at(0);
        QCOMPARE(edit.value(u"message_id"_s).toString(), u"mine-new"_s);
        QCOMPARE(edit.value(u"body"_s).toString(), u"second, fixed"_s);
    }

    void beginEditLastRefusesAMessageOutsideTheEditWindow()
    {
        QVERIFY(m_space->addMessages(
            {message(u"mine"_s, u"c1"_s, kMe, u"long ago"_s, minutesAgo(2 * 24 * 60), 1)}));
        auto c = controller();
        QTRY_COMPARE(c->timeline()->rowCount(), 1);
        QVERIFY(!c->composer()->beginEditLast());
        QCOMPARE(c->composer()->editingMessageId(), QString());
        QVERIFY(!c->timeline()->data(c->timeline()->index(0), TimelineModel::CanEditRole).toBool());
    }

    void cancelEditGivesTheDraftBack()
    {
        QVERIFY(m_space->addMessages({message(u"mine"_s, u"c1"_s, kMe, u"sent text"_s, minutesAgo(1), 1)}));
        auto c = controller();
        QTRY_COMPARE(c->timeline()->rowCount(), 1);
        c->composer()->setText(u"draft"_s);
        QVERIFY(c->composer()->beginEditLast());
        QCOMPARE(c->composer()->text(), u"sent text"_s);
        c->composer()->cancelEdit();
        QCOMPARE(c->composer()->text(), u"draft"_s);
    }

    void threadComposerRepliesInTheThread()
    {
        QVERIFY(m_space->addMessages({message(u"root"_s, u"c1"_s, kBob, u"question"_s, minutesAgo(5), 1)}));
        auto c = controller();
        QTRY_COMPARE(c->timeline()->rowCount(), 1);
        c->openThread(u"root"_s);
        QVERIFY(c->thread());
        TimelineModel *thread = c->thread()->timeline();
        QTRY_COMPARE(thread->rowCount(), 1);
        c->thread()->composer()->setText(u"answer"_s);
        QVERIFY(c->thread()->composer()->send());
        QTRY_COMPARE(thread->rowCount(), 2);
        QCOMPARE(thread->data(thread->index(0), TimelineModel::BodyRole).toString(), u"answer"_s);
        QCOMPARE(outbox(u"message.send"_s).at(0).value(u"thread_root_id"_s).toString(), u"root"_s);
        QTest::qWait(50);
        QCOMPARE(c->timeline()->rowCount(), 1); // replies stay out of the main timeline
    }

    void mentionCandidatesFollowTheQuery()
    {
        auto c = controller();
        QTRY_COMPARE(c->members()->count(), 3);
        c->composer()->setMentionQuery(u"car"_s);
        MemberListModel *candidates = c->composer()->mentionCandidates();
        QCOMPARE(candidates->rowCount(), 1);
        QCOMPARE(candidates->data(candidates->index(0), MemberListModel::UserIdRole).toString(), kCarol);
        QCOMPARE(c->composer()->mentionText(kCarol), u"@carol "_s);
        c->composer()->setMentionQuery(u"me"_s); // never yourself
        QCOMPARE(candidates->rowCount(), 0);
    }

    void readersSayWhoReadTheMessage()
    {
        QVERIFY(m_space->addMessages({message(u"mine"_s, u"c1"_s, kMe, u"hi"_s, minutesAgo(1), 3)}));
        QVERIFY(m_space->sql(u"c1"_s,
            "INSERT INTO read_receipts(conversation_id, user_id, up_to_seq, read_at) VALUES ('c1', 'u-bob', "
            "3, 1)",
            {}));
        auto c = controller();
        QTRY_COMPARE(c->timeline()->rowCount(), 1);
        QTRY_COMPARE(c->members()->count(), 3);
        const QVariantList readers = c->readers(u"mine"_s);
        QCOMPARE(readers.size(), 2);
        QMap<QString, bool> read;
        for (const QVariant &r : readers)
            read.insert(r.toMap().value(u"userId"_s).toString(), r.toMap().value(u"read"_s).toBool());
        QCOMPARE(read.value(kBob), true);
        QCOMPARE(read.value(kCarol), false);
    }

    void markReadQueuesAReceiptForTheNewestMessage()
    {
        QVERIFY(m_space->addMessages({message(u"a"_s, u"c1"_s, kBob, u"x"_s, minutesAgo(2), 7),
            message(u"b"_s, u"c1"_s, kBob, u"y"_s, minutesAgo(1), 8)}));
        auto c = controller();
        QTRY_COMPARE(c->firstUnreadMessageId(), u"a"_s);
        c->markRead();
        QTRY_COMPARE(outbox(u"receipt.mark"_s).size(), 1);
        QCOMPARE(outbox(u"receipt.mark"_s).at(0).value(u"up_to_cseq"_s).toInteger(), 8);
    }

    void toggleReactionAddsThenRemoves()
    {
        QVERIFY(m_space->addMessages({message(u"m"_s, u"c1"_s, kBob, u"x"_s, minutesAgo(2), 1)}));
        auto c = controller();
        QTRY_COMPARE(c->timeline()->rowCount(), 1);
        c->toggleReaction(u"m"_s, u"👍"_s);
        QTRY_COMPARE(outbox(u"reaction.add"_s).size(), 1);
        // The local echo shows it with no server at all.
        QTRY_COMPARE(
            c->timeline()->data(c->timeline()->index(0), TimelineModel::ReactionsRole).toList().size(), 1);
        c->toggleReaction(u"m"_s, u"👍"_s);
        QTRY_COMPARE(outbox(u"reaction.remove"_s).size(), 1);
        QTRY_COMPARE(
            c->timeline()->data(c->timeline()->index(0), TimelineModel::ReactionsRole).toList().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConversationController)
#include "tst_conversationcontroller.moc"
