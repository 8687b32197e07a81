// An open thread beside its conversation: the root and its replies in a timeline (newest first, like
// the conversation's), and a composer whose messages are replies in the thread.
#pragma once

#include "messaging/messagingtypes.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

Q_MOC_INCLUDE("composercontroller.h")
Q_MOC_INCLUDE("timelinemodel.h")

namespace tandem::store {
class FileCache;
class StoreThread;
} // namespace tandem::store

namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class ComposerController;
class MemberListModel;
class TimelineModel;

class ThreadController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A thread is opened by ConversationController.openThread().")
    Q_PROPERTY(QString rootMessageId READ rootMessageId CONSTANT)
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(tandem::app::TimelineModel *timeline READ timeline CONSTANT)
    Q_PROPERTY(tandem::app::ComposerController *composer READ composer CONSTANT)

public:
    ThreadController(store::StoreThread *store, sync::SpaceSync *sync,
        std::shared_ptr<store::FileCache> files, QString conversationId, QString rootMessageId,
        QString selfUserId, MemberListModel *members, const messaging::MessagePolicy &policy,
        QObject *parent = nullptr);

    [[nodiscard]] QString rootMessageId() const { return m_rootMessageId; }
    [[nodiscard]] QString conversationId() const { return m_conversationId; }
    [[nodiscard]] TimelineModel *timeline() const { return m_timeline; }
    [[nodiscard]] ComposerController *composer() const { return m_composer; }

private:
    QString m_conversationId;
    QString m_rootMessageId;
    TimelineModel *m_timeline;
    ComposerController *m_composer;
};

} // namespace tandem::app
