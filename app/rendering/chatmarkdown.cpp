#include "chatmarkdown.h"

#include <QList>

#include <algorithm>
#include <utility>

namespace tandem::app::rendering {

namespace {

qsizetype leadingIndent(QStringView line)
{
    qsizetype indent = 0;
    for (const QChar c : line) {
        if (c == u' ')
            ++indent;
        else if (c == u'\t')
            indent += 4;
        else
            break;
    }
    return indent;
}

// The fence a line opens or closes: its character and length, or length 0.
std::pair<QChar, qsizetype> fenceOf(QStringView line)
{
    if (leadingIndent(line) > 3)
        return {QChar(), 0};
    const QStringView trimmed = line.trimmed();
    if (trimmed.isEmpty() || (trimmed.front() != u'`' && trimmed.front() != u'~'))
        return {QChar(), 0};
    const QChar c = trimmed.front();
    qsizetype length = 0;
    while (length < trimmed.size() && trimmed[length] == c)
        ++length;
    return {c, length >= 3 ? length : 0};
}

bool isUnderlineOrRule(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return !trimmed.isEmpty() && std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) {
        return c == u'=' || c == u'-' || c == u'*' || c == u'_' || c == u' ';
    });
}

bool wantsLineBreak(QStringView line, QStringView next)
{
    if (line.trimmed().isEmpty() || next.trimmed().isEmpty())
        return false;
    if (leadingIndent(line) >= 4 || line.endsWith(u'\\'))
        return false; // indented code, or an explicit hard break already
    if (line.contains(u'|') || next.contains(u'|'))
        return false; // table rows
    return !isUnderlineOrRule(next) && fenceOf(next).second == 0;
}

} // namespace

QString markChatLineBreaks(const QString &markdown)
{
    const QList<QStringView> lines = QStringView(markdown).split(u'\n');
    QString marked;
    marked.reserve(markdown.size() + lines.size());
    QChar fenceChar;
    qsizetype fenceLength = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringView line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        marked += line;
        const auto [c, length] = fenceOf(line);
        if (fenceLength > 0) {
            if (c == fenceChar && length >= fenceLength && line.trimmed().size() == length)
                fenceLength = 0;
        } else if (length > 0) {
            fenceChar = c;
            fenceLength = length;
        } else if (i + 1 < lines.size() && wantsLineBreak(line, lines[i + 1])) {
            marked += QChar(QChar::LineSeparator);
        }
        if (i + 1 < lines.size())
            marked += u'\n';
    }
    return marked;
}

} // namespace tandem::app::rendering
