// The stream side of SpaceConnection: events in order with their cursor (§4), snapshots (§3.8) and the
// history backfill (§4.7), and the request slots they share (§9.1).
#include "spaceconnection.h"

#include "storewriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace tandem::sync {

using namespace Qt::StringLiterals;

void SpaceConnection::onEvents(const protocol::EventsFrame &frame)
{
    if (frame.spaceId != m_account.serverSpaceId)
        return protocolFailure(u"events of a space this connection does not sync"_s);
    if (m_snapshotActive)
        return; // §3.8: pushed events are ignored while a snapshot is in progress
    if (frame.epoch != m_cursor.epoch) {
        startSnapshot(); // §4.3: another epoch: this data cannot be continued
        return;
    }
    m_headSeq = std::max(m_headSeq, frame.headSeq);
    bool overflow = false;
    const QList<protocol::Event> ready
        = m_sequencer.offer(frame.events, m_limits.maxUnackedEvents, &overflow);
    if (!ready.isEmpty())
        applyBatch(ready);
    if (overflow || (!frame.rid.isEmpty() && (frame.hasMore || m_sequencer.hasGap()))) {
        fetch();
    } else if (m_sequencer.hasGap()) {
        if (!m_gapTimer.isActive())
            m_gapTimer.start(int(m_config.gapWaitMs));
    } else {
        m_gapTimer.stop();
    }
    m_tailTimer.start(int(m_config.gapWaitMs));
}

void SpaceConnection::applyBatch(const QList<protocol::Event> &events)
{
    const QString stream = m_account.serverSpaceId;
    const QString self = m_account.userId;
    const store::SyncCursor cursor {m_cursor.epoch, events.last().seq};
    for (const protocol::Event &e : events) {
        if (e.kind == "conversation.updated"_L1)
            m_backfillDirty = true;
        if (e.kind == "message.created"_L1) {
            // A message ends its sender's typing notice (§6.7).
            const QJsonObject m = e.data.value("message"_L1).toObject();
            m_typing.messageFrom(
                m.value("conversation_id"_L1).toString(), m.value("sender_id"_L1).toString());
        }
    }
    // One transaction: the batch and its cursor, or neither (§4.3).
    whenDone(m_store->write<bool>([events, stream, self, cursor](
                                      store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
        StoreWriter writer(s.db(), self, change);
        for (const protocol::Event &e : events)
            TANDEM_TRY(writer.applyEvent(e));
        TANDEM_TRY(writer.finish());
        TANDEM_TRY(store::saveCursor(s.db(), stream, cursor));
        return true;
    }),
        [this, cursor](bool) {
            m_cursor.seq = std::max(m_cursor.seq, cursor.seq);
            scheduleAck();
            if (m_backfillDirty && !m_backfillRunning && !m_snapshotActive)
                startBackfill();
        });
}

void SpaceConnection::scheduleAck()
{
    if (!m_ackTimer.isActive())
        m_ackTimer.start(int(m_config.ackDelayMs));
}

void SpaceConnection::sendAck()
{
    // Only what is committed is acknowledged (§4.6).
    if (m_phase != Phase::Ready || m_cursor.seq <= m_ackedSeq || m_cursor.seq < 1)
        return;
    m_ackedSeq = m_cursor.seq;
    sendFrame(
        {{u"type"_s, u"ack"_s}, {u"space_id"_s, m_account.serverSpaceId}, {u"seq"_s, double(m_ackedSeq)}});
}

void SpaceConnection::fetch()
{
    if (m_fetchInFlight || m_snapshotActive || m_phase != Phase::Ready)
        return;
    m_fetchInFlight = true;
    m_gapTimer.stop();
    sendRequest(RequestKind::Fetch,
        {{u"type"_s, u"fetch"_s}, {u"space_id"_s, m_account.serverSpaceId}, {u"epoch"_s, m_cursor.epoch},
            {u"after"_s, double(m_sequencer.cursor())}, {u"limit"_s, double(m_limits.maxEventsPerBatch)}});
}

