// Typed, bounded reading of frame fields (docs/protocol.md §1.2). A FieldReader reads members of one
// object; the first problem is remembered with a JSON Pointer (RFC 6901) to the field, and later reads
// return empty values, so a handler reads everything it needs and checks ok() once.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::protocol {

inline constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;

// The §1.2 string types, usable on their own.
bool isId(const QString &s); // 1-128 printable ASCII
bool isUuid(const QString &s); // lower-case canonical, version 4 or 7
bool isDeviceId(const QString &s); // 1-64 of A-Z a-z 0-9 _ -
bool isPrintableAscii(const QString &s, qsizetype minLength, qsizetype maxLength);
bool isLine(const QString &s, qsizetype maxChars); // no C0 controls, no DEL
bool isText(const QString &s, qsizetype maxChars);
bool isSha256(const QString &s);
qsizetype codePoints(const QString &s);

// A new version 7 UUID (time-ordered), for mutation and entity ids.
QString newUuid();

class FieldReader
{
public:
    // `pointer` is where the object sits in the frame ("" for the frame, "/payload" for a payload).
    explicit FieldReader(QJsonObject object, QString pointer = {});

    [[nodiscard]] bool ok() const { return m_problem.isEmpty(); }
    [[nodiscard]] const QString &problem() const { return m_problem; } // a sentence
    [[nodiscard]] const QString &problemField() const { return m_field; } // a JSON Pointer
    [[nodiscard]] const QJsonObject &object() const { return m_object; }
    [[nodiscard]] bool has(QLatin1StringView name) const { return m_object.contains(name); }

    // Required fields: a missing or malformed one is a problem.
    QString id(QLatin1StringView name);
    QString uuid(QLatin1StringView name);
    QString deviceId(QLatin1StringView name);
    QString ascii(QLatin1StringView name, qsizetype minLength, qsizetype maxLength);
    QString line(QLatin1StringView name, qsizetype maxChars);
    QString text(QLatin1StringView name, qsizetype maxChars);
    QString oneOf(QLatin1StringView name, std::initializer_list<const char *> values);
    qint64 integer(QLatin1StringView name, qint64 min = 0, qint64 max = kMaxSafeInteger);
    bool boolean(QLatin1StringView name);
    QJsonObject object(QLatin1StringView name);
    QJsonArray array(QLatin1StringView name, qsizetype maxItems);
    // An array of unique ids (or uuids when `uuids`).
    QStringList idList(QLatin1StringView name, qsizetype maxItems, bool uuids = false);

    // Optional fields: absent gives std::nullopt; present but malformed is a problem.
    std::optional<QString> optId(QLatin1StringView name);
    std::optional<QString> optUuid(QLatin1StringView name);
    std::optional<QString> optDeviceId(QLatin1StringView name);
    std::optional<QString> optAscii(QLatin1StringView name, qsizetype minLength, qsizetype maxLength);
    std::optional<QString> optLine(QLatin1StringView name, qsizetype maxChars);
    std::optional<QString> optText(QLatin1StringView name, qsizetype maxChars);
    std::optional<QString> optOneOf(QLatin1StringView name, std::initializer_list<const char *> values);
    std::optional<qint64> optInteger(QLatin1StringView name, qint64 min = 0, qint64 max = kMaxSafeInteger);
    std::optional<bool> optBoolean(QLatin1StringView name);
    std::optional<QStringList> optIdList(QLatin1StringView name, qsizetype maxItems, bool uuids = false);

    // Records a problem found by the caller (a rule between fields).
    void fail(QLatin1StringView name, const QString &why);
    // A reader for a nested object member (its problems are reported by this reader too).
    void adopt(const FieldReader &nested);
    // Records a problem found by a checker of a nested value: `problem` is a whole sentence that
    // starts with `field` (a JSON Pointer). Ignored when a problem is recorded already.
    void adoptProblem(const QString &field, const QString &problem);
    [[nodiscard]] QString pointerTo(QLatin1StringView name) const;

private:
    std::optional<QJsonValue> required(QLatin1StringView name);
    std::optional<QString> string(QLatin1StringView name, bool optional,
        bool (*check)(const QString &, qsizetype, qsizetype), qsizetype a, qsizetype b, const char *expected);

    QJsonObject m_object;
    QString m_pointer;
    QString m_problem;
    QString m_field;
};

} // namespace tandem::protocol
