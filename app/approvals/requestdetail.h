// One request as its detail view shows it: the answers of its form, its steps with their approvers,
// and the audit trail (who did what, when, from which device), read on the store thread.
#pragma once

#include "files/attachmentfiles.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
}

namespace tandem::app {

class SpaceSession;

class RequestDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("spacesession.h")
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString requestId READ requestId WRITE setRequestId NOTIFY requestIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString templateName READ templateName NOTIFY changed)
    Q_PROPERTY(QString requesterName READ requesterName NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString amountText READ amountText NOTIFY changed)
    Q_PROPERTY(qint64 submittedAt READ submittedAt NOTIFY changed)
    Q_PROPERTY(qint64 decidedAt READ decidedAt NOTIFY changed)
    Q_PROPERTY(bool waitingOnMe READ waitingOnMe NOTIFY changed)
    // The active step's position (-1 when not pending), for approve, reject and return.
    Q_PROPERTY(int currentStep READ currentStep NOTIFY changed)
    // The signed-in person asked for it (withdraw is theirs).
    Q_PROPERTY(bool isMine READ isMine NOTIFY changed)
    // [{label, text}] in form order
    Q_PROPERTY(QVariantList answers READ answers NOTIFY changed)
    // [{position, modeText, state, stateText, approvers: [{name, decision, decisionText, decidedAt}]}]
    Q_PROPERTY(QVariantList steps READ steps NOTIFY changed)
    // [{actorName, action, actionText, comment, at, deviceId}] oldest first
    Q_PROPERTY(QVariantList timeline READ timeline NOTIFY changed)
    Q_PROPERTY(QStringList cc READ cc NOTIFY changed)
    // The files the form names, with open and save.
    Q_PROPERTY(tandem::app::AttachmentFiles *files READ files CONSTANT)

public:
    explicit RequestDetail(QObject *parent = nullptr);

    [[nodiscard]] SpaceSession *session() const;
    void setSession(SpaceSession *session);
    void setStore(store::StoreThread *store, const QString &me);
    [[nodiscard]] QString requestId() const { return m_requestId; }
    void setRequestId(const QString &id);

    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] bool found() const { return m_found; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString templateName() const { return m_templateName; }
    [[nodiscard]] QString requesterName() const { return m_requesterName; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString amountText() const { return m_amountText; }
    [[nodiscard]] qint64 submittedAt() const { return m_submittedAt; }
    [[nodiscard]] qint64 decidedAt() const { return m_decidedAt; }
    [[nodiscard]] bool waitingOnMe() const { return m_waitingOnMe; }
    [[nodiscard]] int currentStep() const { return m_currentStep; }
    [[nodiscard]] bool isMine() const { return m_isMine; }
    [[nodiscard]] QVariantList answers() const { return m_answers; }
    [[nodiscard]] QVariantList steps() const { return m_steps; }
    [[nodiscard]] QVariantList timeline() const { return m_timeline; }
    [[nodiscard]] QStringList cc() const { return m_cc; }
    [[nodiscard]] AttachmentFiles *files() const { return m_files; }

    Q_INVOKABLE void reload();
    // "approve" → "approved", translated, for the timeline.
    Q_INVOKABLE static QString actionText(const QString &action);

Q_SIGNALS:
    void sessionChanged();
    void requestIdChanged();
    void changed();

private:
    QPointer<SpaceSession> m_session;
    store::StoreThread *m_store = nullptr;
    QMetaObject::Connection m_changedConnection;
    QString m_me;
    QString m_requestId;
    quint64 m_generation = 0;
    bool m_loaded = false;
    bool m_found = false;
    QString m_title, m_templateName, m_requesterName, m_state, m_amountText;
    qint64 m_submittedAt = 0;
    qint64 m_decidedAt = 0;
    bool m_waitingOnMe = false;
    int m_currentStep = -1;
    bool m_isMine = false;
    QVariantList m_answers, m_steps, m_timeline;
    QStringList m_cc;
    AttachmentFiles *m_files;
};

} // namespace tandem::app
