// Who is typing where, from typing notices (docs/protocol.md §6.7): each notice holds for its
// expires_in_ms; a newer one from the same user extends it; a message from that user, or the end of the
// connection, ends it. Bounded, so that a hostile server cannot make it grow without limit.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace tandem::sync {

class TypingTracker : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxConversations = 256;
    static constexpr qsizetype kMaxPerConversation = 32;

    explicit TypingTracker(QObject *parent = nullptr);

    // A notice arrived: `userId` types in the conversation for `expiresInMs` from now.
    void noticed(const QString &conversationId, const QString &userId, qint64 expiresInMs);
    // A message from the user arrived in the conversation: they are done typing it.
    void messageFrom(const QString &conversationId, const QString &userId);
    // The connection ended: nobody is known to type any more.
    void clear();

    // The people typing in a conversation, in the order they started.
    [[nodiscard]] QStringList typing(const QString &conversationId) const;

Q_SIGNALS:
    void typingChanged(const QString &conversationId, const QStringList &userIds);

private:
    struct Typist
    {
        QString userId;
        qint64 until = 0; // on m_clock
    };

    void expire();
    void schedule();
    void changed(const QString &conversationId);

    QElapsedTimer m_clock;
    QTimer m_timer;
    QHash<QString, QList<Typist>> m_byConversation;
};

} // namespace tandem::sync
