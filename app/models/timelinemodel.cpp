#include "timelinemodel.h"

#include "messageformat.h"
#include "storereply.h"

#include "messaging/conversationqueries.h"
#include "messaging/timelinequeries.h"
#include "store/storethread.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QUrl>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcTimeline, "tandem.app.timeline")

using namespace Qt::StringLiterals;
using messaging::TimelineItem;
using messaging::TimelineKey;
using models::onReply;

namespace {

using Items = QList<TimelineItem>;

} // namespace

TimelineModel::TimelineModel(store::StoreThread *store, QString conversationId, QString selfUserId, Mode mode,
    QString threadRootId, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_conversationId(std::move(conversationId))
    , m_selfUserId(std::move(selfUserId))
    , m_mode(mode)
    , m_threadRootId(std::move(threadRootId))
    , m_blocks(300)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(15);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TimelineModel::runRefresh);
    m_highlightTimer.setSingleShot(true);
    m_highlightTimer.setInterval(kHighlightMs);
    connect(&m_highlightTimer, &QTimer::timeout, this, [this] { setHighlighted(QString()); });
    connect(m_store, &store::StoreThread::changed, this, &TimelineModel::onStoreChanged);
    loadLatest();
}

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return {
        {MessageIdRole, "messageId"},
        {SenderIdRole, "senderId"},
        {SenderNameRole, "senderName"},
        {BodyRole, "body"},
        {FormatRole, "format"},
        {BlocksRole, "blocks"},
        {CreatedAtRole, "createdAt"},
        {TimeTextRole, "timeText"},
        {DayTextRole, "dayText"},
        {ShowDaySeparatorRole, "showDaySeparator"},
        {GroupedWithPreviousRole, "groupedWithPrevious"},
        {SendStateRole, "sendState"},
        {ErrorTextRole, "errorText"},
        {EditedRole, "edited"},
        {DeletedRole, "deleted"},
        {MineRole, "mine"},
        {MentionsMeRole, "mentionsMe"},
        {ThreadReplyCountRole, "threadReplyCount"},
        {ThreadLastReplyAtRole, "threadLastReplyAt"},
        {ReplyToIdRole, "replyToId"},
        {ReplyToSenderNameRole, "replyToSenderName"},
        {ReplyToTextRole, "replyToText"},
        {ReactionsRole, "reactions"},
        {ReadByCountRole, "readByCount"},
        {ReceiptTotalRole, "receiptTotal"},
        {AttachmentsRole, "attachments"},
        {HighlightedRole, "highlighted"},
        {CanEditRole, "canEdit"},
        {CanDeleteRole, "canDelete"},
        {IsFirstUnreadRole, "isFirstUnread"},
        {PinnedRole, "pinned"},
        {SeqRole, "seq"},
        {MentionNamesRole, "mentionNames"},
    };
}

bool TimelineModel::canEdit(const TimelineItem &t) const
{
    if (t.senderId != m_selfUserId || t.deletedAt != 0 || t.seq == 0)
        return false;
    return withinWindow(t, m_policy.editWindowMs);
}

