// Translated template texts (core/util/localizedtext.h, docs/approvals.md §1): which translation each
// locale reads, the shape the server accepts, and tandem_localized() inside a real store, following the
// app's language as it changes.
#include "approvals/formschema.h"
#include "store/localizedfunction.h"
#include "store/spacekey.h"
#include "store/spacestore.h"
#include "util/localizedtext.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace Qt::StringLiterals;

namespace {

const QJsonObject kBoth {{u"zh_CN"_s, u"报销"_s}, {u"zh_HK"_s, u"報銷"_s}};

} // namespace

class TestLocalizedText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachLocaleReadsTheTranslationThatFitsIt_data()
    {
        QTest::addColumn<QJsonObject>("translations");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("shown");
        QTest::newRow("exact, simplified") << kBoth << u"zh_CN"_s << u"报销"_s;
        QTest::newRow("exact, traditional") << kBoth << u"zh_HK"_s << u"報銷"_s;
        QTest::newRow("Taiwan reads Hong Kong's script") << kBoth << u"zh_TW"_s << u"報銷"_s;
        QTest::newRow("Singapore reads the mainland's") << kBoth << u"zh_SG"_s << u"报销"_s;
        QTest::newRow("English: the default") << kBoth << u"en_US"_s << u"Reimbursement"_s;
        QTest::newRow("language only") << QJsonObject {{u"zh"_s, u"报销单"_s}} << u"zh_HK"_s << u"报销单"_s;
        QTest::newRow("exact before language")
            << QJsonObject {{u"zh"_s, u"报销单"_s}, {u"zh_HK"_s, u"報銷"_s}} << u"zh_HK"_s << u"報銷"_s;
        QTest::newRow("a blank translation is not one")
            << QJsonObject {{u"zh_CN"_s, u"  "_s}} << u"zh_CN"_s << u"Reimbursement"_s;
        QTest::newRow("none") << QJsonObject {} << u"zh_CN"_s << u"Reimbursement"_s;
    }

    void eachLocaleReadsTheTranslationThatFitsIt()
    {
        QFETCH(QJsonObject, translations);
        QFETCH(QString, locale);
        QFETCH(QString, shown);
        QCOMPARE(pickTranslation(u"Reimbursement"_s, translations, QLocale(locale)), shown);
        const QJsonObject field {{u"label"_s, u"Reimbursement"_s}, {u"label_i18n"_s, translations}};
        QCOMPARE(localizedText(field, "label"_L1, QLocale(locale)), shown);
    }

    void theServerRefusesTranslationsOfTheWrongShape()
    {
        QVERIFY(translationsProblem(kBoth, 128).isEmpty());
        QVERIFY(!translationsProblem(QJsonValue(u"报销"_s), 128).isEmpty());
        QVERIFY(!translationsProblem(QJsonObject {{u"Chinese"_s, u"报销"_s}}, 128).isEmpty());
        QVERIFY(!translationsProblem(QJsonObject {{u"zh_CN"_s, 3}}, 128).isEmpty());
        QVERIFY(!translationsProblem(QJsonObject {{u"zh_CN"_s, u"a\nb"_s}}, 128).isEmpty());
        QVERIFY(!translationsProblem(QJsonObject {{u"zh_CN"_s, QString(129, u'报')}}, 128).isEmpty());
        QJsonObject many;
        for (char c = 'a'; c < 'a' + 17; ++c)
            many.insert(QString::fromLatin1(QByteArray(2, c)), u"x"_s);
        QVERIFY(!translationsProblem(many, 128).isEmpty());

        // Through the template parser: where the problem is.
        const auto parse = [](const char *json) {
            const auto parsed = approvals::parseTemplate(QJsonDocument::fromJson(json).object());
            const auto *p = std::get_if<approvals::FormProblem>(&parsed);
            return p ? p->field : QString();
        };
        QCOMPARE(parse(R"({"id": "t", "name": "Leave", "name_i18n": {"zh_CN": "请假"}, "category": "leave",
            "form": [{"id": "a", "type": "single_choice", "label": "Type", "label_i18n": {"zh_CN": "类型"},
            "options": [{"id": "x", "label": "X", "label_i18n": {"zh_CN": "甲"}}]}],
            "flow": {"steps": [{"name": "Manager", "name_i18n": {"zh_CN": "上级"}, "approvers": [{"manager": 1}]}]}})"),
            QString());
        QCOMPARE(parse(R"({"id": "t", "name": "Leave", "name_i18n": ["请假"], "category": "leave",
            "form": [{"id": "a", "type": "text", "label": "A"}], "flow": {"steps": []}})"),
            u"/name_i18n"_s);
        QCOMPARE(parse(R"({"id": "t", "name": "Leave", "category": "leave",
            "form": [{"id": "a", "type": "text", "label": "A", "label_i18n": {"zh_CN": 1}}], "flow": {"steps": []}})"),
            u"/form/0/label_i18n"_s);
        QCOMPARE(parse(R"({"id": "t", "name": "Leave", "category": "leave",
            "form": [{"id": "a", "type": "single_choice", "label": "A",
                      "options": [{"id": "x", "label": "X", "label_i18n": {"chinese": "甲"}}]}], "flow": {"steps": []}})"),
            u"/form/0/options/0/label_i18n"_s);
        QCOMPARE(parse(R"({"id": "t", "name": "Leave", "category": "leave",
            "form": [{"id": "a", "type": "text", "label": "A"}],
            "flow": {"steps": [{"name": "Manager", "name_i18n": {"zh_CN": ""}, "approvers": [{"manager": 1}]}]}})"),
            QString()); // an empty translation is allowed, and not shown
    }

    void theStoreFunctionFollowsTheAppLanguage()
    {
        QTemporaryDir dir;
        auto opened
            = store::SpaceStore::open(dir.filePath(u"l.db"_s), store::DataKey::generate(), {.create = true});
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        store::Database &db = (*opened)->db();
        QVERIFY(
            db.exec("INSERT INTO approval_templates(id, name, category, form_schema, flow, updated_at, "
                    "name_i18n) VALUES ('tpl_r', 'Reimbursement', 'reimbursement', '[]', '{}', 1, "
                    "'{\"zh_CN\": \"报销\", \"zh_HK\": \"報銷\"}'), ('tpl_g', 'General', 'general', '[]', "
                    "'{}', 1, '{}')"));
        const auto names = [&db] {
            QStringList out;
            auto st
                = db.prepare("SELECT tandem_localized(name, name_i18n) FROM approval_templates ORDER BY id");
            for (auto row = st->step(); row && *row; row = st->step())
                out << st->text(0);
            return out;
        };
        const QLocale before;
        QLocale::setDefault(QLocale(u"zh_CN"_s));
        QCOMPARE(names(), (QStringList {u"General"_s, u"报销"_s}));
        QLocale::setDefault(QLocale(u"zh_HK"_s));
        QCOMPARE(names(), (QStringList {u"General"_s, u"報銷"_s}));
        QLocale::setDefault(QLocale(u"en_GB"_s));
        QCOMPARE(names(), (QStringList {u"General"_s, u"Reimbursement"_s}));
        QLocale::setDefault(before);
        // NULL in, NULL out; broken JSON gives the untranslated text.
        QCOMPARE(*db.queryInt("SELECT tandem_localized(NULL, '{}') IS NULL"), qint64(1));
        auto broken = db.prepare("SELECT tandem_localized('Leave', '{not json')");
        QVERIFY(broken && broken->step().value());
        QCOMPARE(broken->text(0), u"Leave"_s);
    }
};

QTEST_GUILESS_MAIN(TestLocalizedText)
#include "tst_localizedtext.moc"
