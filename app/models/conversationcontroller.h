// The open conversation: its header, timeline, members, pinned messages, files, composer and open
// thread, and the actions on its messages (reactions, delete, retry, pin, read receipts, files).
// Every read goes through the store thread and every change through the sync engine's outbox (or the
// store's outbox directly for a space without sync), so the GUI thread never waits.
#pragma once

#include "messaging/messagingtypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

Q_MOC_INCLUDE("attachmenttransfers.h")
Q_MOC_INCLUDE("composercontroller.h")
Q_MOC_INCLUDE("filelistmodel.h")
Q_MOC_INCLUDE("memberlistmodel.h")
Q_MOC_INCLUDE("threadcontroller.h")
Q_MOC_INCLUDE("conversationboundary.h")
Q_MOC_INCLUDE("timelinemodel.h")

namespace tandem::store {
class FileCache;
class StoreThread;
struct StoreChange;
} // namespace tandem::store

namespace tandem::sync {
class SpaceSync;
}

class QJsonObject;

namespace tandem::app {

class AttachmentTransfers;
class ComposerController;
class ConversationBoundary;
class FileListModel;
class MemberListModel;
class ThreadController;
class TimelineModel;

class ConversationController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The open conversation belongs to a SpaceSession.")
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(QString name READ name NOTIFY summaryChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY summaryChanged)
    Q_PROPERTY(QString topic READ topic NOTIFY summaryChanged)
    Q_PROPERTY(bool external READ external NOTIFY summaryChanged)
    Q_PROPERTY(int memberCount READ memberCount NOTIFY summaryChanged)
    Q_PROPERTY(bool muted READ muted NOTIFY summaryChanged)
    // all, mentions or muted: what notifies from this conversation.
    Q_PROPERTY(QString notifyLevel READ notifyLevel NOTIFY summaryChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY summaryChanged)
    Q_PROPERTY(tandem::app::TimelineModel *timeline READ timeline CONSTANT)
    Q_PROPERTY(tandem::app::MemberListModel *members READ members CONSTANT)
    Q_PROPERTY(tandem::app::TimelineModel *pinned READ pinned CONSTANT)
    Q_PROPERTY(tandem::app::FileListModel *files READ files CONSTANT)
    Q_PROPERTY(tandem::app::ComposerController *composer READ composer CONSTANT)
    Q_PROPERTY(tandem::app::ThreadController *thread READ thread NOTIFY threadChanged)
    Q_PROPERTY(QString firstUnreadMessageId READ firstUnreadMessageId NOTIFY firstUnreadMessageIdChanged)
    // The account is an owner or admin here: it may delete anyone's message.
    Q_PROPERTY(bool canModerate READ canModerate NOTIFY canModerateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // The space's files on the move (progress, previews); null until the session sets it.
    Q_PROPERTY(tandem::app::AttachmentTransfers *transfers READ transfers NOTIFY transfersChanged)
    // Off-duty presence, scheduled and urgent messages here (issue 5).
    Q_PROPERTY(tandem::app::ConversationBoundary *boundary READ boundary CONSTANT)

public:
    ConversationController(store::StoreThread *store, sync::SpaceSync *sync,
        std::shared_ptr<store::FileCache> files, QString conversationId, QString selfUserId,
        QObject *parent = nullptr);
    ~ConversationController() override;

    [[nodiscard]] QString conversationId() const { return m_conversationId; }
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString kind() const { return m_kind; }
    [[nodiscard]] QString topic() const { return m_topic; }
    [[nodiscard]] bool external() const { return m_external; }
    [[nodiscard]] int memberCount() const { return m_memberCount; }
    [[nodiscard]] bool muted() const { return m_muted; }
    [[nodiscard]] QString notifyLevel() const { return m_notifyLevel; }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] TimelineModel *timeline() const { return m_timeline; }
    [[nodiscard]] MemberListModel *members() const { return m_members; }
    [[nodiscard]] TimelineModel *pinned();
    [[nodiscard]] FileListModel *files() const { return m_fileList; }
    [[nodiscard]] ComposerController *composer() const { return m_composer; }
    [[nodiscard]] ThreadController *thread() const { return m_thread; }
    [[nodiscard]] QString firstUnreadMessageId() const { return m_firstUnreadId; }
    [[nodiscard]] bool canModerate() const { return m_canModerate; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] AttachmentTransfers *transfers() const;
    [[nodiscard]] ConversationBoundary *boundary() const { return m_boundary; }
    // Set once, by the space session, right after construction.
    void setTransfers(AttachmentTransfers *transfers);

