#include "composercontroller.h"

#include "memberlistmodel.h"
#include "storereply.h"
#include "timelinemodel.h"
#include "uploadlistmodel.h"

#include "messaging/conversationqueries.h"
#include "store/filecache.h"
#include "store/storethread.h"
#include "sync/mutations.h"
#include "sync/spacesync.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcComposer, "tandem.app.composer")

using namespace Qt::StringLiterals;
using models::onReply;

ComposerController::ComposerController(store::StoreThread *store, sync::SpaceSync *sync,
    std::shared_ptr<store::FileCache> files, QString conversationId, QString threadRootId, QString selfUserId,
    MemberListModel *members, TimelineModel *timeline, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_files(std::move(files))
    , m_conversationId(std::move(conversationId))
    , m_threadRootId(std::move(threadRootId))
    , m_selfUserId(std::move(selfUserId))
    , m_members(members)
    , m_timeline(timeline)
    , m_uploads(new UploadListModel(this))
    , m_candidates(new MemberListModel(nullptr, QString(), this))
{
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &ComposerController::saveDraftNow);
    if (m_members)
        connect(m_members, &MemberListModel::membersChanged, this, &ComposerController::updateCandidates);
    m_uploads->follow(m_sync);
    loadDraft();
}

ComposerController::~ComposerController()
{
    if (m_draftTimer.isActive())
        saveDraftNow();
}

void ComposerController::loadDraft()
{
    if (!m_threadRootId.isEmpty() || !m_store) {
        m_draftLoaded = true;
        return;
    }
    const QString id = m_conversationId;
    auto future = m_store->read<QString>([id](store::SpaceStore &s) { return messaging::loadDraft(s, id); });
    onReply(this, future, [this](const Result<QString> &draft) {
        m_draftLoaded = true;
        if (draft && !m_touched && m_editingId.isEmpty() && !draft->isEmpty() && m_text != *draft) {
            m_text = *draft;
            Q_EMIT textChanged();
        }
        Q_EMIT draftLoadedChanged();
    });
}

void ComposerController::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_touched = true;
    Q_EMIT textChanged();
    if (m_editingId.isEmpty() && m_threadRootId.isEmpty())
        m_draftTimer.start();
    notifyTyping();
}

void ComposerController::notifyTyping()
{
    // Only what the user types into a new message counts: never an empty text (a cleared composer is
    // not someone typing), never an edit of an old message; at most every 3 s (the connection holds
    // to the same bound whatever callers do).
    if (!m_sync || !m_editingId.isEmpty() || m_text.trimmed().isEmpty())
        return;
    if (m_typingSent.isValid() && m_typingSent.elapsed() < kTypingIntervalMs)
        return;
    m_typingSent.start();
    m_sync->sendTyping(m_conversationId);
}

void ComposerController::saveDraftNow()
{
    m_draftTimer.stop();
    if (!m_threadRootId.isEmpty() || !m_store)
        return;
    const QString id = m_conversationId;
    const QString body = m_editingId.isEmpty() ? m_text : m_savedDraft;
    // Things the user typed survive a power cut (docs/store.md).
    auto future = m_store->write<bool>(
        [id, body](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
            TANDEM_TRY(messaging::saveDraft(s, change, id, body, QDateTime::currentMSecsSinceEpoch()));
            return true;
        },
        store::Durability::PowerLoss);
    onReply(this, future, [](const Result<bool> &saved) {
        if (!saved)
            qCWarning(lcComposer) << "saving a draft failed:" << saved.error().message;
    });
}

void ComposerController::setError(const QString &message)
{
    m_errorText = message;
    Q_EMIT errorTextChanged();
    if (!message.isEmpty())
        Q_EMIT errorOccurred(message);
}

QStringList ComposerController::mentionedUserIds(const QString &text) const
{
    QStringList ids;
    if (!m_members)
        return ids;
    static const QRegularExpression mention(u"(?:^|(?<=[\\s(]))@([\\w.\\-]+)"_s);
    for (auto it = mention.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        for (const messaging::MemberInfo &m : m_members->members())
            if (m.userName.compare(name, Qt::CaseInsensitive) == 0 && !ids.contains(m.userId))
                ids.append(m.userId);
    }
    return ids;
}

bool ComposerController::send()
{
    if (!m_store || m_text.trimmed().isEmpty())
        return false;
    const QString body = m_text;
    const QStringList mentions = mentionedUserIds(body);
    setError(QString());
    QFuture<Result<sync::QueuedMutation>> future;
    if (!m_editingId.isEmpty()) {
        const QJsonObject payload {{u"conversation_id"_s, m_conversationId}, {u"message_id"_s, m_editingId},
            {u"body"_s, body}, {u"format"_s, u"markdown"_s},
            {u"mentions"_s, QJsonArray::fromStringList(mentions)}};
        future = m_sync ? m_sync->mutate(u"message.edit"_s, payload)
                        : sync::queueMutation(*m_store, u"message.edit"_s, payload);
        const QString draft = m_savedDraft;
        setEditing(QString());
        m_text = draft;
        Q_EMIT textChanged();
    } else {
        sync::OutgoingMessage options;
        options.format = u"markdown"_s;
        options.threadRootId = m_threadRootId;
        options.replyToId = m_replyToId;
        options.mentions = mentions;
        future = m_sync ? m_sync->sendMessage(m_conversationId, body, options)
                        : sync::queueMessage(*m_store, m_conversationId, body, options);
        m_text.clear();
        Q_EMIT textChanged();
        setReplyToMessageId(QString());
        saveDraftNow();
    }
    onReply(this, future, [this, body](const Result<sync::QueuedMutation> &queued) {
        if (queued) {
            Q_EMIT sent();
            return;
        }
        // Nothing left: give the text back, so that it is not lost.
        if (m_text.isEmpty()) {
            m_text = body;
            Q_EMIT textChanged();
        }
        setError(queued.error().message);
    });
    return true;
}

