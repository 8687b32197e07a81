// tandemctl approvals against the real tandem-server, as bots and agents use it: a bot account submits a
// reimbursement, the manager and finance approve it, `list --json` shows the states, and a second approve
// is refused with the server's state_conflict, explained ("already approved by ... at ..."), and a
// non-zero exit.
#include "../sync/serverprocess.h"
#include "../tools/tandemctlrunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tandemctl::test;
using namespace tandem::sync::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRefused = 3; // commands_approvals.cpp: ExitRefused

QJsonObject findRequest(const QJsonArray &rows, const QString &id)
{
    for (const QJsonValue &r : rows)
        if (r.toObject().value("id"_L1).toString() == id)
            return r.toObject();
    return {};
}

} // namespace

class TestTandemctlApprovals : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Tandemctl> m_bot, m_alice, m_hui;
    QString m_requestId;

    std::unique_ptr<Tandemctl> client(const QString &user)
    {
        auto ctl = std::make_unique<Tandemctl>(m_dir.filePath(user), m_dir.filePath(user + u"-scratch"_s));
        ctl->setPassphrase(u"pass phrase"_s);
        ctl->setEnv(u"TANDEM_PASSWORD"_s, u"demo"_s);
        return ctl;
    }

    bool admin(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TANDEM_PASSWORD"_s, u"demo"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TANDEM_SERVER),
            QStringList {u"admin"_s, u"--data"_s, m_dir.filePath(u"server"_s)} + args);
        return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QJsonArray list(const Tandemctl &ctl, const QStringList &filters = {})
    {
        const CliRun run = ctl.run(QStringList {u"approvals"_s, u"list"_s, u"Work"_s, u"--json"_s} + filters);
        return run.exitCode == 0 ? run.json().array() : QJsonArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The demo organisation plus a bot account managed by Alice, as an administrator adds one.
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        m_server->stop();
        QVERIFY(admin({u"create-user"_s, u"u_expensebot"_s, u"expensebot"_s, u"--display-name"_s,
            u"Expense bot"_s, u"--org"_s, u"org_demo"_s, u"--manager"_s, u"u_alice"_s, u"--bot"_s}));
        QVERIFY(admin({u"add-to-space"_s, u"sp_demo_work"_s, u"u_expensebot"_s}));
        QVERIFY(m_server->start());
        m_bot = client(u"expensebot"_s);
        m_alice = client(u"alice"_s);
        m_hui = client(u"hui"_s);
        for (auto *ctl : {m_bot.get(), m_alice.get(), m_hui.get()})
            VERIFY_SUCCEEDED(ctl->run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s,
                u"--server"_s, m_server->url(), u"--user"_s, ctl->profile().section(u'/', -1)}));
    }

    void aFormThatDoesNotFitTheTemplateIsRefusedBeforeAnythingIsSent()
    {
        VERIFY_ONE_LINE_FAILURE(
            m_bot->run({u"approvals"_s, u"submit"_s, u"Work"_s, u"--template"_s, u"tpl_reimbursement"_s,
                u"--field"_s, u"amount=128.50 CNY"_s, u"--field"_s, u"expense_type=meals"_s, u"--field"_s,
                u"spent_on=2026-11-20"_s}),
            u"Description (description): is required. Nothing was sent."_s);
        VERIFY_ONE_LINE_FAILURE(m_bot->run({u"approvals"_s, u"submit"_s, u"Work"_s, u"--template"_s,
                                    u"tpl_reimbursement"_s, u"--field"_s, u"colour=blue"_s}),
            u"has no field \"colour\""_s);
        QCOMPARE(list(*m_bot, {u"--mine"_s}).size(), 0);
    }

    void aBotSubmitsAReimbursementThatWaitsOnItsManager()
    {
        const CliRun submitted
            = m_bot->run({u"approvals"_s, u"submit"_s, u"Work"_s, u"--template"_s, u"tpl_reimbursement"_s,
                u"--field"_s, u"amount=128.50 CNY"_s, u"--field"_s, u"expense_type=Meals"_s, u"--field"_s,
                u"spent_on=2026-11-20"_s, u"--field"_s, u"description=Team lunch"_s, u"--json"_s});
        VERIFY_SUCCEEDED(submitted);
        const QJsonObject result = submitted.json().object();
        QCOMPARE(result.value("result"_L1).toString(), u"applied"_s);
        QCOMPARE(result.value("state"_L1).toString(), u"pending"_s);
        QCOMPARE(result.value("waiting_on"_L1).toArray(), QJsonArray {u"u_alice"_s});
        m_requestId = result.value("request_id"_L1).toString();
        const QJsonObject held = findRequest(list(*m_bot, {u"--mine"_s}), m_requestId);
        QCOMPARE(held.value("state"_L1).toString(), u"pending"_s);
        QCOMPARE(held.value("amount_minor"_L1).toInteger(), 12850);
        QCOMPARE(held.value("form"_L1).toObject().value("expense_type"_L1).toString(), u"meals"_s);
    }

    void theApproversApproveAndListShowsTheStates()
    {
        QVERIFY(!m_requestId.isEmpty());
        QVERIFY(!findRequest(list(*m_alice, {u"--waiting-on-me"_s}), m_requestId).isEmpty());
        QVERIFY(findRequest(list(*m_hui, {u"--waiting-on-me"_s}), m_requestId).isEmpty());

        const CliRun byAlice = m_alice->run(
            {u"approvals"_s, u"approve"_s, u"Work"_s, m_requestId, u"--comment"_s, u"ok"_s, u"--json"_s});
        VERIFY_SUCCEEDED(byAlice);
        QCOMPARE(byAlice.json().object().value("state"_L1).toString(), u"pending"_s);
        QCOMPARE(byAlice.json().object().value("waiting_on"_L1).toArray(), QJsonArray {u"u_hui"_s});
        QCOMPARE(findRequest(list(*m_bot, {u"--state"_s, u"pending"_s}), m_requestId)
                     .value("current_step"_L1)
                     .toInt(),
            2); // manager approved; the finance director's step is skipped under 10,000 CNY

        const CliRun byHui = m_hui->run({u"approvals"_s, u"approve"_s, u"Work"_s, m_requestId});
        VERIFY_SUCCEEDED(byHui);
        QCOMPARE(byHui.outText().trimmed(), u"Approved %1; the request is approved."_s.arg(m_requestId));

        const QJsonObject done = findRequest(list(*m_bot, {u"--mine"_s}), m_requestId);
        QCOMPARE(done.value("state"_L1).toString(), u"approved"_s);
        QCOMPARE(done.value("decided_by"_L1).toString(), u"u_hui"_s);
        const QJsonArray steps = done.value("steps"_L1).toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).toObject().value("state"_L1).toString(), u"approved"_s);
        QCOMPARE(steps.at(1).toObject().value("state"_L1).toString(), u"skipped"_s);
        QCOMPARE(steps.at(2).toObject().value("state"_L1).toString(), u"approved"_s);
        QVERIFY(findRequest(list(*m_bot, {u"--state"_s, u"pending"_s}), m_requestId).isEmpty());
    }

    void aSecondApproveIsAStateConflictNamingWhoDecidedAndWhen()
    {
        QVERIFY(!m_requestId.isEmpty());
        const CliRun again = m_hui->run({u"approvals"_s, u"approve"_s, u"Work"_s, m_requestId});
        VERIFY_EXIT(again, kRefused);
        QVERIFY2(again.errText().startsWith(u"state_conflict: already approved by 王慧 Wang Hui at "_s),
            qPrintable(again.describe()));

        const CliRun json = m_alice->run({u"approvals"_s, u"approve"_s, u"Work"_s, m_requestId, u"--json"_s});
        VERIFY_EXIT(json, kRefused);
        const QJsonObject refusal = json.json().object();
        QCOMPARE(refusal.value("result"_L1).toString(), u"refused"_s);
        QCOMPARE(refusal.value("code"_L1).toString(), u"state_conflict"_s);
        QVERIFY2(
            refusal.value("message"_L1).toString().startsWith(u"already approved by 王慧 Wang Hui at "_s),
            qPrintable(json.describe()));
        // Nothing changed on the server.
        QCOMPARE(findRequest(list(*m_bot, {u"--mine"_s}), m_requestId).value("version"_L1).toInteger(),
            findRequest(list(*m_alice), m_requestId).value("version"_L1).toInteger());
    }

    void aRejectionWithoutAReasonIsAUsageError()
    {
        VERIFY_EXIT(m_alice->run({u"approvals"_s, u"reject"_s, u"Work"_s, u"any-id"_s}), 2);
        VERIFY_EXIT(m_alice->run({u"approvals"_s, u"return"_s, u"Work"_s, u"any-id"_s}), 2);
    }

    // Returned for changes, the bot changes one answer and sends the same request again.
    void aReturnedRequestIsResubmittedWithOneAnswerChanged()
    {
        const CliRun submitted
            = m_bot->run({u"approvals"_s, u"submit"_s, u"Work"_s, u"--template"_s, u"tpl_reimbursement"_s,
                u"--field"_s, u"amount=86.00 CNY"_s, u"--field"_s, u"expense_type=Meals"_s, u"--field"_s,
                u"spent_on=2026-11-21"_s, u"--field"_s, u"description=Client dinner"_s, u"--json"_s});
        VERIFY_SUCCEEDED(submitted);
        const QString id = submitted.json().object().value("request_id"_L1).toString();
        // Only a returned request is resubmitted; nothing is sent for a pending one.
        VERIFY_ONE_LINE_FAILURE(m_bot->run({u"approvals"_s, u"submit"_s, u"Work"_s, u"--resubmit"_s, id}),
            u"The request is pending: only a request returned for changes is resubmitted."_s);

        const CliRun returned = m_alice->run({u"approvals"_s, u"return"_s, u"Work"_s, id, u"--reason"_s,
            u"Which client? Put it in the description."_s, u"--json"_s});
        VERIFY_SUCCEEDED(returned);
        QCOMPARE(returned.json().object().value("state"_L1).toString(), u"returned"_s);
        // Someone else's request is not theirs to resubmit.
        VERIFY_ONE_LINE_FAILURE(m_alice->run({u"approvals"_s, u"submit"_s, u"Work"_s, u"--resubmit"_s, id}),
            u"Only its requester resubmits a request."_s);

        const CliRun again = m_bot->run({u"approvals"_s, u"submit"_s, u"Work"_s, u"--resubmit"_s, id,
            u"--field"_s, u"description=Client dinner with Shenzhen Logistics"_s, u"--json"_s});
        VERIFY_SUCCEEDED(again);
        const QJsonObject result = again.json().object();
        QCOMPARE(result.value("request_id"_L1).toString(), id);
        QCOMPARE(result.value("state"_L1).toString(), u"pending"_s);
        QCOMPARE(result.value("waiting_on"_L1).toArray(), QJsonArray {u"u_alice"_s});
        const QJsonObject form = findRequest(list(*m_bot, {u"--mine"_s}), id).value("form"_L1).toObject();
        QCOMPARE(form.value("description"_L1).toString(), u"Client dinner with Shenzhen Logistics"_s);
        QCOMPARE(form.value("amount"_L1).toObject().value("amount_minor"_L1).toInteger(), 8600); // kept
        QCOMPARE(form.value("spent_on"_L1).toString(), u"2026-11-21"_s);
    }

    void templatesKeepTheirTranslationsForBotsAndSpeakAPersonsLanguage()
    {
        // --json is the template as the organisation wrote it, every translation included.
        const CliRun json = m_alice->run({u"approvals"_s, u"templates"_s, u"Work"_s, u"--json"_s});
        VERIFY_SUCCEEDED(json);
        QJsonObject leave;
        for (const QJsonValue &t : json.json().array())
            if (t.toObject().value("id"_L1).toString() == u"tpl_leave"_s)
                leave = t.toObject();
        QCOMPARE(leave.value("name"_L1).toString(), u"Leave"_s);
        QCOMPARE(leave.value("name_i18n"_L1).toObject().value("zh_CN"_L1).toString(), u"请假"_s);
        QCOMPARE(leave.value("name_i18n"_L1).toObject().value("zh_HK"_L1).toString(), u"請假"_s);
        // The listing for a person is in their language.
        auto chinese = client(u"alice"_s);
        chinese->setEnv(u"LC_ALL"_s, u"zh_CN.UTF-8"_s);
        chinese->setEnv(u"LANG"_s, u"zh_CN.UTF-8"_s);
        const CliRun text = chinese->run({u"approvals"_s, u"templates"_s, u"Work"_s});
        VERIFY_SUCCEEDED(text);
        QVERIFY2(text.outText().contains(u"tpl_leave  请假 (leave)"_s), qPrintable(text.outText()));
        QVERIFY2(text.outText().contains(u"假期类型"_s), qPrintable(text.outText()));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestTandemctlApprovals)
#include "tst_tandemctl_approvals.moc"