void SpaceConnection::startSnapshot()
{
    if (m_snapshotActive || m_phase != Phase::Ready)
        return;
    m_snapshotActive = true;
    m_snapshotEpoch.clear();
    m_snapshotAtSeq = -1;
    m_sequencer.clearBuffer();
    m_gapTimer.stop();
    m_historyQueue.clear();
    whenDone(m_store->write<bool>([](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
        TANDEM_TRY(store::clearStaging(s.db()));
        return true;
    }),
        [](bool) {});
    requestSnapshotPage(QString());
}

void SpaceConnection::requestSnapshotPage(const QString &pageToken)
{
    QJsonObject frame {{u"type"_s, u"snapshot"_s}, {u"space_id"_s, m_account.serverSpaceId}};
    if (pageToken.isEmpty())
        frame.insert(u"messages_per_conversation"_s, m_config.snapshotMessagesPerConversation);
    else
        frame.insert(u"page_token"_s, pageToken);
    sendRequest(RequestKind::Snapshot, frame);
}

void SpaceConnection::onSnapshotPage(const protocol::SnapshotPage &page)
{
    if (!m_snapshotActive || page.spaceId != m_account.serverSpaceId)
        return protocolFailure(u"a snapshot page nobody asked for"_s);
    if (m_snapshotAtSeq < 0) {
        m_snapshotEpoch = page.epoch;
        m_snapshotAtSeq = page.atSeq;
    } else if (page.epoch != m_snapshotEpoch || page.atSeq != m_snapshotAtSeq) {
        return protocolFailure(u"snapshot pages that describe different states"_s);
    }
    QJsonArray records;
    for (const protocol::Record &r : page.records)
        records.append(QJsonObject {{u"entity"_s, r.entity}, {u"data"_s, r.data}});
    const QByteArray staged = QJsonDocument(records).toJson(QJsonDocument::Compact);
    const QString stream = m_account.serverSpaceId;
    const QString epoch = page.epoch;
    const qint64 atSeq = page.atSeq;
    whenDone(m_store->write<bool>(
                 [stream, epoch, atSeq, staged](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
                     TANDEM_TRY(store::stagePage(s.db(), stream, epoch, atSeq, staged));
                     return true;
                 }),
        [](bool) {});
    if (!page.nextPageToken.isEmpty()) {
        requestSnapshotPage(page.nextPageToken);
        return;
    }

    // The last page: replace the server's data in one transaction, keeping local echoes (§3.8). The
    // stream continues from at_seq at once: the events the server pushes next are queued behind this
    // write on the store thread, so they land after it.
    m_snapshotActive = false;
    m_cursor = {epoch, 0}; // the committed position is set once the write is done
    m_sequencer.reset(atSeq);
    m_headSeq = atSeq; // a new epoch numbers from 1 again
    m_ackedSeq = 0;
    const QString self = m_account.userId;
    whenDone(m_store->write<bool>([stream, epoch, atSeq, self](
                                      store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
        auto pages = store::stagedPages(s.db());
        if (!pages)
            return pages.error();
        // Records in reference order, whatever order the pages had: what is referred to comes first.
        static const QStringList order {u"space"_s, u"organisation"_s, u"user"_s, u"device"_s,
            u"conversation"_s, u"member"_s, u"prefs"_s, u"message"_s, u"receipt"_s, u"pin"_s, u"saved"_s,
            u"presence"_s};
        QList<QJsonObject> all;
        for (const QByteArray &p : std::as_const(*pages))
            for (const QJsonValue &v : QJsonDocument::fromJson(p).array())
                all.append(v.toObject());
        std::stable_sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return order.indexOf(a.value("entity"_L1).toString())
                < order.indexOf(b.value("entity"_L1).toString());
        });
        StoreWriter writer(s.db(), self, change);
        TANDEM_TRY(writer.clearServerData());
        for (const QJsonObject &r : std::as_const(all))
            TANDEM_TRY(writer.upsertRecord(r.value("entity"_L1).toString(), r.value("data"_L1).toObject()));
        auto outbox = store::outboxRows(s.db(), true);
        if (!outbox)
            return outbox.error();
        for (const store::OutboxRow &row : std::as_const(*outbox))
            TANDEM_TRY(
                writer.applyEcho(row, row.state == u"rejected" ? EchoState::Failed : EchoState::Sending));
        TANDEM_TRY(writer.finish());
        TANDEM_TRY(store::clearStaging(s.db()));
        TANDEM_TRY(store::saveCursor(s.db(), stream, {epoch, atSeq}));
        return true;
    }),
        [this, atSeq](bool) {
            m_cursor.seq = std::max(m_cursor.seq, atSeq);
            scheduleAck();
            m_tailTimer.start(int(m_config.gapWaitMs));
            startBackfill();
        });
}

