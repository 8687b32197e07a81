#include "safehtmlwriter.h"

#include <algorithm>

namespace tandem::app::rendering {

namespace {

// Bidi formatting characters (UAX #9).
constexpr char16_t kLre = 0x202A;
constexpr char16_t kRle = 0x202B;
constexpr char16_t kPdf = 0x202C;
constexpr char16_t kLro = 0x202D;
constexpr char16_t kRlo = 0x202E;
constexpr char16_t kLri = 0x2066;
constexpr char16_t kRli = 0x2067;
constexpr char16_t kFsi = 0x2068;
constexpr char16_t kPdi = 0x2069;
constexpr char16_t kZeroWidthSpace = 0x200B;
constexpr char16_t kReplacement = 0xFFFD;

// Beyond this depth the server's initiators are dropped: UAX #9 stops at 125 anyway, and our closing
// sequence stays short.
constexpr std::size_t kMaxBidiDepth = 64;
// A break opportunity after this many characters without one: Qt's line breaking of a megabyte-long
// word is quadratic enough to freeze the view.
constexpr qsizetype kMaxRunLength = 80;

bool isIsolateInitiator(char16_t c)
{
    return c == kLri || c == kRli || c == kFsi;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

// A space that lets a line break: not the no-break ones.
bool isBreakingSpace(QChar c)
{
    return c.isSpace() && c != QChar(0x00A0) && c != QChar(0x2007) && c != QChar(0x202F);
}

} // namespace

SafeHtmlWriter::SafeHtmlWriter(const QStringList &mentionNames)
{
    for (const QString &name : mentionNames) {
        const QString trimmed = name.trimmed();
        if (!trimmed.isEmpty() && !m_mentionNames.contains(trimmed, Qt::CaseInsensitive))
            m_mentionNames.append(trimmed);
    }
    std::stable_sort(m_mentionNames.begin(), m_mentionNames.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void SafeHtmlWriter::beginLine()
{
    if (m_inLine)
        return;
    m_inLine = true;
    m_html += QChar(kFsi);
    m_runLength = 0;
    m_previous = QChar();
    m_pendingBreaks = 0;
    m_skipSpace = false;
}

void SafeHtmlWriter::endLine()
{
    if (!m_inLine)
        return;
    while (!m_bidiStack.empty()) {
        m_html += QChar(isIsolateInitiator(m_bidiStack.back()) ? kPdi : kPdf);
        m_bidiStack.pop_back();
    }
    m_html += QChar(kPdi);
    m_inLine = false;
    m_pendingBreaks = 0; // breaks at the very end of a line show nothing
    m_skipSpace = false;
}

void SafeHtmlWriter::appendOpeningMarkup(QStringView markup)
{
    if (m_inLine)
        flushPendingBreak();
    else
        beginLine(); // our isolate starts outside the tags it holds
    m_html += markup;
}

QString SafeHtmlWriter::take()
{
    endLine();
    QString html;
    html.swap(m_html);
    return html;
}

void SafeHtmlWriter::appendText(QStringView text, bool highlightMentions)
{
    beginLine();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (highlightMentions && c == u'@' && (m_previous.isNull() || !isWordChar(m_previous))) {
            if (const qsizetype length = mentionLengthAt(text, i); length > 0) {
                flushPendingBreak();
                m_html += u"<span style=\"background-color:rgba(240,180,76,0.35); font-weight:600;\">";
                for (qsizetype j = i; j < i + length; ++j)
                    appendChar(text[j]);
                m_html += u"</span>";
                i += length - 1;
                continue;
            }
        }
        appendChar(c);
    }
}

qsizetype SafeHtmlWriter::mentionLengthAt(QStringView text, qsizetype at) const
{
    const QStringView rest = text.mid(at + 1);
    for (const QString &name : m_mentionNames) {
        if (rest.size() < name.size() || rest.left(name.size()).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        // "@alice" in "@alice's" and "@alice," but not in "@alicex" nor "@alice.b".
        if (rest.size() > name.size()) {
            const QChar next = rest[name.size()];
            if (next.isLetterOrNumber() || next == u'_'
                || (next == u'.' && rest.size() > name.size() + 1
                    && rest[name.size() + 1].isLetterOrNumber()))
                continue;
        }
        return name.size() + 1;
    }
    return 0;
}

void SafeHtmlWriter::flushPendingBreak()
{
    const int breaks = m_pendingBreaks;
    for (int i = 0; i < breaks; ++i) {
        endLine();
        m_html += u"<br>";
        beginLine();
    }
    m_pendingBreaks = 0;
    m_skipSpace = false;
}

void SafeHtmlWriter::appendChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u == u'\n' || u == QChar::LineSeparator || u == QChar::ParagraphSeparator) {
        // Lazy: breaks at the end of a line are dropped.
        ++m_pendingBreaks;
        m_skipSpace = u == QChar::LineSeparator;
        return;
    }
    if (u == u'\r')
        return;
    if (m_pendingBreaks > 0) {
        if (m_skipSpace && u == u' ') {
            m_skipSpace = false;
            return;
        }
        flushPendingBreak();
    }

    switch (u) {
    case u'&':
        m_html += u"&amp;";
        break;
    case u'<':
        m_html += u"&lt;";
        break;
    case u'>':
        m_html += u"&gt;";
        break;
    case u'"':
        m_html += u"&quot;";
        break;
    case u'\'':
        m_html += u"&#39;";
        break;
    case kLre:
    case kRle:
    case kLro:
    case kRlo:
    case kLri:
    case kRli:
    case kFsi:
        if (m_bidiStack.size() < kMaxBidiDepth) {
            m_bidiStack.push_back(u);
            m_html += c;
        }
        break;
    case kPdf:
        // A PDF only closes an embedding opened inside the innermost isolate; anything else ignores it.
        if (!m_bidiStack.empty() && !isIsolateInitiator(m_bidiStack.back()))
            m_bidiStack.pop_back();
        m_html += c;
        break;
    case kPdi: {
        // A PDI with no isolate of the server's own to close would close ours: it is dropped.
        const auto isolate = std::find_if(m_bidiStack.rbegin(), m_bidiStack.rend(), isIsolateInitiator);
        if (isolate != m_bidiStack.rend()) {
            m_bidiStack.erase(std::prev(isolate.base()), m_bidiStack.end());
            m_html += c;
        }
        break;
    }
    // Characters QTextDocument gives a meaning of its own (frames, objects), and NUL.
    case 0x0000:
    case QChar::ObjectReplacementCharacter:
    case 0xFDD0:
    case 0xFDD1:
        m_html += QChar(kReplacement);
        break;
    default:
        if (isBreakingSpace(c)) {
            m_runLength = 0;
        } else if (++m_runLength > kMaxRunLength && !c.isLowSurrogate() && !c.isMark()) {
            m_html += QChar(kZeroWidthSpace);
            m_runLength = 1;
        }
        m_html += c;
        break;
    }
    m_previous = c;
}

} // namespace tandem::app::rendering
