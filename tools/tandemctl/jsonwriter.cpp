#include "jsonwriter.h"

#include <QLocale>

#include <cmath>

namespace tandemctl {

QString JsonWriter::quoted(const QString &text)
{
    QString q;
    q.reserve(text.size() + 2);
    q += u'"';
    for (const QChar ch : text) {
        switch (ch.unicode()) {
        case u'"':
            q += QStringLiteral("\\\"");
            break;
        case u'\\':
            q += QStringLiteral("\\\\");
            break;
        case u'\n':
            q += QStringLiteral("\\n");
            break;
        case u'\r':
            q += QStringLiteral("\\r");
            break;
        case u'\t':
            q += QStringLiteral("\\t");
            break;
        default:
            if (ch.unicode() < 0x20 || ch.unicode() == 0x2028 || ch.unicode() == 0x2029)
                q += QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'));
            else
                q += ch;
        }
    }
    q += u'"';
    return q;
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Level &level = m_levels.last();
    if (level.count++ > 0)
        m_text += level.layout == Layout::Inline ? QStringLiteral(", ") : QStringLiteral(",");
    if (level.layout == Layout::Indented)
        m_text += u'\n' + QString(m_levels.size() * 2, u' ');
}

void JsonWriter::close(QChar bracket)
{
    const Level level = m_levels.takeLast();
    if (level.layout == Layout::Indented && level.count > 0)
        m_text += u'\n' + QString(m_levels.size() * 2, u' ');
    m_text += bracket;
}

JsonWriter &JsonWriter::beginObject(Layout layout)
{
    beforeValue();
    m_text += u'{';
    m_levels.append({layout});
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    close(u'}');
    return *this;
}

JsonWriter &JsonWriter::beginArray(Layout layout)
{
    beforeValue();
    m_text += u'[';
    m_levels.append({layout});
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    close(u']');
    return *this;
}

JsonWriter &JsonWriter::key(const QString &name)
{
    beforeValue();
    m_text += quoted(name) + QStringLiteral(": ");
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    beforeValue();
    m_text += quoted(text);
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    beforeValue();
    m_text += QString::number(number);
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    beforeValue();
    m_text += std::isfinite(number) ? QString::number(number, 'g', QLocale::FloatingPointShortest)
                                    : QStringLiteral("null");
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    beforeValue();
    m_text += flag ? QStringLiteral("true") : QStringLiteral("false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_text += QStringLiteral("null");
    return *this;
}

} // namespace tandemctl
