// One task for QML, to read and to edit: its fields, assignees, checklist and comments, read on the store
// thread and read again when the store says tasks changed. Edits are validated here (an empty title, a
// due date that does not parse) and refused with errorText; valid ones go through SpaceSync (the outbox
// and the local echo in one transaction, then the server), so nothing typed is lost offline. With no
// taskId, create() makes a new one (on its own or from a message) and then shows it. Its files are
// listed (with open, save, download) by `files`; attachFile() copies one into the space's encrypted cache
// on a pool thread before queueing it.
#pragma once

#include "files/attachmentfiles.h"
#include "spacesession.h"
#include "taskspace.h"

#include "util/result.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

// QPointer<SpaceSession> needs the whole type wherever the destructor is made.

namespace tandem::sync {
struct QueuedMutation;
}

namespace tandem::app {

class SpaceSession;

class TaskController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString taskId READ taskId WRITE setTaskId NOTIFY taskIdChanged)
    // The task is held (false while loading, after a delete, or for an id the store does not have).
    Q_PROPERTY(bool exists READ exists NOTIFY taskChanged)
    Q_PROPERTY(QString title READ title NOTIFY taskChanged)
    Q_PROPERTY(QString description READ description NOTIFY taskChanged)
    Q_PROPERTY(QString status READ status NOTIFY taskChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY taskChanged)
    Q_PROPERTY(int priority READ priority NOTIFY taskChanged)
    Q_PROPERTY(qint64 dueAt READ dueAt NOTIFY taskChanged) // 0: none
    Q_PROPERTY(QString dueText READ dueText NOTIFY taskChanged)
    Q_PROPERTY(QString dueDate READ dueDate NOTIFY taskChanged) // yyyy-MM-dd in the space's zone
    Q_PROPERTY(QString dueTime READ dueTime NOTIFY taskChanged) // HH:mm
    Q_PROPERTY(bool overdue READ overdue NOTIFY taskChanged)
    Q_PROPERTY(QString createdByName READ createdByName NOTIFY taskChanged)
    Q_PROPERTY(QString conversationId READ conversationId NOTIFY taskChanged)
    Q_PROPERTY(QString conversationName READ conversationName NOTIFY taskChanged)
    Q_PROPERTY(QString sourceMessageId READ sourceMessageId NOTIFY taskChanged)
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY taskChanged) // the message's first line
    // [{userId, displayName}] of the assignees; members: every person of the space, with `assigned`.
    Q_PROPERTY(QVariantList assignees READ assignees NOTIFY taskChanged)
    Q_PROPERTY(QVariantList members READ members NOTIFY taskChanged)
    // [{itemId, text, done}] in order; [{commentId, authorName, body, timeText}] oldest first.
    Q_PROPERTY(QVariantList checklist READ checklist NOTIFY taskChanged)
    Q_PROPERTY(QVariantList comments READ comments NOTIFY taskChanged)
    // The task's files (present attachments), with open, save and download.
    Q_PROPERTY(tandem::app::AttachmentFiles *files READ files CONSTANT)
    // The files chosen for a task not created yet, sent with it: [{path, name, sizeText}].
    Q_PROPERTY(QVariantList draftFiles READ draftFiles NOTIFY draftFilesChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit TaskController(QObject *parent = nullptr);

    [[nodiscard]] SpaceSession *session() const { return m_session; }
    void setSession(SpaceSession *session);
    [[nodiscard]] QString taskId() const { return m_taskId; }
    void setTaskId(const QString &id);
    [[nodiscard]] bool exists() const { return m_exists; }
    [[nodiscard]] QString title() const { return m_fields.value(QStringLiteral("title")).toString(); }
    [[nodiscard]] QString description() const
    {
        return m_fields.value(QStringLiteral("description")).toString();
    }
    [[nodiscard]] QString status() const { return m_fields.value(QStringLiteral("status")).toString(); }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] int priority() const { return m_fields.value(QStringLiteral("priority")).toInt(); }
    [[nodiscard]] qint64 dueAt() const { return m_fields.value(QStringLiteral("dueAt")).toLongLong(); }
    [[nodiscard]] QString dueText() const;
    [[nodiscard]] QString dueDate() const;
    [[nodiscard]] QString dueTime() const;
    [[nodiscard]] bool overdue() const;
    [[nodiscard]] QString createdByName() const
    {
        return m_fields.value(QStringLiteral("createdByName")).toString();
    }
    [[nodiscard]] QString conversationId() const
    {
        return m_fields.value(QStringLiteral("conversationId")).toString();
    }
    [[nodiscard]] QString conversationName() const
    {
        return m_fields.value(QStringLiteral("conversationName")).toString();
    }
    [[nodiscard]] QString sourceMessageId() const
    {
        return m_fields.value(QStringLiteral("sourceMessageId")).toString();
    }
    [[nodiscard]] QString sourceText() const
    {
        return m_fields.value(QStringLiteral("sourceText")).toString();
    }
    [[nodiscard]] QVariantList assignees() const { return m_assignees; }
    [[nodiscard]] QVariantList members() const { return m_members; }
    [[nodiscard]] QVariantList checklist() const { return m_checklist; }
    [[nodiscard]] QVariantList comments() const { return m_comments; }
    [[nodiscard]] AttachmentFiles *files() const { return m_files; }
    [[nodiscard]] QVariantList draftFiles() const { return m_draftFiles; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    // Without a session (tests): the space's parts and the clock (ms since the epoch).
    void attach(const TaskSpace &space, std::function<qint64()> now = {});

    // A new task from {title, description, status, priority, dueDate, dueTime, assignees: [ids],
    // checklist: [texts], conversationId, sourceMessageId} and the draft files. Refused (false, errorText)
    // when the input is invalid; else queued (the files copied into the encrypted cache first, off the GUI
    // thread), and taskId becomes the new task's id (`created` follows, and the draft files are cleared).
    Q_INVOKABLE bool create(const QVariantMap &draft);
    // Adds local files (file: URLs, as a FileDialog gives them) to the new task's draft; refuses, with
    // errorText, what is not a readable file on this computer and more than a task holds. A file chosen
    // twice is listed once.
    Q_INVOKABLE bool addDraftFiles(const QList<QUrl> &fileUrls);
    Q_INVOKABLE void removeDraftFile(int index);
    Q_INVOKABLE void clearDraftFiles();
    // Reads the space's people (for the assignee picker of a task not created yet).
    Q_INVOKABLE void loadMembers();
    // Edits of the task shown; each refuses invalid input with errorText and returns false.
    Q_INVOKABLE bool setTitle(const QString &title);
    Q_INVOKABLE bool setDescription(const QString &description);
    Q_INVOKABLE bool setStatus(const QString &status);
    Q_INVOKABLE bool setPriority(int priority);
    // Both empty clears the due time.
    Q_INVOKABLE bool setDue(const QString &date, const QString &time);
    Q_INVOKABLE bool setAssigned(const QString &userId, bool assigned);
    Q_INVOKABLE bool addChecklistItem(const QString &text);
    Q_INVOKABLE bool setChecklistItemDone(const QString &itemId, bool done);
    Q_INVOKABLE bool removeChecklistItem(const QString &itemId);
    Q_INVOKABLE bool addComment(const QString &body);
    // Attaches a local file (a file: URL, as a FileDialog gives it): copied into the space's encrypted
    // cache off the GUI thread, then queued with the task.update; refused with errorText when it is not
    // a file or too large. False when refused at once.
    Q_INVOKABLE bool attachFile(const QUrl &fileUrl);
    // Removes a file from the task (task.update attachments {id: false}).
    Q_INVOKABLE bool removeFile(const QString &attachmentId);
    Q_INVOKABLE bool deleteTask();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void sessionChanged();
    void taskIdChanged();
    void taskChanged();
    void errorTextChanged();
    void draftFilesChanged();
    void created(const QString &taskId);
    // An edit or create was written to the outbox (tests wait on it).
    void queued();

private:
    struct Read;
    void attachSession();
    void reload();
    void apply(const Read &read);
    bool update(const QJsonObject &changes);
    bool refuse(const QString &message);
    void follow(
        const QFuture<Result<sync::QueuedMutation>> &future, std::function<void(const QString &)> done = {});
    [[nodiscard]] qint64 now() const;

    QPointer<SpaceSession> m_session;
    TaskSpace m_space;
    std::function<qint64()> m_now;
    QString m_taskId;
    bool m_exists = false;
    QVariantMap m_fields;
    QVariantList m_assignees;
    QVariantList m_members;
    QVariantList m_checklist;
    QVariantList m_comments;
    AttachmentFiles *m_files;
    QVariantList m_draftFiles;
    QString m_errorText;
    quint64 m_generation = 0;
    QMetaObject::Connection m_storeConnection;
};

} // namespace tandem::app
