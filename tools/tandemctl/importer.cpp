#include "importer.h"

#include "timeformat.h"

#include "store/storethread.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;

namespace {

constexpr qsizetype kMaxIdChars = 256;
constexpr qint64 kReadChunk = 64 * 1024;

// Splits a byte stream into lines without ever holding more than one over-long line's worth of it.
class LineReader
{
public:
    enum class Status { Line, End, TooLong, ReadError };

    explicit LineReader(const ReadFunction &read)
        : m_read(read)
    { }

    Status next(QByteArray &line)
    {
        qsizetype searchFrom = m_start;
        for (;;) {
            const qsizetype newline = m_buffer.indexOf('\n', searchFrom);
            if (newline >= 0) {
                if (newline - m_start > JsonLinesImporter::kMaxLineBytes)
                    return Status::TooLong;
                line = m_buffer.mid(m_start, newline - m_start);
                m_start = newline + 1;
                return finish(line);
            }
            if (m_buffer.size() - m_start > JsonLinesImporter::kMaxLineBytes)
                return Status::TooLong;
            if (m_eof) {
                if (m_start >= m_buffer.size())
                    return Status::End;
                line = m_buffer.mid(m_start);
                m_start = m_buffer.size();
                return finish(line);
            }
            m_buffer.remove(0, m_start);
            m_start = 0;
            searchFrom = m_buffer.size();
            const qsizetype had = m_buffer.size();
            m_buffer.resize(had + kReadChunk);
            const qint64 n = m_read(m_buffer.data() + had, kReadChunk);
            m_buffer.resize(had + std::max<qint64>(n, 0));
            if (n < 0)
                return Status::ReadError;
            if (n == 0)
                m_eof = true;
        }
    }

private:
    Status finish(QByteArray &line)
    {
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_first && line.startsWith("\xEF\xBB\xBF")) // a byte order mark some editors write
            line.remove(0, 3);
        m_first = false;
        return Status::Line;
    }

    const ReadFunction &m_read;
    QByteArray m_buffer;
    qsizetype m_start = 0;
    bool m_eof = false;
    bool m_first = true;
};

// JSON forbids raw control characters in strings, but Qt's parser lets them through. Ids carry none at
// all; other text may have line breaks and tabs, never a NUL or another C0 control.
bool hasControlCharacters(const QString &s, bool allowLineBreaks)
{
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        if ((c < 0x20 || c == 0x7F) && !(allowLineBreaks && (c == u'\n' || c == u'\r' || c == u'\t')))
            return true;
    }
    return false;
}

Error controlCharacterError(const QString &field)
{
    return Error::make(ErrorCode::Invalid, QStringLiteral("\"%1\" contains a control character.").arg(field));
}

// Field readers: each returns the value or a sentence naming the field.
Result<QString> requiredId(const QJsonObject &o, const QString &field, const QString &what)
{
    const QJsonValue v = o.value(field);
    if (!v.isString() || v.toString().isEmpty())
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("the %1 needs \"%2\" as a non-empty string.").arg(what, field));
    if (v.toString().size() > kMaxIdChars)
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("\"%1\" is longer than %2 characters.").arg(field).arg(kMaxIdChars));
    if (hasControlCharacters(v.toString(), false))
        return controlCharacterError(field);
    return v.toString();
}

Result<QString> optionalString(const QJsonObject &o, const QString &field, bool isId = false)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return Error::make(ErrorCode::Invalid, QStringLiteral("\"%1\" must be a string.").arg(field));
    if (isId && v.toString().size() > kMaxIdChars)
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("\"%1\" is longer than %2 characters.").arg(field).arg(kMaxIdChars));
    if (hasControlCharacters(v.toString(), !isId))
        return controlCharacterError(field);
    return v.toString();
}

Result<bool> optionalBool(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return false;
    if (!v.isBool())
        return Error::make(ErrorCode::Invalid, QStringLiteral("\"%1\" must be true or false.").arg(field));
    return v.toBool();
}

Result<QStringList> optionalIdList(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return QStringList();
    if (!v.isArray())
        return Error::make(ErrorCode::Invalid, QStringLiteral("\"%1\" must be an array of ids.").arg(field));
    QStringList ids;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString() || item.toString().isEmpty() || item.toString().size() > kMaxIdChars)
            return Error::make(ErrorCode::Invalid,
                QStringLiteral("\"%1\" must be an array of ids (non-empty strings).").arg(field));
        if (hasControlCharacters(item.toString(), false))
            return controlCharacterError(field);
        if (!ids.contains(item.toString()))
            ids.append(item.toString());
    }
    return ids;
}

