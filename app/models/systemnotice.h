// A server-authored notice (a message with `system`, docs/protocol.md §6.2, §6.12) as the user reads it:
// the client's own sentence for a kind it knows, in the UI language, with the names the store holds;
// the server's body (English) for a kind it does not know or when a named user is not held.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace tandem::app::models {

class SystemNotice
{
    Q_DECLARE_TR_FUNCTIONS(SystemNotice)
public:
    // "陈伟 has taken over this conversation from Bob Okafor", translated; `body` when the kind is not
    // known or a name is missing. Empty when `kind` is empty (an ordinary message).
    [[nodiscard]] static QString text(
        const QString &kind, const QString &fromName, const QString &toName, const QString &body);
};

} // namespace tandem::app::models
