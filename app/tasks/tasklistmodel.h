// One list of tasks for QML: my tasks, assigned by me, due today, overdue, the tasks of one conversation,
// or all of them (tasks/taskqueries.h). Read whole on the store thread (a person's open tasks are a
// short list) and read again when the store says tasks or users changed, and every minute for the views
// that depend on the clock (due today, overdue).
#pragma once

#include "spacesession.h"
#include "taskspace.h"

#include "tasks/taskqueries.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

// QPointer<SpaceSession> needs the whole type wherever the destructor is made.

namespace tandem::app {

class SpaceSession;

class TaskListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // mine, assigned, today, overdue, conversation, all
    Q_PROPERTY(QString view READ view WRITE setView NOTIFY viewChanged)
    // The conversation of the view "conversation".
    Q_PROPERTY(
        QString conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Role {
        TaskIdRole = Qt::UserRole + 1, // string
        TitleRole, // string
        StatusRole, // string: open, in_progress, done, cancelled
        StatusTextRole, // string, translated
        PriorityRole, // int 0..3
        PriorityTextRole, // string, translated ("" for none)
        DueAtRole, // qint64 ms, 0 when none
        DueTextRole, // string: "Today 17:00" ("" when none)
        OverdueRole, // bool: open and past its due time
        AssigneeIdsRole, // QStringList
        AssigneeNamesRole, // string: "Bob Stone, Carol King"
        ChecklistDoneRole, // int
        ChecklistTotalRole, // int
        ConversationIdRole, // string ("" when none)
        SourceMessageIdRole, // string ("" when not made from a message)
        CreatedByRole, // string: user id
        CreatedByNameRole, // string
    };
    Q_ENUM(Role)

    explicit TaskListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] SpaceSession *session() const { return m_session; }
    void setSession(SpaceSession *session);
    [[nodiscard]] QString view() const { return m_view; }
    void setView(const QString &view);
    [[nodiscard]] QString conversationId() const { return m_conversationId; }
    void setConversationId(const QString &id);
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] const QList<tasks::TaskSummary> &rows() const { return m_rows; }

    // Without a session (tests): the space's parts and the clock (ms since the epoch).
    void attach(const TaskSpace &space, std::function<qint64()> now = {});
    // Reads the list again now.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void viewChanged();
    void conversationIdChanged();
    void countChanged();
    void loadedChanged();
    void errorTextChanged();

private:
    struct Read
    {
        QList<tasks::TaskSummary> rows;
        QHash<QString, QString> names;
    };
    void attachSession();
    void setRows(Read read);
    [[nodiscard]] qint64 now() const;

    QPointer<SpaceSession> m_session;
    TaskSpace m_space;
    std::function<qint64()> m_now;
    QString m_view = QStringLiteral("mine");
    QString m_conversationId;
    QList<tasks::TaskSummary> m_rows;
    QHash<QString, QString> m_names;
    QString m_errorText;
    bool m_loaded = false;
    bool m_reading = false;
    bool m_again = false;
    QTimer m_minute;
    QMetaObject::Connection m_storeConnection;
};

} // namespace tandem::app
