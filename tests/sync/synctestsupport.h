// What the sync tests share: a profile with spaces set up to sync (cheap key derivation), a store
// thread on one of them, one-line reads of the store, and protocol records built in one line.
#pragma once

#include "../store/storetestsupport.h"

#include "store/storethread.h"
#include "store/syncstate.h"
#include "sync/syncconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace tandem::sync::test {

using namespace Qt::StringLiterals;
using store::test::cheapKdf;
using store::test::passphrase;

// Creates a space in `profile` whose store says it syncs `serverSpaceId` on `url` as `userId`.
inline store::SpaceEntry makeSyncedSpace(store::Profile &profile, const QString &name, const QString &url,
    const QString &userId, const QString &serverSpaceId = u"sp_test"_s,
    const QString &token = u"tk_0123456789abcdef0123"_s)
{
    auto entry = profile.createSpace(name, store::SpaceKind::Work, passphrase(), false, cheapKdf());
    if (!entry)
        qFatal("createSpace: %s", qPrintable(entry.error().message));
    auto opened = profile.openSpace(*entry, passphrase());
    if (!opened)
        qFatal("openSpace: %s", qPrintable(opened.error().message));
    store::SyncAccount account {url, u"alice"_s, userId, u"dev1"_s, token, serverSpaceId};
    if (auto s = store::saveSyncAccount((*opened)->db(), account); !s)
        qFatal("saveSyncAccount: %s", qPrintable(s.error().message));
    return *entry;
}

inline std::unique_ptr<store::StoreThread> openStore(
    const store::Profile &profile, const store::SpaceEntry &entry)
{
    auto thread = std::make_unique<store::StoreThread>();
    const Status opened = thread->open(profile, entry, passphrase()).result();
    if (!opened)
        qFatal("open: %s", qPrintable(opened.error().message));
    return thread;
}

// One number from the store (the first column of the first row), or -1 on an error.
inline qint64 readInt(store::StoreThread &store, const std::string &sql)
{
    auto r = store.read<qint64>([sql](store::SpaceStore &s) { return s.db().queryInt(sql); }).result();
    return r ? *r : -1;
}

inline QStringList readTexts(store::StoreThread &store, const std::string &sql)
{
    auto r = store
                 .read<QStringList>([sql](store::SpaceStore &s) -> Result<QStringList> {
                     auto st = s.db().prepare(sql);
                     if (!st)
                         return st.error();
                     QStringList out;
                     TANDEM_TRY(st->forEachRow([&](const store::Statement &row) { out << row.text(0); }));
                     return out;
                 })
                 .result();
    return r ? *r : QStringList {u"error: "_s + r.error().message};
}

inline store::SyncCursor cursorOf(store::StoreThread &store, const QString &stream = u"sp_test"_s)
{
    auto r = store
                 .read<store::SyncCursor>(
                     [stream](store::SpaceStore &s) { return store::loadCursor(s.db(), stream); })
                 .result();
    return r ? *r : store::SyncCursor {u"error"_s, -1};
}

inline SyncConfig fastConfig()
{
    SyncConfig c;
    c.clientName = u"tst_sync"_s;
    c.gapWaitMs = 300;
    c.ackDelayMs = 20;
    c.backoffBaseMs = 50;
    c.backoffCapMs = 400;
    c.backfillHistory = false;
    return c;
}

inline QJsonObject userRecord(const QString &id, const QString &name)
{
    return {{u"id"_s, id}, {u"user_name"_s, name}, {u"display_name"_s, name},
        {u"organisation_id"_s, u"org"_s}, {u"external"_s, false}, {u"bot"_s, false},
        {u"deactivated"_s, false}, {u"updated_at"_s, 1}};
}

inline QJsonObject conversationRecord(const QString &id, const QString &name, qint64 lastCseq = 0)
{
    return {{u"id"_s, id}, {u"kind"_s, u"group"_s}, {u"name"_s, name}, {u"topic"_s, QString()},
        {u"external"_s, false}, {u"created_at"_s, 1000}, {u"created_by"_s, u"u_alice"_s},
        {u"last_cseq"_s, double(lastCseq)}};
}

inline QJsonObject memberRecord(const QString &conversation, const QString &user)
{
    return {{u"conversation_id"_s, conversation}, {u"user_id"_s, user}, {u"role"_s, u"member"_s},
        {u"joined_at"_s, 1000}};
}

inline QJsonObject messageRecord(
    const QString &id, const QString &conversation, qint64 cseq, const QString &sender, const QString &body)
{
    return {{u"id"_s, id}, {u"conversation_id"_s, conversation}, {u"cseq"_s, double(cseq)},
        {u"sender_id"_s, sender}, {u"created_at"_s, double(1764000000000 + cseq * 1000)}, {u"body"_s, body},
        {u"format"_s, u"plain"_s}, {u"mentions"_s, QJsonArray()}, {u"attachments"_s, QJsonArray()},
        {u"reactions"_s, QJsonArray()}};
}

inline QJsonObject record(const QString &entity, const QJsonObject &data)
{
    return {{u"entity"_s, entity}, {u"data"_s, data}};
}

} // namespace tandem::sync::test
