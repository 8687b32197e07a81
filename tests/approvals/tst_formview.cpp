// The app's view of a form (core/approvals/formview.h) over formschema.h, the server's parser: every
// generated request (approvalgen.h) passes the server's validation, every problem of a form is found at
// once with its kind, the leave_days preview, answers as text, and money typed by people.
#include "approvalgen.h"

#include "approvals/formview.h"
#include "approvals/requestqueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tandem;
using namespace tandem::approvals;
using namespace Qt::StringLiterals;

namespace {

Template templateOf(const QString &templateId)
{
    for (const test::GenTemplate &t : test::generateApprovals({.requests = 0}).templates)
        if (t.id == templateId) {
            auto parsed = templateFromStore(
                {t.id, t.name, t.category, t.slaHours, t.formSchema.toUtf8(), QByteArrayLiteral("{}")});
            if (auto *tpl = std::get_if<Template>(&parsed))
                return *tpl;
            qWarning() << std::get<FormProblem>(parsed).field << std::get<FormProblem>(parsed).reason;
        }
    return {};
}

QJsonObject money(qint64 minor, const QString &currency)
{
    return {{u"amount_minor"_s, double(minor)}, {u"currency"_s, currency}};
}

const FormField &fieldOf(const Template &t, const QString &id)
{
    for (const FormField &f : t.form)
        if (f.id == id)
            return f;
    static const FormField none;
    return none;
}

} // namespace

class TestFormView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyGeneratedRequestPassesTheServersValidation()
    {
        const test::GenData data = test::generateApprovals({.requests = 300});
        QHash<QString, Template> templates;
        for (const test::GenTemplate &t : data.templates)
            templates.insert(t.id, templateOf(t.id));
        for (const test::GenRequest &r : data.requests) {
            QJsonObject form = QJsonDocument::fromJson(r.formData.toUtf8()).object();
            form.remove(u"days"_s); // computed: the server's, never sent
            const auto checked = validateForm(templates.value(r.templateId), form, {});
            const auto *problem = std::get_if<FormProblem>(&checked);
            QVERIFY2(!problem, qPrintable(problem ? r.templateId + u' ' + problem->field : QString()));
        }
    }

    void findsEveryProblemOfAFormWithItsKind()
    {
        const Template t = templateOf(u"tpl-reimburse"_s);
        QCOMPARE(t.form.size(), 5);
        const QList<FormProblem> problems = formProblems(t,
            {{u"amount"_s, money(500, u"EUR"_s)}, {u"category"_s, u"rent"_s},
                {u"reason"_s, QString(2001, u'x')}});
        QCOMPARE(problems.size(), 4);
        QCOMPARE(problemFieldId(problems.at(0)), u"amount"_s);
        QCOMPARE(problems.at(0).kind, ProblemKind::Currency);
        QCOMPARE(problemFieldId(problems.at(1)), u"spent_on"_s);
        QCOMPARE(problems.at(1).kind, ProblemKind::Required);
        QCOMPARE(problems.at(2).kind, ProblemKind::NotAnOption);
        QCOMPARE(problems.at(3).kind, ProblemKind::TooLong);
    }

    void numbersOutOfBoundsAndFractionsAreTheirOwnKinds()
    {
        const Template t = templateOf(u"tpl-purchase"_s);
        QCOMPARE(formProblems(t, {{u"quantity"_s, 0}}).at(1).kind, ProblemKind::BelowMinimum);
        QCOMPARE(formProblems(t, {{u"quantity"_s, 20000}}).at(1).kind, ProblemKind::AboveMaximum);
        QCOMPARE(formProblems(t, {{u"quantity"_s, 1.5}}).at(1).kind, ProblemKind::NotWhole);
        const QList<FormProblem> ok = formProblems(t,
            {{u"item"_s, u"Desk"_s}, {u"quantity"_s, 2}, {u"amount"_s, money(120000, u"HKD"_s)},
                {u"tags"_s, QJsonArray {u"it"_s}}});
        QVERIFY(ok.isEmpty());
    }

    void aRangeEndingBeforeItStartsIsNamed()
    {
        const Template t = templateOf(u"tpl-leave"_s);
        const auto problems = formProblems(t,
            {{u"kind"_s, u"annual"_s},
                {u"dates"_s, QJsonObject {{u"start"_s, u"2026-06-05"_s}, {u"end"_s, u"2026-06-01"_s}}}});
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.at(0).kind, ProblemKind::EndBeforeStart);
        QCOMPARE(problemFieldId(problems.at(0)), u"dates"_s);
    }

    void previewsLeaveDaysWithoutWeekendsAndHolidays()
    {
        const Template t = templateOf(u"tpl-leave"_s);
        const QJsonObject answers {
            {u"dates"_s, QJsonObject {{u"start"_s, u"2026-04-30"_s}, {u"end"_s, u"2026-05-05"_s}}}};
        QCOMPARE(computedValue(fieldOf(t, u"days"_s), answers, {}).toInt(), 4);
        QCOMPARE(computedValue(fieldOf(t, u"days"_s), answers, {QDate(2026, 5, 1)}).toInt(), 3);
        QVERIFY(computedValue(fieldOf(t, u"days"_s), {}, {}).isNull());
    }

    void showsAnswersAsPeopleReadThem()
    {
        const Template t = templateOf(u"tpl-reimburse"_s);
        const QLocale zh(QLocale::Chinese, QLocale::China);
        QCOMPARE(answerText(fieldOf(t, u"amount"_s), money(123450, u"CNY"_s), zh), u"¥1,234.50"_s);
        QCOMPARE(answerText(fieldOf(t, u"category"_s), u"meals"_s, zh), u"Meals"_s);
        QVERIFY(!answerText(fieldOf(t, u"spent_on"_s), u"2026-06-01"_s, zh).isEmpty());
        QVERIFY(answerText(fieldOf(t, u"amount"_s), u"nonsense"_s, zh).isEmpty());
    }

    void readsMoneyAsPeopleTypeIt()
    {
        const QLocale zh(QLocale::Chinese, QLocale::China);
        QCOMPARE(parseMoneyText(u"1,234.5"_s, zh), std::optional<qint64>(123450));
        QCOMPARE(parseMoneyText(u" 88 "_s, zh), std::optional<qint64>(8800));
        QCOMPARE(parseMoneyText(u"0.05"_s, zh), std::optional<qint64>(5));
        QCOMPARE(parseMoneyText(u"1.234"_s, zh), std::nullopt);
        QCOMPARE(parseMoneyText(u"-5"_s, zh), std::nullopt);
        QCOMPARE(parseMoneyText(u"12元"_s, zh), std::nullopt);
        QCOMPARE(parseMoneyText(u"123456789012"_s, zh), std::nullopt);
        const QLocale de(QLocale::German, QLocale::Germany);
        QCOMPARE(parseMoneyText(u"1.234,50"_s, de), std::optional<qint64>(123450));
    }
};

QTEST_GUILESS_MAIN(TestFormView)
#include "tst_formview.moc"