bool TimelineModel::withinWindow(const TimelineItem &t, qint64 windowMs)
{
    return windowMs == 0 || QDateTime::currentMSecsSinceEpoch() - t.createdAt < windowMs;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const TimelineItem &t = m_items.at(row);
    switch (role) {
    case MessageIdRole:
        return t.id;
    case SenderIdRole:
        return t.senderId;
    case SenderNameRole:
        return t.senderName;
    case BodyRole:
        return t.body;
    case FormatRole:
        return t.format;
    case BlocksRole:
        return blocksOf(t);
    case MentionNamesRole:
        return t.mentionNames;
    case CreatedAtRole:
        return t.createdAt;
    case TimeTextRole:
        return models::MessageFormat::timeText(t.createdAt);
    case DayTextRole:
        return models::MessageFormat::dayText(t.createdAt);
    case ShowDaySeparatorRole:
        return showDaySeparator(row);
    case GroupedWithPreviousRole:
        return groupedWithPrevious(row);
    case SendStateRole:
        return t.sendState == 1 ? u"sending"_s : t.sendState == 2 ? u"failed"_s : u"sent"_s;
    case ErrorTextRole:
        return t.sendState == 2 && t.errorText.isEmpty() ? tr("The message could not be sent.") : t.errorText;
    case EditedRole:
        return t.editedAt != 0;
    case DeletedRole:
        return t.deletedAt != 0;
    case MineRole:
        return t.senderId == m_selfUserId;
    case MentionsMeRole:
        return t.mentionsMe;
    case ThreadReplyCountRole:
        return t.threadReplyCount;
    case ThreadLastReplyAtRole:
        return t.threadLastReplyAt;
    case ReplyToIdRole:
        return t.replyToId;
    case ReplyToSenderNameRole:
        return t.replyToSenderName;
    case ReplyToTextRole:
        return t.replyToDeleted ? tr("This message was deleted.") : t.replyToText;
    case ReactionsRole:
        return reactionsOf(t);
    case ReadByCountRole:
        return t.readByCount;
    case ReceiptTotalRole:
        return t.receiptTotal;
    case AttachmentsRole:
        return attachmentsOf(t);
    case HighlightedRole:
        return !m_highlightedId.isEmpty() && t.id == m_highlightedId;
    case CanEditRole:
        return m_mode != Mode::Pinned && canEdit(t);
    case CanDeleteRole:
        // Owners and admins any time; the sender within the server's recall window (§3.6).
        return t.deletedAt == 0 && t.seq != 0
            && (m_canModerate || (t.senderId == m_selfUserId && withinWindow(t, m_policy.recallWindowMs)));
    case IsFirstUnreadRole:
        return !m_firstUnreadId.isEmpty() && t.id == m_firstUnreadId;
    case PinnedRole:
        return t.pinned;
    case SeqRole:
        return t.seq;
    default:
        return {};
    }
}

QVariantList TimelineModel::blocksOf(const TimelineItem &t) const
{
    if (t.deletedAt != 0)
        return {};
    const QString key = t.id + u':' + QString::number(t.editedAt);
    if (const QVariantList *cached = m_blocks.object(key))
        return *cached;
    auto *blocks = new QVariantList(models::MessageFormat::blocks(t.body, t.format, t.mentionNames));
    QVariantList copy = *blocks;
    m_blocks.insert(key, blocks);
    return copy;
}

QVariantList TimelineModel::reactionsOf(const TimelineItem &t) const
{
    QVariantList out;
    for (const messaging::ReactionSummary &r : t.reactions) {
        // At most ten names; the count says the rest.
        QStringList names = r.names.mid(0, 10);
        QString text = names.join(u", "_s);
        if (r.names.size() > names.size())
            text = tr("%1 and %n more", nullptr, int(r.names.size() - names.size())).arg(text);
        out.append(QVariantMap {
            {u"emoji"_s, r.emoji}, {u"count"_s, r.count}, {u"mine"_s, r.mine}, {u"names"_s, text}});
    }
    return out;
}

QVariantList TimelineModel::attachmentsOf(const TimelineItem &t)
{
    QVariantList out;
    for (const messaging::AttachmentItem &a : t.attachments)
        out.append(QVariantMap {{u"attachmentId"_s, a.id}, {u"name"_s, a.name}, {u"sizeBytes"_s, a.sizeBytes},
            {u"mimeType"_s, a.mimeType}, {u"state"_s, a.state},
            {u"progress"_s, a.state == "cached"_L1 ? 1.0 : 0.0},
            // The cache holds encrypted files only; a preview needs an export (openAttachment).
            {u"localUrl"_s, QUrl()}, {u"isImage"_s, a.mimeType.startsWith("image/"_L1)}});
    return out;
}

bool TimelineModel::showDaySeparator(int row) const
{
    if (row + 1 < m_items.size())
        return models::MessageFormat::localDate(m_items.at(row).createdAt)
            != models::MessageFormat::localDate(m_items.at(row + 1).createdAt);
    return m_olderExhausted; // the oldest message held starts its day only if nothing older exists
}

bool TimelineModel::groupedWithPrevious(int row) const
{
    if (row + 1 >= m_items.size())
        return false;
    const TimelineItem &t = m_items.at(row);
    const TimelineItem &previous = m_items.at(row + 1); // the message just above, in reading order
    return t.senderId == previous.senderId && t.createdAt - previous.createdAt < kGroupWindowMs
        && models::MessageFormat::localDate(t.createdAt)
        == models::MessageFormat::localDate(previous.createdAt);
}

int TimelineModel::rowOf(const QString &messageId) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).id == messageId)
            return i;
    return -1;
}

int TimelineModel::rowOfRowid(qint64 rowid) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).rowid == rowid)
            return i;
    return -1;
}

