#include "namebook.h"

#include <algorithm>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;

Result<NameBook> NameBook::load(SpaceStore &store)
{
    NameBook book;
    auto users = store.users();
    if (!users)
        return users.error();
    for (const User &u : *users)
        book.m_users.insert(u.id, u.userName.isEmpty() ? u.id : u.userName);
    // Every conversation, archived ones too: a search can find their messages.
    auto st = store.db().prepare(
        "SELECT c.id, c.name, (SELECT group_concat(coalesce(u.user_name, m.user_id), ' & ') "
        "FROM members m LEFT JOIN users u ON u.id = m.user_id WHERE m.conversation_id = c.id) "
        "FROM conversations c");
    if (!st)
        return st.error();
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QString id = st->text(0);
        QString label = st->text(1);
        if (label.isEmpty())
            label = st->text(2);
        book.m_conversations.insert(id, label.isEmpty() ? id : label);
    }
    return book;
}

QString bracketHighlights(const Snippet &snippet)
{
    QList<QPair<int, int>> ranges = snippet.highlights;
    std::sort(ranges.begin(), ranges.end());
    QString text;
    int at = 0;
    for (const auto &[start, length] : ranges) {
        if (start < at || start + length > snippet.text.size())
            continue;
        text += QStringView(snippet.text).mid(at, start - at);
        text += u'[' + QStringView(snippet.text).mid(start, length).toString() + u']';
        at = start + length;
    }
    text += QStringView(snippet.text).mid(at);
    return text;
}

} // namespace tandemctl
