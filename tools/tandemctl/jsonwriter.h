// Writes JSON with its keys in the order they are given (QJsonObject sorts them), so that tandemctl's
// --json output reads in the order its documentation lists the fields.
#pragma once

#include <QList>
#include <QString>

namespace tandemctl {

class JsonWriter
{
public:
    enum class Layout { Indented, Inline };

    JsonWriter &beginObject(Layout layout = Layout::Indented);
    JsonWriter &endObject();
    JsonWriter &beginArray(Layout layout = Layout::Indented);
    JsonWriter &endArray();

    JsonWriter &key(const QString &name);
    JsonWriter &value(const QString &text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    // Non-finite numbers have no JSON form and are written as null.
    JsonWriter &value(double number);
    JsonWriter &value(bool flag);
    JsonWriter &null();

    template<typename T> JsonWriter &field(const QString &name, const T &v)
    {
        key(name);
        return value(v);
    }

    // The document, with a final new line.
    [[nodiscard]] QString text() const { return m_text + u'\n'; }

    static QString quoted(const QString &text);

private:
    struct Level
    {
        Layout layout;
        int count = 0;
    };
    void beforeValue();
    void close(QChar bracket);

    QString m_text;
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace tandemctl
