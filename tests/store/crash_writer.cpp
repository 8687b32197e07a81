// Writes messages to a space as fast as it can, in single-message and small-batch transactions, and
// prints each message's id on its own line once insertMessages has returned, never before. It never
// stops by itself: tst_crashsafety kills it with SIGKILL at random moments and then checks that every
// printed id is in the database.
//
// Usage: crash_writer <profile folder> <space name> <run number> <seed>, passphrase in TANDEM_PASSPHRASE.
// Prints "ready" once the space is open; exits with 1 (and a reason on stderr) if a write fails.
#include "store/profile.h"
#include "store/spacestore.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace tandem::store;

namespace {

// Writes all of `bytes` to stdout and flushes, so the reader sees a line only once it is whole.
void emitLines(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString &what)
{
    std::fprintf(stderr, "crash_writer: %s\n", qPrintable(what));
    return 1;
}

// Filler that gives the search index varied words and bigrams and the pages varied sizes.
QString filler(QRandomGenerator &rng)
{
    static const QString chinese = QStringLiteral("数据库事务提交日志检查点恢复页面索引加密密钥会议报销审批");
    static const QStringList words
        = {QStringLiteral("commit"), QStringLiteral("journal"), QStringLiteral("page"),
            QStringLiteral("checkpoint"), QStringLiteral("recover"), QStringLiteral("fsync")};
    QString out;
    const int pieces = rng.bounded(0, 40);
    for (int i = 0; i < pieces; ++i) {
        if (rng.bounded(2) == 0)
            out += words.at(rng.bounded(int(words.size()))) + u' ';
        else
            out += chinese.mid(rng.bounded(int(chinese.size()) - 4), rng.bounded(1, 5));
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5)
        return fail(QStringLiteral("usage: crash_writer <profile folder> <space name> <run> <seed>"));
    const QString run = args.at(3);
    QRandomGenerator rng(args.at(4).toUInt());

    const Profile profile(args.at(1));
    auto space = profile.findSpace(args.at(2));
    if (!space)
        return fail(space.error().message);
    auto store = profile.openSpace(*space, qEnvironmentVariable("TANDEM_PASSPHRASE"));
    if (!store)
        return fail(store.error().message);
    const QString conversationId = QStringLiteral("crash-conversation");
    Conversation c;
    c.id = conversationId;
    c.name = QStringLiteral("Crash test");
    StoreChange change;
    if (auto s = (*store)->upsertConversation(c, change); !s)
        return fail(s.error().message);
    emitLines("ready\n");

    for (qint64 n = 0;;) {
        // A third of the transactions hold one message, the others two to six.
        const int batch = rng.bounded(3) == 0 ? 1 : rng.bounded(2, 7);
        QList<Message> messages;
        for (int i = 0; i < batch; ++i, ++n) {
            Message m;
            m.id = QStringLiteral("r%1-m%2").arg(run).arg(n);
            m.conversationId = conversationId;
            m.senderId = QStringLiteral("u-writer");
            m.body = QStringLiteral("崩溃测试 run %1 message %2 ").arg(run).arg(n) + filler(rng);
            m.createdAt = 1'700'000'000'000 + n;
            messages.append(std::move(m));
        }
        auto inserted = (*store)->insertMessages(messages, change);
        if (!inserted)
            return fail(inserted.error().message);
        if (*inserted != batch)
            return fail(QStringLiteral("%1 of %2 messages were new").arg(*inserted).arg(batch));
        QByteArray lines;
        for (const Message &m : messages)
            lines += m.id.toUtf8() + '\n';
        emitLines(lines);
    }
}
