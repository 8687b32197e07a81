#include "messagerenderer.h"

#include "chatmarkdown.h"
#include "codelanguage.h"
#include "safehtmlwriter.h"

#include <QFont>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextList>
#include <QTextTable>
#include <QUrl>
#include <QVariantMap>

#include <algorithm>
#include <vector>

namespace tandem::app {

namespace {

using rendering::SafeHtmlWriter;

// A collapsed message is cut at a space when there is one this close to the limit.
constexpr qsizetype kCutSearchWindow = 200;
constexpr int kParagraphGapPx = 6;
constexpr int kQuoteIndentPx = 16;

// What is left of the body once bounded, and what was left out.
struct BoundedBody
{
    QString text;
    bool truncated = false; // collapsed, and more exists
    qsizetype clippedChars = 0; // expanded, and this much is past kExpandedMaxChars
};

// Never cut between the halves of a surrogate pair.
qsizetype safeCutPosition(const QString &text, qsizetype at)
{
    at = std::clamp<qsizetype>(at, 0, text.size());
    if (at > 0 && at < text.size() && text.at(at - 1).isHighSurrogate())
        --at;
    return at;
}

BoundedBody boundBody(const QString &body, bool collapsed)
{
    BoundedBody bounded;
    if (!collapsed) {
        if (body.size() <= kExpandedMaxChars) {
            bounded.text = body;
        } else {
            const qsizetype cut = safeCutPosition(body, kExpandedMaxChars);
            bounded.text = body.left(cut);
            bounded.clippedChars = body.size() - cut;
        }
        return bounded;
    }
    qsizetype limit = std::min(body.size(), kCollapsedMaxChars);
    qsizetype newline = -1;
    for (int lines = 0; lines < kCollapsedMaxLines; ++lines) {
        newline = body.indexOf(u'\n', newline + 1);
        if (newline < 0 || newline >= limit)
            break;
        if (lines + 1 == kCollapsedMaxLines)
            limit = newline;
    }
    if (limit < body.size() && limit == kCollapsedMaxChars) {
        const qsizetype space = body.lastIndexOf(u' ', limit - 1);
        if (space > limit - kCutSearchWindow)
            limit = space;
    }
    limit = safeCutPosition(body, limit);
    bounded.text = body.left(limit);
    bounded.truncated = !QStringView(body).mid(limit).trimmed().isEmpty();
    return bounded;
}

// Only links a browser or mail client opens, and never one that could run something.
QString safeLinkTarget(const QString &href)
{
    const QUrl url(href.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if ((scheme == u"http" || scheme == u"https") && !url.host().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    if (scheme == u"mailto" && !url.path().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    return {};
}

QString anchorTag(const QString &safeTarget)
{
    return QStringLiteral("<a href=\"") + safeTarget.toHtmlEscaped() + QStringLiteral("\">");
}

// Text QTextDocument gives a meaning of its own, in plain code.
QString cleanCode(QString code)
{
    for (QChar &c : code) {
        const char16_t u = c.unicode();
        if (u == 0 || u == QChar::ObjectReplacementCharacter || u == 0xFDD0 || u == 0xFDD1)
            c = QChar(QChar::ReplacementCharacter);
    }
    return code;
}

// Walks a QTextDocument (or plain text) and collects the blocks.
class BlockCollector
{
public:
    explicit BlockCollector(const QStringList &mentionNames)
        : m_writer(mentionNames)
    { }

    void addMarkdown(const QTextDocument &document);
    void addPlainText(const QString &text);
    [[nodiscard]] QVariantList take(const BoundedBody &bounded);

private:
    enum class Segment { None, Text, Quote };
    struct OpenList
    {
        const QTextList *list;
        int indent;
        bool ordered;
    };

    void enterSegment(Segment segment);
    void flushSegment();
    void flushCode();
    void closeListsAbove(int indent, const QTextList *keep);
    void closeTableRow();
    void addTextBlock(const QTextBlock &block);
    void addTableCell(const QTextBlock &block, const QTextTable *table);
    void writeFragments(const QTextBlock &block);
    void writeImage(const QTextImageFormat &format);
    [[nodiscard]] QString paragraphTag(const QTextBlock &block, int quoteLevel);
    void appendPlainLine(QStringView text);

    SafeHtmlWriter m_writer;
    Segment m_segment = Segment::None;
    bool m_segmentHasContent = false;
    std::vector<OpenList> m_lists;
    const QTextTable *m_table = nullptr;
    int m_tableRow = -1;
    bool m_inCode = false;
    QString m_codeFence;
    QStringList m_codeLines;
    QVariantList m_blocks;
};

void BlockCollector::enterSegment(Segment segment)
{
    if (segment == m_segment)
        return;
    flushSegment();
    m_segment = segment;
}

void BlockCollector::flushSegment()
{
    closeTableRow();
    closeListsAbove(0, nullptr);
    const QString html = m_writer.take();
    if (m_segment != Segment::None && m_segmentHasContent) {
        m_blocks.append(QVariantMap {
            {QStringLiteral("type"),
                m_segment == Segment::Quote ? QStringLiteral("quote") : QStringLiteral("text")},
            {QStringLiteral("html"), html},
        });
    }
    m_segment = Segment::None;
    m_segmentHasContent = false;
}

void BlockCollector::flushCode()
{
    if (!m_inCode)
        return;
    while (!m_codeLines.isEmpty() && m_codeLines.constLast().trimmed().isEmpty())
        m_codeLines.removeLast();
    const QString code = cleanCode(m_codeLines.join(u'\n'));
    QString language = rendering::normalizeCodeLanguage(m_codeFence);
    if (language.isEmpty())
        language = rendering::guessCodeLanguage(code);
    m_blocks.append(QVariantMap {
        {QStringLiteral("type"), QStringLiteral("code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("language"), language},
        {QStringLiteral("lineCount"), static_cast<int>(m_codeLines.size())},
    });
    m_inCode = false;
    m_codeLines.clear();
    m_codeFence.clear();
}

void BlockCollector::closeListsAbove(int indent, const QTextList *keep)
{
    while (!m_lists.empty() && m_lists.back().list != keep && m_lists.back().indent >= indent) {
        m_writer.appendMarkup(m_lists.back().ordered ? u"</ol>" : u"</ul>");
        m_lists.pop_back();
    }
}

void BlockCollector::closeTableRow()
{
    if (m_tableRow < 0)
        return;
    m_writer.endLine();
    m_writer.appendMarkup(u"</p>");
    m_table = nullptr;
    m_tableRow = -1;
}

QString BlockCollector::paragraphTag(const QTextBlock &block, int quoteLevel)
{
    const int top = m_segmentHasContent ? kParagraphGapPx : 0;
    m_segmentHasContent = true;
    QString tag = QStringLiteral("<p style=\"margin-top:%1px; margin-bottom:0px;").arg(top);
    if (quoteLevel > 1)
        tag += QStringLiteral(" margin-left:%1px;").arg((quoteLevel - 1) * kQuoteIndentPx);
    tag += u'"';
    if (block.text().isRightToLeft())
        tag += u" dir=\"rtl\"";
    tag += u'>';
    return tag;
}

void BlockCollector::addMarkdown(const QTextDocument &document)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(QTextFormat::BlockCodeLanguage)) {
            // A run of code lines is one code block (md4c gives each line its own QTextBlock).
            const QString fence = format.stringProperty(QTextFormat::BlockCodeLanguage);
            if (m_inCode && fence != m_codeFence)
                flushCode();
            flushSegment();
            m_inCode = true;
            m_codeFence = fence;
            m_codeLines.append(block.text());
            continue;
        }
        flushCode();
        addTextBlock(block);
    }
    flushCode();
    flushSegment();
}

void BlockCollector::addTextBlock(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    const int quoteLevel = format.intProperty(QTextFormat::BlockQuoteLevel);
    enterSegment(quoteLevel > 0 ? Segment::Quote : Segment::Text);

    if (const QTextTable *table = QTextCursor(block).currentTable()) {
        addTableCell(block, table);
        return;
    }
    closeTableRow();

    if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
        closeListsAbove(0, nullptr);
        m_writer.appendMarkup(u"<hr>");
        m_segmentHasContent = true;
        return;
    }

    if (const QTextList *list = block.textList()) {
        const int indent = list->format().indent();
        closeListsAbove(indent, list);
        if (m_lists.empty() || m_lists.back().list != list) {
            const bool ordered = list->format().style() <= QTextListFormat::ListDecimal;
            const int top = m_segmentHasContent ? kParagraphGapPx : 0;
            m_writer.appendMarkup(QStringLiteral("<%1 style=\"margin-top:%2px; margin-bottom:0px;\">")
                                      .arg(ordered ? u"ol" : u"ul")
                                      .arg(top));
            m_lists.push_back({list, indent, ordered});
        }
        m_segmentHasContent = true;
        m_writer.appendMarkup(block.text().isRightToLeft() ? u"<li dir=\"rtl\">" : u"<li>");
        // md4c's importer leaks a task marker onto later blocks: trust it in list items only.
        if (format.marker() == QTextBlockFormat::MarkerType::Checked)
            m_writer.appendMarkup(u"\u2611 ");
        else if (format.marker() == QTextBlockFormat::MarkerType::Unchecked)
            m_writer.appendMarkup(u"\u2610 ");
        writeFragments(block);
        m_writer.endLine();
        m_writer.appendMarkup(u"</li>");
        return;
    }
    closeListsAbove(0, nullptr);

    if (block.text().isEmpty())
        return;
    m_writer.appendMarkup(paragraphTag(block, quoteLevel));
    const bool heading = format.headingLevel() > 0;
    if (heading)
        m_writer.appendMarkup(u"<b>");
    writeFragments(block);
    m_writer.endLine();
    if (heading)
        m_writer.appendMarkup(u"</b>");
    m_writer.appendMarkup(u"</p>");
}

// A table is shown as one line per row, its cells separated by a bar: our rich text stays flat.
void BlockCollector::addTableCell(const QTextBlock &block, const QTextTable *table)
{
    const QTextTableCell cell = table->cellAt(block.position());
    if (!cell.isValid())
        return;
    closeListsAbove(0, nullptr);
    if (table != m_table || cell.row() != m_tableRow) {
        closeTableRow();
        m_writer.appendMarkup(paragraphTag(block, 0));
        m_table = table;
        m_tableRow = cell.row();
    } else if (block.position() == cell.firstPosition()) {
        m_writer.endLine();
        m_writer.appendMarkup(u" \u2502 ");
    }
    writeFragments(block);
}

void BlockCollector::writeFragments(const QTextBlock &block)
{
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        const QTextCharFormat format = fragment.charFormat();
        if (format.isImageFormat()) {
            for (int i = 0; i < fragment.length(); ++i)
                writeImage(format.toImageFormat());
            continue;
        }
        QString open;
        QString close;
        const QString target = format.isAnchor() ? safeLinkTarget(format.anchorHref()) : QString();
        if (!target.isEmpty()) {
            open += anchorTag(target);
            close.prepend(u"</a>");
        }
        if (format.fontWeight() >= QFont::DemiBold) {
            open += u"<b>";
            close.prepend(u"</b>");
        }
        if (format.fontItalic()) {
            open += u"<i>";
            close.prepend(u"</i>");
        }
        if (format.fontStrikeOut()) {
            open += u"<s>";
            close.prepend(u"</s>");
        }
        const bool code = format.fontFixedPitch();
        if (code) {
            open += u"<code style=\"background-color:rgba(127,127,127,0.2);\">";
            close.prepend(u"</code>");
        }
        m_writer.appendOpeningMarkup(open);
        m_writer.appendText(fragment.text(), !code && target.isEmpty());
        m_writer.appendMarkup(close);
    }
}

// Images are never loaded: their description, and where they are as a link to open in a browser.
void BlockCollector::writeImage(const QTextImageFormat &format)
{
    const QString alt = format.stringProperty(QTextFormat::ImageAltText).trimmed();
    const QString source = format.name();
    m_writer.appendOpeningMarkup(u"<i>");
    m_writer.appendText(alt.isEmpty() ? QStringLiteral("image") : alt, false);
    m_writer.appendMarkup(u"</i>");
    if (source.isEmpty())
        return;
    m_writer.appendText(u" (", false);
    const QString target = safeLinkTarget(source);
    if (!target.isEmpty())
        m_writer.appendOpeningMarkup(anchorTag(target));
    m_writer.appendText(source, false);
    if (!target.isEmpty())
        m_writer.appendMarkup(u"</a>");
    m_writer.appendText(u")", false);
}

// "http://" or "https://" starting a word, up to the next space, without the punctuation after it.
bool findWebUrl(QStringView text, qsizetype from, qsizetype *start, qsizetype *end)
{
    qsizetype at = from;
    while ((at = text.indexOf(u"http", at, Qt::CaseInsensitive)) >= 0) {
        const QStringView rest = text.mid(at);
        const bool scheme = rest.startsWith(u"http://", Qt::CaseInsensitive)
            || rest.startsWith(u"https://", Qt::CaseInsensitive);
        if (!scheme || (at > 0 && text[at - 1].isLetterOrNumber())) {
            at += 4;
            continue;
        }
        qsizetype stop = at;
        int parentheses = 0;
        while (stop < text.size()) {
            const QChar c = text[stop];
            if (c.isSpace() || c == u'<' || c == u'>' || c == u'"' || c == u'`'
                || c.category() == QChar::Other_Control || c == QChar::LineSeparator
                || c == QChar::ParagraphSeparator)
                break;
            parentheses += c == u'(' ? 1 : c == u')' ? -1 : 0;
            ++stop;
        }
        // "(see https://x.org/a)." links https://x.org/a
        while (stop > at) {
            const QChar last = text[stop - 1];
            if (QStringView(u".,;:!?'*").contains(last) || (last == u')' && parentheses < 0)) {
                parentheses += last == u')' ? 1 : 0;
                --stop;
            } else {
                break;
            }
        }
        if (stop - at > 8) {
            *start = at;
            *end = stop;
            return true;
        }
        at = stop > at ? stop : at + 4;
    }
    return false;
}

void BlockCollector::appendPlainLine(QStringView text)
{
    qsizetype done = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    while (findWebUrl(text, done, &start, &end)) {
        const QStringView url = text.mid(start, end - start);
        const QString target = safeLinkTarget(url.toString());
        m_writer.appendText(text.mid(done, (target.isEmpty() ? end : start) - done));
        if (!target.isEmpty()) {
            m_writer.appendOpeningMarkup(anchorTag(target));
            m_writer.appendText(url, false);
            m_writer.appendMarkup(u"</a>");
        }
        done = end;
    }
    m_writer.appendText(text.mid(done));
}

void BlockCollector::addPlainText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    enterSegment(Segment::Text);
    m_segmentHasContent = true;
    m_writer.appendMarkup(text.isRightToLeft()
            ? u"<p style=\"margin:0px; white-space:pre-wrap;\" dir=\"rtl\">"
            : u"<p style=\"margin:0px; white-space:pre-wrap;\">");
    appendPlainLine(text);
    m_writer.endLine();
    m_writer.appendMarkup(u"</p>");
    flushSegment();
}

QVariantList BlockCollector::take(const BoundedBody &bounded)
{
    flushCode();
    flushSegment();
    if (bounded.clippedChars > 0) {
        m_blocks.append(QVariantMap {
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("html"),
                QStringLiteral("<p style=\"margin:0px;\"><i>%1</i></p>")
                    .arg(QStringLiteral("Message shortened: %L1 more characters are not shown.")
                             .arg(bounded.clippedChars))},
            {QStringLiteral("clipped"), true},
        });
    }
    for (qsizetype i = 0; i < m_blocks.size(); ++i) {
        QVariantMap block = m_blocks.at(i).toMap();
        block.insert(QStringLiteral("truncated"), bounded.truncated && i + 1 == m_blocks.size());
        if (!block.contains(QStringLiteral("clipped")))
            block.insert(QStringLiteral("clipped"), false);
        m_blocks[i] = block;
    }
    return std::exchange(m_blocks, {});
}

} // namespace

QVariantList renderMessageBlocks(
    const QString &body, const QString &format, const QStringList &mentionNames, bool collapsed)
{
    const BoundedBody bounded = boundBody(body, collapsed);
    BlockCollector collector(mentionNames);
    if (format == u"markdown") {
        QTextDocument document;
        document.setMarkdown(rendering::markChatLineBreaks(bounded.text),
            QTextDocument::MarkdownFeatures(
                QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
        collector.addMarkdown(document);
    } else {
        collector.addPlainText(bounded.text);
    }
    QVariantList blocks = collector.take(bounded);
    if (blocks.isEmpty() && bounded.truncated) {
        // Only blank lines fit: still say there is more.
        blocks.append(QVariantMap {
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("html"), QString()},
            {QStringLiteral("truncated"), true},
            {QStringLiteral("clipped"), false},
        });
    }
    return blocks;
}

QVariantList MessageRendererSingleton::render(
    const QString &body, const QString &format, const QStringList &mentionNames, bool collapsed) const
{
    return renderMessageBlocks(body, format, mentionNames, collapsed);
}

} // namespace tandem::app
