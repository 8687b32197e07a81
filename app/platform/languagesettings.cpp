#include "languagesettings.h"

#include "session/appcontroller.h"
#include "store/profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <QSettings>

namespace tandem::app {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLanguage, "tandem.language")

namespace {

LanguageSettings *g_instance = nullptr;

bool isKnown(const QString &language)
{
    return language.isEmpty() || language == QLatin1StringView(LanguageSettings::kEnglish)
        || language == QLatin1StringView(LanguageSettings::kSimplified)
        || language == QLatin1StringView(LanguageSettings::kTraditional);
}

} // namespace

LanguageSettings::LanguageSettings(QObject *parent)
    : QObject(parent)
{ }

LanguageSettings::~LanguageSettings()
{
    // At exit the application object is already gone (this is its child) and takes its translators along.
    if (m_translator && QCoreApplication::instance())
        QCoreApplication::removeTranslator(m_translator.get());
    if (g_instance == this)
        g_instance = nullptr;
}

LanguageSettings *LanguageSettings::instance()
{
    if (!g_instance)
        g_instance = new LanguageSettings(QCoreApplication::instance());
    return g_instance;
}

LanguageSettings *LanguageSettings::create(QQmlEngine *, QJSEngine *)
{
    LanguageSettings *settings = instance();
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

void LanguageSettings::setUp(const QString &settingsPath, QQmlEngine *engine)
{
    m_settingsPath = settingsPath;
    m_engine = engine;
    QString saved;
    if (!m_settingsPath.isEmpty())
        saved = QSettings(m_settingsPath, QSettings::IniFormat).value(u"ui/language"_s).toString();
    m_language = isKnown(saved) ? saved : QString();
    apply();
}

void LanguageSettings::setUpForApp(QQmlEngine *engine)
{
    QString dir;
    if (const AppController *app = AppController::instance()) {
        // As AppController::begin() picks it: the demo keeps its own profile unless --profile names one.
        dir = app->options().profileDirectory;
        if (dir.isEmpty())
            dir = app->options().demo ? AppController::defaultDemoDirectory()
                                      : store::Profile::defaultDirectory();
    }
    setUp(dir.isEmpty() ? QString() : QDir(dir).filePath(u"settings.ini"_s), engine);
}

QString LanguageSettings::languageForLocale(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese)
        return QString::fromLatin1(kEnglish);
    // Script first (zh_Hant_SG is rare but Traditional); then the territory for plain "zh_XX".
    if (locale.script() == QLocale::TraditionalHanScript)
        return QString::fromLatin1(kTraditional);
    if (locale.script() == QLocale::SimplifiedHanScript)
        return QString::fromLatin1(kSimplified);
    switch (locale.territory()) {
    case QLocale::HongKong:
    case QLocale::Taiwan:
    case QLocale::Macau:
        return QString::fromLatin1(kTraditional);
    default:
        return QString::fromLatin1(kSimplified);
    }
}

QLocale LanguageSettings::localeForLanguage(const QString &language, const QLocale &system)
{
    if (language == QLatin1StringView(kSimplified))
        return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    if (language == QLatin1StringView(kTraditional))
        return QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::HongKong);
    if (language == QLatin1StringView(kEnglish))
        return system.language() == QLocale::English ? system
                                                     : QLocale(QLocale::English, QLocale::UnitedKingdom);
    return system;
}

void LanguageSettings::setLanguage(const QString &language)
{
    if (!isKnown(language) || language == m_language)
        return;
    m_language = language;
    if (!m_settingsPath.isEmpty()) {
        QSettings settings(m_settingsPath, QSettings::IniFormat);
        if (language.isEmpty())
            settings.remove(u"ui/language"_s);
        else
            settings.setValue(u"ui/language"_s, language);
    }
    apply();
}

QString LanguageSettings::effectiveLanguage() const
{
    return m_language.isEmpty() ? languageForLocale(m_system) : m_language;
}

QVariantList LanguageSettings::choices() const
{
    // Each language names itself, so that someone who cannot read the current one finds theirs.
    return {QVariantMap {{u"code"_s, QString()}, {u"name"_s, tr("System")}},
        QVariantMap {{u"code"_s, QString::fromLatin1(kEnglish)}, {u"name"_s, u"English"_s}},
        QVariantMap {{u"code"_s, QString::fromLatin1(kSimplified)}, {u"name"_s, u"简体中文"_s}},
        QVariantMap {{u"code"_s, QString::fromLatin1(kTraditional)}, {u"name"_s, u"繁體中文（香港）"_s}}};
}

void LanguageSettings::setSystemLocale(const QLocale &locale)
{
    m_system = locale;
    apply();
}

void LanguageSettings::apply()
{
    const QString effective = effectiveLanguage();
    // The locale a language choice implies; "System" keeps the system's own (zh_TW formats as zh_TW).
    QLocale::setDefault(m_language.isEmpty() ? m_system : localeForLanguage(m_language, m_system));

    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    {
        // English too: its file holds only the plural forms of the English source.
        auto translator = std::make_unique<QTranslator>();
        const QString file = u":/i18n/tandem_%1.qm"_s.arg(effective);
        if (translator->load(file)) {
            QCoreApplication::installTranslator(translator.get());
            m_translator = std::move(translator);
        } else {
            qCWarning(lcLanguage) << "cannot load" << file << "; the UI falls back to the English source";
        }
    }
    if (m_engine)
        m_engine->retranslate();
    Q_EMIT languageChanged();
}

} // namespace tandem::app
