// A message's body as blocks QML can show: "text" and "quote" blocks carry safe rich text that we
// generate ourselves (Markdown parsed by Qt's md4c, then re-emitted by our own writer: every character
// of the server's text escaped, no images, no remote resources, only http/https/mailto links, bidi
// controls isolated), "code" blocks carry plain code and its language. Bounded: a collapsed message
// shows at most ~3,000 characters or 40 lines, an expanded one at most 64 KiB.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace tandem::app {

// Limits, public so that tests and views can speak of them.
inline constexpr qsizetype kCollapsedMaxChars = 3000;
inline constexpr int kCollapsedMaxLines = 40;
inline constexpr qsizetype kExpandedMaxChars = 64 * 1024;

// The blocks of one message, each a QVariantMap:
//   {type: "text",  html, truncated, clipped}
//   {type: "quote", html, truncated, clipped}
//   {type: "code",  code, language, lineCount, truncated, clipped}
// `format` is "plain" (escaped text, http(s) URLs linkified) or "markdown". `mentionNames` are the
// names highlighted after '@'. `collapsed`: at most kCollapsedMaxChars / kCollapsedMaxLines, and the
// last block has `truncated: true` when something was left out (render again with collapsed = false
// for the rest). An expanded message past kExpandedMaxChars ends with a note block whose `clipped` is
// true. Reentrant: no shared state, callable from any thread.
[[nodiscard]] QVariantList renderMessageBlocks(
    const QString &body, const QString &format, const QStringList &mentionNames, bool collapsed);

// renderMessageBlocks for QML, as the singleton `MessageRenderer`.
class MessageRendererSingleton : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(MessageRenderer)
    QML_SINGLETON
    Q_PROPERTY(int collapsedMaxChars READ collapsedMaxChars CONSTANT)
    Q_PROPERTY(int collapsedMaxLines READ collapsedMaxLines CONSTANT)

public:
    using QObject::QObject;

    Q_INVOKABLE QVariantList render(
        const QString &body, const QString &format, const QStringList &mentionNames, bool collapsed) const;

    [[nodiscard]] static int collapsedMaxChars() { return static_cast<int>(kCollapsedMaxChars); }
    [[nodiscard]] static int collapsedMaxLines() { return kCollapsedMaxLines; }
};

} // namespace tandem::app
