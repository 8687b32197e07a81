#include "threadcontroller.h"

#include "composercontroller.h"
#include "timelinemodel.h"

namespace tandem::app {

ThreadController::ThreadController(store::StoreThread *store, sync::SpaceSync *sync,
    std::shared_ptr<store::FileCache> files, QString conversationId, QString rootMessageId,
    QString selfUserId, MemberListModel *members, const messaging::MessagePolicy &policy, QObject *parent)
    : QObject(parent)
    , m_conversationId(std::move(conversationId))
    , m_rootMessageId(std::move(rootMessageId))
    , m_timeline(new TimelineModel(
          store, m_conversationId, selfUserId, TimelineModel::Mode::Thread, m_rootMessageId, this))
    , m_composer(new ComposerController(store, sync, std::move(files), m_conversationId, m_rootMessageId,
          selfUserId, members, m_timeline, this))
{
    m_timeline->setPolicy(policy);
}

} // namespace tandem::app
