// The approvals screens' C++ (app/approvals) against the real tandem-server --demo: alice's waiting list
// from the seeded requests, an approval that reaches the server and shows as pending until its event, a
// rejection without a reason refused before anything is sent, bob's reimbursement filled through
// RequestForm reaching alice's waiting list, and a state_conflict explained. Then the views over the
// demo data, in English and Simplified Chinese, as PNGs in $TANDEM_ARTIFACTS (test-artifacts/).
#include "../server/serverfixture.h"
#include "approvalscene.h"
#include "demoaccounts.h"

#include "appcontroller.h"
#include "approvalactions.h"
#include "approvaldashboard.h"
#include "files/attachmentfiles.h"
#include "requestdetail.h"
#include "requestform.h"
#include "spacesession.h"
#include "waitinglistmodel.h"

#include "store/storethread.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

using namespace tandem;
using namespace tandem::app;
using namespace Qt::StringLiterals;
using test::storeText;
using test::visibleItemNamed;

namespace {

constexpr int kLong = test::kDemoTimeoutMs;

// The seeded requests (server/approvals/demoapprovals.cpp): 1 Dana's leave and 2 Eve's reimbursement
// wait for alice; 3 Bob's lunch was approved by alice, then Hui; 4 Frank's desks were rejected by Chen.
const QString kDanaLeave = u"0199a000-0000-7000-8000-000000000001"_s;
const QString kEveTrip = u"0199a000-0000-7000-8000-000000000002"_s;
const QString kBobLunch = u"0199a000-0000-7000-8000-000000000003"_s;
const QString kFrankDesks = u"0199a000-0000-7000-8000-000000000004"_s;

QStringList waitingIds(WaitingListModel *m)
{
    QStringList ids;
    for (int i = 0; i < m->count(); ++i)
        ids << m->requestIdAt(i);
    return ids;
}

} // namespace

