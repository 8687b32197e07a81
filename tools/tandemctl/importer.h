// Reads Tandem's JSON Lines import format and writes it into a space through the store thread, in
// batches, so a file of a million messages streams through in bounded memory.
//
// The format, one JSON object (UTF-8) per line; blank lines are ignored, a line holds at most 1 MiB:
//
//   {"type":"user","id":"u1","user_name":"alice","display_name":"Alice Wang","external":false}
//   {"type":"conversation","id":"c1","kind":"group","name":"Launch","topic":"","external":false,
//    "created_at":"2025-06-02T09:00:00Z","members":["u1","u2"]}
//   {"type":"message","id":"m1","conversation_id":"c1","sender_id":"u1","body":"明天的会议改到下午三点",
//    "created_at":1748941200000,"thread_root_id":"m0","reply_to_id":"m0","mentions":["u2"]}
//
// - Required: a user's id and user_name; a conversation's id; a message's id, conversation_id,
//   sender_id, body and created_at. Ids are non-empty strings of at most 256 characters.
// - kind is "direct", "group" (the default) or "channel".
// - created_at is milliseconds since the Unix epoch or an ISO-8601 time, UTC unless it carries an
//   offset. A conversation without one is stamped with the time of the import.
// - A line without "type" that has a "body" is a message. Fields not listed here are ignored.
// - A message whose conversation is not in the space yet creates a group conversation with that id;
//   a conversation line later in the file fills in its name and kind.
// - Users and conversations that exist are updated; a message whose id exists is skipped, so running
//   the same import twice is harmless.
//
// On the first bad line the import stops. Every line before it is imported (committed), the bad line
// and everything after it is not: the user fixes that line and runs the same import again, and what
// is already in the space is skipped. This is what a reader of "stopped at line 1234" expects, and it
// never leaves a half-applied line or batch behind.
#pragma once

#include "store/records.h"
#include "util/result.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tandem::store {
class StoreThread;
}

namespace tandemctl {

// The format as shown in `tandemctl import --help`.
QString importFormatHelp();

struct ImportCounts
{
    qint64 lines = 0; // lines read, blank ones included
    qint64 users = 0; // user lines applied
    qint64 conversations = 0; // conversation lines applied
    qint64 conversationsCreated = 0; // made for messages whose conversation was not in the space
    qint64 messages = 0; // messages added
    qint64 messagesSkipped = 0; // messages already in the space
};

struct ImportFailure
{
    qint64 line = 0; // the bad line, or 0 when the failure is not one line's fault (reading, writing)
    tandem::Error error;
};

// Reads up to `size` bytes into `buffer`: the count, 0 at the end, -1 on an error.
using ReadFunction = std::function<qint64(char *buffer, qint64 size)>;

class JsonLinesImporter
{
public:
    static constexpr qsizetype kMaxLineBytes = 1024 * 1024;
    static constexpr int kDefaultBatchSize = 2000;

    // With no store, lines are parsed and checked but nothing is written (a dry run).
    explicit JsonLinesImporter(tandem::store::StoreThread *store, int batchSize = kDefaultBatchSize);
    ~JsonLinesImporter();
    JsonLinesImporter(const JsonLinesImporter &) = delete;
    JsonLinesImporter &operator=(const JsonLinesImporter &) = delete;

    // Called after each batch is committed (for progress output).
    void setProgress(std::function<void(const ImportCounts &)> progress) { m_progress = std::move(progress); }

    // Reads to the end or to the first failure, which it returns. counts() says what was imported
    // either way: with a dry run, what would have been.
    std::optional<ImportFailure> run(const ReadFunction &read);

    [[nodiscard]] const ImportCounts &counts() const { return m_counts; }

private:
    struct Batch;
    struct Writer;
    struct Pending;

    // Parses one line into the batch, or says what is wrong with it.
    static tandem::Status parseLine(const QByteArray &line, Batch &batch);
    std::optional<ImportFailure> submit(std::shared_ptr<Batch> batch);
    std::optional<ImportFailure> drain();

    tandem::store::StoreThread *m_store;
    int m_batchSize;
    ImportCounts m_counts;
    std::shared_ptr<Writer> m_writer;
    std::unique_ptr<Pending> m_pending;
    std::function<void(const ImportCounts &)> m_progress;
};

} // namespace tandemctl
