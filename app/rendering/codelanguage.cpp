#include "codelanguage.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <array>
#include <utility>

namespace tandem::app::rendering {

namespace {

constexpr qsizetype kGuessWindow = 4096;
constexpr qsizetype kMaxLanguageLength = 32;

struct Cue
{
    const char16_t *text;
    int weight;
};

struct LanguageCues
{
    const char16_t *language;
    std::array<Cue, 8> cues;
};

// Substrings typical of each language, with how much each says. Plain substrings rather than regular
// expressions: cheap, and nothing shared between threads.
const std::array<LanguageCues, 10> kLanguages {{
    {u"cpp",
        {{{u"#include <", 3}, {u"#include \"", 3}, {u"std::", 3}, {u"nullptr", 3}, {u"template <", 3},
            {u"int main(", 2}, {u"Q_OBJECT", 3}, {u"::", 1}}}},
    {u"python",
        {{{u"def ", 2}, {u"elif ", 3}, {u"self.", 2}, {u"import ", 1}, {u"print(", 1}, {u"__init__", 3},
            {u"None", 1}, {u"):\n", 2}}}},
    {u"js",
        {{{u"function ", 2}, {u"const ", 1}, {u"let ", 1}, {u"=> ", 2}, {u"console.log", 3}, {u"===", 2},
            {u"require(", 2}, {u"export default", 2}}}},
    {u"ts",
        {{{u"interface ", 2}, {u": string", 3}, {u": number", 3}, {u": boolean", 3}, {u"export type ", 3},
            {u"readonly ", 1}, {u"=> ", 1}, {u"const ", 1}}}},
    {u"sql",
        {{{u"SELECT ", 2}, {u" FROM ", 2}, {u"WHERE ", 2}, {u"INSERT INTO", 3}, {u"CREATE TABLE", 3},
            {u"UPDATE ", 1}, {u"JOIN ", 2}, {u"ORDER BY", 2}}}},
    {u"bash",
        {{{u"#!/bin/", 4}, {u"$ ", 1}, {u"echo ", 2}, {u"\nfi", 3}, {u"; then", 3}, {u"; do", 3},
            {u"sudo ", 2}, {u"export ", 1}}}},
    {u"qml",
        {{{u"import QtQuick", 5}, {u"import QtQml", 5}, {u"id: ", 2}, {u"anchors.", 3}, {u"property ", 1},
            {u"Item {", 2}, {u"Rectangle {", 3}, {u"signal ", 1}}}},
    {u"go",
        {{{u"package ", 2}, {u"func ", 2}, {u":= ", 2}, {u"fmt.", 3}, {u"import (", 3}, {u"err != nil", 4},
            {u"chan ", 1}, {u"go func", 3}}}},
    {u"rust",
        {{{u"fn ", 2}, {u"let mut ", 3}, {u"impl ", 2}, {u"pub fn", 3}, {u"println!", 3}, {u"use std::", 3},
            {u"&self", 2}, {u"-> Result<", 3}}}},
    {u"java",
        {{{u"public class ", 3}, {u"public static void main", 4}, {u"System.out.", 4}, {u"private final ", 2},
            {u"@Override", 3}, {u"import java.", 4}, {u"new ", 1}, {u"public ", 1}}}},
}};

// Names people write after ``` for the languages we know, and the id we give them.
const std::array<std::pair<const char16_t *, const char16_t *>, 22> kAliases {{
    {u"c++", u"cpp"},
    {u"cxx", u"cpp"},
    {u"cc", u"cpp"},
    {u"hpp", u"cpp"},
    {u"py", u"python"},
    {u"python3", u"python"},
    {u"javascript", u"js"},
    {u"node", u"js"},
    {u"jsx", u"js"},
    {u"typescript", u"ts"},
    {u"tsx", u"ts"},
    {u"sh", u"bash"},
    {u"shell", u"bash"},
    {u"zsh", u"bash"},
    {u"console", u"bash"},
    {u"golang", u"go"},
    {u"rs", u"rust"},
    {u"postgresql", u"sql"},
    {u"sqlite", u"sql"},
    {u"mysql", u"sql"},
    {u"jsonc", u"json"},
    {u"qtquick", u"qml"},
}};

bool looksLikeJson(QStringView code)
{
    const QStringView trimmed = code.trimmed();
    if (trimmed.size() < 2 || trimmed.size() > kGuessWindow)
        return false;
    const QChar first = trimmed.front();
    const QChar last = trimmed.back();
    if (!((first == u'{' && last == u'}') || (first == u'[' && last == u']')))
        return false;
    QJsonParseError error;
    QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    return error.error == QJsonParseError::NoError;
}

} // namespace

QString normalizeCodeLanguage(QStringView fenceInfo)
{
    // The info string's first word: "python title=x.py" names python.
    QStringView word = fenceInfo.trimmed();
    if (const qsizetype space = word.indexOf(u' '); space >= 0)
        word = word.left(space);
    if (word.startsWith(u'{') || word.startsWith(u'.'))
        word = word.mid(1);
    if (word.isEmpty() || word.size() > kMaxLanguageLength)
        return {};
    QString language;
    for (const QChar c : word) {
        if (!(c.isLetterOrNumber() || c == u'+' || c == u'#' || c == u'-' || c == u'_' || c == u'.'))
            return {};
        language += c.toLower();
    }
    for (const auto &[alias, id] : kAliases) {
        if (language == QStringView(alias))
            return QString::fromUtf16(id);
    }
    return language;
}

QString guessCodeLanguage(QStringView code)
{
    const QStringView window = code.left(kGuessWindow);
    if (looksLikeJson(window))
        return QStringLiteral("json");
    int bestScore = 0;
    const char16_t *best = nullptr;
    bool tie = false;
    for (const LanguageCues &language : kLanguages) {
        int score = 0;
        for (const Cue &cue : language.cues) {
            if (window.contains(QStringView(cue.text)))
                score += cue.weight;
        }
        if (score > bestScore) {
            bestScore = score;
            best = language.language;
            tie = false;
        } else if (score == bestScore && score > 0) {
            tie = true;
        }
    }
    // One weak cue ("const ", "::") is not enough, and neither is a draw.
    if (best == nullptr || bestScore < 3 || tie)
        return {};
    return QString::fromUtf16(best);
}

} // namespace tandem::app::rendering
