#include "timelinemodel.h"

#include "languagesettings.h"
#include "messageformat.h"
#include "storereply.h"
#include "systemnotice.h"

#include "messaging/conversationqueries.h"
#include "messaging/timelinequeries.h"
#include "store/storethread.h"

#include <QDateTime>
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
    // Times, days and error texts are made in data(): a new language only needs them asked again.
    connect(LanguageSettings::instance(), &LanguageSettings::languageChanged, this, [this] {
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1),
                {TimeTextRole, DayTextRole, ErrorTextRole, SystemTextRole});
    });
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
        {SystemKindRole, "systemKind"},
        {SystemTextRole, "systemText"},
    };
}

bool TimelineModel::canEdit(const TimelineItem &t) const
{
    // A server notice is never edited (docs/protocol.md §6.12).
    if (t.senderId != m_selfUserId || t.deletedAt != 0 || t.seq == 0 || !t.systemKind.isEmpty())
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
    case SystemKindRole:
        return t.systemKind;
    case SystemTextRole:
        return t.deletedAt != 0
            ? QString()
            : models::SystemNotice::text(t.systemKind, t.systemFromName, t.systemToName, t.body);
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
