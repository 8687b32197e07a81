// Markdown as people type it in a chat: a new line is a new line.
#pragma once

#include <QString>

namespace tandem::app::rendering {

// Markdown joins the lines of a paragraph with a space; in a chat that loses the sender's line breaks.
// Each line that continues a paragraph gets a LINE SEPARATOR (U+2028) at its end, which md4c keeps as
// text and our writer turns into <br>. Fenced and indented code, table rows, setext underlines and
// explicit hard breaks are left alone.
[[nodiscard]] QString markChatLineBreaks(const QString &markdown);

} // namespace tandem::app::rendering