class TestApprovalsDemo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_serverData;
    QTemporaryDir m_aliceProfile;
    QTemporaryDir m_bobProfile;
    testing::ServerProcess m_server;
    std::unique_ptr<AppController> m_alice;
    std::unique_ptr<AppController> m_bob;
    QString m_outDir;
    QString m_requestWithFile; // theApproverSavesTheFilesOfARequest's

    std::unique_ptr<AppController> signIn(const QString &profile, const QString &user)
    {
        return test::signInToDemo(m_server.url(), profile, user);
    }

    void shoot(const QString &language)
    {
        const test::ScopedLanguage scopedLanguage(language);
        QVERIFY(scopedLanguage.loaded());
        test::ApprovalSceneWindow scene;
        const QString problem = scene.show(u"approvalsdemo"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QQuickView &view = scene.view;
        QQuickItem *root = scene.root.get();
        auto *dashboard = root->findChild<ApprovalDashboard *>(u"dashboard"_s);
        auto *detail = root->findChild<RequestDetail *>(u"detail"_s);
        auto *form = root->findChild<RequestForm *>(u"form"_s);
        auto *actions = root->findChild<ApprovalActions *>(u"actions"_s);
        auto *approvals = root->findChild<QQuickItem *>(u"approvalsView"_s);
        QVERIFY(dashboard && detail && form && actions && approvals);
        SpaceSession *space = m_alice->currentSpace();
        dashboard->setSession(space);
        detail->setSession(space);
        form->setSession(space);
        actions->setSession(space);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->loading() && dashboard->waiting()->count() > 0, 10000);

        const auto grab = [&](const QString &name) {
            QTest::qWait(150);
            const QImage image = view.grabWindow();
            QVERIFY(!image.isNull());
            QVERIFY2(test::colourCount(image) > 20, qPrintable(name + u" looks blank"_s));
            QVERIFY(image.save(QDir(m_outDir).filePath(u"%1-%2.png"_s.arg(name, language))));
        };

        detail->setRequestId(dashboard->waiting()->requestIdAt(0));
        QTRY_VERIFY(detail->loaded() && detail->found());
        grab(u"approvals-demo-waiting"_s);

        approvals->setProperty("page", u"team"_s);
        detail->setRequestId(kFrankDesks); // two steps, a rejection with its reason
        QTRY_VERIFY(detail->loaded() && detail->found() && detail->steps().size() == 2);
        QVERIFY(detail->timeline().size() >= 3);
        grab(u"approvals-demo-team"_s);

        if (!m_requestWithFile.isEmpty()) { // its file, saved once: here
            approvals->setProperty("page", u"waiting"_s);
            detail->setRequestId(m_requestWithFile);
            QTRY_VERIFY(detail->loaded() && detail->found() && detail->files()->items().size() == 1);
            QTRY_VERIFY(visibleItemNamed(root, u"requestFile"_s));
            grab(u"approvals-demo-files"_s);

            // Handing it to someone else: typing a name finds the people who match.
            auto *handOver = root->findChild<QObject *>(u"delegateDialog"_s);
            QVERIFY(handOver);
            QMetaObject::invokeMethod(handOver, "openFor", Q_ARG(QVariant, QVariant(m_requestWithFile)),
                Q_ARG(QVariant, QVariant(u"Standing desks"_s)));
            QTRY_VERIFY(handOver->property("opened").toBool());
            QTest::keyClick(&view, 'c');
            QTest::keyClick(&view, 'h');
            QTest::keyClick(&view, Qt::Key_Return);
            QTRY_COMPARE(handOver->property("chosenId").toString(), u"u_chen"_s);
            grab(u"approvals-demo-delegate"_s);
            QMetaObject::invokeMethod(handOver, "close");
            QTRY_VERIFY(!handOver->property("visible").toBool());
        }

        detail->setRequestId({});
        approvals->setProperty("page", u"new"_s);
        form->setTemplateId(u"tpl_reimbursement"_s);
        QTRY_COMPARE(form->fields().size(), 5);
        form->setTitle(u"Taxi to the Shenzhen office"_s);
        form->setMoney(u"amount"_s, u"1234.5"_s, u"HKD"_s);
        form->setDate(u"spent_on"_s, u"yesterday"_s);
        QVERIFY(!form->validate());
        QCOMPARE(form->errors().size(), 3); // the date unreadable, the expense, the description
        grab(u"approvals-demo-form"_s);

        // A people field: chosen by name, shown by name.
        form->setTemplateId(u"tpl_general"_s);
        QTRY_COMPARE(form->fields().size(), 4);
        form->setTitle(u"Offsite seating"_s);
        for (const QVariant &p : space->findPeople(u"e"_s, 2))
            form->toggleChoice(u"people"_s, p.toMap().value(u"userId"_s).toString(), true);
        QCOMPARE(form->peopleOf(u"people"_s).size(), 2);
        grab(u"approvals-demo-people"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_outDir = test::prepareDemoApp();
        QVERIFY(!m_outDir.isEmpty());
        QVERIFY(m_serverData.isValid());
        QVERIFY(m_server.start(m_serverData.path(), {u"--demo"_s}));
        m_alice = signIn(m_aliceProfile.path(), u"alice"_s);
        QVERIFY(m_alice && m_alice->currentSpace());
    }

    void waitingListShowsTheSeededPendingRequestsOldestFirst()
    {
        ApprovalDashboard dashboard;
        dashboard.setSession(m_alice->currentSpace());
        dashboard.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.loading() && dashboard.waiting()->count() >= 2, kLong);
        const QStringList ids = waitingIds(dashboard.waiting());
        QCOMPARE(ids.mid(0, 2), (QStringList {kDanaLeave, kEveTrip}));
        const QModelIndex first = dashboard.waiting()->index(0);
        QCOMPARE(first.data(WaitingListModel::RequesterNameRole).toString().isEmpty(), false);
        QVERIFY(first.data(WaitingListModel::SubmittedAtRole).toLongLong()
            <= dashboard.waiting()->index(1).data(WaitingListModel::SubmittedAtRole).toLongLong());
        QVERIFY(!dashboard.waiting()->index(1).data(WaitingListModel::AmountTextRole).toString().isEmpty());
    }

    void rejectingWithoutAReasonIsRefusedLocally()
    {
        ApprovalActions actions;
        actions.setSession(m_alice->currentSpace());
        QSignalSpy finished(&actions, &ApprovalActions::finished);
        actions.reject(kEveTrip, u"   "_s);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(2).toBool(), false);
        QVERIFY2(finished.at(0).at(3).toString().contains(u"reason"_s),
            qPrintable(finished.at(0).at(3).toString()));
        QVERIFY(actions.pending().isEmpty());
        // nothing went out: the request still waits on alice
        RequestDetail detail;
        detail.setSession(m_alice->currentSpace());
        detail.setRequestId(kEveTrip);
        QTRY_VERIFY(detail.loaded() && detail.found());
        QCOMPARE(detail.state(), u"pending"_s);
        QVERIFY(detail.waitingOnMe());
    }

    void approvingShowsPendingUntilTheServersEvent()
    {
        SpaceSession *space = m_alice->currentSpace();
        ApprovalActions actions;
        actions.setSession(space);
        RequestDetail detail;
        detail.setSession(space);
        detail.setRequestId(kDanaLeave);
        QTRY_VERIFY(detail.loaded() && detail.found());
        QVERIFY(detail.waitingOnMe());
        QCOMPARE(detail.state(), u"pending"_s);

        // Watch the detail: every state it shows while the action is pending.
        QStringList statesWhilePending;
        bool sawPending = false;
        connect(&actions, &ApprovalActions::pendingChanged, &detail, [&] {
            if (actions.pending().contains(kDanaLeave))
                sawPending = true;
        });
        connect(&detail, &RequestDetail::changed, &actions, [&] {
            if (actions.pending().contains(kDanaLeave))
                statesWhilePending << detail.state();
        });
        QSignalSpy finished(&actions, &ApprovalActions::finished);
        actions.approve(kDanaLeave, u"Enjoy Lisbon"_s);
        QVERIFY(actions.pending().contains(kDanaLeave)); // shown as pending at once
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(finished.at(0).at(2).toBool(), qPrintable(finished.at(0).at(3).toString()));
        // The leave is five working days: after alice, HR (grace) decides; alice is done with it.
        QTRY_VERIFY_WITH_TIMEOUT(!detail.waitingOnMe() && !actions.pending().contains(kDanaLeave), kLong);
        QVERIFY(sawPending);
        QVERIFY2(!statesWhilePending.contains(u"approved"_s), qPrintable(statesWhilePending.join(u',')));
        QCOMPARE(detail.steps().at(0).toMap().value(u"state"_s).toString(), u"approved"_s);
        bool approvedByAlice = false;
        for (const QVariant &v : detail.timeline())
            approvedByAlice |= v.toMap().value(u"action"_s).toString() == u"approve"_s
                && v.toMap().value(u"comment"_s).toString() == u"Enjoy Lisbon"_s;
        QVERIFY(approvedByAlice);
    }

    void approvingADecidedRequestIsExplained()
    {
        ApprovalActions actions;
        actions.setSession(m_alice->currentSpace());
        QSignalSpy refused(&actions, &ApprovalActions::refused);
        ApprovalCommand c;
        c.kind = ApprovalCommand::Kind::Approve;
        c.requestId = kBobLunch;
        c.step = 2; // the finance step Hui already approved
        actions.send(c);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, kLong);
        QCOMPARE(refused.at(0).at(2).toString(), u"state_conflict"_s);
        const QString text = refused.at(0).at(3).toString();
        QVERIFY2(text.startsWith(u"Already approved by "_s) && text.contains(u" at "_s), qPrintable(text));
        QVERIFY2(!text.contains(u"Alice"_s), qPrintable(text)); // Hui settled it, not alice's own step 0
        QTRY_VERIFY(!actions.pending().contains(kBobLunch));
    }

    void bobsReimbursementReachesAlicesWaitingList()
    {
        m_bob = signIn(m_bobProfile.path(), u"bob"_s);
        QVERIFY(m_bob);
        SpaceSession *bobSpace = m_bob->currentSpace();
        RequestForm form;
        form.setSession(bobSpace);
        QTRY_VERIFY_WITH_TIMEOUT(!form.templates().isEmpty(), kLong);
        form.setTemplateId(u"tpl_reimbursement"_s);
        QTRY_COMPARE(form.fields().size(), 5);
        form.setTitle(u"Taxi to the airport"_s);
        form.setMoney(u"amount"_s, u"236.50"_s, u"CNY"_s);
        form.setChoice(u"expense_type"_s, u"travel"_s);
        form.setDate(u"spent_on"_s, QDate::currentDate().addDays(-1).toString(Qt::ISODate));
        form.setText(u"description"_s, u"Flight home from the Shanghai visit"_s);
        // The receipt goes with it: uploaded by Bob's sync before the request itself.
        QTemporaryDir chosen;
        const QString receipt = chosen.filePath(u"taxi receipt.txt"_s);
        {
            QFile f(receipt);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Shanghai Taxi 236.50 CNY\n");
        }
        form.addAttachment(u"receipts"_s, QUrl::fromLocalFile(receipt));
        QCOMPARE(form.attachmentsOf(u"receipts"_s).size(), 1);
        QVERIFY2(form.validate(), qPrintable(QVariant(form.errors()).toString()));
        ApprovalActions actions;
        actions.setSession(bobSpace);
        QSignalSpy submitted(&form, &RequestForm::submitted);
        QSignalSpy failed(&form, &RequestForm::submitFailed);
        form.submit(&actions);
        QTRY_VERIFY(submitted.size() + failed.size() > 0);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

        // Bob's own request, once the server's event has filled his store: pending, his, waiting on alice.
        const auto bobsRequest = [&] {
            return storeText(bobSpace,
                u"SELECT id FROM approval_requests WHERE title = 'Taxi to the airport' AND state = 'pending' "
                "AND requester_id = 'u_bob'"_s);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!bobsRequest().isEmpty(), kLong);
        RequestDetail mine;
        mine.setSession(bobSpace);
        mine.setRequestId(bobsRequest());
        QTRY_VERIFY(mine.loaded() && mine.found());
        QVERIFY(mine.isMine());
        QCOMPARE(mine.state(), u"pending"_s);
        QVERIFY(!mine.waitingOnMe());
        QTRY_COMPARE(mine.files()->items().size(), 1);
        QCOMPARE(mine.files()->items().first().toMap().value(u"name"_s).toString(), u"taxi receipt.txt"_s);
        QCOMPARE(mine.files()->items().first().toMap().value(u"state"_s).toString(), u"cached"_s);

        ApprovalDashboard alices;
        alices.setSession(m_alice->currentSpace());
        alices.setActive(true);
        const auto hasBobs = [&] {
            for (int i = 0; i < alices.waiting()->count(); ++i)
                if (alices.waiting()->index(i).data(WaitingListModel::TitleRole).toString()
                    == u"Taxi to the airport"_s)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasBobs(), kLong);
        RequestDetail theirs;
        theirs.setSession(m_alice->currentSpace());
        theirs.setRequestId(bobsRequest());
        QTRY_VERIFY_WITH_TIMEOUT(theirs.found() && theirs.files()->items().size() == 1, kLong);
        QCOMPARE(theirs.files()->items().first().toMap().value(u"state"_s).toString(), u"remote"_s);
        // newest last
        QCOMPARE(alices.waiting()
                     ->index(alices.waiting()->count() - 1)
                     .data(WaitingListModel::TitleRole)
                     .toString(),
            u"Taxi to the airport"_s);
    }

    void theApproverSavesTheFilesOfARequest()
    {
        // Bob, through the protocol itself (as a bot would): a file, then a request that names it.
        QString fileId;
        const QString requestId = test::submitDesksRequest(m_server.url(), &fileId);
        QVERIFY(!requestId.isEmpty());
        m_requestWithFile = requestId;
        const QByteArray content = test::desksQuote();

        // Alice, his manager, sees the file in the request and saves it: it comes down through her sync.
        RequestDetail detail;
        detail.setSession(m_alice->currentSpace());
        detail.setRequestId(requestId);
        QTRY_VERIFY_WITH_TIMEOUT(detail.found() && detail.files()->items().size() == 1, kLong);
        const QVariantMap item = detail.files()->items().first().toMap();
        QCOMPARE(item.value(u"name"_s).toString(), u"quote.txt"_s);
        QCOMPARE(item.value(u"sizeBytes"_s).toLongLong(), content.size());
        QCOMPARE(item.value(u"state"_s).toString(), u"remote"_s);
        QTemporaryDir out;
        const QString target = out.filePath(u"desks-quote.txt"_s);
        QSignalSpy saved(detail.files(), &AttachmentFiles::saved);
        detail.files()->save(fileId, QUrl::fromLocalFile(target));
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() == 1 || !detail.files()->errorText().isEmpty(), kLong);
        QVERIFY2(detail.files()->errorText().isEmpty(), qPrintable(detail.files()->errorText()));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
        QCOMPARE(detail.files()->items().first().toMap().value(u"state"_s).toString(), u"cached"_s);
    }

    void screensInEnglish() { shoot(u"en"_s); }
    void screensInSimplifiedChinese() { shoot(u"zh_CN"_s); }

    void peopleAreChosenByNameAndSentAsTheirIds()
    {
        SpaceSession *bobSpace = m_bob->currentSpace();
        RequestForm form;
        form.setSession(bobSpace);
        QTRY_VERIFY_WITH_TIMEOUT(!form.templates().isEmpty(), kLong);
        form.setTemplateId(u"tpl_general"_s);
        QTRY_COMPARE(form.fields().size(), 4);
        const QVariantList found = bobSpace->findPeople(u"Chen"_s, 5);
        QVERIFY(!found.isEmpty());
        const QString chen = found.first().toMap().value(u"userId"_s).toString();
        form.toggleChoice(u"people"_s, chen, true);
        form.toggleChoice(u"people"_s, chen, true); // twice is once
        const QVariantList chosen = form.peopleOf(u"people"_s);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().toMap().value(u"displayName"_s).toString(), bobSpace->displayNameOf(chen));
        QVERIFY(chosen.first().toMap().value(u"displayName"_s).toString().contains(u"Chen"_s));
        QCOMPARE(form.answers().value(u"people"_s).toArray(), QJsonArray {chen});
        form.toggleChoice(u"people"_s, chen, false);
        QVERIFY(form.peopleOf(u"people"_s).isEmpty());
    }

    // After the screenshots, which show Alice's waiting list with Bob's taxi request in it.
    void aDecisionHandedToSomeoneElseWaitsOnThemAndRemindersAreRateLimited()
    {
        SpaceSession *alice = m_alice->currentSpace();
        const QVariantList found = alice->findPeople(u"chen"_s);
        QVERIFY(!found.isEmpty());
        const QString chen = found.first().toMap().value(u"userId"_s).toString();
        QCOMPARE(chen, u"u_chen"_s);
        for (const QVariant &p : alice->findPeople(QString(), 100))
            QVERIFY(p.toMap().value(u"userId"_s).toString() != u"u_alice"_s); // not oneself
        const QString taxi = storeText(alice,
            u"SELECT id FROM approval_requests WHERE title = 'Taxi to the airport' AND state = 'pending'"_s);
        QVERIFY(!taxi.isEmpty());

        ApprovalActions actions;
        actions.setSession(alice);
        QSignalSpy finished(&actions, &ApprovalActions::finished);
        actions.delegateTo(taxi, QString());
        QCOMPARE(finished.size(), 1);
        QVERIFY(!finished.first().value(2).toBool());
        actions.delegateTo(taxi, chen, u"Chen booked this trip"_s);
        const QString approvers
            = u"SELECT group_concat(user_id || ':' || coalesce(decision, '') || ':' || "
              "coalesce(delegated_to, ''), ' ') FROM (SELECT * FROM approval_step_approvers "
              "WHERE request_id = '%1' AND position = 0 ORDER BY user_id)"_s.arg(taxi);
        QTRY_COMPARE_WITH_TIMEOUT(storeText(alice, approvers), u"u_alice:delegated:u_chen u_chen::"_s, kLong);

        // Bob reminds the approvers: once is applied; again at once is refused, and he is told why.
        SpaceSession *bob = m_bob->currentSpace();
        ApprovalActions bobs;
        bobs.setSession(bob);
        QSignalSpy refused(&bobs, &ApprovalActions::refused);
        const QString reminders
            = u"SELECT count(*) FROM approval_actions WHERE action = 'remind' AND request_id = '%1'"_s.arg(
                taxi);
        bobs.remind(taxi);
        QTRY_COMPARE_WITH_TIMEOUT(storeText(bob, reminders), u"1"_s, kLong);
        bobs.remind(taxi);
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), kLong);
        QCOMPARE(refused.first().value(2).toString(), u"rate_limited"_s);
        QVERIFY(refused.first().value(3).toString().contains(u"reminder"_s));
        QCOMPARE(storeText(bob, reminders), u"1"_s);
    }

    void aCommentJoinsTheHistoryAndAReturnedRequestGoesBackToItsRequester()
    {
        SpaceSession *alice = m_alice->currentSpace();
        SpaceSession *bob = m_bob->currentSpace();
        ApprovalActions actions;
        actions.setSession(alice);
        actions.comment(m_requestWithFile, u"Which floor are the desks for?"_s);
        RequestDetail bobs;
        bobs.setSession(bob);
        bobs.setRequestId(m_requestWithFile);
        const auto hasComment = [&] {
            for (const QVariant &t : bobs.timeline())
                if (t.toMap().value(u"comment"_s).toString() == u"Which floor are the desks for?"_s)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(bobs.found() && hasComment(), kLong);

        actions.returnForChanges(m_requestWithFile, u"Add the floor plan, please."_s);
        QTRY_COMPARE_WITH_TIMEOUT(bobs.state(), u"returned"_s, kLong);
        QCOMPARE(
            storeText(bob,
                u"SELECT comment FROM approval_actions WHERE action = 'return' AND request_id = '%1'"_s.arg(
                    m_requestWithFile)),
            u"Add the floor plan, please."_s);
    }

    void cleanupTestCase()
    {
        m_bob.reset();
        m_alice.reset();
    }
};

QTEST_MAIN(TestApprovalsDemo)
#include "tst_approvalsdemo.moc"