void ComposerController::setEditing(const QString &messageId)
{
    if (messageId == m_editingId)
        return;
    m_editingId = messageId;
    Q_EMIT editingMessageIdChanged();
}

bool ComposerController::beginEdit(const QString &messageId)
{
    if (!m_timeline)
        return false;
    const messaging::TimelineItem *item = m_timeline->item(messageId);
    if (!item || !m_timeline->canEdit(*item))
        return false;
    if (m_editingId.isEmpty()) {
        m_draftTimer.stop();
        m_savedDraft = m_text;
        saveDraftNow();
    }
    setEditing(item->id);
    m_text = item->body;
    Q_EMIT textChanged();
    return true;
}

bool ComposerController::beginEditLast()
{
    if (!m_timeline)
        return false;
    // Newest first: the first own message that was sent is the last one; older ones are older still.
    for (const messaging::TimelineItem &t : m_timeline->items()) {
        if (t.senderId != m_selfUserId || t.deletedAt != 0 || t.seq == 0)
            continue;
        return beginEdit(t.id);
    }
    return false;
}

void ComposerController::cancelEdit()
{
    if (m_editingId.isEmpty())
        return;
    setEditing(QString());
    m_text = m_savedDraft;
    m_savedDraft.clear();
    Q_EMIT textChanged();
}

void ComposerController::setReplyToMessageId(const QString &messageId)
{
    if (messageId == m_replyToId)
        return;
    m_replyToId = messageId;
    const messaging::TimelineItem *item
        = m_timeline && !messageId.isEmpty() ? m_timeline->item(messageId) : nullptr;
    m_replyToSenderName = item ? item->senderName : QString();
    m_replyToText = item ? messaging::oneLine(item->body) : QString();
    Q_EMIT replyToChanged();
}

void ComposerController::setMentionQuery(const QString &query)
{
    if (query == m_mentionQuery)
        return;
    m_mentionQuery = query;
    Q_EMIT mentionQueryChanged();
    updateCandidates();
}

void ComposerController::updateCandidates()
{
    QList<messaging::MemberInfo> starts;
    QList<messaging::MemberInfo> contains;
    if (m_members && !m_mentionQuery.isNull()) {
        for (const messaging::MemberInfo &m : m_members->members()) {
            if (m.userId == m_selfUserId)
                continue;
            if (m.userName.startsWith(m_mentionQuery, Qt::CaseInsensitive)
                || m.displayName.startsWith(m_mentionQuery, Qt::CaseInsensitive))
                starts.append(m);
            else if (m.userName.contains(m_mentionQuery, Qt::CaseInsensitive)
                || m.displayName.contains(m_mentionQuery, Qt::CaseInsensitive))
                contains.append(m);
        }
    }
    starts += contains;
    if (starts.size() > kMaxMentionCandidates)
        starts.resize(kMaxMentionCandidates);
    m_candidates->setMembers(starts);
}

QString ComposerController::mentionText(const QString &userId) const
{
    const messaging::MemberInfo *m = m_members ? m_members->member(userId) : nullptr;
    return u'@' + (m ? m->userName : userId) + u' ';
}

void ComposerController::attachFiles(const QList<QUrl> &urls)
{
    if (!m_store)
        return;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile()) {
            setError(tr("Only files on this computer can be attached."));
            continue;
        }
        const QString path = url.toLocalFile();
        const int key = m_uploads->add(QFileInfo(path).fileName());
        // Copying the file into the encrypted cache reads all of it: a pool thread does that, then
        // waits for the store to queue the message.
        sync::SpaceSync *syncRaw = m_sync.data();
        store::StoreThread *store = m_store.data();
        std::shared_ptr<store::FileCache> files = m_files;
        const QString conversation = m_conversationId;
        QFuture<Result<sync::QueuedMutation>> task = QtConcurrent::run(
            [syncRaw, store, files, conversation, path]() -> Result<sync::QueuedMutation> {
                if (syncRaw)
                    return syncRaw->sendFile(conversation, path).result();
                if (!files)
                    return Error::make(ErrorCode::Unavailable,
                        QStringLiteral("This space has no file cache to send files from."));
                return sync::queueFileMessage(*store, *files, conversation, path, QString()).result();
            });
        onReply(this, task, [this, key](const Result<sync::QueuedMutation> &queued) {
            if (queued) {
                if (m_sync && !queued->attachmentIds.isEmpty())
                    m_uploads->uploading(key, queued->attachmentIds.first(), queued->mutationId);
                else
                    m_uploads->finish(key);
                return;
            }
            m_uploads->fail(key, queued.error().message);
            setError(queued.error().message);
        });
    }
}

} // namespace tandem::app
