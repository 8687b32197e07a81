#include "conversationlistmodel.h"

#include "storereply.h"

#include "messaging/conversationqueries.h"
#include "store/storethread.h"
#include "sync/mutations.h"
#include "sync/spacesync.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcConversations, "tandem.app.conversations")

using namespace Qt::StringLiterals;
using messaging::ConversationSummary;
using models::onReply;

namespace {

using Summaries = QList<ConversationSummary>;

bool listOrder(const ConversationSummary &a, const ConversationSummary &b)
{
    if (a.pinned != b.pinned)
        return a.pinned;
    if (a.lastMessageAt != b.lastMessageAt)
        return a.lastMessageAt > b.lastMessageAt;
    return a.name != b.name ? a.name < b.name : a.id < b.id;
}

} // namespace

ConversationListModel::ConversationListModel(
    store::StoreThread *store, sync::SpaceSync *sync, QString selfUserId, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_sync(sync)
    , m_selfUserId(std::move(selfUserId))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(30);
    connect(&m_timer, &QTimer::timeout, this, &ConversationListModel::refresh);
    connect(m_store, &store::StoreThread::changed, this, &ConversationListModel::onStoreChanged);
    m_loading = true;
    refresh();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{ConversationIdRole, "conversationId"}, {NameRole, "name"}, {KindRole, "kind"},
        {TopicRole, "topic"}, {ExternalRole, "external"}, {UnreadCountRole, "unreadCount"},
        {MentionCountRole, "mentionCount"}, {LastMessageTextRole, "lastMessageText"},
        {LastSenderNameRole, "lastSenderName"}, {LastMessageAtRole, "lastMessageAt"},
        {DraftTextRole, "draftText"}, {MemberCountRole, "memberCount"}, {MutedRole, "muted"},
        {TypingTextRole, "typingText"}, {PresenceRole, "presence"}, {PinnedRole, "pinned"},
        {OtherUserIdRole, "otherUserId"}};
}

QString ConversationListModel::lastMessageText(const ConversationSummary &c) const
{
    if (c.lastMessageId.isEmpty())
        return {};
    if (c.lastMessageDeleted)
        return tr("Message deleted");
    if (c.lastMessageText.isEmpty() && !c.lastAttachmentName.isEmpty())
        return messaging::oneLine(c.lastAttachmentName);
    return messaging::oneLine(c.lastMessageText);
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationSummary &c = m_rows.at(index.row());
    switch (role) {
    case ConversationIdRole:
        return c.id;
    case NameRole:
        return c.name;
    case KindRole:
        return c.kind;
    case TopicRole:
        return c.topic;
    case ExternalRole:
        return c.external;
    case UnreadCountRole:
        return c.unreadCount;
    case MentionCountRole:
        return c.mentionCount;
    case LastMessageTextRole:
        return lastMessageText(c);
    case LastSenderNameRole:
        return c.lastSenderId.isEmpty()      ? QString()
            : c.lastSenderId == m_selfUserId ? tr("You")
                                             : c.lastSenderName;
    case LastMessageAtRole:
        return c.lastMessageAt;
    case DraftTextRole:
        return messaging::oneLine(c.draftText);
    case MemberCountRole:
        return c.memberCount;
    case MutedRole:
        return c.notifyLevel == "muted"_L1;
    case TypingTextRole:
    case PresenceRole:
        return QString();
    case PinnedRole:
        return c.pinned;
    case OtherUserIdRole:
        return c.otherUserId;
    default:
        return {};
    }
}

void ConversationListModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    Q_EMIT filterTextChanged();
    show();
}

int ConversationListModel::indexOf(const QString &conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == conversationId)
            return i;
    return -1;
}

QString ConversationListModel::conversationIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

void ConversationListModel::onStoreChanged(const store::StoreChange &change)
{
    if (change.conversationList || change.users)
        m_wholeDirty = true;
    else if (change.conversations.isEmpty())
        return;
    m_dirty.unite(change.conversations);
    m_timer.start();
}

