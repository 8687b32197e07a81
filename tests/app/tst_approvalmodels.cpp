// The approvals models (app/approvals/) over a real encrypted store filled by the generator: the
// dashboard's filters and its refresh after a store write, and ApprovalActions, which fails honestly
// without a sender and sends each command (bulk included) through the one installed.
#include "approvalactions.h"
#include "approvaldashboard.h"
#include "approvalgen.h"
#include "myrequestsmodel.h"
#include "requestform.h"

#include "store/storethread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::app;
using namespace Qt::StringLiterals;

class TestApprovalModels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::StoreThread> m_thread;
    approvals::test::GenData m_data;

    static QSet<QString> typesShown(const ApprovalDashboard &d)
    {
        QSet<QString> out;
        for (const QVariant &t : d.byType())
            out.insert(t.toMap().value(u"templateId"_s).toString());
        return out;
    }

    // Records each command sent through ApprovalActions, and answers that it is queued (or, for the
    // request `failing`, a state_conflict), until the returned guard goes.
    [[nodiscard]] static auto recordCommands(QList<ApprovalCommand> &sent, const QString &failing = {})
    {
        ApprovalActions::setSender([&sent, failing](SpaceSession *, const ApprovalCommand &c) {
            sent.append(c);
            QPromise<Status> p;
            p.start();
            p.addResult(!failing.isEmpty() && c.requestId == failing
                    ? Status(Error::make(ErrorCode::Invalid, u"state_conflict"_s))
                    : Status());
            p.finish();
            return p.future();
        });
        return qScopeGuard([] { ApprovalActions::setSender({}); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = store::SpaceStore::open(
            m_dir.filePath(u"space.db"_s), store::DataKey::generate(), {.create = true});
        QVERIFY(opened.ok());
        approvals::test::GenOptions options;
        options.requests = 2000;
        options.nowMs = QDateTime::currentMSecsSinceEpoch();
        m_data = approvals::test::generateApprovals(options);
        QVERIFY(approvals::test::writeApprovals(**opened, m_data).ok());
        m_thread = std::make_unique<store::StoreThread>();
        auto adopted = m_thread->adopt(std::move(*opened));
        adopted.waitForFinished();
        QVERIFY(adopted.result().ok());
    }

    void dashboardFiltersNarrowEveryFigure()
    {
        ApprovalDashboard dashboard;
        dashboard.setActive(true);
        QSignalSpy loaded(&dashboard, &ApprovalDashboard::loaded);
        dashboard.setStore(m_thread.get(), m_data.me);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(typesShown(dashboard).size(), 5);
        const int waitingAll = dashboard.waiting()->count();
        QVERIFY(waitingAll > 0);
        dashboard.setTemplateIds({u"tpl-leave"_s});
        QVERIFY(loaded.wait(5000));
        QCOMPARE(typesShown(dashboard), QSet<QString>({u"tpl-leave"_s}));
        for (const approvals::WaitingRequest &w : dashboard.figures().waiting)
            QCOMPARE(w.templateId, u"tpl-leave"_s);
        QVERIFY(dashboard.waiting()->count() < waitingAll);
        dashboard.clearFilters();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(dashboard.waiting()->count(), waitingAll);
    }

    void dashboardComputesAgainAfterAStoreWrite()
    {
        ApprovalDashboard dashboard;
        dashboard.setActive(true);
        QSignalSpy loaded(&dashboard, &ApprovalDashboard::loaded);
        dashboard.setStore(m_thread.get(), m_data.me);
        QVERIFY(loaded.wait(5000));
        const QString first = dashboard.waiting()->requestIdAt(0);
        QVERIFY(!first.isEmpty());
        // The server's answer arrives through sync: the request is approved.
        auto write = m_thread->write<int>(
            [first](store::SpaceStore &s, store::StoreChange &c) -> Result<int> {
                c.approvals = true;
                auto st = s.db().prepare(
                    "UPDATE approval_requests SET state = 'approved', decided_at = updated_at WHERE id = ?1");
                if (!st)
                    return st.error();
                TANDEM_TRY(st->bind(1, first).exec());
                return 1;
            });
        QVERIFY(loaded.wait(5000));
        QVERIFY(dashboard.waiting()->requestIdAt(0) != first);
    }

    void dashboardIgnoresWritesThatAreNotApprovals()
    {
        ApprovalDashboard dashboard;
        dashboard.setActive(true);
        QSignalSpy loaded(&dashboard, &ApprovalDashboard::loaded);
        dashboard.setStore(m_thread.get(), m_data.me);
        QVERIFY(loaded.wait(5000));
        loaded.clear();
        auto write = m_thread->write<int>([](store::SpaceStore &, store::StoreChange &c) -> Result<int> {
            c.users = true;
            return 1;
        });
        QVERIFY(!loaded.wait(ApprovalDashboard::kSettleMs + 600));
    }

    void actionsWithoutASpaceFailAndSayWhy()
    {
        ApprovalActions::setSender({});
        ApprovalActions actions;
        QVERIFY(!actions.canSend());
        QSignalSpy finished(&actions, &ApprovalActions::finished);
        actions.approve(u"req-000001"_s, {});
        QVERIFY(finished.wait(1000));
        QCOMPARE(finished.first().at(2).toBool(), false);
        QVERIFY(finished.first().at(3).toString().contains(u"Nothing was changed"_s));
        QVERIFY(actions.pending().isEmpty());
    }

    void actionsGoThroughTheInstalledSenderOneByOne()
    {
        QList<ApprovalCommand> sent;
        const auto recording = recordCommands(sent, u"req-bad"_s);
        ApprovalActions actions;
        QSignalSpy bulk(&actions, &ApprovalActions::bulkFinished);
        actions.approveMany({u"req-1"_s, u"req-bad"_s, u"req-2"_s}, u"ok"_s);
        QVERIFY(bulk.wait(1000));
        QCOMPARE(bulk.first().at(0).toInt(), 2);
        QCOMPARE(bulk.first().at(1).toInt(), 1);
        QCOMPARE(bulk.first().at(2).toString(), u"state_conflict"_s);
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.at(1).kind, ApprovalCommand::Kind::Approve);
        QCOMPARE(sent.at(1).comment, u"ok"_s);
        QVERIFY(actions.pending().isEmpty());
    }

    void formRefusesToSubmitWhatIsIncompleteAndSendsWhatIsComplete()
    {
        QList<ApprovalCommand> sent;
        const auto recording = recordCommands(sent);
        ApprovalActions actions;
        RequestForm form;
        QSignalSpy templates(&form, &RequestForm::templatesChanged);
        form.setStore(m_thread.get());
        QVERIFY(templates.wait(5000));
        form.setTemplateId(u"tpl-purchase"_s);
        form.submit(&actions);
        QVERIFY(sent.isEmpty());
        QVERIFY(form.errors().contains(u"item"_s));
        form.setTitle(u"Monitors for the new hires"_s);
        form.setText(u"item"_s, u"27-inch monitor"_s);
        form.setNumber(u"quantity"_s, u"3"_s);
        form.setNumber(u"quantity"_s, u"1.5"_s);
        QVERIFY(form.errors().contains(u"quantity"_s)); // the server's check: integer
        form.setNumber(u"quantity"_s, u"3"_s);
        form.setMoney(u"amount"_s, u"3,899.70"_s, u"EUR"_s);
        QVERIFY(form.errors().contains(u"amount"_s)); // not a currency the template takes
        form.setMoney(u"amount"_s, u"3,899.70"_s, u"CNY"_s);
        QVERIFY2(form.errors().isEmpty(), qPrintable(form.errors().keys().join(u',')));
        QSignalSpy submitted(&form, &RequestForm::submitted);
        form.submit(&actions);
        QVERIFY(submitted.wait(1000));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.front().kind, ApprovalCommand::Kind::Submit);
        const QJsonObject amount = sent.front().formData.value(u"amount"_s).toObject();
        QCOMPARE(amount.value(u"amount_minor"_s).toDouble(), 389970.0);
        QCOMPARE(amount.value(u"currency"_s).toString(), u"CNY"_s);
        // exactly what the server validates
        QVERIFY(form.errors().isEmpty());
    }

    // A purchase of mine, returned: my list shows it first, and the form shows each answer as it was
    // typed (number, money and currency, choices) and sends it again under its own id with the same form.
    void aReturnedRequestIsListedFirstAndTheFormSendsItAgain()
    {
        const QString id = u"req-returned-purchase"_s;
        const QJsonObject answers {{u"item"_s, u"27-inch monitor"_s}, {u"quantity"_s, 3},
            {u"amount"_s, QJsonObject {{u"amount_minor"_s, 389970}, {u"currency"_s, u"HKD"_s}}},
            {u"tags"_s, QJsonArray {u"urgent"_s}}};
        auto written = m_thread->write<bool>([&](store::SpaceStore &s,
                                                 store::StoreChange &change) -> Result<bool> {
            auto st = s.db().prepare(
                "INSERT INTO approval_requests (id, template_id, requester_id, title, form_data, state, "
                "amount_minor, currency, submitted_at, updated_at) VALUES (?1, 'tpl-purchase', ?2, "
                "'Monitors', ?3, 'returned', 389970, 'HKD', 1, ?4)");
            if (!st)
                return st.error();
            TANDEM_TRY(st->bind(1, id)
                           .bind(2, m_data.me)
                           .bind(3, QString::fromUtf8(QJsonDocument(answers).toJson(QJsonDocument::Compact)))
                           .bind(4, qint64(2))
                           .exec());
            change.approvals = true;
            return true;
        });
        written.waitForFinished();
        QVERIFY(written.result().ok());

        MyRequestsModel mine;
        QSignalSpy listed(&mine, &MyRequestsModel::loaded);
        mine.setStore(m_thread.get(), m_data.me);
        QVERIFY(listed.wait(5000));
        QVERIFY(mine.count() > 1);
        QVERIFY(mine.returnedCount() >= 1);
        QCOMPARE(mine.index(0).data(MyRequestsModel::StateRole).toString(), u"returned"_s);
        qint64 newest = std::numeric_limits<qint64>::max();
        for (int i = mine.returnedCount(); i < mine.count(); ++i) { // then the newest change first
            const qint64 at = mine.index(i).data(MyRequestsModel::UpdatedAtRole).toLongLong();
            QVERIFY(at <= newest);
            newest = at;
            QVERIFY(mine.index(i).data(MyRequestsModel::StateRole).toString() != u"returned"_s);
        }

        QList<ApprovalCommand> sent;
        const auto recording = recordCommands(sent);
        RequestForm form;
        QSignalSpy templates(&form, &RequestForm::templatesChanged);
        form.setStore(m_thread.get());
        QVERIFY(templates.wait(5000));
        form.editReturned(id);
        // Not formChanged: the write above may make the form read its templates again, which says it too.
        QTRY_COMPARE_WITH_TIMEOUT(form.editingRequestId(), id, 5000);
        QCOMPARE(form.templateId(), u"tpl-purchase"_s);
        QCOMPARE(form.title(), u"Monitors"_s);
        QCOMPARE(form.inputOf(u"item"_s), u"27-inch monitor"_s);
        QCOMPARE(form.inputOf(u"quantity"_s), u"3"_s);
        QCOMPARE(form.inputOf(u"amount"_s), u"3,899.70"_s);
        QCOMPARE(form.inputOf(u"amount/currency"_s), u"HKD"_s);
        QVERIFY(form.isChosen(u"tags"_s, u"urgent"_s));
        QVERIFY(!form.isChosen(u"tags"_s, u"it"_s));

        ApprovalActions actions;
        QSignalSpy submitted(&form, &RequestForm::submitted);
        form.submit(&actions);
        QVERIFY(submitted.wait(1000));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.front().kind, ApprovalCommand::Kind::Submit);
        QCOMPARE(sent.front().requestId, id); // a resubmission, not a new request
        QCOMPARE(sent.front().formData, answers);
        QVERIFY(form.editingRequestId().isEmpty());

        // A request that is not returned cannot be edited, and the form says why.
        QSignalSpy refused(&form, &RequestForm::editFailed);
        form.editReturned(mine.index(mine.count() - 1).data(MyRequestsModel::RequestIdRole).toString());
        QVERIFY(refused.wait(5000));
        QVERIFY(form.editingRequestId().isEmpty());
    }

    void cleanupTestCase() { m_thread.reset(); }
};

QTEST_MAIN(TestApprovalModels)
#include "tst_approvalmodels.moc"
