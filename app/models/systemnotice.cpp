#include "systemnotice.h"

namespace tandem::app::models {

using namespace Qt::StringLiterals;

QString SystemNotice::text(
    const QString &kind, const QString &fromName, const QString &toName, const QString &body)
{
    if (kind.isEmpty())
        return {};
    if (kind == "handover"_L1 && !fromName.isEmpty() && !toName.isEmpty()) {
        //: A system notice in a conversation: %1 the successor, %2 the person who handed it over.
        return tr("%1 has taken over this conversation from %2").arg(toName, fromName);
    }
    return body;
}

} // namespace tandem::app::models