Result<qint64> timeField(const QJsonObject &o, const QString &field, const QString &what, bool required)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return Error::make(ErrorCode::Invalid,
                QStringLiteral("the %1 needs \"%2\" (milliseconds since the epoch "
                               "or an ISO-8601 time).")
                    .arg(what, field));
        return QDateTime::currentMSecsSinceEpoch();
    }
    const auto t = timestampFromJson(v);
    if (!t)
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("\"%1\" is not a time: use milliseconds since the epoch "
                           "or an ISO-8601 time such as \"2025-06-03T09:14:00Z\".")
                .arg(field));
    return *t;
}

// TANDEM_TRY for the readers above, which yield a value.
#define TANDEM_TAKE(target, expr)                                                                            \
    do {                                                                                                     \
        auto tandem_take_ = (expr);                                                                          \
        if (!tandem_take_)                                                                                   \
            return tandem_take_.error();                                                                     \
        target = std::move(*tandem_take_);                                                                   \
    } while (false)

Result<User> parseUser(const QJsonObject &o)
{
    User u;
    const QString what = QStringLiteral("user");
    TANDEM_TAKE(u.id, requiredId(o, QStringLiteral("id"), what));
    TANDEM_TAKE(u.userName, requiredId(o, QStringLiteral("user_name"), what));
    TANDEM_TAKE(u.displayName, optionalString(o, QStringLiteral("display_name")));
    TANDEM_TAKE(u.external, optionalBool(o, QStringLiteral("external")));
    if (u.displayName.isNull())
        u.displayName = QStringLiteral("");
    return u;
}

Result<Conversation> parseConversation(const QJsonObject &o)
{
    Conversation c;
    const QString what = QStringLiteral("conversation");
    TANDEM_TAKE(c.id, requiredId(o, QStringLiteral("id"), what));
    QString kind;
    TANDEM_TAKE(kind, optionalString(o, QStringLiteral("kind")));
    if (!kind.isNull()) {
        if (kind != u"direct" && kind != u"group" && kind != u"channel")
            return Error::make(ErrorCode::Invalid,
                QStringLiteral("\"kind\" must be \"direct\", \"group\" or \"channel\", "
                               "not \"%1\".")
                    .arg(kind.left(40)));
        c.kind = kind;
    }
    TANDEM_TAKE(c.name, optionalString(o, QStringLiteral("name")));
    TANDEM_TAKE(c.topic, optionalString(o, QStringLiteral("topic")));
    TANDEM_TAKE(c.external, optionalBool(o, QStringLiteral("external")));
    TANDEM_TAKE(c.createdAt, timeField(o, QStringLiteral("created_at"), what, false));
    TANDEM_TAKE(c.memberIds, optionalIdList(o, QStringLiteral("members")));
    // The columns are NOT NULL: absent text is empty text.
    if (c.name.isNull())
        c.name = QStringLiteral("");
    if (c.topic.isNull())
        c.topic = QStringLiteral("");
    return c;
}

Result<Message> parseMessage(const QJsonObject &o)
{
    Message m;
    const QString what = QStringLiteral("message");
    TANDEM_TAKE(m.id, requiredId(o, QStringLiteral("id"), what));
    TANDEM_TAKE(m.conversationId, requiredId(o, QStringLiteral("conversation_id"), what));
    TANDEM_TAKE(m.senderId, requiredId(o, QStringLiteral("sender_id"), what));
    const QJsonValue body = o.value(u"body");
    if (!body.isString())
        return Error::make(ErrorCode::Invalid, QStringLiteral("the message needs \"body\" as a string."));
    m.body = body.toString();
    if (hasControlCharacters(m.body, true))
        return controlCharacterError(QStringLiteral("body"));
    if (m.body.isNull())
        m.body = QStringLiteral("");
    TANDEM_TAKE(m.createdAt, timeField(o, QStringLiteral("created_at"), what, true));
    TANDEM_TAKE(m.threadRootId, optionalString(o, QStringLiteral("thread_root_id"), true));
    TANDEM_TAKE(m.replyToId, optionalString(o, QStringLiteral("reply_to_id"), true));
    TANDEM_TAKE(m.mentions, optionalIdList(o, QStringLiteral("mentions")));
    return m;
}

#undef TANDEM_TAKE

} // namespace