void ConversationListModel::refresh()
{
    if (m_running || (!m_wholeDirty && m_dirty.isEmpty()))
        return;
    m_running = true;
    const bool whole = m_wholeDirty;
    const QSet<QString> asked = m_dirty;
    m_wholeDirty = false;
    m_dirty.clear();
    const QString self = m_selfUserId;
    auto future = m_store->read<Summaries>([whole, asked, self](store::SpaceStore &s) -> Result<Summaries> {
        if (whole)
            return messaging::conversationSummaries(s, self);
        Summaries out;
        for (const QString &id : asked) {
            auto one = messaging::conversationSummary(s, self, id);
            if (!one)
                return one.error();
            if (*one)
                out.append(**one);
        }
        return out;
    });
    onReply(this, future, [this, whole, asked](const Result<Summaries> &fresh) {
        m_running = false;
        if (fresh) {
            merge(*fresh, asked, whole);
        } else {
            qCWarning(lcConversations) << "reading the conversation list failed:" << fresh.error().message;
            Q_EMIT errorOccurred(fresh.error().message);
        }
        if (m_loading) {
            m_loading = false;
            Q_EMIT loadingChanged();
        }
        if (!m_loadedOnce && fresh) {
            m_loadedOnce = true;
            Q_EMIT loaded();
        }
        if (m_wholeDirty || !m_dirty.isEmpty())
            m_timer.start();
    });
}

void ConversationListModel::merge(const Summaries &fresh, const QSet<QString> &asked, bool whole)
{
    if (whole) {
        m_all = fresh;
    } else {
        QHash<QString, const ConversationSummary *> byId;
        for (const ConversationSummary &c : fresh)
            byId.insert(c.id, &c);
        // Asked for and not found: removed or archived.
        m_all.removeIf(
            [&](const ConversationSummary &c) { return asked.contains(c.id) && !byId.contains(c.id); });
        for (ConversationSummary &c : m_all)
            if (const auto it = byId.constFind(c.id); it != byId.constEnd()) {
                c = **it;
                byId.erase(it);
            }
        for (const ConversationSummary *c : std::as_const(byId))
            m_all.append(*c);
        std::stable_sort(m_all.begin(), m_all.end(), listOrder);
    }
    show();
}

void ConversationListModel::show()
{
    Summaries next;
    for (const ConversationSummary &c : std::as_const(m_all))
        if (m_filterText.isEmpty() || c.name.contains(m_filterText, Qt::CaseInsensitive))
            next.append(c);
    const qsizetype before = m_rows.size();
    QSet<QString> nextIds;
    for (const ConversationSummary &c : std::as_const(next))
        nextIds.insert(c.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row)
        if (!nextIds.contains(m_rows.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_rows.remove(row);
            endRemoveRows();
        }
    // Rows before `i` are final; each wanted row is moved up, inserted, or updated in place.
    for (int i = 0; i < next.size(); ++i) {
        const ConversationSummary &want = next.at(i);
        int at = -1;
        for (int j = i; j < m_rows.size(); ++j)
            if (m_rows.at(j).id == want.id) {
                at = j;
                break;
            }
        if (at < 0) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, want);
            endInsertRows();
            continue;
        }
        if (at != i) {
            beginMoveRows({}, at, at, {}, i);
            m_rows.move(at, i);
            endMoveRows();
        }
        if (!(m_rows.at(i) == want)) {
            m_rows[i] = want;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
    if (before != m_rows.size())
        Q_EMIT countChanged();
}

void ConversationListModel::setPrefs(const QString &conversationId, const QJsonObject &prefs)
{
    QJsonObject payload = prefs;
    payload.insert(u"conversation_id"_s, conversationId);
    auto future = m_sync ? m_sync->mutate(u"prefs.set"_s, payload)
                         : sync::queueMutation(*m_store, u"prefs.set"_s, payload);
    onReply(this, future, [this](const Result<sync::QueuedMutation> &queued) {
        if (!queued)
            Q_EMIT errorOccurred(queued.error().message);
    });
}

void ConversationListModel::setPinned(const QString &conversationId, bool pinned)
{
    setPrefs(conversationId, QJsonObject {{u"pinned"_s, pinned}});
}

void ConversationListModel::setMuted(const QString &conversationId, bool muted)
{
    setPrefs(conversationId, QJsonObject {{u"notify_level"_s, muted ? u"muted"_s : u"all"_s}});
}

} // namespace tandem::app
