// Screenshots of the approvals views (qml/approvals/) over a real encrypted store filled by the
// generator (tests/approvals/approvalgen.h), offscreen, in English and Simplified Chinese: the dashboard
// (waiting on me, with a request's detail and timeline), the team figures, and the request form with
// its validation messages. The PNGs go to $TANDEM_SCREENSHOT_DIR (default: approvals-screens/ in the
// working directory); the test checks that each view shows what it must and that the picture is not
// blank.
#include "approvaldashboard.h"
#include "approvalgen.h"
#include "approvalscene.h"
#include "requestdetail.h"
#include "requestform.h"

#include "store/storethread.h"

#include <QDir>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

using namespace tandem;
using namespace tandem::app;
using namespace Qt::StringLiterals;

class TestApprovalScreens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::StoreThread> m_thread;
    approvals::test::GenData m_data;
    QString m_outDir;

    // A decided purchase (three steps, a full history) and the oldest request waiting on me.
    QString decidedPurchase() const
    {
        for (const auto &r : m_data.requests)
            if (r.templateId == u"tpl-purchase"_s && r.state == u"approved"_s && r.requesterId != m_data.me)
                return r.id;
        return {};
    }

    void shoot(const QString &language)
    {
        const test::ScopedLanguage scopedLanguage(language);
        QVERIFY(scopedLanguage.loaded());

        test::ApprovalSceneWindow scene;
        const QString problem = scene.show(u"approvalscreens"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QQuickView &view = scene.view;
        QQuickItem *root = scene.root.get();

        auto *dashboard = root->findChild<ApprovalDashboard *>(u"dashboard"_s);
        auto *detail = root->findChild<RequestDetail *>(u"detail"_s);
        auto *form = root->findChild<RequestForm *>(u"form"_s);
        auto *approvals = root->findChild<QQuickItem *>(u"approvalsView"_s);
        QVERIFY(dashboard && detail && form && approvals);
        dashboard->setStore(m_thread.get(), m_data.me);
        form->setStore(m_thread.get());
        detail->setStore(m_thread.get(), m_data.me);

        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->loading() && dashboard->waiting()->count() > 0, 10000);
        QTRY_VERIFY(!dashboard->templates().isEmpty());

        const auto grab = [&](const QString &name) {
            QTest::qWait(150); // a frame for the bindings that followed the data
            const QImage image = view.grabWindow();
            QVERIFY(!image.isNull());
            QVERIFY2(test::colourCount(image) > 20, qPrintable(name + u" looks blank"_s));
            QVERIFY(image.save(QDir(m_outDir).filePath(u"%1-%2.png"_s.arg(name, language))));
        };

        // Waiting on me, the oldest request's detail beside it.
        detail->setRequestId(dashboard->waiting()->requestIdAt(0));
        QTRY_VERIFY(detail->loaded() && detail->found());
        QVERIFY(detail->waitingOnMe());
        QVERIFY(!detail->timeline().isEmpty());
        dashboard->waiting()->setSelected(0, true);
        dashboard->waiting()->setSelected(2, true);
        grab(u"approvals-waiting"_s);

        // The team figures, a decided purchase's steps and history beside them.
        approvals->setProperty("page", u"team"_s);
        detail->setRequestId(decidedPurchase());
        QTRY_VERIFY(detail->loaded() && detail->found() && detail->steps().size() == 3);
        QVERIFY(!dashboard->throughput().isEmpty());
        QVERIFY(!dashboard->sla().isEmpty());
        grab(u"approvals-team"_s);

        // A reimbursement half filled in, after pressing Submit: the messages say what is missing.
        detail->setRequestId({});
        approvals->setProperty("page", u"new"_s);
        form->setTemplateId(u"tpl-reimburse"_s);
        QTRY_VERIFY(form->fields().size() == 5);
        form->setTitle(u"Taxi to the Shenzhen office"_s);
        form->setMoney(u"amount"_s, u"1234.5"_s, u"HKD"_s);
        form->setDate(u"spent_on"_s, u"yesterday"_s);
        QVERIFY(!form->validate());
        QCOMPARE(form->errors().size(), 3); // date unreadable, category, reason (receipts are optional)
        grab(u"approvals-form"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(u"Basic"_s);
        QVERIFY(m_dir.isValid());
        m_outDir
            = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR", QDir::current().filePath(u"approvals-screens"_s));
        QVERIFY(QDir().mkpath(m_outDir));
        auto opened = store::SpaceStore::open(
            m_dir.filePath(u"space.db"_s), store::DataKey::generate(), {.create = true});
        QVERIFY(opened.ok());
        approvals::test::GenOptions options;
        options.requests = 3000;
        options.nowMs = QDateTime::currentMSecsSinceEpoch(); // the views measure ages from now
        m_data = approvals::test::generateApprovals(options);
        QVERIFY(approvals::test::writeApprovals(**opened, m_data).ok());
        m_thread = std::make_unique<store::StoreThread>();
        auto adopted = m_thread->adopt(std::move(*opened));
        adopted.waitForFinished();
        QVERIFY(adopted.result().ok());
    }

    void screensInEnglish() { shoot(u"en"_s); }
    void screensInSimplifiedChinese() { shoot(u"zh_CN"_s); }

    void cleanupTestCase() { m_thread.reset(); }
};

QTEST_MAIN(TestApprovalScreens)
#include "tst_approvalscreens.moc"
