#include "conversationboundary.h"

#include "composercontroller.h"
#include "offdutytext.h"
#include "storereply.h"

#include "boundary/boundarystate.h"
#include "store/storethread.h"
#include "sync/spacesync.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTimeZone>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcConversationBoundary, "tandem.app.conversationboundary")

using namespace Qt::StringLiterals;
using models::onReply;

namespace {

constexpr int kMaxUrgent = 200; // the newest urgent messages of a conversation
constexpr qint64 kYearMs = 366LL * 24 * 60 * 60 * 1000; // the server keeps a message at most this long

struct UrgentRow
{
    QString messageId;
    bool mine = false;
    QList<boundary::UrgentState> states;
};

} // namespace

struct ConversationBoundary::Snapshot
{
    std::optional<boundary::OffDuty> offDuty;
    QList<boundary::ScheduledMessage> scheduled;
    QList<UrgentRow> urgent;
};

ConversationBoundary::ConversationBoundary(store::StoreThread *store, sync::SpaceSync *sync,
    QString conversationId, QString selfUserId, ComposerController *composer, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_conversationId(std::move(conversationId))
    , m_selfUserId(std::move(selfUserId))
    , m_composer(composer)
    , m_now([] { return QDateTime::currentDateTime(); })
{
    if (m_store)
        connect(m_store, &store::StoreThread::changed, this, &ConversationBoundary::onStoreChanged);
    if (m_sync) {
        connect(m_sync, &sync::SpaceSync::mutationRejected, this,
            [this](const QString &mutationId, const QString &code, const QString &reason) {
                const auto it = m_urgentBodies.constFind(mutationId);
                if (it == m_urgentBodies.cend())
                    return;
                const QString body = *it;
                m_urgentBodies.erase(it);
                // The message was not sent: the text goes back, the reason shows where it was written.
                giveBack(body);
                setError(code == u"urgent_not_allowed"
                        ? tr("Not sent as urgent: %1").arg(reason)
                        : tr("The urgent message was not sent: %1").arg(reason));
            });
    }
    reload();
}

QString ConversationBoundary::offDutyText() const
{
    return m_offUntil > 0 ? app::offDutyText(m_offUntil, m_offZone, m_now()) : QString();
}

QString ConversationBoundary::scheduleChoiceText() const
{
    return m_offUntil > 0 ? app::scheduleChoiceText(m_offUntil, m_offZone, m_now()) : QString();
}

void ConversationBoundary::onStoreChanged(const store::StoreChange &change)
{
    if (change.presence || change.conversations.contains(m_conversationId))
        reload();
}

void ConversationBoundary::reload()
{
    if (!m_store)
        return;
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const QString conversationId = m_conversationId;
    const QString self = m_selfUserId;
    auto read = m_store->read<Snapshot>([conversationId, self](store::SpaceStore &s) -> Result<Snapshot> {
        Snapshot out;
        // The other member, when this is a direct conversation.
        auto other = s.db().prepare(
            "SELECT m.user_id FROM members m JOIN conversations c ON c.id = m.conversation_id "
            "WHERE c.id = ?1 AND c.kind = 'direct' AND m.user_id != ?2 LIMIT 1");
        if (!other)
            return other.error();
        QString otherId;
        TANDEM_TRY(other->bind(1, conversationId).bind(2, self).forEachRow([&](const store::Statement &r) {
            otherId = r.text(0);
        }));
        if (!otherId.isEmpty()) {
            auto off = boundary::offDuty(s, otherId);
            if (!off)
                return off.error();
            out.offDuty = *off;
        }
        auto scheduled = boundary::scheduledMessages(s, conversationId);
        if (!scheduled)
            return scheduled.error();
        out.scheduled = std::move(*scheduled);
        // From the few urgent messages of the space (a partial index), not from the conversation's
        // messages, which a long conversation has by the hundred thousand: this runs on every open.
        auto urgent
            = s.db().prepare("SELECT m.id, m.sender_id FROM message_state ms INDEXED BY message_state_urgent "
                             "CROSS JOIN messages m ON m.id = ms.message_id "
                             "WHERE ms.urgent = 1 AND m.conversation_id = ?1 AND m.deleted_at IS NULL "
                             "ORDER BY m.rowid DESC LIMIT ?2");
        if (!urgent)
            return urgent.error();
        TANDEM_TRY(
            urgent->bind(1, conversationId).bind(2, kMaxUrgent).forEachRow([&](const store::Statement &r) {
                out.urgent << UrgentRow {r.text(0), r.text(1) == self, {}};
            }));
        for (UrgentRow &row : out.urgent) {
            auto states = boundary::urgentStates(s, row.messageId);
            if (!states)
                return states.error();
            row.states = std::move(*states);
        }
        return out;
    });
    onReply(this, read, [this](const Result<Snapshot> &r) {
        m_reading = false;
        if (r)
            apply(*r);
        else
            qCWarning(lcConversationBoundary) << "cannot read the boundary state" << r.error().codeName();
        if (std::exchange(m_readAgain, false))
            reload();
    });
}

void ConversationBoundary::apply(const Snapshot &s)
{
    const QDateTime now = m_now();
    const QLocale locale;
    auto timeOf = [&](qint64 ms) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, now.timeZone());
        return at.date() == now.date() ? at.toString(u"HH:mm"_s) : locale.toString(at, u"ddd d MMM HH:mm"_s);
    };
    m_offUntil = s.offDuty && s.offDuty->offUntil > now.toMSecsSinceEpoch() ? s.offDuty->offUntil : 0;
    m_offZone = s.offDuty ? s.offDuty->timeZone : QString();
    m_scheduled.clear();
    for (const boundary::ScheduledMessage &m : s.scheduled)
        m_scheduled << QVariantMap {{u"messageId"_s, m.messageId}, {u"body"_s, m.body},
            {u"whenText"_s, timeOf(m.deliverAt)}, {u"deliverAt"_s, double(m.deliverAt)},
            {u"confirmed"_s, m.confirmed}, {u"failed"_s, m.failed}};
    m_urgent.clear();
    for (const UrgentRow &row : s.urgent) {
        qint64 seen = 0;
        qint64 acknowledged = 0;
        for (const boundary::UrgentState &st : row.states) {
            if (!row.mine && st.recipientId != m_selfUserId)
                continue; // the recipient's own state only
            // The sender, in a group, hears of the first recipient to see and to acknowledge it.
            if (st.seenAt > 0 && (seen == 0 || st.seenAt < seen))
                seen = st.seenAt;
            if (st.acknowledgedAt > 0 && (acknowledged == 0 || st.acknowledgedAt < acknowledged))
                acknowledged = st.acknowledgedAt;
        }
        if (acknowledged > 0 && seen == 0)
            seen = acknowledged; // acknowledging implies seeing
        QString status;
        if (row.mine) {
            status = seen == 0 ? tr("Not seen yet") : tr("Seen %1").arg(timeOf(seen));
            if (acknowledged > 0)
                status = tr("%1 · Acknowledged %2").arg(status, timeOf(acknowledged));
        } else if (acknowledged > 0) {
            status = tr("Acknowledged %1").arg(timeOf(acknowledged));
        }
        m_urgent.insert(row.messageId,
            QVariantMap {{u"mine"_s, row.mine}, {u"seen"_s, seen > 0}, {u"acknowledged"_s, acknowledged > 0},
                {u"statusText"_s, status}});
    }
    Q_EMIT changed();
}

