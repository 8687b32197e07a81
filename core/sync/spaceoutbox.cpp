// The mutation side of SpaceConnection (§5): the outbox sent in order within the in-flight limit,
// verbatim on every connection, and each result recorded with its consequences.
#include "spaceconnection.h"

#include "storewriter.h"

#include "protocol/codec.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace tandem::sync {

using namespace Qt::StringLiterals;

void SpaceConnection::outboxChanged()
{
    if (m_phase == Phase::Ready)
        reloadOutbox();
}

void SpaceConnection::reloadOutbox()
{
    whenDone(m_store->read<QList<store::OutboxRow>>(
                 [](store::SpaceStore &s) { return store::outboxRows(s.db(), false); }),
        [this](QList<store::OutboxRow> rows) {
            m_outbox = std::move(rows);
            m_outboxLoaded = true;
            pumpOutbox();
        });
}

void SpaceConnection::pumpOutbox()
{
    if (m_phase != Phase::Ready || m_mutationsPausedUntilMs != 0)
        return;
    // §5.2.6: a mutation older than the server's retention minus a day may have been forgotten by
    // the server, so sending it could apply it twice. It is not sent; the user decides.
    const qint64 expiredBefore = protocol::nowMs() - (m_limits.mutationRetentionMs - 24 * 3600 * 1000);
    for (qsizetype i = 0; i < m_outbox.size() && m_mutationsInFlight < m_limits.maxMutationsInFlight;) {
        const store::OutboxRow row = m_outbox.at(i);
        if (m_sentHere.contains(row.mutationId)) {
            ++i;
            continue;
        }
        if (waitsForUploads(row))
            break; // later rows may depend on this one: they wait too (§5.2.2, §5.2.5)
        if (row.createdAt < expiredBefore) {
            m_outbox.removeAt(i);
            const protocol::Outcome expired {u"rejected"_s, std::nullopt, {},
                QString(protocol::code::mutation_expired),
                u"This change waited too long to be sent; send it again or discard it."_s, {}};
            const QString self = m_account.userId;
            whenDone(
                m_store->write<bool>(
                    [row, expired, self](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
                        StoreWriter writer(s.db(), self, change);
                        TANDEM_TRY(writer.applyResult(row.mutationId, expired));
                        TANDEM_TRY(writer.finish());
                        return true;
                    },
                    store::Durability::PowerLoss),
                [this, row, expired](
                    bool) { Q_EMIT mutationRejected(row.mutationId, expired.code, expired.reason); });
            continue;
        }
        // The stored payload goes out byte for byte: only the envelope (and its rid) is new (§5.1).
        const QString rid = nextRid();
        QByteArray frame = protocol::encodeFrame({{u"type"_s, u"mutate"_s}, {u"rid"_s, rid},
            {u"space_id"_s, m_account.serverSpaceId}, {u"mutation_id"_s, row.mutationId},
            {u"kind"_s, row.kind}, {u"created_at"_s, double(row.createdAt)}});
        frame.chop(1);
        frame += ",\"payload\":" + row.payload + '}';
        m_pending.insert(rid, {RequestKind::Mutate, m_clock.elapsed(), row.mutationId});
        m_sentHere.insert(row.mutationId);
        ++m_mutationsInFlight;
        sendRaw(frame);
        const QString id = row.mutationId;
        whenDone(m_store->write<bool>([id](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
            TANDEM_TRY(store::markOutboxSent(s.db(), id));
            return true;
        }),
            [](bool) {});
        ++i;
    }
}

void SpaceConnection::onResult(const protocol::MutationResult &result)
{
    const QString id = result.mutationId;
    m_outbox.removeIf([&](const store::OutboxRow &r) { return r.mutationId == id; });
    const protocol::Outcome outcome = result.outcome;
    const QString self = m_account.userId;
    whenDone(m_store->write<bool>(
                 [id, outcome, self](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
                     StoreWriter writer(s.db(), self, change);
                     TANDEM_TRY(writer.applyResult(id, outcome));
                     TANDEM_TRY(writer.finish());
                     return true;
                 },
                 // A result lost to a power cut costs nothing: the outbox row is still there, is resent,
                 // and the server answers `duplicate` with the same outcome (§5.3). So no fsync here;
                 // only the user's own typing (the outbox insert) pays for one.
                 store::Durability::Process),
        [this, id, outcome](bool) {
            if (outcome.status == u"rejected")
                Q_EMIT mutationRejected(id, outcome.code, outcome.reason);
        });
    pumpOutbox();
}

} // namespace tandem::sync
