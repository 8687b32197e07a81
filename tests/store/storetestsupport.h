// What the store tests share: cheap key derivation for tests that are not about it, fingerprints of
// the files on disk, and records built in one line.
#pragma once

#include "store/database.h"
#include "store/profile.h"
#include "store/records.h"
#include "store/spacestore.h"
#include "util/result.h"

#include <sodium.h>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <span>

namespace tandem::store::test {

inline QString passphrase()
{
    return QStringLiteral("correct horse battery staple");
}

// The cheapest Argon2id that libsodium accepts. Tests that are not about the key derivation use it, so
// that an unlock costs microseconds instead of a tenth of a second.
inline KdfParams cheapKdf()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

inline QString describe(const Error &e)
{
    return e.codeName() + QStringLiteral(": ") + e.message;
}

template<typename R> QString describe(const Result<R> &r)
{
    return r.ok() ? QStringLiteral("ok") : describe(r.error());
}

// Every regular file under `dir` (recursively), by path relative to `dir`, with the SHA-256 of its bytes.
inline QMap<QString, QByteArray> fingerprint(const QString &dir)
{
    QMap<QString, QByteArray> out;
    const QDir base(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QByteArray digest;
        if (f.open(QIODevice::ReadOnly)) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            hash.addData(&f);
            digest = hash.result();
        }
        out.insert(base.relativeFilePath(path), digest);
    }
    return out;
}

// Empty when both fingerprints are the same, else which files appeared, disappeared or changed. Files
// whose name ends with one of `mayChange` must still be there but may hold other bytes.
inline QString fingerprintDifference(const QMap<QString, QByteArray> &before,
    const QMap<QString, QByteArray> &after, const QStringList &mayChange = {})
{
    QStringList lines;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const bool volatileFile = std::any_of(mayChange.cbegin(), mayChange.cend(),
            [&](const QString &suffix) { return it.key().endsWith(suffix); });
        if (!after.contains(it.key()))
            lines << QStringLiteral("removed: ") + it.key();
        else if (after.value(it.key()) != it.value() && !volatileFile)
            lines << QStringLiteral("changed: ") + it.key();
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            lines << QStringLiteral("appeared: ") + it.key();
    return lines.join(QStringLiteral("; "));
}

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Copies the files (not folders) of `from` into `to`, creating it. Copying a database's files while a
// connection has them open and idle gives what a crash at that moment would leave behind.
inline bool copyFiles(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir src(from);
    for (const QString &name : src.entryList(QDir::Files | QDir::Hidden)) {
        QFile::remove(to + u'/' + name);
        if (!QFile::copy(src.filePath(name), to + u'/' + name))
            return false;
    }
    return true;
}

inline Conversation conversation(
    const QString &id, const QString &name, const QString &kind = QStringLiteral("group"))
{
    Conversation c;
    c.id = id;
    c.kind = kind;
    c.name = name;
    c.createdAt = 1'700'000'000'000;
    return c;
}

inline Message message(const QString &id, const QString &conversationId, const QString &senderId,
    const QString &body, qint64 createdAt)
{
    Message m;
    m.id = id;
    m.conversationId = conversationId;
    m.senderId = senderId;
    m.body = body;
    m.createdAt = createdAt;
    return m;
}

// Stores one conversation holding one message per body (ids "<conversationId>-<n>").
inline Status storeConversation(SpaceStore &store, const QString &conversationId, const QStringList &bodies)
{
    StoreChange change;
    TANDEM_TRY(store.upsertConversation(conversation(conversationId, conversationId), change));
    QList<Message> messages;
    for (int i = 0; i < bodies.size(); ++i)
        messages.append(message(conversationId + u'-' + QString::number(i), conversationId,
            QStringLiteral("u-alice"), bodies.at(i), 1'700'000'000'000 + i * 1000));
    auto inserted = store.insertMessages(std::span<const Message>(messages), change);
    if (!inserted)
        return inserted.error();
    return {};
}

} // namespace tandem::store::test

namespace tandem {

// Lets QCOMPARE print error codes by name ("wrong_key") when they differ.
inline char *toString(ErrorCode code)
{
    return qstrdup(qPrintable(Error::make(code, QString()).codeName()));
}

} // namespace tandem

// Fails the test with the error's code and message when a Result is not ok.
#define TANDEM_VERIFY_OK(expr)                                                                               \
    do {                                                                                                     \
        const auto &tandemVerifyResult_ = (expr);                                                            \
        QVERIFY2(                                                                                            \
            tandemVerifyResult_.ok(), qPrintable(::tandem::store::test::describe(tandemVerifyResult_)));     \
    } while (false)
