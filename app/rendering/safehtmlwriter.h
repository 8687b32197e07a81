// Writes server text into the rich text we hand to QML, one character at a time: every character is
// escaped, bidi controls are balanced so that they cannot reach past the line they came in, very long
// runs without a space get zero-width break opportunities, and @mentions of the given names are
// highlighted. The tags around the text (paragraphs, bold, links) are the caller's own markup.
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace tandem::app::rendering {

class SafeHtmlWriter
{
public:
    // `mentionNames`: names (user names or display names) that '@name' highlights, case-insensitively.
    explicit SafeHtmlWriter(const QStringList &mentionNames);

    // A line is a paragraph, a list item or a table row: server text is written only inside one, and
    // it is isolated (FSI … PDI) so that its direction cannot reorder anything around it.
    void beginLine();
    // Closes the embeddings and isolates the text opened and left open, then our own isolate.
    void endLine();
    [[nodiscard]] bool inLine() const { return m_inLine; }

    // Server text, escaped. A line or paragraph separator (or '\n') in it is a line break, which ends the
    // isolate of the text before it and starts a new one.
    void appendText(QStringView text, bool highlightMentions = true);
    // Our own markup, as is. A closing tag goes where it is; an opening tag inside a line first starts
    // the line, or writes a line break the text before asked for, so that neither ends up inside it.
    void appendMarkup(QStringView markup) { m_html += markup; }
    void appendOpeningMarkup(QStringView markup);

    [[nodiscard]] QString take();

private:
    void appendChar(QChar c);
    void flushPendingBreak();
    [[nodiscard]] qsizetype mentionLengthAt(QStringView text, qsizetype at) const;

    QStringList m_mentionNames; // longest first, so "@Ann Lee" wins over "@Ann"
    QString m_html;
    std::vector<char16_t> m_bidiStack; // the server's open embeddings and isolates on this line
    qsizetype m_runLength = 0; // characters since the last break opportunity
    QChar m_previous; // the last character of server text written on this line
    bool m_inLine = false;
    int m_pendingBreaks = 0; // line breaks wait for the next visible character
    bool m_skipSpace = false; // the space Markdown leaves after our soft-break mark
};

} // namespace tandem::app::rendering
