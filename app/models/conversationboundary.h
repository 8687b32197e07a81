// The open conversation's side of the boundary (issue 5): whether the other member of a direct
// conversation is off duty and until when (in their zone and ours), the account's scheduled messages
// here (kept by the server, listed until delivered, cancellable), scheduled and urgent sends of the
// composer's text, and the urgent messages of the conversation: marked in the timeline, acknowledged
// by the recipient, and "Seen 10:42 · Acknowledged 10:45" for the sender.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace tandem::store {
class StoreThread;
struct StoreChange;
} // namespace tandem::store

namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class ComposerController;

class ConversationBoundary : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each open conversation has one: conversation.boundary.")
    // The other member of this direct conversation is off duty with a time they are back.
    Q_PROPERTY(bool offDuty READ offDuty NOTIFY changed)
    Q_PROPERTY(double offUntil READ offUntilValue NOTIFY changed)
    // "Off until 09:00 (your time 10:00)"; empty when not off duty.
    Q_PROPERTY(QString offDutyText READ offDutyText NOTIFY changed)
    // "Schedule for 09:00 their time (10:00 yours)".
    Q_PROPERTY(QString scheduleChoiceText READ scheduleChoiceText NOTIFY changed)
    // [{messageId, body, whenText, deliverAt, confirmed, failed}], soonest first.
    Q_PROPERTY(QVariantList scheduled READ scheduled NOTIFY changed)
    // messageId → {mine, seen, acknowledged, statusText}: the urgent messages held here.
    Q_PROPERTY(QVariantMap urgent READ urgent NOTIFY changed)
    // Why the last schedule or urgent send did not go (a bad time, the server's refusal).
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    ConversationBoundary(store::StoreThread *store, sync::SpaceSync *sync, QString conversationId,
        QString selfUserId, ComposerController *composer, QObject *parent = nullptr);

    [[nodiscard]] bool offDuty() const { return m_offUntil > 0; }
    [[nodiscard]] double offUntilValue() const { return double(m_offUntil); }
    [[nodiscard]] QString offDutyText() const;
    [[nodiscard]] QString scheduleChoiceText() const;
    [[nodiscard]] QVariantList scheduled() const { return m_scheduled; }
    [[nodiscard]] QVariantMap urgent() const { return m_urgent; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    // The clock (tests set their own, with a zone).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    // "2026-11-25" and "09:00" (local time) → ms; -1 and errorText when not a future time within a year.
    Q_INVOKABLE double parseWhen(const QString &date, const QString &time);
    // Sends the composer's text at `deliverAt` (ms); the composer is emptied. False: nothing to send, or
    // the time is past.
    Q_INVOKABLE bool scheduleComposerText(double deliverAt);
    Q_INVOKABLE void cancelScheduled(const QString &messageId);
    // The composer's text as an urgent message. A refusal (urgent_not_allowed) gives the text back to
    // the composer and shows the server's reason in errorText.
    Q_INVOKABLE bool sendComposerTextUrgent();
    // The recipient's side: shown (once), and the explicit acknowledgement.
    Q_INVOKABLE void markSeen(const QString &messageId);
    Q_INVOKABLE void acknowledge(const QString &messageId);
    Q_INVOKABLE void clearError();

    // Re-reads the store now (also done on every change that concerns this conversation).
    void reload();

Q_SIGNALS:
    void changed();
    void errorTextChanged();

private:
    struct Snapshot;
    void onStoreChanged(const store::StoreChange &change);
    void apply(const Snapshot &s);
    void setError(const QString &text);
    QString takeComposerText(QStringList *mentions, QString *replyTo);
    void giveBack(const QString &body);

    QPointer<store::StoreThread> m_store;
    QPointer<sync::SpaceSync> m_sync;
    QString m_conversationId;
    QString m_selfUserId;
    QPointer<ComposerController> m_composer;
    std::function<QDateTime()> m_now;

    qint64 m_offUntil = 0;
    QString m_offZone;
    QVariantList m_scheduled;
    QVariantMap m_urgent;
    QString m_errorText;
    QHash<QString, QString> m_urgentBodies; // mutation id → body, until the server answers
    QSet<QString> m_seenSent;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace tandem::app