QString importFormatHelp()
{
    return QStringLiteral(
        "The file holds one JSON object per line (UTF-8; blank lines are ignored; at most 1 MiB a line):\n"
        "\n"
        "  {\"type\":\"user\",\"id\":\"u1\",\"user_name\":\"alice\",\"display_name\":\"Alice "
        "Wang\",\"external\":false}\n"
        "  {\"type\":\"conversation\",\"id\":\"c1\",\"kind\":\"group\",\"name\":\"Launch\",\"topic\":\"\",\n"
        "   \"external\":false,\"created_at\":\"2025-06-02T09:00:00Z\",\"members\":[\"u1\",\"u2\"]}\n"
        "  "
        "{\"type\":\"message\",\"id\":\"m1\",\"conversation_id\":\"c1\",\"sender_id\":\"u1\",\"body\":"
        "\"Hello\",\n"
        "   "
        "\"created_at\":1748941200000,\"thread_root_id\":\"m0\",\"reply_to_id\":\"m0\",\"mentions\":[\"u2\"]}"
        "\n"
        "\n"
        "Required: a user's id and user_name; a conversation's id; a message's id, conversation_id,\n"
        "sender_id, body and created_at. kind is direct, group (the default) or channel. created_at is\n"
        "milliseconds since the epoch or an ISO-8601 time (UTC unless it has an offset); a conversation\n"
        "without one gets the time of the import. A line without \"type\" that has a \"body\" is a message.\n"
        "Other fields are ignored.\n"
        "\n"
        "A message whose conversation is not in the space yet creates a group conversation with that id;\n"
        "a conversation line later in the file fills in its name and kind. Users and conversations that\n"
        "exist are updated; messages whose id exists are skipped, so running an import twice is harmless.\n"
        "\n"
        "The import stops at the first bad line: every line before it is imported, that line and the ones\n"
        "after it are not. Fix the line and run the same import again; what is already there is skipped.\n"
        "Use --dry-run to check a whole file first without writing anything.");
}

// One batch of parsed lines, applied in one store job: users, then conversations, then messages, so a
// message may come before its conversation's line within a batch.
struct JsonLinesImporter::Batch
{
    std::vector<User> users;
    std::vector<Conversation> conversations;
    std::vector<Message> messages;

    [[nodiscard]] size_t size() const { return users.size() + conversations.size() + messages.size(); }
};

// What one batch changed.
struct BatchOutcome
{
    qint64 users = 0;
    qint64 conversations = 0;
    qint64 conversationsCreated = 0;
    qint64 messages = 0;
    qint64 messagesSkipped = 0;
};

// The store side of an import. Used only by jobs, which run one at a time on the store thread.
struct JsonLinesImporter::Writer
{
    QSet<QString> knownConversations;

    Result<bool> conversationExists(SpaceStore &store, const QString &id)
    {
        if (knownConversations.contains(id))
            return true;
        auto st = store.db().cached("SELECT 1 FROM conversations WHERE id = ?1");
        if (!st)
            return st.error();
        (*st)->bind(1, id);
        auto row = (*st)->step();
        (*st)->reset();
        if (!row)
            return row.error();
        if (*row)
            knownConversations.insert(id);
        return *row;
    }

    Result<BatchOutcome> apply(SpaceStore &store, StoreChange &change, const Batch &batch)
    {
        BatchOutcome done;
        if (!batch.users.empty()) {
            TANDEM_TRY(store.upsertUsers(batch.users, change));
            done.users = qint64(batch.users.size());
        }
        for (const Conversation &c : batch.conversations) {
            TANDEM_TRY(store.upsertConversation(c, change));
            knownConversations.insert(c.id);
            ++done.conversations;
        }
        QHash<QString, qint64> missing; // conversation id -> its earliest message in this batch
        for (const Message &m : batch.messages) {
            if (auto it = missing.find(m.conversationId); it != missing.end()) {
                *it = std::min(*it, m.createdAt);
                continue;
            }
            auto exists = conversationExists(store, m.conversationId);
            if (!exists)
                return exists.error();
            if (!*exists)
                missing.insert(m.conversationId, m.createdAt);
        }
        for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
            Conversation c;
            c.id = it.key();
            c.kind = QStringLiteral("group");
            c.name = QStringLiteral("");
            c.topic = QStringLiteral("");
            c.createdAt = it.value();
            TANDEM_TRY(store.upsertConversation(c, change));
            knownConversations.insert(c.id);
            ++done.conversationsCreated;
        }
        if (!batch.messages.empty()) {
            auto inserted = store.insertMessages(batch.messages, change);
            if (!inserted)
                return inserted.error();
            done.messages = *inserted;
            done.messagesSkipped = qint64(batch.messages.size()) - *inserted;
        }
        return done;
    }
};

struct JsonLinesImporter::Pending
{
    QFuture<Result<BatchOutcome>> future;
};

JsonLinesImporter::JsonLinesImporter(StoreThread *store, int batchSize)
    : m_store(store)
    , m_batchSize(std::max(1, batchSize))
    , m_writer(std::make_shared<Writer>())
{ }

JsonLinesImporter::~JsonLinesImporter()
{
    (void)drain();
}