    Q_INVOKABLE void openThread(const QString &rootMessageId);
    Q_INVOKABLE void closeThread();
    // Moves the account's read receipt to the newest message held.
    Q_INVOKABLE void markRead();
    Q_INVOKABLE void toggleReaction(const QString &messageId, const QString &emoji);
    Q_INVOKABLE void deleteMessage(const QString &messageId);
    Q_INVOKABLE void retryMessage(const QString &messageId);
    Q_INVOKABLE void discardMessage(const QString &messageId);
    Q_INVOKABLE void pinMessage(const QString &messageId, bool pin);
    // Every member but the sender: [{userId, displayName, read}].
    Q_INVOKABLE QVariantList readers(const QString &messageId) const;
    // Loads the timeline (or the thread) around the message, then positionRequested(row).
    Q_INVOKABLE void jumpToMessage(const QString &messageId);
    Q_INVOKABLE void jumpToFirstUnread();
    Q_INVOKABLE void downloadAttachment(const QString &attachmentId);
    // Decrypts the file to where the user chose (downloading it first when needed).
    Q_INVOKABLE void saveAttachment(const QString &attachmentId, const QUrl &fileUrl);
    // Decrypts the file to a private temporary folder and opens it with the desktop's application.
    // Call it only from a click.
    Q_INVOKABLE void openAttachment(const QString &attachmentId);

Q_SIGNALS:
    void summaryChanged();
    void threadChanged();
    void firstUnreadMessageIdChanged();
    void canModerateChanged();
    void errorTextChanged();
    void transfersChanged();
    void positionRequested(int row);
    // In the open thread's timeline.
    void threadPositionRequested(int row);
    void attachmentSaved(const QString &attachmentId, const QString &path);
    void errorOccurred(const QString &message);

private:
    enum class FileAction { Save, Open };
    struct PendingFile
    {
        FileAction action = FileAction::Save;
        QString path;
    };

    void loadSummary();
    void onStoreChanged(const store::StoreChange &change);
    void onMembersChanged();
    void mutate(const QString &kind, const QJsonObject &payload);
    void setError(const QString &message);
    void exportAttachment(const QString &attachmentId, const PendingFile &pending);
    void onAttachmentReady(const QString &attachmentId);
    [[nodiscard]] const messaging::TimelineItem *findItem(const QString &messageId) const;

    store::StoreThread *m_store;
    sync::SpaceSync *m_sync;
    std::shared_ptr<store::FileCache> m_fileCache;
    QString m_conversationId;
    QString m_selfUserId;

    QString m_name;
    QString m_kind;
    QString m_topic;
    bool m_external = false;
    int m_memberCount = 0;
    bool m_muted = false;
    QString m_notifyLevel = QStringLiteral("all");
    bool m_loaded = false;
    QString m_firstUnreadId;
    bool m_canModerate = false;
    QString m_errorText;
    messaging::MessagePolicy m_policy;
    qint64 m_markedSeq = 0;
    bool m_summaryRunning = false;
    bool m_summaryAgain = false;

    TimelineModel *m_timeline;
    MemberListModel *m_members;
    TimelineModel *m_pinned = nullptr;
    FileListModel *m_fileList;
    ComposerController *m_composer;
    ThreadController *m_thread = nullptr;
    QHash<QString, PendingFile> m_afterDownload;
    QPointer<AttachmentTransfers> m_transfers;
    ConversationBoundary *m_boundary = nullptr;
};

} // namespace tandem::app
