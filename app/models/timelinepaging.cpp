// TimelineModel, part two: the pages it reads from the store (newest, older, newer, around a message,
// at most kMaxRows held) and the store changes it applies row by row. Roles and state are in
// timelinemodel.cpp.
#include "timelinemodel.h"

#include "storereply.h"

#include "messaging/timelinequeries.h"
#include "store/storethread.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace tandem::app {

Q_DECLARE_LOGGING_CATEGORY(lcTimeline)

using namespace Qt::StringLiterals;
using messaging::TimelineItem;
using messaging::TimelineKey;
using models::onReply;

namespace {

using Items = QList<TimelineItem>;

} // namespace
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

} // namespace tandem::app
