#include "conversationlistmodel.h"

#include "offdutytext.h"
#include "storereply.h"
#include "systemnotice.h"

#include "messageformat.h"
#include "platform/languagesettings.h"

#include "messaging/conversationqueries.h"
#include "store/storethread.h"
#include "sync/mutations.h"
#include "sync/spacesync.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimeZone>

#include <algorithm>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcConversations, "tandem.app.conversations")

using namespace Qt::StringLiterals;
using messaging::ConversationSummary;
using models::onReply;

namespace {

using Summaries = QList<ConversationSummary>;

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;

// Within the last hour people read a message's age ("3 minutes ago"); after that the list's own clock
// time or date says more.
QString lastMessageAgeText(qint64 at, qint64 now)
{
    if (at <= 0 || now - at >= kHourMs || at > now + kMinuteMs)
        return {};
    return models::MessageFormat::relativeTimeText(at, std::max(at, now));
}

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
    if (m_sync)
        connect(m_sync, &sync::SpaceSync::typingChanged, this, &ConversationListModel::onTypingChanged);
    // Typing, presence and "You:" texts are made in data(): a new language only needs them asked again.
    connect(LanguageSettings::instance(), &LanguageSettings::languageChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
    });
    m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_ageTimer.setInterval(int(kMinuteMs));
    connect(&m_ageTimer, &QTimer::timeout, this, &ConversationListModel::refreshAgeTexts);
    m_ageTimer.start();
    m_loading = true;
    refresh();
    refreshPresence();
}

void ConversationListModel::refreshAgeTexts()
{
    // Only the rows young enough to have an age text, or to have just lost it: one role each.
    const qint64 now = m_clock();
    for (int row = 0; row < m_rows.size(); ++row) {
        const qint64 at = m_rows.at(row).lastMessageAt;
        if (at > 0 && now - at < kHourMs + 2 * kMinuteMs)
            Q_EMIT dataChanged(index(row), index(row), {LastMessageAgeTextRole});
    }
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
        {OtherUserIdRole, "otherUserId"}, {PresenceTextRole, "presenceText"},
        {LastMessageAgeTextRole, "lastMessageAgeText"}};
}

QString ConversationListModel::presenceText(const messaging::UserPresence &p, const QDateTime &now)
{
    QString until;
    if (p.offUntil > 0) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(p.offUntil).toTimeZone(now.timeZone());
        until = at.date() == now.date() ? at.toString(u"HH:mm"_s) : QLocale().toString(at, u"ddd HH:mm"_s);
    }
    if (p.status == "online"_L1)
        return tr("Online");
    if (p.status == "away"_L1)
        return until.isEmpty() ? tr("Away") : tr("Away until %1").arg(until);
    if (p.status == "busy"_L1)
        return until.isEmpty() ? tr("Busy") : tr("Busy until %1").arg(until);
    if (p.status == "off_duty"_L1)
        return offDutyText(p.offUntil, p.timeZone, now); // in their zone and in ours (issue 5)
    return tr("Offline");
}

QString ConversationListModel::typingText(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("%n people are typing…", nullptr, int(names.size()));
    }
}

