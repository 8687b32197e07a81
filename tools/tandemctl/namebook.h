// Readable names for the ids in search results: a conversation's name (or, for an unnamed direct
// chat, its members' user names) and a sender's user name. Loaded once per command.
#pragma once

#include "store/spacestore.h"

#include <QHash>

namespace tandemctl {

class NameBook
{
public:
    static tandem::Result<NameBook> load(tandem::store::SpaceStore &store);

    [[nodiscard]] QString conversation(const QString &id) const { return m_conversations.value(id, id); }
    [[nodiscard]] QString user(const QString &id) const { return m_users.value(id, id); }

private:
    QHash<QString, QString> m_conversations;
    QHash<QString, QString> m_users;
};

// The snippet with its matches in [brackets], for a terminal.
QString bracketHighlights(const tandem::store::Snippet &snippet);

} // namespace tandemctl
