// A request returned for changes, from its requester's side, against the real tandem-server --demo: Bob
// finds it first under My requests, a real click on "Change and resubmit…" fills the form with what he
// sent (screenshots in English and Simplified Chinese in $TANDEM_ARTIFACTS), and he resubmits it with a
// new file under the same id; returned again, he withdraws it.
#include "approvalscene.h"
#include "demoaccounts.h"

#include "approvalactions.h"
#include "files/attachmentfiles.h"
#include "myrequestsmodel.h"
#include "requestdetail.h"
#include "requestform.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

using namespace tandem;
using namespace tandem::app;
using namespace tandem::test;
using namespace Qt::StringLiterals;

class TestApprovalsReturned : public QObject
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
    QString m_request; // Bob's, with the supplier's quote, returned by Alice

private Q_SLOTS:
    void initTestCase()
    {
        m_outDir = prepareDemoApp();
        QVERIFY(!m_outDir.isEmpty());
        QVERIFY(m_serverData.isValid());
        QVERIFY(m_server.start(m_serverData.path(), {u"--demo"_s}));
        m_alice = signInToDemo(m_server.url(), m_aliceProfile.path(), u"alice"_s);
        m_bob = signInToDemo(m_server.url(), m_bobProfile.path(), u"bob"_s);
        QVERIFY(m_alice && m_bob);

        // Bob's request with the supplier's quote, sent through the protocol itself.
        m_request = submitDesksRequest(m_server.url());
        QVERIFY(!m_request.isEmpty());

        // Alice, his manager, returns it from her app; his store hears of it.
        RequestDetail alices;
        alices.setSession(m_alice->currentSpace());
        alices.setRequestId(m_request);
        QTRY_VERIFY_WITH_TIMEOUT(alices.found() && alices.waitingOnMe(), kDemoTimeoutMs);
        ApprovalActions actions;
        actions.setSession(m_alice->currentSpace());
        actions.returnForChanges(m_request, u"Add the floor plan, please."_s);
        RequestDetail bobs;
        bobs.setSession(m_bob->currentSpace());
        bobs.setRequestId(m_request);
        QTRY_COMPARE_WITH_TIMEOUT(bobs.state(), u"returned"_s, kDemoTimeoutMs);
    }

    // Bob's side of the returned request: his list, the detail with its way back into the form, and the
    // form filled with what he sent, in both languages.
    void returnedRequestScreens_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("zh_CN") << u"zh_CN"_s;
    }

    void returnedRequestScreens()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scopedLanguage(language);
        QVERIFY(scopedLanguage.loaded());
        test::ApprovalSceneWindow scene;
        const QString problem = scene.show(u"approvalsreturned"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QQuickView &view = scene.view;
        QQuickItem *root = scene.root.get();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SpaceSession *bob = m_bob->currentSpace();
        auto *approvals = root->findChild<QQuickItem *>(u"approvalsView"_s);
        auto *mine = root->findChild<MyRequestsModel *>(u"mine"_s);
        auto *detail = root->findChild<RequestDetail *>(u"detail"_s);
        auto *form = root->findChild<RequestForm *>(u"form"_s);
        QVERIFY(approvals && mine && detail && form);
        for (const char *name : {"dashboard", "detail", "form", "actions", "mine"})
            root->findChild<QObject *>(QLatin1StringView(name))
                ->setProperty("session", QVariant::fromValue(bob));
        const auto grab = [&](const QString &name) {
            QTest::qWait(150);
            const QImage image = view.grabWindow();
            QVERIFY2(test::colourCount(image) > 20, qPrintable(name + u" looks blank"_s));
            QVERIFY(image.save(QDir(m_outDir).filePath(u"%1-%2.png"_s.arg(name, language))));
        };

        // Returned first, and the tab says how many wait on him.
        approvals->setProperty("page", u"mine"_s);
        QTRY_VERIFY_WITH_TIMEOUT(mine->returnedCount() == 1, kDemoTimeoutMs);
        QCOMPARE(mine->index(0).data(MyRequestsModel::RequestIdRole).toString(), m_request);
        QCOMPARE(mine->index(0).data(MyRequestsModel::StateRole).toString(), u"returned"_s);
        QVERIFY(mine->count() >= 2); // his seeded lunch, approved, too
        detail->setRequestId(m_request);
        QTRY_VERIFY(detail->loaded() && detail->found() && detail->state() == u"returned"_s);
        QTRY_VERIFY(visibleItemNamed(root, u"editAndResubmit"_s));
        grab(u"approvals-demo-mine"_s);

        // A real click on "Change and resubmit…" opens the form with what he sent.
        QQuickItem *button = visibleItemNamed(root, u"editAndResubmit"_s);
        QTest::mouseClick(&view, Qt::LeftButton, {},
            button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        QTRY_COMPARE(form->editingRequestId(), m_request);
        QCOMPARE(approvals->property("page").toString(), u"new"_s);
        QCOMPARE(form->templateId(), u"tpl_general"_s);
        QCOMPARE(form->inputOf(u"subject"_s), u"Standing desks"_s);
        QVERIFY(form->returnNote().contains(u"Add the floor plan, please."_s));
        QCOMPARE(form->attachmentsOf(u"files"_s).size(), 1);
        QCOMPARE(form->attachmentsOf(u"files"_s).first().toMap().value(u"name"_s).toString(), u"quote.txt"_s);
        grab(u"approvals-demo-resubmit"_s);
    }

    void bobChangesTheReturnedRequestAndResubmitsIt()
    {
        SpaceSession *bob = m_bob->currentSpace();
        const QString request = m_request;
        const QString fileBefore = storeText(bob,
            u"SELECT json_extract(form_data, '$.files[0]') FROM approval_requests WHERE id = '%1'"_s.arg(
                request));
        QVERIFY(!fileBefore.isEmpty());
        const QString actionsBefore
            = storeText(bob, u"SELECT count(*) FROM approval_actions WHERE request_id = '%1'"_s.arg(request));
        RequestForm form;
        form.setSession(bob);
        QTRY_VERIFY_WITH_TIMEOUT(!form.templates().isEmpty(), kDemoTimeoutMs);
        form.editReturned(request);
        QTRY_COMPARE(form.editingRequestId(), request);
        QVERIFY(form.returnNote().contains(u"Add the floor plan, please."_s));
        QCOMPARE(form.inputOf(u"details"_s), u"The supplier's quote is attached."_s);

        // He adds the floor plan next to the quote, which stays, and says which floor.
        QTemporaryDir chosen;
        const QString plan = chosen.filePath(u"floor plan.txt"_s);
        {
            QFile f(plan);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Floor 12, east wing: desks 1-12\n");
        }
        form.addAttachment(u"files"_s, QUrl::fromLocalFile(plan));
        form.setText(u"details"_s, u"Floor 12; the quote and the floor plan are attached."_s);
        form.setTitle(u"Standing desks for floor 12"_s);
        QVERIFY2(form.validate(), qPrintable(QVariant(form.errors()).toString()));
        ApprovalActions actions;
        actions.setSession(bob);
        QSignalSpy submitted(&form, &RequestForm::submitted);
        QSignalSpy failed(&form, &RequestForm::submitFailed);
        form.submit(&actions);
        QTRY_VERIFY(submitted.size() + failed.size() > 0);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(form.editingRequestId().isEmpty()); // the form is a new one again

        // The server took it under the same id: pending again, the new answers, both files, one more
        // "submit" in the audit trail; Alice has it waiting again.
        const QString state
            = u"SELECT state || '|' || title || '|' || json_array_length(form_data, '$.files') || '|' || "
              "json_extract(form_data, '$.files[0]') FROM approval_requests WHERE id = '%1'"_s.arg(request);
        QTRY_COMPARE_WITH_TIMEOUT(storeText(bob, state),
            u"pending|Standing desks for floor 12|2|%1"_s.arg(fileBefore), kDemoTimeoutMs);
        QCOMPARE(
            storeText(bob,
                u"SELECT count(*) FROM approval_actions WHERE action = 'submit' AND request_id = '%1'"_s.arg(
                    request)),
            u"2"_s);
        QVERIFY(
            storeText(bob, u"SELECT count(*) FROM approval_actions WHERE request_id = '%1'"_s.arg(request))
                .toInt()
            > actionsBefore.toInt());
        QTRY_COMPARE_WITH_TIMEOUT(storeText(bob, u"SELECT count(*) FROM outbox WHERE state != 'rejected'"_s),
            u"0"_s, kDemoTimeoutMs);
        RequestDetail alices;
        alices.setSession(m_alice->currentSpace());
        alices.setRequestId(request);
        QTRY_VERIFY_WITH_TIMEOUT(
            alices.found() && alices.waitingOnMe() && alices.files()->items().size() == 2, kDemoTimeoutMs);

        // Returned once more, he withdraws it instead: the app expects the state the store shows.
        ApprovalActions alicesActions;
        alicesActions.setSession(m_alice->currentSpace());
        alicesActions.returnForChanges(request, u"We have no budget this quarter."_s);
        RequestDetail bobs;
        bobs.setSession(bob);
        bobs.setRequestId(request);
        QTRY_COMPARE_WITH_TIMEOUT(bobs.state(), u"returned"_s, kDemoTimeoutMs);
        QSignalSpy refused(&actions, &ApprovalActions::refused);
        actions.withdraw(request, u"Postponed"_s);
        QTRY_COMPARE_WITH_TIMEOUT(bobs.state(), u"withdrawn"_s, kDemoTimeoutMs);
        QVERIFY(refused.isEmpty());
    }

    void cleanupTestCase()
    {
        m_bob.reset();
        m_alice.reset();
    }
};

QTEST_MAIN(TestApprovalsReturned)
#include "tst_approvalsreturned.moc"
