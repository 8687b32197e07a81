// The request form's schema (core/approvals/formview.h): parsing with bounds and language fallback,
// validation messages, computed fields and money typed by people, over the schemas of the generator's
// templates (approvalgen.h).
#include "approvalgen.h"

#include "approvals/formview.h"

#include <QJsonArray>
#include <QTest>

using namespace tandem;
using namespace tandem::approvals;
using namespace Qt::StringLiterals;

namespace {

QByteArray schemaOf(const QString &templateId)
{
    for (const test::GenTemplate &t : test::generateApprovals({.requests = 0}).templates)
        if (t.id == templateId)
            return t.formSchema.toUtf8();
    return {};
}

QStringList fieldsWithErrors(const QList<FieldError> &errors)
{
    QStringList out;
    for (const FieldError &e : errors)
        out << e.fieldId;
    return out;
}

QJsonObject money(qint64 minor, const QString &currency)
{
    return {{u"minor"_s, double(minor)}, {u"currency"_s, currency}};
}

} // namespace

class TestFormSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryFieldOfAReimbursementWithLabelsInTheLanguageAsked()
    {
        auto schema = FormSchema::parse(schemaOf(u"tpl-reimburse"_s), u"zh_CN"_s);
        QVERIFY(schema.ok());
        QCOMPARE(schema->fields().size(), 5);
        const FieldView &amount = schema->fields().at(0);
        QCOMPARE(amount.type, FieldType::Money);
        QCOMPARE(amount.label, u"金额"_s);
        QCOMPARE(amount.currencies, QStringList({u"CNY"_s, u"HKD"_s, u"USD"_s}));
        QVERIFY(amount.required);
        QCOMPARE(schema->fields().at(2).options.at(1).label, u"餐饮"_s);
        auto english = FormSchema::parse(schemaOf(u"tpl-reimburse"_s), u"fr"_s);
        QVERIFY(english.ok());
        QCOMPARE(english->fields().at(0).label, u"Amount"_s);
    }

    void refusesOversizedOrMalformedSchemasWithAReadableError()
    {
        QVERIFY(!FormSchema::parse("not json", u"en"_s).ok());
        QVERIFY(!FormSchema::parse(QByteArray(FormSchema::kMaxSchemaBytes + 1, ' '), u"en"_s).ok());
        QVERIFY(
            !FormSchema::parse(R"({"fields":[{"id":"a","type":"text"},{"id":"a","type":"text"}]})", u"en"_s)
                 .ok());
        const auto unknown
            = FormSchema::parse(R"({"fields":[{"id":"sig","type":"signature","required":true}]})", u"en"_s);
        QVERIFY(unknown.ok()); // a newer server's field is shown, not refused
        QCOMPARE(unknown->fields().front().type, FieldType::Unknown);
        QVERIFY(unknown->validate({}).isEmpty());
    }

    void namesEachMissingRequiredFieldOnce()
    {
        auto schema = FormSchema::parse(schemaOf(u"tpl-reimburse"_s), u"en"_s);
        QVERIFY(schema.ok());
        const auto errors = schema->validate({{u"reason"_s, u"   "_s}});
        QCOMPARE(fieldsWithErrors(errors),
            QStringList({u"amount"_s, u"spent_on"_s, u"category"_s, u"reason"_s, u"receipts"_s}));
        QCOMPARE(errors.front().message, u"Amount is required."_s);
    }

    void acceptsACompleteReimbursement()
    {
        auto schema = FormSchema::parse(schemaOf(u"tpl-reimburse"_s), u"en"_s);
        QVERIFY(schema.ok());
        const QJsonObject answers {{u"amount"_s, money(123450, u"HKD"_s)}, {u"spent_on"_s, u"2026-06-01"_s},
            {u"category"_s, u"travel"_s}, {u"reason"_s, u"Client visit in Shenzhen"_s},
            {u"receipts"_s, QJsonArray {QJsonObject {{u"name"_s, u"taxi.pdf"_s}, {u"size"_s, 1200}}}}};
        QVERIFY(schema->validate(answers).isEmpty());
        const auto amount = schema->primaryAmount(answers);
        QVERIFY(amount.has_value());
        QCOMPARE(amount->first, 123450);
        QCOMPARE(amount->second, u"HKD"_s);
    }

    void refusesWrongValuesWithTheRuleBroken()
    {
        auto schema = FormSchema::parse(schemaOf(u"tpl-purchase"_s), u"en"_s);
        QVERIFY(schema.ok());
        const auto errors = schema->validate({{u"item"_s, QString(300, u'x')}, {u"quantity"_s, 2.5},
            {u"unit_price"_s, money(100, u"EUR"_s)}, {u"tags"_s, QJsonArray {u"it"_s, u"gold"_s}}});
        QCOMPARE(
            fieldsWithErrors(errors), QStringList({u"item"_s, u"quantity"_s, u"unit_price"_s, u"tags"_s}));
        QCOMPARE(errors.at(0).message, u"Item is too long: at most 200 characters."_s);
        QCOMPARE(errors.at(1).message, u"Quantity must be a whole number."_s);
        QCOMPARE(errors.at(2).message, u"Unit price: choose a currency (CNY, HKD, USD)."_s);
        const auto zero = schema->validate(
            {{u"item"_s, u"Desk"_s}, {u"quantity"_s, 0}, {u"unit_price"_s, money(1, u"CNY"_s)}});
        QCOMPARE(zero.front().message, u"Quantity must be at least 1."_s);
    }

    void dateRangesMustNotEndBeforeTheyStart()
    {
        auto schema = FormSchema::parse(schemaOf(u"tpl-leave"_s), u"en"_s);
        QVERIFY(schema.ok());
        const QJsonObject backwards {{u"kind"_s, u"annual"_s},
            {u"dates"_s, QJsonObject {{u"start"_s, u"2026-06-10"_s}, {u"end"_s, u"2026-06-08"_s}}}};
        QCOMPARE(schema->validate(backwards).front().message, u"Dates ends before it starts."_s);
    }

    void computesLeaveDaysAndPurchaseTotals()
    {
        auto leave = FormSchema::parse(schemaOf(u"tpl-leave"_s), u"en"_s);
        QVERIFY(leave.ok());
        const QJsonObject days {
            {u"dates"_s, QJsonObject {{u"start"_s, u"2026-06-08"_s}, {u"end"_s, u"2026-06-12"_s}}}};
        QCOMPARE(leave->compute(*leave->field(u"days"_s), days).toDouble(), 5.0);
        QVERIFY(leave->compute(*leave->field(u"days"_s), {}).isNull());
        auto purchase = FormSchema::parse(schemaOf(u"tpl-purchase"_s), u"en"_s);
        QVERIFY(purchase.ok());
        const QJsonValue total = purchase->compute(
            *purchase->field(u"total"_s), {{u"quantity"_s, 3}, {u"unit_price"_s, money(129990, u"CNY"_s)}});
        QCOMPARE(total.toObject().value(u"minor"_s).toDouble(), 389970.0);
        QCOMPARE(purchase->displayText(
                     *purchase->field(u"total"_s), total, QLocale(QLocale::Chinese, QLocale::China)),
            u"¥3,899.70"_s);
    }

    void parsesMoneyAsPeopleTypeIt()
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

QTEST_GUILESS_MAIN(TestFormSchema)
#include "tst_formview.moc"
