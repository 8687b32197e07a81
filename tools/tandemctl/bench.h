// The two writers `bench store` compares, and the progress line. bench_store.cpp holds the ours side
// (Tandem's store) and runs the command; bench_raw.cpp holds the baseline: the same rows written by a
// bare SQLCipher loop, with no Tandem layer in between.
#pragma once

#include "store/records.h"
#include "store/spacekey.h"
#include "util/result.h"

#include <QString>

#include <memory>
#include <vector>

namespace tandemctl {
class MessageGenerator;
}

namespace tandemctl::bench {

// Writes a corpus into a fresh database with Tandem's schema and index through SQLCipher's C API:
// prepared statements, BEGIN IMMEDIATE/COMMIT per batch, the same statements and the same connection
// settings as SpaceStore, so that what differs from ours is only the layers.
class RawWriter
{
public:
    RawWriter();
    ~RawWriter();
    RawWriter(const RawWriter &) = delete;
    RawWriter &operator=(const RawWriter &) = delete;

    // Makes the database (tandem::store::migrate on a Database opened with `key`), reopens it as a
    // bare connection and writes the corpus's users, conversations and members.
    [[nodiscard]] tandem::Status open(
        const QString &path, const tandem::store::DataKey &key, int cacheKiB, const MessageGenerator &corpus);
    // The same with the users and conversations given (bench sync replays what a sync stored).
    [[nodiscard]] tandem::Status open(const QString &path, const tandem::store::DataKey &key, int cacheKiB,
        const std::vector<tandem::store::User> &users,
        const std::vector<tandem::store::Conversation> &conversations);
    // One batch in one transaction: each message, its full-text entry, its mentions, and its
    // conversation's last_message_at, as SpaceStore::insertMessages writes them. Returns how many were new.
    [[nodiscard]] tandem::Result<int> write(const std::vector<tandem::store::Message> &batch);
    // The database and its write-ahead log, now.
    [[nodiscard]] qint64 bytes() const;

private:
    struct Connection;
    std::unique_ptr<Connection> m_db;
    QString m_path;
};

// A percentage on stderr while a run goes on, when stderr is a terminal.
class Progress
{
public:
    Progress(QString label, qint64 total);
    Progress(const Progress &) = delete;
    Progress &operator=(const Progress &) = delete;
    ~Progress();
    void update(qint64 done);

private:
    QString m_label;
    qint64 m_total;
    qint64 m_next = 0;
    bool m_show;
};

// A database file plus its write-ahead log.
qint64 fileBytes(const QString &path);

} // namespace tandemctl::bench