const TimelineItem *TimelineModel::item(const QString &messageId) const
{
    const int row = rowOf(messageId);
    return row < 0 ? nullptr : &m_items.at(row);
}

void TimelineModel::setLoading(bool &flag, bool value)
{
    const bool before = loading();
    flag = value;
    if (before != loading())
        Q_EMIT loadingChanged();
}

void TimelineModel::setAtLatest(bool atLatest)
{
    if (m_atLatest == atLatest)
        return;
    m_atLatest = atLatest;
    Q_EMIT atLatestChanged();
}

void TimelineModel::neighbourChanged(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {ShowDaySeparatorRole, GroupedWithPreviousRole});
}

// ---- loading -------------------------------------------------------------------------------------

void TimelineModel::loadLatest()
{
    const quint64 generation = ++m_generation;
    setLoading(m_loadingOlder, false);
    setLoading(m_loadingNewer, false);
    setLoading(m_loadingReset, true);
    const messaging::TimelineScope scope {m_conversationId, m_threadRootId, m_selfUserId};
    const bool pinned = m_mode == Mode::Pinned;
    QElapsedTimer asked;
    asked.start();
    auto readMs = std::make_shared<qint64>(0);
    auto future = m_store->read<Items>([scope, pinned, readMs](store::SpaceStore &s) -> Result<Items> {
        QElapsedTimer reading;
        reading.start();
        auto page = pinned ? messaging::pinnedMessages(s, scope.conversationId, scope.selfUserId)
                           : messaging::messagesBefore(s, scope, TimelineKey {}, kPageSize);
        *readMs = reading.elapsed();
        return page;
    });
    onReply(this, future, [this, generation, pinned, asked, readMs](const Result<Items> &page) {
        qCDebug(lcTimeline) << "first page" << m_conversationId << "read in" << *readMs
                            << "ms, answered after" << asked.elapsed() << "ms";
        if (generation != m_generation)
            return;
        setLoading(m_loadingReset, false);
        if (!page) {
            qCWarning(lcTimeline) << "reading a timeline failed:" << page.error().message;
            Q_EMIT errorOccurred(page.error().message);
            return;
        }
        m_olderExhausted = pinned || page->size() < kPageSize;
        resetItems(*page);
        setAtLatest(true);
        Q_EMIT loaded();
        if (m_refreshAll || !m_refreshRowids.isEmpty())
            m_refreshTimer.start();
    });
}

void TimelineModel::resetItems(QList<TimelineItem> items)
{
    const qsizetype before = m_items.size();
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
    if (before != m_items.size())
        Q_EMIT countChanged();
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_mode != Mode::Pinned && !m_olderExhausted && !m_loadingReset;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_loadingOlder || m_items.isEmpty())
        return;
    setLoading(m_loadingOlder, true);
    const quint64 generation = m_generation;
    const messaging::TimelineScope scope {m_conversationId, m_threadRootId, m_selfUserId};
    const TimelineKey before = TimelineKey::of(m_items.constLast());
    auto future = m_store->read<Items>([scope, before](store::SpaceStore &s) {
        return messaging::messagesBefore(s, scope, before, kPageSize);
    });
    onReply(this, future, [this, generation](const Result<Items> &page) {
        if (generation != m_generation)
            return;
        setLoading(m_loadingOlder, false);
        if (!page) {
            Q_EMIT errorOccurred(page.error().message);
            return;
        }
        const bool exhausted = page->size() < kPageSize;
        if (exhausted != m_olderExhausted) {
            m_olderExhausted = exhausted;
            neighbourChanged(int(m_items.size()) - 1);
        }
        appendOlder(*page);
    });
}

void TimelineModel::fetchNewer()
{
    if (m_atLatest || m_loadingNewer || m_loadingReset || m_items.isEmpty())
        return;
    setLoading(m_loadingNewer, true);
    const quint64 generation = m_generation;
    const messaging::TimelineScope scope {m_conversationId, m_threadRootId, m_selfUserId};
    const TimelineKey after = TimelineKey::of(m_items.constFirst());
    auto future = m_store->read<Items>([scope, after](store::SpaceStore &s) {
        return messaging::messagesAfter(s, scope, after, kPageSize);
    });
    onReply(this, future, [this, generation](const Result<Items> &page) {
        if (generation != m_generation)
            return;
        setLoading(m_loadingNewer, false);
        if (!page) {
            Q_EMIT errorOccurred(page.error().message);
            return;
        }
        prependNewer(*page);
        if (page->size() < kPageSize)
            setAtLatest(true);
    });
}

