#include "replica.h"

#include "../store/storetestsupport.h"

#include "store/database.h"
#include "store/syncstate.h"
#include "sync/mutations.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tandem::test {

using store::test::cheapKdf;
using store::test::passphrase;

QMap<QString, QByteArray> canonicalHashes(const QList<CanonicalMessage> &messages)
{
    QList<CanonicalMessage> sorted = messages;
    std::sort(sorted.begin(), sorted.end(), [](const CanonicalMessage &a, const CanonicalMessage &b) {
        return std::tie(a.conversationId, a.cseq, a.id) < std::tie(b.conversationId, b.cseq, b.id);
    });
    QMap<QString, QByteArray> out;
    QString current;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const CanonicalMessage &m = sorted[i];
        if (i == 0 || m.conversationId != current) {
            if (i > 0)
                out.insert(current, hash.result().toHex());
            hash.reset();
            current = m.conversationId;
        }
        const QString line = QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                                 .arg(m.id)
                                 .arg(m.cseq)
                                 .arg(m.senderId)
                                 .arg(int(m.edited))
                                 .arg(int(m.deleted))
                                 .arg(m.body);
        hash.addData(line.toUtf8());
    }
    if (!sorted.isEmpty())
        out.insert(current, hash.result().toHex());
    return out;
}

Result<QList<CanonicalMessage>> serverMessages(const QString &dataDir)
{
    store::Database::Options options;
    options.readOnly = true;
    auto db = store::Database::openPlain(dataDir + QStringLiteral("/server.db"), options);
    if (!db)
        return db.error();
    auto st = (*db)->prepare("SELECT id, conversation_id, cseq, sender_id, record FROM messages");
    if (!st)
        return st.error();
    QList<CanonicalMessage> out;
    TANDEM_TRY(st->forEachRow([&](const store::Statement &row) {
        const QJsonObject record = QJsonDocument::fromJson(row.text(4).toUtf8()).object();
        out.append({row.text(0), row.text(1), row.int64(2), row.text(3),
            record.value(QLatin1StringView("body")).toString(),
            record.contains(QLatin1StringView("edited_at")),
            record.contains(QLatin1StringView("deleted_at"))});
    }));
    return out;
}

Replica::Replica(QString profileDir, QString userName)
    : m_profileDir(std::move(profileDir))
    , m_userName(std::move(userName))
    , m_profile(m_profileDir)
{ }

Replica::~Replica()
{
    close();
}

Status Replica::create(const QUrl &server, const QString &serverSpaceId)
{
    auto entry = m_profile.createSpace(
        QStringLiteral("Work"), store::SpaceKind::Work, passphrase(), false, cheapKdf());
    if (!entry)
        return entry.error();
    {
        auto opened = m_profile.openSpace(*entry, passphrase());
        if (!opened)
            return opened.error();
        store::SyncAccount account;
        account.serverUrl = server.toString();
        account.userName = m_userName;
        account.serverSpaceId = serverSpaceId;
        TANDEM_TRY(store::saveSyncAccount((*opened)->db(), account));
    }
    return open();
}

Status Replica::open()
{
    auto spaces = m_profile.spaces();
    if (!spaces)
        return spaces.error();
    if (spaces->isEmpty())
        return Error::make(ErrorCode::NotFound, QStringLiteral("the profile holds no space"));
    m_store = std::make_unique<store::StoreThread>();
    return m_store->open(m_profile, spaces->first(), passphrase()).result();
}

sync::SyncConfig Replica::testConfig()
{
    sync::SyncConfig c;
    c.clientName = QStringLiteral("tst_faults");
    c.password = QStringLiteral("demo");
    c.gapWaitMs = 300;
    c.ackDelayMs = 20;
    c.backoffBaseMs = 50;
    c.backoffCapMs = 500;
    c.readyResetMs = 1000;
    // The fault proxy makes protocol errors on purpose (a duplicated hello is unexpected_frame): the
    // engine must keep reconnecting, not give up as it would against a broken server.
    c.maxProtocolCloses = 1000000;
    c.backfillHistory = true;
    return c;
}

