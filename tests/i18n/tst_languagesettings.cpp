// LanguageSettings: the system locale picks the translation, a choice is kept in the profile, and a
// change retranslates C++ (core's errors too), QML bindings and the formatting locale without a restart.
#include "models/messageformat.h"
#include "platform/languagesettings.h"

#include <QDateTime>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using tandem::app::LanguageSettings;
using tandem::app::models::MessageFormat;

class TestLanguageSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void systemLocalePicksTheTranslation_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << u"zh_CN"_s << u"zh_CN"_s;
        QTest::newRow("zh_SG") << u"zh_SG"_s << u"zh_CN"_s;
        QTest::newRow("zh_HK") << u"zh_HK"_s << u"zh_HK"_s;
        QTest::newRow("zh_TW") << u"zh_TW"_s << u"zh_HK"_s;
        QTest::newRow("zh_MO") << u"zh_MO"_s << u"zh_HK"_s;
        QTest::newRow("en_US") << u"en_US"_s << u"en"_s;
        QTest::newRow("fr_FR") << u"fr_FR"_s << u"en"_s;
    }
    void systemLocalePicksTheTranslation()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        QCOMPARE(LanguageSettings::languageForLocale(QLocale(locale)), language);
    }

    void followsTheSystemUntilAChoiceIsMade()
    {
        LanguageSettings settings;
        settings.setSystemLocale(QLocale(u"zh_TW"_s));
        settings.setUp(QString(), nullptr);
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.effectiveLanguage(), u"zh_HK"_s);
        QCOMPARE(tr_core("Wrong user name or password."), u"用戶名稱或密碼錯誤。"_s);
        // "System" keeps the system's own locale for formatting.
        QCOMPARE(QLocale().name(), u"zh_TW"_s);
    }

    void switchingRetranslatesCoreAndFormatting()
    {
        LanguageSettings settings;
        settings.setSystemLocale(QLocale(u"en_US"_s));
        settings.setUp(QString(), nullptr);
        QCOMPARE(tr_core("Wrong user name or password."), u"Wrong user name or password."_s);

        settings.setLanguage(u"zh_CN"_s);
        QCOMPARE(tr_core("Wrong user name or password."), u"用户名或密码错误。"_s);
        QCOMPARE(QLocale().name(), u"zh_CN"_s);
        // 24-hour time in mainland Chinese.
        const qint64 evening = QDateTime(QDate(2026, 11, 24), QTime(18, 5)).toMSecsSinceEpoch();
        QCOMPARE(MessageFormat::timeText(evening), u"18:05"_s);

        settings.setLanguage(u"zh_HK"_s);
        QCOMPARE(tr_core("Wrong user name or password."), u"用戶名稱或密碼錯誤。"_s);
        QCOMPARE(QLocale().name(), u"zh_HK"_s);

        settings.setLanguage(u"en"_s);
        QCOMPARE(tr_core("Wrong user name or password."), u"Wrong user name or password."_s);
    }

    void relativeTimesArePluralsInEveryLanguage()
    {
        LanguageSettings settings;
        settings.setSystemLocale(QLocale(u"en_US"_s));
        settings.setUp(QString(), nullptr);
        const qint64 now = QDateTime(QDate(2026, 11, 24), QTime(12, 0)).toMSecsSinceEpoch();
        const qint64 minute = 60 * 1000;
        QCOMPARE(MessageFormat::relativeTimeText(now - 20 * 1000, now), u"just now"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - minute, now), u"1 minute ago"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - 3 * minute, now), u"3 minutes ago"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - 60 * minute, now), u"1 hour ago"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - 2 * 24 * 60 * minute, now), u"2 days ago"_s);
        settings.setLanguage(u"zh_CN"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - 3 * minute, now), u"3分钟前"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - 5 * 60 * minute, now), u"5小时前"_s);
        settings.setLanguage(u"zh_HK"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - 3 * minute, now), u"3分鐘前"_s);
        QCOMPARE(MessageFormat::relativeTimeText(now - 20 * 1000, now), u"剛剛"_s);
        // Older than a week: the date, in the language's own pattern.
        const qint64 longAgo = QDateTime(QDate(2026, 11, 2), QTime(9, 0)).toMSecsSinceEpoch();
        QCOMPARE(MessageFormat::relativeTimeText(longAgo, now), u"11月2日 星期一"_s);
    }

    void choiceIsKeptInTheProfile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"settings.ini"_s);
        {
            LanguageSettings settings;
            settings.setSystemLocale(QLocale(u"en_US"_s));
            settings.setUp(path, nullptr);
            settings.setLanguage(u"zh_HK"_s);
        }
        LanguageSettings again;
        again.setSystemLocale(QLocale(u"en_US"_s));
        again.setUp(path, nullptr);
        QCOMPARE(again.language(), u"zh_HK"_s);
        again.setLanguage(QString()); // back to the system
        LanguageSettings third;
        third.setSystemLocale(QLocale(u"en_US"_s));
        third.setUp(path, nullptr);
        QCOMPARE(third.language(), QString());
        QCOMPARE(third.effectiveLanguage(), u"en"_s);
    }

    void unknownChoicesAreIgnored()
    {
        LanguageSettings settings;
        settings.setUp(QString(), nullptr);
        settings.setLanguage(u"zh_CN"_s);
        settings.setLanguage(u"klingon"_s);
        QCOMPARE(settings.language(), u"zh_CN"_s);
    }

    void qmlBindingsFollowWithoutReload()
    {
        QQmlEngine engine;
        LanguageSettings settings;
        settings.setSystemLocale(QLocale(u"en_US"_s));
        settings.setUp(QString(), &engine);
        QQmlComponent component(&engine);
        // qsTr's context is the file's base name: this reads SearchOverlay's "Search".
        component.setData("import QtQuick\nQtObject { property string label: qsTr(\"Search\") }",
            QUrl(u"qrc:/test/SearchOverlay.qml"_s));
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        QCOMPARE(object->property("label").toString(), u"Search"_s);
        settings.setLanguage(u"zh_CN"_s);
        QCOMPARE(object->property("label").toString(), u"搜索"_s);
        settings.setLanguage(u"zh_HK"_s);
        QCOMPARE(object->property("label").toString(), u"搜尋"_s);
    }

private:
    static QString tr_core(const char *text) { return QCoreApplication::translate("tandem::signin", text); }
};

QTEST_MAIN(TestLanguageSettings)
#include "tst_languagesettings.moc"