void TimelineModel::jumpToLatest()
{
    if (m_atLatest) {
        Q_EMIT positionRequested(0);
        return;
    }
    loadLatest();
    auto *once = new QObject(this);
    connect(this, &TimelineModel::loaded, once, [this, once] {
        once->deleteLater();
        Q_EMIT positionRequested(0);
    });
}

void TimelineModel::loadAround(const QString &messageId)
{
    if (const int row = rowOf(messageId); row >= 0) {
        setHighlighted(messageId);
        Q_EMIT positionRequested(row);
        return;
    }
    if (m_mode == Mode::Pinned)
        return;
    const quint64 generation = ++m_generation;
    setLoading(m_loadingOlder, false);
    setLoading(m_loadingNewer, false);
    setLoading(m_loadingReset, true);
    const messaging::TimelineScope scope {m_conversationId, m_threadRootId, m_selfUserId};
    auto future = m_store->read<messaging::PageAround>([scope, messageId](store::SpaceStore &s) {
        return messaging::pageAround(s, scope, messageId, kPageSize / 2);
    });
    onReply(this, future, [this, generation, messageId](const Result<messaging::PageAround> &page) {
        if (generation != m_generation)
            return;
        setLoading(m_loadingReset, false);
        if (!page || page->targetRow < 0) {
            Q_EMIT errorOccurred(
                page ? tr("That message is not in this conversation.") : page.error().message);
            loadLatest();
            return;
        }
        m_olderExhausted = page->olderExhausted;
        resetItems(page->items);
        setAtLatest(page->newerExhausted);
        Q_EMIT loaded();
        setHighlighted(messageId);
        Q_EMIT positionRequested(page->targetRow);
    });
}

void TimelineModel::appendOlder(const QList<TimelineItem> &older)
{
    Items fresh;
    for (const TimelineItem &t : older)
        if (rowOfRowid(t.rowid) < 0)
            fresh.append(t);
    if (fresh.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_items += fresh;
    endInsertRows();
    neighbourChanged(first - 1);
    Q_EMIT countChanged();
    trimNewest();
}

void TimelineModel::prependNewer(const QList<TimelineItem> &newer)
{
    Items fresh;
    for (const TimelineItem &t : newer)
        if (rowOfRowid(t.rowid) < 0)
            fresh.append(t);
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_items = fresh + m_items;
    endInsertRows();
    Q_EMIT countChanged();
    trimOldest();
}

void TimelineModel::trimNewest()
{
    // Scrolling far back lets go of the newest rows; fetchNewer() brings them back.
    const int excess = int(m_items.size()) - kMaxRows;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_items.remove(0, excess);
    endRemoveRows();
    setAtLatest(false);
    Q_EMIT countChanged();
}

void TimelineModel::trimOldest()
{
    const int excess = int(m_items.size()) - kMaxRows;
    if (excess <= 0)
        return;
    const int first = int(m_items.size()) - excess;
    beginRemoveRows({}, first, int(m_items.size()) - 1);
    m_items.resize(first);
    endRemoveRows();
    if (m_olderExhausted) {
        m_olderExhausted = false;
        neighbourChanged(first - 1);
    }
    Q_EMIT countChanged();
}

// ---- changes -------------------------------------------------------------------------------------

void TimelineModel::onStoreChanged(const store::StoreChange &change)
{
    if (change.users) {
        m_refreshAll = true; // names shown in the rows may have changed
    } else if (!change.conversations.contains(m_conversationId)) {
        return;
    }
    if (m_mode == Mode::Pinned) {
        loadLatest();
        return;
    }
    // Reactions, receipts, pins and withdrawn echoes name only their conversation: the loaded rows
    // are read again, and only those that differ signal a change.
    if (change.conversations.contains(m_conversationId))
        m_refreshAll = true;
    for (qint64 rowid : change.messageRowids)
        m_refreshRowids.insert(rowid);
    m_refreshTimer.start();
}

void TimelineModel::runRefresh()
{
    if (m_refreshRunning || m_loadingReset)
        return; // runs again when that is done
    QSet<qint64> asked = m_refreshRowids;
    if (m_refreshAll)
        for (const TimelineItem &t : std::as_const(m_items))
            asked.insert(t.rowid);
    m_refreshRowids.clear();
    m_refreshAll = false;
    if (asked.isEmpty())
        return;
    m_refreshRunning = true;
    const quint64 generation = m_generation;
    const messaging::TimelineScope scope {m_conversationId, m_threadRootId, m_selfUserId};
    const QList<qint64> rowids = asked.values();
    auto future = m_store->read<Items>(
        [scope, rowids](store::SpaceStore &s) { return messaging::messagesByRowid(s, scope, rowids); });
    onReply(this, future, [this, generation, asked](const Result<Items> &found) {
        m_refreshRunning = false;
        if (generation == m_generation && found)
            applyRefresh(asked, *found);
        else if (!found)
            Q_EMIT errorOccurred(found.error().message);
        if (m_refreshAll || !m_refreshRowids.isEmpty())
            m_refreshTimer.start();
    });
}

void TimelineModel::applyRefresh(const QSet<qint64> &asked, const QList<TimelineItem> &found)
{
    QHash<qint64, const TimelineItem *> byRowid;
    for (const TimelineItem &t : found)
        byRowid.insert(t.rowid, &t);
    // Rows that were asked for and are gone (a discarded or retried echo).
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        const qint64 rowid = m_items.at(row).rowid;
        if (asked.contains(rowid) && !byRowid.contains(rowid))
            removeAt(row);
    }
    for (const TimelineItem &t : found) {
        const int row = rowOfRowid(t.rowid);
        if (row < 0) {
            insertSorted(t);
            continue;
        }
        if (m_items.at(row) == t)
            continue;
        const TimelineKey key = TimelineKey::of(t);
        const bool stillInPlace = (row == 0 || TimelineKey::of(m_items.at(row - 1)) > key)
            && (row + 1 == m_items.size() || TimelineKey::of(m_items.at(row + 1)) < key);
        if (!stillInPlace) {
            // A sent message takes the server's time: it may move among the rows around it.
            removeAt(row);
            insertSorted(t);
            continue;
        }
        const bool neighbourAffected
            = m_items.at(row).createdAt != t.createdAt || m_items.at(row).senderId != t.senderId;
        m_items[row] = t;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
        if (neighbourAffected)
            neighbourChanged(row - 1);
    }
}

