// The language of the UI: follows the system by default (zh_CN/zh_SG: Simplified Chinese; zh_HK,
// zh_TW, zh_MO: Traditional Chinese with Hong Kong usage; anything else: English) or the user's choice,
// kept in <profile>/settings.ini. A change swaps the translator, the default locale (dates, times,
// numbers, money) and retranslates the QML engine at once: no restart.
#pragma once

#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace tandem::app {

class LanguageSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // "" follows the system; else "en", "zh_CN" or "zh_HK".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // What is shown now: "en", "zh_CN" or "zh_HK".
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    // [{code, name}] for a picker: System, English, 简体中文, 繁體中文（香港）.
    Q_PROPERTY(QVariantList choices READ choices NOTIFY languageChanged)

public:
    static constexpr const char *kEnglish = "en";
    static constexpr const char *kSimplified = "zh_CN";
    static constexpr const char *kTraditional = "zh_HK";

    explicit LanguageSettings(QObject *parent = nullptr);
    ~LanguageSettings() override;

    // The app's one instance (made on first use, owned by the application object).
    static LanguageSettings *instance();
    static LanguageSettings *create(QQmlEngine *, QJSEngine *);

    // Reads the saved choice from `settingsPath` (an ini file; empty: nothing saved) and applies it,
    // retranslating `engine` on later changes. Call before the QML is loaded.
    void setUp(const QString &settingsPath, QQmlEngine *engine);
    // setUp() with the settings of the profile AppController::instance() opens (the demo's own when
    // --demo): <profile>/settings.ini.
    void setUpForApp(QQmlEngine *engine);

    // The translation a system locale gets: zh_CN/zh_SG Simplified, zh_HK/zh_TW/zh_MO Traditional.
    [[nodiscard]] static QString languageForLocale(const QLocale &locale);
    // The locale formatting follows for a language ("" = the system's own locale).
    [[nodiscard]] static QLocale localeForLanguage(const QString &language, const QLocale &system);

    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] QString effectiveLanguage() const;
    [[nodiscard]] QVariantList choices() const;

    // The system locale to follow; tests set one (the default is QLocale::system()).
    void setSystemLocale(const QLocale &locale);

Q_SIGNALS:
    void languageChanged();

private:
    void apply();

    QString m_language;
    QString m_settingsPath;
    QLocale m_system = QLocale::system();
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
};

} // namespace tandem::app