double ConversationBoundary::parseWhen(const QString &date, const QString &time)
{
    const QDate d = QDate::fromString(date.trimmed(), u"yyyy-MM-dd"_s);
    if (!d.isValid()) {
        setError(tr("“%1” is not a date. Write it as YYYY-MM-DD, such as 2026-11-25.").arg(date.trimmed()));
        return -1;
    }
    const QTime t = QTime::fromString(time.trimmed(), u"HH:mm"_s);
    if (!t.isValid()) {
        setError(tr("“%1” is not a time. Write it as HH:MM, such as 09:00.").arg(time.trimmed()));
        return -1;
    }
    const QDateTime now = m_now();
    const QDateTime at(d, t, now.timeZone());
    const qint64 ms = at.toMSecsSinceEpoch();
    if (ms <= now.toMSecsSinceEpoch()) {
        setError(tr("%1 %2 has already passed. Choose a later time.").arg(date.trimmed(), time.trimmed()));
        return -1;
    }
    if (ms > now.toMSecsSinceEpoch() + kYearMs) {
        setError(tr("A message can be scheduled at most a year ahead."));
        return -1;
    }
    setError({});
    return double(ms);
}

QString ConversationBoundary::takeComposerText(QStringList *mentions, QString *replyTo)
{
    if (!m_composer || m_composer->text().trimmed().isEmpty() || !m_composer->editingMessageId().isEmpty())
        return {};
    const QString body = m_composer->text();
    *mentions = m_composer->mentionedUserIds(body);
    *replyTo = m_composer->replyToMessageId();
    m_composer->setText(QString());
    m_composer->setReplyToMessageId(QString());
    m_composer->saveDraftNow();
    return body;
}

