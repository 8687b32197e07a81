// What the model tests share: a real encrypted space store on its own thread, filled through
// SpaceStore and plain SQL in write jobs (so that StoreThread::changed names what changed, as the
// sync engine's writes do), and records built in one line.
#pragma once

#include "store/spacekey.h"
#include "store/spacestore.h"
#include "store/storethread.h"
#include "store/syncstate.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace tandem::app::test {

inline const QString kMe = QStringLiteral("u-me");
inline const QString kBob = QStringLiteral("u-bob");
inline const QString kCarol = QStringLiteral("u-carol");

// Minutes ago, in ms since the epoch.
inline qint64 minutesAgo(qint64 minutes)
{
    return QDateTime::currentMSecsSinceEpoch() - minutes * 60 * 1000;
}

inline store::Message message(const QString &id, const QString &conversationId, const QString &senderId,
    const QString &body, qint64 createdAt, qint64 seq)
{
    store::Message m;
    m.id = id;
    m.conversationId = conversationId;
    m.senderId = senderId;
    m.body = body;
    m.createdAt = createdAt;
    m.seq = seq;
    return m;
}

class TestSpace
{
public:
    // Opens a new store with the account u-me and the users me, bob and carol.
    [[nodiscard]] bool open()
    {
        if (!m_dir.isValid())
            return false;
        auto opened = store::SpaceStore::open(
            m_dir.filePath(QStringLiteral("space.db")), store::DataKey::generate(), {.create = true});
        if (!opened)
            return false;
        store::SyncAccount account;
        account.serverUrl = QStringLiteral("ws://127.0.0.1:1");
        account.userName = QStringLiteral("me");
        account.userId = kMe;
        account.serverSpaceId = QStringLiteral("sp_test");
        if (!store::saveSyncAccount((*opened)->db(), account))
            return false;
        m_thread = std::make_unique<store::StoreThread>();
        auto adopted = m_thread->adopt(std::move(*opened));
        adopted.waitForFinished();
        if (!adopted.result())
            return false;
        return write([](store::SpaceStore &s, store::StoreChange &c) -> Status {
            const QList<store::User> users {{kMe, QStringLiteral("me"), QStringLiteral("Me"), false},
                {kBob, QStringLiteral("bob"), QStringLiteral("Bob Stone"), false},
                {kCarol, QStringLiteral("carol"), QStringLiteral("Carol King"), true}};
            return s.upsertUsers(users, c);
        });
    }

    [[nodiscard]] store::StoreThread *thread() const { return m_thread.get(); }

    // Runs `fn` as one write job and waits for it to be committed.
    [[nodiscard]] bool write(std::function<Status(store::SpaceStore &, store::StoreChange &)> fn)
    {
        auto done = m_thread->write<bool>([fn](store::SpaceStore &s, store::StoreChange &c) -> Result<bool> {
            TANDEM_TRY(fn(s, c));
            return true;
        });
        done.waitForFinished();
        if (!done.result())
            qWarning("store write failed: %s", qPrintable(done.result().error().message));
        return done.result().ok();
    }

    template<typename R> [[nodiscard]] R read(std::function<Result<R>(store::SpaceStore &)> fn)
    {
        auto done = m_thread->read<R>(std::move(fn));
        done.waitForFinished();
        return done.result().ok() ? done.result().value() : R();
    }

    [[nodiscard]] bool addConversation(const QString &id, const QString &name, const QStringList &members,
        const QString &kind = QStringLiteral("group"))
    {
        return write([=](store::SpaceStore &s, store::StoreChange &c) {
            store::Conversation conversation;
            conversation.id = id;
            conversation.name = name;
            conversation.kind = kind;
            conversation.createdAt = 1'600'000'000'000;
            conversation.memberIds = members;
            return s.upsertConversation(conversation, c);
        });
    }

    [[nodiscard]] bool addMessages(const QList<store::Message> &messages)
    {
        return write([=](store::SpaceStore &s, store::StoreChange &c) -> Status {
            auto n = s.insertMessages(messages, c);
            if (!n)
                return n.error();
            return {};
        });
    }

    // Runs one statement with text parameters, as a change to `conversationId` (and the rows of
    // `messageId` when given).
    [[nodiscard]] bool sql(const QString &conversationId, std::string_view statement,
        const QStringList &params, const QString &messageId = {})
    {
        const std::string text(statement);
        return write([=](store::SpaceStore &s, store::StoreChange &c) -> Status {
            auto st = s.db().prepare(text);
            if (!st)
                return st.error();
            for (int i = 0; i < params.size(); ++i)
                st->bind(i + 1, params.at(i));
            TANDEM_TRY(st->exec());
            c.conversations.insert(conversationId);
            if (!messageId.isEmpty()) {
                auto row = s.db().prepare("SELECT rowid FROM messages WHERE id = ?1");
                if (!row)
                    return row.error();
                row->bind(1, messageId);
                TANDEM_TRY(
                    row->forEachRow([&](const store::Statement &r) { c.messageRowids.append(r.int64(0)); }));
            }
            return {};
        });
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::StoreThread> m_thread;
};

} // namespace tandem::app::test
