#include "snippet.h"

#include "searchtokenizer.h"

#include <algorithm>

namespace tandem::store {

namespace {

// A piece of a query term: a CJK run is found anywhere, a word only at the start of a word.
struct Needle
{
    QString folded;
    bool wordPrefix = false;
};

QString foldString(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar ch : s)
        out.append(QChar(char16_t(ch.isSurrogate() ? ch.unicode() : fold(ch.unicode()))));
    return out;
}

// Both halves of a surrogate pair take the class of their code point: 𠮷 (U+20BB7) is CJK.
CharClass classAt(const QString &s, qsizetype i)
{
    const QChar ch = s.at(i);
    if (ch.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
        return classify(QChar::surrogateToUcs4(ch, s.at(i + 1)));
    if (ch.isLowSurrogate() && i > 0 && s.at(i - 1).isHighSurrogate())
        return classify(QChar::surrogateToUcs4(s.at(i - 1), ch));
    return classify(ch.unicode());
}

QList<Needle> needlesOf(const QString &query)
{
    QList<Needle> needles;
    const QString folded = foldString(query);
    qsizetype i = 0;
    while (i < folded.size()) {
        const CharClass cls = classAt(folded, i);
        if (cls == CharClass::Separator) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < folded.size() && classAt(folded, j) == cls)
            ++j;
        needles.append({folded.mid(i, j - i), cls == CharClass::Word});
        i = j;
    }
    return needles;
}

} // namespace

Snippet makeSnippet(const QString &body, const QString &query, int maxChars)
{
    // Folding maps each UTF-16 unit to one unit, so positions in `hay` are positions in `body`.
    const QString hay = foldString(body);
    QList<QPair<int, int>> hits;
    for (const Needle &n : needlesOf(query)) {
        for (qsizetype at = hay.indexOf(n.folded); at >= 0; at = hay.indexOf(n.folded, at + 1)) {
            if (n.wordPrefix && at > 0 && classAt(hay, at - 1) == CharClass::Word)
                continue;
            hits.append({int(at), int(n.folded.size())});
        }
    }
    std::sort(hits.begin(), hits.end());
    // Merge overlapping ranges.
    QList<QPair<int, int>> merged;
    for (const auto &h : hits) {
        if (!merged.isEmpty() && h.first <= merged.last().first + merged.last().second)
            merged.last().second = std::max(merged.last().first + merged.last().second, h.first + h.second)
                - merged.last().first;
        else
            merged.append(h);
    }
    const int first = merged.isEmpty() ? 0 : merged.first().first;
    int start = std::max(0, first - maxChars / 4);
    if (start > 0 && start < body.size() && body.at(start).isLowSurrogate())
        --start;
    int end = std::min(int(body.size()), start + maxChars);
    if (end < body.size() && end > 0 && body.at(end - 1).isHighSurrogate())
        --end;

    Snippet s;
    const QString prefix = start > 0 ? QStringLiteral("…") : QString();
    s.text = prefix + body.mid(start, end - start);
    for (QChar &ch : s.text)
        if (ch == u'\n' || ch == u'\r' || ch == u'\t')
            ch = u' ';
    if (end < body.size())
        s.text += QStringLiteral("…");
    for (const auto &h : merged) {
        const int hs = std::max(h.first, start);
        const int he = std::min(h.first + h.second, end);
        if (hs < he)
            s.highlights.append({hs - start + int(prefix.size()), he - hs});
    }
    return s;
}

} // namespace tandem::store
