#include "fields.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace tandem::protocol {

namespace {

bool printableAscii(QChar c)
{
    return c.unicode() >= 0x21 && c.unicode() <= 0x7E;
}

bool checkId(const QString &s, qsizetype, qsizetype)
{
    return isId(s);
}
bool checkUuid(const QString &s, qsizetype, qsizetype)
{
    return isUuid(s);
}
bool checkDeviceId(const QString &s, qsizetype, qsizetype)
{
    return isDeviceId(s);
}
bool checkAscii(const QString &s, qsizetype a, qsizetype b)
{
    return isPrintableAscii(s, a, b);
}
bool checkLine(const QString &s, qsizetype max, qsizetype)
{
    return isLine(s, max);
}
bool checkText(const QString &s, qsizetype max, qsizetype)
{
    return isText(s, max);
}

} // namespace

bool isPrintableAscii(const QString &s, qsizetype minLength, qsizetype maxLength)
{
    if (s.size() < minLength || s.size() > maxLength)
        return false;
    return std::all_of(s.begin(), s.end(), printableAscii);
}

bool isId(const QString &s)
{
    return isPrintableAscii(s, 1, 128);
}

bool isUuid(const QString &s)
{
    if (s.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = s[i].unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) {
            return false;
        }
    }
    return s[14] == u'4' || s[14] == u'7';
}

bool isDeviceId(const QString &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
            || u == u'-';
    });
}

qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

bool isText(const QString &s, qsizetype maxChars)
{
    return s.size() <= maxChars || codePoints(s) <= maxChars;
}

bool isLine(const QString &s, qsizetype maxChars)
{
    if (!isText(s, maxChars))
        return false;
    return std::none_of(
        s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7F; });
}

bool isSha256(const QString &s)
{
    if (s.size() != 64)
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f');
    });
}

QString newUuid()
{
    // RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits with version and variant.
    quint8 b[16];
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        b[i] = quint8(ms >> (8 * (5 - i)));
    // Copied, not cast: b + 8 need not be aligned for quint32.
    const quint64 random = QRandomGenerator::system()->generate64();
    std::memcpy(b + 8, &random, sizeof random);
    const quint32 r = QRandomGenerator::system()->generate();
    b[6] = quint8(0x70 | ((r >> 8) & 0x0F));
    b[7] = quint8(r);
    b[8] = quint8(0x80 | (b[8] & 0x3F));
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += u'-';
        out += QLatin1Char(hex[b[i] >> 4]);
        out += QLatin1Char(hex[b[i] & 0x0F]);
    }
    return out;
}

FieldReader::FieldReader(QJsonObject object, QString pointer)
    : m_object(std::move(object))
    , m_pointer(std::move(pointer))
{ }

QString FieldReader::pointerTo(QLatin1StringView name) const
{
    QString escaped = QString(name);
    escaped.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
    return m_pointer + u'/' + escaped;
}

void FieldReader::fail(QLatin1StringView name, const QString &why)
{
    if (!ok())
        return;
    m_field = pointerTo(name);
    m_problem = QStringLiteral("%1 %2").arg(m_field, why);
}

void FieldReader::adopt(const FieldReader &nested)
{
    if (ok() && !nested.ok()) {
        m_problem = nested.m_problem;
        m_field = nested.m_field;
    }
}

void FieldReader::adoptProblem(const QString &field, const QString &problem)
{
    if (ok() && !problem.isEmpty()) {
        m_field = field;
        m_problem = problem;
    }
}

std::optional<QJsonValue> FieldReader::required(QLatin1StringView name)
{
    if (!ok())
        return std::nullopt;
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd()) {
        fail(name, QStringLiteral("is missing"));
        return std::nullopt;
    }
    return it.value();
}

std::optional<QString> FieldReader::string(QLatin1StringView name, bool optional,
    bool (*check)(const QString &, qsizetype, qsizetype), qsizetype a, qsizetype b, const char *expected)
{
    if (!ok())
        return std::nullopt;
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd()) {
        if (!optional)
            fail(name, QStringLiteral("is missing"));
        return std::nullopt;
    }
    if (!it.value().isString()) {
        fail(name, QStringLiteral("must be a string (%1)").arg(QLatin1StringView(expected)));
        return std::nullopt;
    }
    QString value = it.value().toString();
    if (!check(value, a, b)) {
        fail(name, QStringLiteral("must be %1").arg(QLatin1StringView(expected)));
        return std::nullopt;
    }
    return value;
}

