#include "digestmodel.h"

#include "storereply.h"

#include "store/spacestore.h"
#include "store/storethread.h"

namespace tandem::app {

using namespace Qt::StringLiterals;
using Section = boundary::DigestItem::Section;

DigestModel::DigestModel(store::StoreThread *store, QString self, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_self(std::move(self))
{ }

int DigestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QString DigestModel::sectionKey(Section section)
{
    switch (section) {
    case Section::Mention:
        return u"mention"_s;
    case Section::Direct:
        return u"direct"_s;
    case Section::Approval:
        return u"approval"_s;
    case Section::Task:
        return u"task"_s;
    case Section::BusyThread:
        return u"thread"_s;
    case Section::Unread:
        return u"unread"_s;
    }
    return {};
}

namespace {

QString sectionTitle(Section section)
{
    switch (section) {
    case Section::Mention:
        return DigestModel::tr("Mentions");
    case Section::Direct:
        return DigestModel::tr("Direct messages");
    case Section::Approval:
        return DigestModel::tr("Approvals waiting on you");
    case Section::Task:
        return DigestModel::tr("Tasks due");
    case Section::BusyThread:
        return DigestModel::tr("Busiest threads");
    case Section::Unread:
        return DigestModel::tr("Unread");
    }
    return {};
}

} // namespace

QVariant DigestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const boundary::DigestItem &i = m_items.at(index.row());
    switch (role) {
    case SectionRole:
        return sectionKey(i.section);
    case SectionTitleRole:
        return sectionTitle(i.section);
    case ConversationIdRole:
        return i.conversationId;
    case TargetIdRole:
        return i.targetId;
    case TitleRole:
        return i.title;
    case TextRole:
        return i.text;
    case CountRole:
        return i.count;
    case OverdueRole:
        return i.overdue;
    case AtRole:
        return i.at;
    default:
        return {};
    }
}

QHash<int, QByteArray> DigestModel::roleNames() const
{
    return {{SectionRole, "section"}, {SectionTitleRole, "sectionTitle"},
        {ConversationIdRole, "conversationId"}, {TargetIdRole, "targetId"}, {TitleRole, "title"},
        {TextRole, "body"}, {CountRole, "count"}, {OverdueRole, "overdue"}, {AtRole, "at"}};
}

void DigestModel::load(qint64 from, qint64 to)
{
    const quint64 generation = ++m_generation;
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged();
    }
    const QString self = m_self;
    auto read = m_store->read<boundary::Digest>(
        [self, from, to](store::SpaceStore &s) { return boundary::buildDigest(s.db(), self, from, to); });
    models::onReply(this, read, [this, generation, from, to](const Result<boundary::Digest> &r) {
        if (generation != m_generation)
            return; // a newer request is on its way
        beginResetModel();
        m_from = from;
        m_to = to;
        m_items = r ? r->items : QList<boundary::DigestItem>();
        m_errorText = r ? QString() : tr("The digest could not be read: %1").arg(r.error().message);
        endResetModel();
        m_busy = false;
        Q_EMIT busyChanged();
        Q_EMIT loaded();
    });
}

} // namespace tandem::app