void SpaceConnection::startBackfill()
{
    m_backfillDirty = false;
    if (!m_config.backfillHistory || m_backfillRunning || m_snapshotActive) {
        return;
    }
    m_backfillRunning = true;
    m_backfillDone = false;
    whenDone(m_store->read<QList<QPair<QString, qint64>>>(
                 [](store::SpaceStore &s) { return StoreWriter::incompleteConversations(s.db()); }),
        [this](QList<QPair<QString, qint64>> incomplete) {
            m_historyQueue.assign(incomplete.begin(), incomplete.end());
            requestNextHistory();
        });
}

void SpaceConnection::requestNextHistory()
{
    if (m_historyQueue.empty() || m_snapshotActive || m_phase != Phase::Ready) {
        m_backfillRunning = false;
        m_backfillDone = m_historyQueue.empty() && !m_snapshotActive;
        if (m_backfillDirty && m_backfillDone)
            startBackfill();
        return;
    }
    m_backfillRunning = true;
    const auto [conversation, oldest] = m_historyQueue.front();
    m_historyQueue.pop_front();
    QJsonObject frame {{u"type"_s, u"history"_s}, {u"space_id"_s, m_account.serverSpaceId},
        {u"conversation_id"_s, conversation}, {u"limit"_s, double(m_limits.maxEventsPerBatch)}};
    if (oldest > 0)
        frame.insert(u"before_cseq"_s, double(oldest));
    sendRequest(RequestKind::History, frame, conversation);
}

void SpaceConnection::onHistoryPage(const protocol::HistoryPage &page)
{
    const QString self = m_account.userId;
    const bool complete = !page.hasMore || page.messages.isEmpty();
    whenDone(m_store->write<bool>(
                 [page, self, complete](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
                     StoreWriter writer(s.db(), self, change);
                     for (const QJsonObject &m : page.messages)
                         TANDEM_TRY(writer.insertHistoryMessage(m));
                     TANDEM_TRY(writer.finish());
                     if (complete)
                         TANDEM_TRY(StoreWriter::markHistoryComplete(s.db(), page.conversationId));
                     return true;
                 }),
        [](bool) {});
    if (!complete)
        m_historyQueue.push_front(
            {page.conversationId, qint64(page.messages.first().value("cseq"_L1).toDouble())});
    requestNextHistory();
}

void SpaceConnection::sendRequest(RequestKind kind, QJsonObject frame, const QString &context)
{
    m_requestQueue.push_back({kind, {std::move(frame), context}});
    drainRequests();
}

void SpaceConnection::drainRequests()
{
    while (!m_requestQueue.empty() && m_requestsInFlight < m_limits.maxRequestsInFlight
        && m_requestsPausedUntilMs == 0 && m_phase == Phase::Ready) {
        auto [kind, body] = m_requestQueue.front();
        m_requestQueue.pop_front();
        QJsonObject frame = body.first;
        const QString rid = nextRid();
        frame.insert(u"rid"_s, rid);
        m_pending.insert(rid, {kind, m_clock.elapsed(), body.second});
        ++m_requestsInFlight;
        sendFrame(frame);
    }
}

} // namespace tandem::sync