std::optional<ImportFailure> JsonLinesImporter::drain()
{
    if (!m_pending)
        return std::nullopt;
    QFuture<Result<BatchOutcome>> future = m_pending->future;
    m_pending.reset();
    future.waitForFinished();
    // The store thread posts a change notice per commit; nobody listens here, so let them go.
    QCoreApplication::processEvents();
    const Result<BatchOutcome> outcome = future.result();
    if (!outcome)
        return ImportFailure {0,
            Error::make(outcome.error().code,
                QStringLiteral("Writing to the space failed: %1").arg(outcome.error().message))};
    m_counts.users += outcome->users;
    m_counts.conversations += outcome->conversations;
    m_counts.conversationsCreated += outcome->conversationsCreated;
    m_counts.messages += outcome->messages;
    m_counts.messagesSkipped += outcome->messagesSkipped;
    if (m_progress)
        m_progress(m_counts);
    return std::nullopt;
}

std::optional<ImportFailure> JsonLinesImporter::submit(std::shared_ptr<Batch> batch)
{
    if (batch->size() == 0)
        return std::nullopt;
    if (!m_store) {
        m_counts.users += qint64(batch->users.size());
        m_counts.conversations += qint64(batch->conversations.size());
        m_counts.messages += qint64(batch->messages.size());
        return std::nullopt;
    }
    // At most one batch is written while the next is parsed: two cores busy, two batches in memory.
    if (auto failure = drain())
        return failure;
    std::shared_ptr<Writer> writer = m_writer;
    m_pending = std::make_unique<Pending>();
    m_pending->future = m_store->write<BatchOutcome>([writer, batch](SpaceStore &store, StoreChange &change) {
        return writer->apply(store, change, *batch);
    });
    return std::nullopt;
}

Status JsonLinesImporter::parseLine(const QByteArray &line, Batch &batch)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("it is not valid JSON (%1 at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset + 1));
    if (!doc.isObject())
        return Error::make(ErrorCode::Invalid, QStringLiteral("it is not a JSON object."));
    const QJsonObject o = doc.object();
    const QJsonValue type = o.value(u"type");
    QString kind;
    if (type.isString())
        kind = type.toString();
    else if (type.isUndefined() && o.contains(u"body"))
        kind = QStringLiteral("message");
    else
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("it needs \"type\": \"user\", \"conversation\" or "
                           "\"message\"."));
    if (kind == u"message") {
        auto m = parseMessage(o);
        if (!m)
            return m.error();
        batch.messages.push_back(std::move(*m));
    } else if (kind == u"user") {
        auto u = parseUser(o);
        if (!u)
            return u.error();
        batch.users.push_back(std::move(*u));
    } else if (kind == u"conversation") {
        auto c = parseConversation(o);
        if (!c)
            return c.error();
        batch.conversations.push_back(std::move(*c));
    } else {
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("\"type\" must be \"user\", \"conversation\" or "
                           "\"message\", not \"%1\".")
                .arg(kind.left(40)));
    }
    return {};
}

std::optional<ImportFailure> JsonLinesImporter::run(const ReadFunction &read)
{
    LineReader reader(read);
    auto batch = std::make_shared<Batch>();
    QByteArray line;
    std::optional<ImportFailure> failure;
    bool storeFailed = false;
    for (qint64 number = 1;; ++number) {
        const LineReader::Status status = reader.next(line);
        if (status == LineReader::Status::End)
            break;
        if (status == LineReader::Status::ReadError) {
            failure = ImportFailure {0,
                Error::make(ErrorCode::Io,
                    QStringLiteral("Reading the input failed after line %1.").arg(number - 1))};
            break;
        }
        m_counts.lines = number;
        if (status == LineReader::Status::TooLong) {
            failure = ImportFailure {number,
                Error::make(ErrorCode::Invalid,
                    QStringLiteral("Line %1 is longer than 1 MiB; a line holds one "
                                   "object, and a message body fits in far less.")
                        .arg(number))};
            break;
        }
        if (line.trimmed().isEmpty())
            continue;
        const Status parsed = parseLine(line, *batch);
        if (!parsed) {
            failure = ImportFailure {number,
                Error::make(ErrorCode::Invalid,
                    QStringLiteral("Line %1: %2").arg(number).arg(parsed.error().message))};
            break;
        }
        if (batch->size() >= size_t(m_batchSize)) {
            if (auto f = submit(std::exchange(batch, std::make_shared<Batch>()))) {
                failure = f;
                storeFailed = true;
                break;
            }
        }
    }
    // Whatever stopped the reading, the lines before it are imported.
    if (!storeFailed) {
        if (auto f = submit(std::move(batch)))
            failure = f;
    }
    if (auto f = drain())
        failure = f;
    return failure;
}

} // namespace tandemctl