void ConversationBoundary::giveBack(const QString &body)
{
    if (m_composer && m_composer->text().isEmpty())
        m_composer->setText(body);
}

bool ConversationBoundary::scheduleComposerText(double deliverAt)
{
    if (!m_sync) {
        setError(tr("This space has no server to keep a scheduled message."));
        return false;
    }
    if (qint64(deliverAt) <= m_now().toMSecsSinceEpoch()) {
        setError(tr("That time has already passed. Choose a later time."));
        return false;
    }
    sync::OutgoingMessage options;
    options.format = u"markdown"_s;
    const QString body = takeComposerText(&options.mentions, &options.replyToId);
    if (body.isEmpty())
        return false;
    setError({});
    auto queued = m_sync->scheduleMessage(m_conversationId, body, qint64(deliverAt), options);
    onReply(this, queued, [this, body](const Result<sync::QueuedMutation> &r) {
        if (r) {
            reload();
            return;
        }
        giveBack(body);
        setError(r.error().message);
    });
    return true;
}

void ConversationBoundary::cancelScheduled(const QString &messageId)
{
    if (!m_sync)
        return;
    onReply(this, m_sync->cancelScheduledMessage(messageId), [this](const Result<sync::QueuedMutation> &r) {
        if (!r)
            setError(r.error().message);
    });
}

bool ConversationBoundary::sendComposerTextUrgent()
{
    if (!m_sync) {
        setError(tr("Urgent messages need a server."));
        return false;
    }
    sync::OutgoingMessage options;
    options.format = u"markdown"_s;
    const QString body = takeComposerText(&options.mentions, &options.replyToId);
    if (body.isEmpty())
        return false;
    setError({});
    auto queued = m_sync->sendUrgentMessage(m_conversationId, body, options);
    onReply(this, queued, [this, body](const Result<sync::QueuedMutation> &r) {
        if (r) {
            m_urgentBodies.insert(r->mutationId, body);
            return;
        }
        giveBack(body);
        setError(r.error().message);
    });
    return true;
}

void ConversationBoundary::markSeen(const QString &messageId)
{
    const QVariantMap state = m_urgent.value(messageId).toMap();
    if (!m_sync || state.isEmpty() || state.value(u"mine"_s).toBool() || state.value(u"seen"_s).toBool()
        || m_seenSent.contains(messageId))
        return;
    m_seenSent.insert(messageId);
    (void)m_sync->markUrgent(m_conversationId, messageId, false);
}

void ConversationBoundary::acknowledge(const QString &messageId)
{
    const QVariantMap state = m_urgent.value(messageId).toMap();
    if (!m_sync || state.isEmpty() || state.value(u"mine"_s).toBool()
        || state.value(u"acknowledged"_s).toBool())
        return;
    (void)m_sync->markUrgent(m_conversationId, messageId, true);
}

void ConversationBoundary::clearError()
{
    setError({});
}

void ConversationBoundary::setError(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

} // namespace tandem::app
