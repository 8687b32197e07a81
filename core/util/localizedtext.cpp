#include "localizedtext.h"

#include "protocol/fields.h"

#include <QRegularExpression>

namespace tandem {

using namespace Qt::StringLiterals;

namespace {

QStringList candidates(const QLocale &locale)
{
    const QString name = locale.name(); // ll_RR
    const QString language = name.section(u'_', 0, 0);
    QStringList out {name};
    if (locale.language() == QLocale::Chinese) {
        const bool traditional = locale.script() == QLocale::TraditionalChineseScript
            || locale.territory() == QLocale::HongKong || locale.territory() == QLocale::Taiwan
            || locale.territory() == QLocale::Macao;
        out << (traditional ? QStringList {u"zh_HK"_s, u"zh_TW"_s, u"zh_MO"_s}
                            : QStringList {u"zh_CN"_s, u"zh_SG"_s});
    }
    out << language;
    return out;
}

} // namespace

QString pickTranslation(const QString &fallback, const QJsonObject &translations, const QLocale &locale)
{
    if (translations.isEmpty())
        return fallback;
    for (const QString &key : candidates(locale)) {
        const QString text = translations.value(key).toString();
        if (!text.trimmed().isEmpty())
            return text;
    }
    return fallback;
}

QString localizedText(const QJsonObject &object, QLatin1StringView key, const QLocale &locale)
{
    return pickTranslation(
        object.value(key).toString(), object.value(QString(key) + u"_i18n"_s).toObject(), locale);
}

QString translationsProblem(const QJsonValue &translations, int maxLength)
{
    static const QRegularExpression localeName(u"^[a-z]{2,3}(_[A-Z]{2})?$"_s);
    if (!translations.isObject())
        return u"translations are an object of locale names (zh_CN) to texts"_s;
    const QJsonObject o = translations.toObject();
    if (o.size() > 16)
        return u"at most 16 translations"_s;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!localeName.match(it.key()).hasMatch())
            return u"\"%1\" is not a locale name such as zh_CN"_s.arg(it.key().left(32));
        if (!it.value().isString() || !protocol::isLine(it.value().toString(), maxLength))
            return u"a translation is a line of at most %1 characters"_s.arg(maxLength);
    }
    return {};
}

} // namespace tandem