void TimelineModel::insertSorted(const TimelineItem &t)
{
    const TimelineKey key = TimelineKey::of(t);
    int position = 0;
    if (m_items.isEmpty()) {
        if (!m_atLatest)
            return;
    } else if (key > TimelineKey::of(m_items.constFirst())) {
        if (!m_atLatest)
            return; // newer than what is loaded, and newer pages are not loaded: fetchNewer() reads it
    } else if (key < TimelineKey::of(m_items.constLast())) {
        // Older than everything held (history arriving): fetchMore() reads it with its page.
        if (m_olderExhausted) {
            m_olderExhausted = false;
            neighbourChanged(int(m_items.size()) - 1);
        }
        return;
    } else {
        while (position < m_items.size() && TimelineKey::of(m_items.at(position)) > key)
            ++position;
    }
    beginInsertRows({}, position, position);
    m_items.insert(position, t);
    endInsertRows();
    neighbourChanged(position - 1);
    Q_EMIT countChanged();
    trimOldest();
}

void TimelineModel::removeAt(int row)
{
    beginRemoveRows({}, row, row);
    m_items.remove(row);
    endRemoveRows();
    neighbourChanged(row - 1);
    Q_EMIT countChanged();
}

// ---- state the controllers set ------------------------------------------------------------------

void TimelineModel::setFirstUnreadMessageId(const QString &id)
{
    if (id == m_firstUnreadId)
        return;
    const int oldRow = rowOf(m_firstUnreadId);
    m_firstUnreadId = id;
    for (int row : {oldRow, rowOf(id)})
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {IsFirstUnreadRole});
    Q_EMIT firstUnreadMessageIdChanged();
}

void TimelineModel::setPolicy(const messaging::MessagePolicy &policy)
{
    if (policy == m_policy)
        return;
    m_policy = policy;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {CanEditRole, CanDeleteRole});
}

void TimelineModel::setCanModerate(bool canModerate)
{
    if (canModerate == m_canModerate)
        return;
    m_canModerate = canModerate;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {CanDeleteRole});
}

void TimelineModel::setHighlighted(const QString &messageId)
{
    const int oldRow = rowOf(m_highlightedId);
    m_highlightedId = messageId;
    for (int row : {oldRow, rowOf(messageId)})
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {HighlightedRole});
    if (messageId.isEmpty())
        m_highlightTimer.stop();
    else
        m_highlightTimer.start();
}

} // namespace tandem::app
