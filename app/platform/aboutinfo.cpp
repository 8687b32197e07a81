#include "aboutinfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAbout, "tandem.about")

namespace tandem::app {

namespace {

constexpr qint64 kMaxLicensesFileBytes = 64 * 1024;

} // namespace

AboutInfo::AboutInfo(QObject *parent)
    : QObject(parent)
{ }

QString AboutInfo::name() const
{
    return QStringLiteral("Tandem");
}

QString AboutInfo::version() const
{
    return QStringLiteral(TANDEM_VERSION);
}

QString AboutInfo::qtVersion() const
{
    return QString::fromLatin1(qVersion());
}

QString AboutInfo::qtBuildVersion() const
{
    return QStringLiteral(QT_VERSION_STR);
}

QVariantList AboutInfo::libraries() const
{
    QFile file(QStringLiteral(":/about/licenses.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcAbout) << "the licence list is missing from the resources";
        return {};
    }
    return librariesFrom(file.read(kMaxLicensesFileBytes), currentConditions());
}

QVariantList AboutInfo::librariesFrom(const QByteArray &json, const QStringList &conditions)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcAbout) << "the licence list cannot be read:" << error.errorString();
        return {};
    }
    QVariantList libraries;
    const QJsonArray entries = document.object().value(QLatin1String("libraries")).toArray();
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString when = entry.value(QLatin1String("when")).toString();
        if (!when.isEmpty() && !conditions.contains(when))
            continue;
        QVariantMap library;
        for (const char *key : {"name", "usedFor", "license", "spdx", "copyright", "url"})
            library.insert(QLatin1String(key), entry.value(QLatin1String(key)).toString());
        libraries.append(library);
    }
    return libraries;
}

QStringList AboutInfo::currentConditions()
{
    QStringList conditions;
#ifdef TANDEM_HAVE_KEYCHAIN
    conditions << QStringLiteral("keychain");
#endif
#ifdef TANDEM_HAVE_KSYNTAXHIGHLIGHTING
    conditions << QStringLiteral("ksyntaxhighlighting");
#endif
    // Chinese text is drawn with Noto CJK when the system has it (Debian's fonts-noto-cjk).
    const QStringList families = QFontDatabase::families();
    if (families.contains(QLatin1String("Noto Sans CJK SC"))
        || families.contains(QLatin1String("Noto Sans SC")))
        conditions << QStringLiteral("noto");
    return conditions;
}

} // namespace tandem::app