void Replica::start(sync::SyncConfig config, bool ownThread)
{
    auto spaces = m_profile.spaces();
    if (spaces && !spaces->isEmpty())
        config.localSpaceId = spaces->first().meta.id;
    config.profileDirectory = m_profileDir;
    config.passphrase = passphrase();
    const auto onStatus = [this](const sync::SyncStatus &s) { m_state = s.state; };
    if (ownThread) {
        m_sync = std::make_unique<sync::SpaceSync>(m_store.get(), config);
        QObject::connect(m_sync.get(), &sync::SpaceSync::settled, m_sync.get(), [this] { ++m_settled; });
        QObject::connect(m_sync.get(), &sync::SpaceSync::statusChanged, m_sync.get(), onStatus);
        m_sync->start();
    } else {
        m_connection = std::make_unique<sync::SpaceConnection>(m_store.get(), config);
        QObject::connect(
            m_connection.get(), &sync::SpaceConnection::settled, m_connection.get(), [this] { ++m_settled; });
        QObject::connect(
            m_connection.get(), &sync::SpaceConnection::statusChanged, m_connection.get(), onStatus);
        m_connection->start();
    }
}

bool Replica::isSettled() const
{
    return m_connection ? m_connection->isSettled() : m_settled > 0;
}

void Replica::stop()
{
    if (m_sync)
        m_sync->stop();
    if (m_connection)
        m_connection->stop();
    m_sync.reset();
    m_connection.reset();
}

void Replica::close()
{
    stop();
    m_store.reset();
}

Result<QString> Replica::send(const QString &conversationId, const QString &body)
{
    QFuture<Result<sync::QueuedMutation>> future;
    if (m_sync) {
        // SpaceSync tells the connection that the outbox grew, in a continuation on this thread: the
        // wait must keep the event loop turning.
        future = m_sync->sendMessage(conversationId, body);
        while (!future.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    } else {
        future = sync::queueMessage(*m_store, conversationId, body);
        future.waitForFinished();
        if (m_connection && future.result().ok())
            m_connection->outboxChanged();
    }
    auto queued = future.result();
    if (!queued)
        return queued.error();
    return queued->entityId;
}

Result<QList<CanonicalMessage>> Replica::messages()
{
    return m_store
        ->read<QList<CanonicalMessage>>([](store::SpaceStore &s) -> Result<QList<CanonicalMessage>> {
            auto st
                = s.db().prepare("SELECT id, conversation_id, seq, sender_id, body, edited_at IS NOT NULL, "
                                 "deleted_at IS NOT NULL FROM messages WHERE send_state = 0");
            if (!st)
                return st.error();
            QList<CanonicalMessage> out;
            TANDEM_TRY(st->forEachRow([&](const store::Statement &row) {
                out.append({row.text(0), row.text(1), row.int64(2), row.text(3), row.text(4),
                    row.int64(5) != 0, row.int64(6) != 0});
            }));
            return out;
        })
        .result();
}

Result<qint64> Replica::unfinished()
{
    return m_store
        ->read<qint64>([](store::SpaceStore &s) {
            return s.db().queryInt("SELECT (SELECT count(*) FROM outbox) + "
                                   "(SELECT count(*) FROM messages WHERE send_state <> 0)");
        })
        .result();
}

Result<qint64> Replica::rejectedOutboxRows()
{
    return m_store
        ->read<qint64>([](store::SpaceStore &s) {
            return s.db().queryInt("SELECT count(*) FROM outbox WHERE state = 'rejected'");
        })
        .result();
}

Result<QStringList> Replica::conversations()
{
    return m_store
        ->read<QStringList>([](store::SpaceStore &s) -> Result<QStringList> {
            auto st = s.db().prepare("SELECT id FROM conversations ORDER BY id");
            if (!st)
                return st.error();
            QStringList out;
            TANDEM_TRY(st->forEachRow([&](const store::Statement &row) { out << row.text(0); }));
            return out;
        })
        .result();
}

} // namespace tandem::test