QString ConversationListModel::lastMessageText(const ConversationSummary &c) const
{
    if (c.lastMessageId.isEmpty())
        return {};
    if (c.lastMessageDeleted)
        return tr("Message deleted");
    if (!c.lastSystemKind.isEmpty())
        return messaging::oneLine(models::SystemNotice::text(
            c.lastSystemKind, c.lastSystemFromName, c.lastSystemToName, c.lastMessageText));
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
        // A server notice is nobody's message: its sentence names the people.
        return c.lastSenderId.isEmpty() || !c.lastSystemKind.isEmpty() ? QString()
            : c.lastSenderId == m_selfUserId                           ? tr("You")
                                                                       : c.lastSenderName;
    case LastMessageAtRole:
        return c.lastMessageAt;
    case DraftTextRole:
        return messaging::oneLine(c.draftText);
    case MemberCountRole:
        return c.memberCount;
    case MutedRole:
        return c.notifyLevel == "muted"_L1;
    case TypingTextRole: {
        QStringList names;
        for (const QString &id : m_typing.value(c.id))
            if (const auto it = m_names.constFind(id); it != m_names.constEnd())
                names << *it; // a name still being read joins a moment later
        return typingText(names);
    }
    case PresenceRole:
        if (c.kind != "direct"_L1 || !m_presence.contains(c.otherUserId))
            return QString();
        return m_presence.value(c.otherUserId).status;
    case PresenceTextRole:
        if (c.kind != "direct"_L1 || !m_presence.contains(c.otherUserId))
            return QString();
        return presenceText(m_presence.value(c.otherUserId), QDateTime::currentDateTime());
    case PinnedRole:
        return c.pinned;
    case OtherUserIdRole:
        return c.otherUserId;
    case LastMessageAgeTextRole:
        return lastMessageAgeText(c.lastMessageAt, m_clock());
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
    if (change.presence)
        refreshPresence();
    if (change.users && !m_typing.isEmpty()) {
        // Someone typing may have been renamed.
        QStringList typists;
        for (const QStringList &ids : std::as_const(m_typing))
            typists += ids;
        readNames(typists);
    }
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

void ConversationListModel::setNotifyLevel(const QString &conversationId, const QString &level)
{
    if (level != u"all" && level != u"mentions" && level != u"muted") {
        Q_EMIT errorOccurred(
            tr("Unknown notification level “%1”: choose all, mentions or muted.").arg(level));
        return;
    }
    setPrefs(conversationId, QJsonObject {{u"notify_level"_s, level}});
}

void ConversationListModel::onTypingChanged(const QString &conversationId, const QStringList &userIds)
{
    if (userIds.isEmpty()) {
        if (m_typing.remove(conversationId) == 0)
            return;
    } else {
        m_typing.insert(conversationId, userIds);
    }
    QStringList unnamed;
    for (const QString &id : userIds)
        if (!m_names.contains(id))
            unnamed << id;
    if (!unnamed.isEmpty())
        readNames(unnamed);
    rowsChanged({conversationId}, {TypingTextRole});
}

void ConversationListModel::readNames(const QStringList &userIds)
{
    auto future = m_store->read<QHash<QString, QString>>(
        [userIds](store::SpaceStore &s) { return messaging::displayNames(s, userIds); });
    onReply(this, future, [this](const Result<QHash<QString, QString>> &names) {
        if (!names) {
            qCWarning(lcConversations) << "reading names of people typing failed:" << names.error().message;
            return;
        }
        QSet<QString> affected;
        for (auto it = names->cbegin(); it != names->cend(); ++it) {
            if (m_names.value(it.key()) == it.value())
                continue;
            m_names.insert(it.key(), it.value());
            for (auto t = m_typing.cbegin(); t != m_typing.cend(); ++t)
                if (t->contains(it.key()))
                    affected.insert(t.key());
        }
        rowsChanged(affected, {TypingTextRole});
    });
}

void ConversationListModel::refreshPresence()
{
    if (m_presenceRunning) {
        m_presenceDirty = true;
        return;
    }
    m_presenceRunning = true;
    m_presenceDirty = false;
    using Presences = QHash<QString, messaging::UserPresence>;
    auto future = m_store->read<Presences>([](store::SpaceStore &s) { return messaging::presences(s); });
    onReply(this, future, [this](const Result<Presences> &fresh) {
        m_presenceRunning = false;
        if (fresh) {
            QSet<QString> changed;
            for (auto it = fresh->cbegin(); it != fresh->cend(); ++it)
                if (!m_presence.contains(it.key()) || m_presence.value(it.key()) != it.value())
                    changed.insert(it.key());
            for (auto it = m_presence.cbegin(); it != m_presence.cend(); ++it)
                if (!fresh->contains(it.key()))
                    changed.insert(it.key());
            m_presence = *fresh;
            directRowsChanged(changed, {PresenceRole, PresenceTextRole});
        } else {
            qCWarning(lcConversations) << "reading presence failed:" << fresh.error().message;
        }
        if (m_presenceDirty)
            refreshPresence();
    });
}

void ConversationListModel::rowsChanged(const QSet<QString> &conversationIds, const QList<int> &roles)
{
    if (conversationIds.isEmpty())
        return;
    for (int row = 0; row < m_rows.size(); ++row)
        if (conversationIds.contains(m_rows.at(row).id))
            Q_EMIT dataChanged(index(row), index(row), roles);
}

void ConversationListModel::directRowsChanged(const QSet<QString> &userIds, const QList<int> &roles)
{
    if (userIds.isEmpty())
        return;
    for (int row = 0; row < m_rows.size(); ++row) {
        const ConversationSummary &c = m_rows.at(row);
        if (c.kind == "direct"_L1 && userIds.contains(c.otherUserId))
            Q_EMIT dataChanged(index(row), index(row), roles);
    }
}

ConversationStatus::ConversationStatus(QObject *parent)
    : QObject(parent)
{ }

void ConversationStatus::setModel(ConversationListModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        // Rows move, appear and go; any of these may change which row is ours or what it says.
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m_model, signal, this, &ConversationStatus::update);
        connect(m_model, &QAbstractItemModel::rowsMoved, this, &ConversationStatus::update);
        connect(m_model, &QAbstractItemModel::modelReset, this, &ConversationStatus::update);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &ConversationStatus::update);
    }
    Q_EMIT modelChanged();
    update();
}

void ConversationStatus::setConversationId(const QString &id)
{
    if (id == m_conversationId)
        return;
    m_conversationId = id;
    Q_EMIT conversationIdChanged();
    update();
}

void ConversationStatus::update()
{
    QString typing, presence, presenceText;
    if (const int row = m_model ? m_model->indexOf(m_conversationId) : -1; row >= 0) {
        const QModelIndex at = m_model->index(row);
        typing = at.data(ConversationListModel::TypingTextRole).toString();
        presence = at.data(ConversationListModel::PresenceRole).toString();
        presenceText = at.data(ConversationListModel::PresenceTextRole).toString();
    }
    if (typing == m_typingText && presence == m_presence && presenceText == m_presenceText)
        return;
    m_typingText = typing;
    m_presence = presence;
    m_presenceText = presenceText;
    Q_EMIT changed();
}

} // namespace tandem::app
