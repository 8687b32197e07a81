#include "searchmodel.h"

#include "storereply.h"

#include "messaging/conversationqueries.h"
#include "store/storethread.h"
#include "store/syncstate.h"

namespace tandem::app {

using namespace Qt::StringLiterals;
using models::onReply;

namespace {

// Escapes `text` and wraps the ranges in <b>: the only markup is ours.
QString markedHtml(const QString &text, const QList<QPair<int, int>> &ranges)
{
    QString html;
    int at = 0;
    for (const auto &[start, length] : ranges) {
        if (start < at || start + length > text.size())
            continue;
        html += text.mid(at, start - at).toHtmlEscaped();
        html += u"<b>"_s + text.mid(start, length).toHtmlEscaped() + u"</b>"_s;
        at = start + length;
    }
    return html + text.mid(at).toHtmlEscaped();
}

// The first case-insensitive occurrence of `needle` in `text`, marked.
QString markedName(const QString &text, const QString &needle)
{
    const qsizetype at = needle.isEmpty() ? -1 : text.indexOf(needle, 0, Qt::CaseInsensitive);
    if (at < 0)
        return text.toHtmlEscaped();
    return markedHtml(text, {{int(at), int(needle.size())}});
}

} // namespace

SearchModel::SearchModel(store::StoreThread *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchModel::run);
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{ResultKindRole, "resultKind"}, {TitleRole, "title"}, {SubtitleRole, "subtitle"},
        {SnippetHtmlRole, "snippetHtml"}, {ConversationIdRole, "conversationId"},
        {MessageIdRole, "messageId"}, {UserIdRole, "userId"}, {CreatedAtRole, "createdAt"}};
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case ResultKindRole:
        return r.kind;
    case TitleRole:
        return r.title;
    case SubtitleRole:
        return r.subtitle;
    case SnippetHtmlRole:
        return r.snippetHtml;
    case ConversationIdRole:
        return r.conversationId;
    case MessageIdRole:
        return r.messageId;
    case UserIdRole:
        return r.userId;
    case CreatedAtRole:
        return r.createdAt;
    default:
        return {};
    }
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    ++m_generation; // whatever is on its way is for an older query
    if (m_query.trimmed().isEmpty()) {
        m_debounce.stop();
        setRows({});
        setSearching(false);
        return;
    }
    setSearching(true);
    m_debounce.start();
}

void SearchModel::setSelfUserId(const QString &userId)
{
    if (userId == m_selfUserId)
        return;
    m_selfUserId = userId;
    Q_EMIT selfUserIdChanged();
}

void SearchModel::clear()
{
    setQuery(QString());
}

void SearchModel::setSearching(bool searching)
{
    if (searching == m_searching)
        return;
    m_searching = searching;
    Q_EMIT searchingChanged();
}

void SearchModel::run()
{
    const quint64 generation = m_generation;
    const QString text = m_query.trimmed();
    const QString knownSelf = m_selfUserId;
    auto future = m_store->read<QList<Row>>([text, knownSelf](store::SpaceStore &s) -> Result<QList<Row>> {
        QString self = knownSelf;
        if (self.isEmpty())
            if (auto account = store::loadSyncAccount(s.db()))
                self = account->userId;
        auto found = messaging::searchAll(s, self, text, kLimitEach);
        if (!found)
            return found.error();
        QList<Row> rows;
        for (const messaging::ConversationSummary &c : std::as_const(found->conversations)) {
            Row r;
            r.kind = u"conversation"_s;
            r.title = c.name;
            r.subtitle = c.topic.isEmpty() ? messaging::oneLine(c.lastMessageText, 80)
                                           : messaging::oneLine(c.topic, 80);
            r.snippetHtml = markedName(c.name, text);
            r.conversationId = c.id;
            r.createdAt = c.lastMessageAt;
            rows.append(std::move(r));
        }
        for (const messaging::PersonResult &p : std::as_const(found->people)) {
            Row r;
            r.kind = u"person"_s;
            r.title = p.displayName;
            r.subtitle = u'@' + p.userName;
            r.snippetHtml = markedName(p.displayName, text);
            r.conversationId = p.directConversationId;
            r.userId = p.userId;
            rows.append(std::move(r));
        }
        for (const messaging::MessageResult &m : std::as_const(found->messages)) {
            Row r;
            r.kind = u"message"_s;
            r.title = m.conversationName;
            r.subtitle = m.senderName;
            r.snippetHtml = markedHtml(m.snippet, m.highlights);
            r.conversationId = m.conversationId;
            r.messageId = m.messageId;
            r.userId = m.senderId;
            r.createdAt = m.createdAt;
            rows.append(std::move(r));
        }
        return rows;
    });
    onReply(this, future, [this, generation](const Result<QList<Row>> &rows) {
        if (generation != m_generation)
            return; // a newer query is on its way
        setRows(rows ? *rows : QList<Row>());
        setSearching(false);
        Q_EMIT resultsReady();
    });
}

void SearchModel::setRows(QList<Row> rows)
{
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace tandem::app