QString FieldReader::id(QLatin1StringView n)
{
    return string(n, false, checkId, 0, 0, "an id").value_or(QString());
}
QString FieldReader::uuid(QLatin1StringView n)
{
    return string(n, false, checkUuid, 0, 0, "a uuid").value_or(QString());
}
QString FieldReader::deviceId(QLatin1StringView n)
{
    return string(n, false, checkDeviceId, 0, 0, "a device id").value_or(QString());
}
QString FieldReader::ascii(QLatin1StringView n, qsizetype a, qsizetype b)
{
    return string(n, false, checkAscii, a, b, "printable ASCII of bounded length").value_or(QString());
}
QString FieldReader::line(QLatin1StringView n, qsizetype max)
{
    return string(n, false, checkLine, max, 0, "a line of bounded length without control characters")
        .value_or(QString());
}
QString FieldReader::text(QLatin1StringView n, qsizetype max)
{
    return string(n, false, checkText, max, 0, "text of bounded length").value_or(QString());
}
std::optional<QString> FieldReader::optId(QLatin1StringView n)
{
    return string(n, true, checkId, 0, 0, "an id");
}
std::optional<QString> FieldReader::optUuid(QLatin1StringView n)
{
    return string(n, true, checkUuid, 0, 0, "a uuid");
}
std::optional<QString> FieldReader::optDeviceId(QLatin1StringView n)
{
    return string(n, true, checkDeviceId, 0, 0, "a device id");
}
std::optional<QString> FieldReader::optAscii(QLatin1StringView n, qsizetype a, qsizetype b)
{
    return string(n, true, checkAscii, a, b, "printable ASCII of bounded length");
}
std::optional<QString> FieldReader::optLine(QLatin1StringView n, qsizetype max)
{
    return string(n, true, checkLine, max, 0, "a line of bounded length without control characters");
}
std::optional<QString> FieldReader::optText(QLatin1StringView n, qsizetype max)
{
    return string(n, true, checkText, max, 0, "text of bounded length");
}

std::optional<QString> FieldReader::optOneOf(
    QLatin1StringView name, std::initializer_list<const char *> values)
{
    if (!ok() || !m_object.contains(name))
        return std::nullopt;
    return oneOf(name, values);
}

QString FieldReader::oneOf(QLatin1StringView name, std::initializer_list<const char *> values)
{
    const auto value = required(name);
    if (!value)
        return {};
    const QString s = value->toString();
    for (const char *v : values)
        if (value->isString() && s == QLatin1StringView(v))
            return s;
    QStringList names;
    for (const char *v : values)
        names << QLatin1StringView(v);
    fail(name, QStringLiteral("must be one of %1").arg(names.join(QStringLiteral(", "))));
    return {};
}

qint64 FieldReader::integer(QLatin1StringView name, qint64 min, qint64 max)
{
    const auto value = required(name);
    if (!value)
        return 0;
    const double d = value->toDouble(-1.0);
    if (!value->isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
        fail(name, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
        return 0;
    }
    return qint64(d);
}

std::optional<qint64> FieldReader::optInteger(QLatin1StringView name, qint64 min, qint64 max)
{
    if (!ok() || !m_object.contains(name))
        return std::nullopt;
    const qint64 v = integer(name, min, max);
    return ok() ? std::optional<qint64>(v) : std::nullopt;
}

bool FieldReader::boolean(QLatin1StringView name)
{
    const auto value = required(name);
    if (!value)
        return false;
    if (!value->isBool()) {
        fail(name, QStringLiteral("must be true or false"));
        return false;
    }
    return value->toBool();
}

std::optional<bool> FieldReader::optBoolean(QLatin1StringView name)
{
    if (!ok() || !m_object.contains(name))
        return std::nullopt;
    const bool v = boolean(name);
    return ok() ? std::optional<bool>(v) : std::nullopt;
}

QJsonObject FieldReader::object(QLatin1StringView name)
{
    const auto value = required(name);
    if (!value)
        return {};
    if (!value->isObject()) {
        fail(name, QStringLiteral("must be an object"));
        return {};
    }
    return value->toObject();
}

QJsonArray FieldReader::array(QLatin1StringView name, qsizetype maxItems)
{
    const auto value = required(name);
    if (!value)
        return {};
    if (!value->isArray()) {
        fail(name, QStringLiteral("must be an array"));
        return {};
    }
    QJsonArray items = value->toArray();
    if (items.size() > maxItems) {
        fail(name, QStringLiteral("must have at most %1 items").arg(maxItems));
        return {};
    }
    return items;
}

QStringList FieldReader::idList(QLatin1StringView name, qsizetype maxItems, bool uuids)
{
    const QJsonArray items = array(name, maxItems);
    QStringList out;
    QSet<QString> seen;
    for (const QJsonValue &item : items) {
        const QString s = item.toString();
        if (!item.isString() || !(uuids ? isUuid(s) : isId(s))) {
            fail(name,
                QStringLiteral("must hold only %1")
                    .arg(uuids ? QStringLiteral("uuids") : QStringLiteral("ids")));
            return {};
        }
        if (seen.contains(s)) {
            fail(name, QStringLiteral("must not repeat an item"));
            return {};
        }
        seen.insert(s);
        out << s;
    }
    return out;
}

std::optional<QStringList> FieldReader::optIdList(QLatin1StringView name, qsizetype maxItems, bool uuids)
{
    if (!ok() || !m_object.contains(name))
        return std::nullopt;
    QStringList v = idList(name, maxItems, uuids);
    return ok() ? std::optional<QStringList>(std::move(v)) : std::nullopt;
}

} // namespace tandem::protocol
