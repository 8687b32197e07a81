// The message being written in a conversation or a thread: its draft (saved to the store, debounced,
// so it survives a restart; threads keep theirs in memory, the drafts table holding one per
// conversation), sending, editing your last message (Up arrow), mentions, quoted replies and files.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

Q_MOC_INCLUDE("memberlistmodel.h")
Q_MOC_INCLUDE("uploadlistmodel.h")

namespace tandem::store {
class FileCache;
class StoreThread;
} // namespace tandem::store

namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class MemberListModel;
class TimelineModel;
class UploadListModel;

class ComposerController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A composer belongs to a ConversationController or a ThreadController.")
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(QString threadRootId READ threadRootId CONSTANT)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QString editingMessageId READ editingMessageId NOTIFY editingMessageIdChanged)
    // The message quoted by the next send (empty: none).
    Q_PROPERTY(QString replyToMessageId READ replyToMessageId WRITE setReplyToMessageId NOTIFY replyToChanged)
    Q_PROPERTY(QString replyToSenderName READ replyToSenderName NOTIFY replyToChanged)
    Q_PROPERTY(QString replyToText READ replyToText NOTIFY replyToChanged)
    Q_PROPERTY(tandem::app::UploadListModel *uploads READ uploads CONSTANT)
    Q_PROPERTY(QString mentionQuery READ mentionQuery WRITE setMentionQuery NOTIFY mentionQueryChanged)
    Q_PROPERTY(tandem::app::MemberListModel *mentionCandidates READ mentionCandidates CONSTANT)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    static constexpr int kDraftDelayMs = 400;
    static constexpr int kMaxMentionCandidates = 8;

    // `members` and `timeline` belong to the caller and outlive the composer (mentions, Up arrow).
    ComposerController(store::StoreThread *store, sync::SpaceSync *sync,
        std::shared_ptr<store::FileCache> files, QString conversationId, QString threadRootId,
        QString selfUserId, MemberListModel *members, TimelineModel *timeline, QObject *parent = nullptr);
    // Saves a draft still waiting for its delay.
    ~ComposerController() override;

    [[nodiscard]] QString conversationId() const { return m_conversationId; }
    [[nodiscard]] QString threadRootId() const { return m_threadRootId; }
    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] QString editingMessageId() const { return m_editingId; }
    [[nodiscard]] QString replyToMessageId() const { return m_replyToId; }
    void setReplyToMessageId(const QString &messageId);
    [[nodiscard]] QString replyToSenderName() const { return m_replyToSenderName; }
    [[nodiscard]] QString replyToText() const { return m_replyToText; }
    [[nodiscard]] UploadListModel *uploads() const { return m_uploads; }
    [[nodiscard]] QString mentionQuery() const { return m_mentionQuery; }
    void setMentionQuery(const QString &query);
    [[nodiscard]] MemberListModel *mentionCandidates() const { return m_candidates; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] bool draftLoaded() const { return m_draftLoaded; }

    // Sends `text` (or saves the edit) and clears the composer. False when there is nothing to send.
    Q_INVOKABLE bool send();
    // Up arrow on an empty composer: your newest message, when still inside the edit window, goes
    // into `text` for editing. False when there is none.
    Q_INVOKABLE bool beginEditLast();
    // Edits one of your messages (from its menu). False when it cannot be edited.
    Q_INVOKABLE bool beginEdit(const QString &messageId);
    Q_INVOKABLE void cancelEdit();
    // Each file becomes a message of its own. The files are read off the GUI thread.
    Q_INVOKABLE void attachFiles(const QList<QUrl> &urls);
    // The text a chosen mention candidate inserts ("@alice ").
    Q_INVOKABLE QString mentionText(const QString &userId) const;
    // Stores the draft now (before a switch of conversation, and on quit).
    Q_INVOKABLE void saveDraftNow();

    // Users named by "@userName" in `text` who are members.
    [[nodiscard]] QStringList mentionedUserIds(const QString &text) const;

Q_SIGNALS:
    void textChanged();
    void editingMessageIdChanged();
    void replyToChanged();
    void mentionQueryChanged();
    void errorTextChanged();
    void draftLoadedChanged();
    // A send, an edit or a file was refused before it left (too long, no file...).
    void errorOccurred(const QString &message);
    void sent();

private:
    void loadDraft();
    void setError(const QString &message);
    void updateCandidates();
    void setEditing(const QString &messageId);
    // Tells the other members the account is typing (docs/protocol.md §6.7).
    void notifyTyping();

    static constexpr qint64 kTypingIntervalMs = 3000;

    QPointer<store::StoreThread> m_store;
    QPointer<sync::SpaceSync> m_sync;
    std::shared_ptr<store::FileCache> m_files;
    QString m_conversationId;
    QString m_threadRootId;
    QString m_selfUserId;
    QPointer<MemberListModel> m_members;
    QPointer<TimelineModel> m_timeline;

    QString m_text;
    bool m_draftLoaded = false;
    bool m_touched = false; // typed before the stored draft arrived: that draft is not applied
    QString m_savedDraft; // the draft set aside while editing
    QTimer m_draftTimer;
    QString m_editingId;
    QString m_replyToId;
    QString m_replyToSenderName;
    QString m_replyToText;
    UploadListModel *m_uploads;
    QString m_mentionQuery;
    MemberListModel *m_candidates;
    QString m_errorText;
    QElapsedTimer m_typingSent; // since the last typing notice; invalid: none yet
};

} // namespace tandem::app
