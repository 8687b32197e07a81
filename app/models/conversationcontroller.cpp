#include "conversationcontroller.h"

#include "attachmenttransfers.h"
#include "composercontroller.h"
#include "conversationboundary.h"
#include "filelistmodel.h"
#include "memberlistmodel.h"
#include "storereply.h"
#include "threadcontroller.h"
#include "timelinemodel.h"

#include "files/fileexport.h"

#include "messaging/conversationqueries.h"
#include "messaging/timelinequeries.h"
#include "store/filecache.h"
#include "store/storethread.h"
#include "sync/mutations.h"
#include "sync/spacesync.h"

#include <QDesktopServices>
#include <QJsonObject>
#include <QLoggingCategory>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcConversation, "tandem.app.conversation")

using namespace Qt::StringLiterals;
using models::onReply;

namespace {

struct Opening
{
    std::optional<messaging::ConversationSummary> summary;
    QString firstUnreadId;
    messaging::MessagePolicy policy;
};

} // namespace

ConversationController::ConversationController(store::StoreThread *store, sync::SpaceSync *sync,
    std::shared_ptr<store::FileCache> files, QString conversationId, QString selfUserId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_fileCache(std::move(files))
    , m_conversationId(std::move(conversationId))
    , m_selfUserId(std::move(selfUserId))
    , m_timeline(new TimelineModel(
          m_store, m_conversationId, m_selfUserId, TimelineModel::Mode::Conversation, {}, this))
    , m_members(new MemberListModel(m_store, m_conversationId, this))
    , m_fileList(new FileListModel(m_store, m_conversationId, this))
    , m_composer(new ComposerController(
          m_store, m_sync, m_fileCache, m_conversationId, {}, m_selfUserId, m_members, m_timeline, this))
{
    connect(m_timeline, &TimelineModel::positionRequested, this, &ConversationController::positionRequested);
    connect(m_timeline, &TimelineModel::errorOccurred, this, &ConversationController::setError);
    connect(m_composer, &ComposerController::errorOccurred, this, &ConversationController::errorOccurred);
    connect(m_members, &MemberListModel::membersChanged, this, &ConversationController::onMembersChanged);
    connect(m_store, &store::StoreThread::changed, this, &ConversationController::onStoreChanged);
    m_boundary = new ConversationBoundary(m_store, m_sync, m_conversationId, m_selfUserId, m_composer, this);
    if (m_sync) {
        connect(m_sync, &sync::SpaceSync::attachmentReady, this, &ConversationController::onAttachmentReady);
        connect(m_sync, &sync::SpaceSync::attachmentFailed, this,
            [this](const QString &id, const QString &reason) {
                if (!m_fileList->file(id) && !m_afterDownload.contains(id))
                    return;
                m_afterDownload.remove(id);
                m_fileList->setState(id, u"failed"_s);
                setError(reason);
            });
    }

    const QString id = m_conversationId;
    const QString self = m_selfUserId;
    auto future = m_store->read<Opening>([id, self](store::SpaceStore &s) -> Result<Opening> {
        Opening o;
        auto summary = messaging::conversationSummary(s, self, id);
        if (!summary)
            return summary.error();
        o.summary = *summary;
        auto first = messaging::firstUnreadMessageId(s, id, self);
        if (!first)
            return first.error();
        o.firstUnreadId = *first;
        o.policy = messaging::messagePolicy(s);
        return o;
    });
    onReply(this, future, [this](const Result<Opening> &o) {
        if (!o) {
            setError(o.error().message);
            return;
        }
        m_policy = o->policy;
        m_timeline->setPolicy(m_policy);
        if (m_pinned)
            m_pinned->setPolicy(m_policy);
        m_firstUnreadId = o->firstUnreadId;
        m_timeline->setFirstUnreadMessageId(m_firstUnreadId);
        Q_EMIT firstUnreadMessageIdChanged();
        if (o->summary) {
            m_name = o->summary->name;
            m_kind = o->summary->kind;
            m_topic = o->summary->topic;
            m_external = o->summary->external;
            m_memberCount = o->summary->memberCount;
            m_muted = o->summary->notifyLevel == "muted"_L1;
            m_notifyLevel = o->summary->notifyLevel;
        }
        m_loaded = true;
        Q_EMIT summaryChanged();
    });
}

ConversationController::~ConversationController() = default;

void ConversationController::setError(const QString &message)
{
    m_errorText = message;
    Q_EMIT errorTextChanged();
    if (!message.isEmpty()) {
        qCInfo(lcConversation) << "action failed:" << message;
        Q_EMIT errorOccurred(message);
    }
}

void ConversationController::onStoreChanged(const store::StoreChange &change)
{
    if (change.conversationList || change.users || change.conversations.contains(m_conversationId))
        loadSummary();
}

void ConversationController::loadSummary()
{
    if (m_summaryRunning) {
        m_summaryAgain = true;
        return;
    }
    m_summaryRunning = true;
    const QString id = m_conversationId;
    const QString self = m_selfUserId;
    auto future = m_store->read<std::optional<messaging::ConversationSummary>>(
        [id, self](store::SpaceStore &s) { return messaging::conversationSummary(s, self, id); });
    onReply(this, future, [this](const Result<std::optional<messaging::ConversationSummary>> &c) {
        m_summaryRunning = false;
        if (c && *c) {
            const messaging::ConversationSummary &s = **c;
            const bool muted = s.notifyLevel == "muted"_L1;
            if (s.name != m_name || s.kind != m_kind || s.topic != m_topic || s.external != m_external
                || s.memberCount != m_memberCount || muted != m_muted || s.notifyLevel != m_notifyLevel) {
                m_name = s.name;
                m_kind = s.kind;
                m_topic = s.topic;
                m_external = s.external;
                m_memberCount = s.memberCount;
                m_muted = muted;
                m_notifyLevel = s.notifyLevel;
                Q_EMIT summaryChanged();
            }
        }
        if (m_summaryAgain) {
            m_summaryAgain = false;
            loadSummary();
        }
    });
}

void ConversationController::onMembersChanged()
{
    const messaging::MemberInfo *me = m_members->member(m_selfUserId);
    const bool moderate = me && (me->role == "owner"_L1 || me->role == "admin"_L1);
    if (moderate == m_canModerate)
        return;
    m_canModerate = moderate;
    m_timeline->setCanModerate(moderate);
    if (m_pinned)
        m_pinned->setCanModerate(moderate);
    if (m_thread)
        m_thread->timeline()->setCanModerate(moderate);
    Q_EMIT canModerateChanged();
}

const messaging::TimelineItem *ConversationController::findItem(const QString &messageId) const
{
    if (const messaging::TimelineItem *t = m_timeline->item(messageId))
        return t;
    if (m_thread)
        if (const messaging::TimelineItem *t = m_thread->timeline()->item(messageId))
            return t;
    return m_pinned ? m_pinned->item(messageId) : nullptr;
}

TimelineModel *ConversationController::pinned()
{
    // Made when the detail panel first shows it: most conversations are opened without it.
    if (!m_pinned) {
        m_pinned = new TimelineModel(
            m_store, m_conversationId, m_selfUserId, TimelineModel::Mode::Pinned, {}, this);
        m_pinned->setPolicy(m_policy);
        m_pinned->setCanModerate(m_canModerate);
    }
    return m_pinned;
}

void ConversationController::mutate(const QString &kind, const QJsonObject &payload)
{
    auto future = m_sync ? m_sync->mutate(kind, payload) : sync::queueMutation(*m_store, kind, payload);
    onReply(this, future, [this](const Result<sync::QueuedMutation> &queued) {
        if (!queued)
            setError(queued.error().message);
    });
}

// ---- threads --------------------------------------------------------------------------------------

void ConversationController::openThread(const QString &rootMessageId)
{
    if (m_thread && m_thread->rootMessageId() == rootMessageId)
        return;
    ThreadController *old = m_thread;
    m_thread = rootMessageId.isEmpty() ? nullptr
                                       : new ThreadController(m_store, m_sync, m_fileCache, m_conversationId,
                                           rootMessageId, m_selfUserId, m_members, m_policy, this);
    if (m_thread) {
        m_thread->timeline()->setCanModerate(m_canModerate);
        connect(m_thread->timeline(), &TimelineModel::positionRequested, this,
            &ConversationController::threadPositionRequested);
        connect(m_thread->composer(), &ComposerController::errorOccurred, this,
            &ConversationController::errorOccurred);
    }
    Q_EMIT threadChanged();
    if (old)
        old->deleteLater();
}

void ConversationController::closeThread()
{
    openThread(QString());
}

// ---- message actions ------------------------------------------------------------------------------

void ConversationController::markRead()
{
    const QString id = m_conversationId;
    const QString self = m_selfUserId;
    auto future = m_store->read<messaging::ReadState>(
        [id, self](store::SpaceStore &s) { return messaging::readState(s, id, self); });
    onReply(this, future, [this](const Result<messaging::ReadState> &state) {
        if (!state) {
            setError(state.error().message);
            return;
        }
        // Receipts only move forward (§7.2): nothing to say when the receipt covers everything held.
        if (state->newestSeq <= state->readUpToSeq || state->newestSeq <= m_markedSeq)
            return;
        m_markedSeq = state->newestSeq;
        mutate(u"receipt.mark"_s,
            QJsonObject {
                {u"conversation_id"_s, m_conversationId}, {u"up_to_cseq"_s, double(state->newestSeq)}});
    });
}

void ConversationController::toggleReaction(const QString &messageId, const QString &emoji)
{
    if (messageId.isEmpty() || emoji.isEmpty())
        return;
    bool mine = false;
    if (const messaging::TimelineItem *t = findItem(messageId))
        for (const messaging::ReactionSummary &r : t->reactions)
            if (r.emoji == emoji)
                mine = r.mine;
    mutate(mine ? u"reaction.remove"_s : u"reaction.add"_s,
        QJsonObject {
            {u"conversation_id"_s, m_conversationId}, {u"message_id"_s, messageId}, {u"emoji"_s, emoji}});
}

void ConversationController::deleteMessage(const QString &messageId)
{
    const messaging::TimelineItem *t = findItem(messageId);
    if (t && t->seq == 0) {
        discardMessage(messageId); // never reached the server: nothing to recall
        return;
    }
    mutate(u"message.delete"_s,
        QJsonObject {{u"conversation_id"_s, m_conversationId}, {u"message_id"_s, messageId}});
}

void ConversationController::retryMessage(const QString &messageId)
{
    auto future = m_sync ? m_sync->retryMessage(messageId) : sync::retryMessage(*m_store, messageId);
    onReply(this, future, [this](const Result<sync::QueuedMutation> &queued) {
        if (!queued)
            setError(queued.error().message);
    });
}

void ConversationController::discardMessage(const QString &messageId)
{
    auto future = m_sync ? m_sync->discardMessage(messageId) : sync::discardMessage(*m_store, messageId);
    onReply(this, future, [this](const Result<bool> &done) {
        if (!done)
            setError(done.error().message);
    });
}

void ConversationController::pinMessage(const QString &messageId, bool pin)
{
    mutate(pin ? u"pin.add"_s : u"pin.remove"_s,
        QJsonObject {{u"conversation_id"_s, m_conversationId}, {u"message_id"_s, messageId}});
}

QVariantList ConversationController::readers(const QString &messageId) const
{
    const messaging::TimelineItem *t = findItem(messageId);
    QVariantList out;
    if (!t)
        return out;
    for (const messaging::MemberInfo &m : m_members->members()) {
        if (m.userId == t->senderId)
            continue;
        const bool read = t->seq != 0 && m.readUpToSeq >= t->seq;
        out.append(
            QVariantMap {{u"userId"_s, m.userId}, {u"displayName"_s, m.displayName}, {u"read"_s, read}});
    }
    return out;
}

void ConversationController::jumpToMessage(const QString &messageId)
{
    if (messageId.isEmpty())
        return;
    if (m_timeline->rowOf(messageId) >= 0) {
        m_timeline->loadAround(messageId);
        return;
    }
    auto future = m_store->read<std::optional<messaging::MessageLocation>>(
        [messageId](store::SpaceStore &s) { return messaging::locateMessage(s, messageId); });
    onReply(this, future, [this, messageId](const Result<std::optional<messaging::MessageLocation>> &where) {
        if (!where || !*where || (*where)->conversationId != m_conversationId) {
            setError(tr("That message is not in this conversation."));
            return;
        }
        if ((*where)->threadRootId.isEmpty()) {
            m_timeline->loadAround(messageId);
            return;
        }
        // A reply in a thread: the thread opens beside the conversation, at the reply.
        openThread((*where)->threadRootId);
        m_timeline->loadAround((*where)->threadRootId);
        m_thread->timeline()->loadAround(messageId);
    });
}

void ConversationController::jumpToFirstUnread()
{
    jumpToMessage(m_firstUnreadId);
}

// ---- files ----------------------------------------------------------------------------------------

AttachmentTransfers *ConversationController::transfers() const
{
    return m_transfers.data();
}

void ConversationController::setTransfers(AttachmentTransfers *transfers)
{
    if (m_transfers == transfers)
        return;
    if (m_transfers)
        disconnect(m_transfers, nullptr, this, nullptr);
    m_transfers = transfers;
    if (m_transfers)
        connect(m_transfers, &AttachmentTransfers::progressChanged, this,
            [this](const QString &id, const QString &, qint64 done, qint64 total) {
                m_fileList->setProgress(id, done, total);
            });
    Q_EMIT transfersChanged();
}

void ConversationController::downloadAttachment(const QString &attachmentId)
{
    if (!m_sync) {
        setError(tr("Files can be downloaded only while the space is connected to its server."));
        return;
    }
    m_fileList->setState(attachmentId, u"downloading"_s);
    if (m_transfers) {
        const messaging::AttachmentItem *f = m_fileList->file(attachmentId);
        m_transfers->markDownloading(attachmentId, f ? f->sizeBytes : 0);
    }
    m_sync->downloadAttachment(attachmentId);
}

void ConversationController::onAttachmentReady(const QString &attachmentId)
{
    m_fileList->setState(attachmentId, QString());
    m_fileList->reload();
    if (const auto it = m_afterDownload.constFind(attachmentId); it != m_afterDownload.constEnd()) {
        const PendingFile pending = *it;
        m_afterDownload.erase(it);
        exportAttachment(attachmentId, pending);
    }
}

void ConversationController::saveAttachment(const QString &attachmentId, const QUrl &fileUrl)
{
    if (!fileUrl.isLocalFile()) {
        setError(tr("Choose a folder on this computer to save the file in."));
        return;
    }
    exportAttachment(attachmentId, {FileAction::Save, fileUrl.toLocalFile()});
}

void ConversationController::openAttachment(const QString &attachmentId)
{
    exportAttachment(attachmentId, {FileAction::Open, QString()});
}

void ConversationController::exportAttachment(const QString &attachmentId, const PendingFile &pending)
{
    if (!m_fileCache) {
        setError(tr("This space has no file cache."));
        return;
    }
    auto future = m_store->read<std::optional<messaging::AttachmentItem>>(
        [attachmentId](store::SpaceStore &s) { return messaging::attachment(s, attachmentId); });
    onReply(this, future,
        [this, attachmentId, pending](const Result<std::optional<messaging::AttachmentItem>> &a) {
            if (!a || !*a || (*a)->conversationId != m_conversationId) {
                setError(tr("That file is not in this conversation."));
                return;
            }
            const messaging::AttachmentItem item = **a;
            if (!m_fileCache->contains(item.sha256)) {
                // Fetched first; the export follows attachmentReady.
                m_afterDownload.insert(attachmentId, pending);
                downloadAttachment(attachmentId);
                return;
            }
            QString target = pending.path;
            const bool open = pending.action == FileAction::Open;
            if (open) {
                target = FileExport::openedCopyPath(item.id, item.name);
                if (target.isEmpty()) {
                    setError(tr("No private folder could be made to open the file in."));
                    return;
                }
            }
            QFuture<Status> task = FileExport::exportCached(m_fileCache, item.sha256, target, open);
            onReply(this, task, [this, attachmentId, target, pending](const Status &done) {
                if (!done) {
                    setError(done.error().message);
                    return;
                }
                m_fileList->setLocalPath(attachmentId, target);
                if (pending.action == FileAction::Open)
                    QDesktopServices::openUrl(QUrl::fromLocalFile(target));
                else
                    Q_EMIT attachmentSaved(attachmentId, target);
            });
        });
}

} // namespace tandem::app
