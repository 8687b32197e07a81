// How StoreWriter reads the members of protocol records (JSON objects) into SQL values, shared by its
// source files (storewriter.cpp: events and records; storewriterecho.cpp: local echoes).
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace tandem::sync::fields {

using namespace Qt::StringLiterals;

inline qint64 integer(const QJsonObject &o, QLatin1StringView name)
{
    return qint64(o.value(name).toDouble());
}

inline QString string(const QJsonObject &o, QLatin1StringView name)
{
    return o.value(name).toString();
}

// Optional members as SQL values: absent is NULL.
inline QVariant optString(const QJsonObject &o, QLatin1StringView name)
{
    return o.contains(name) ? QVariant(o.value(name).toString()) : QVariant();
}

inline QVariant optInteger(const QJsonObject &o, QLatin1StringView name)
{
    return o.contains(name) ? QVariant(integer(o, name)) : QVariant();
}

// A message format the store accepts: anything but "plain" is Markdown.
inline QString format(const QString &f)
{
    return f == "plain"_L1 ? f : u"markdown"_s;
}

} // namespace tandem::sync::fields
