#include "accountwipe.h"

#include "store/syncstate.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace tandem::sync {

Result<WipeReport> wipeAccountSpaces(store::Profile &profile, const QString &passphrase,
    const QString &serverUrl, const QString &userId, const QString &knownSpaceId)
{
    auto spaces = profile.spaces();
    if (!spaces)
        return spaces.error();
    WipeReport report;
    QList<store::SpaceEntry> doomed;
    for (const store::SpaceEntry &space : std::as_const(*spaces)) {
        if (space.meta.id == knownSpaceId) {
            doomed.append(space);
            continue;
        }
        auto opened = profile.openSpace(space, passphrase);
        if (!opened) {
            report.unreadable << space.meta.id;
            continue;
        }
        auto account = store::loadSyncAccount((*opened)->db());
        opened->reset();
        if (account && account->serverUrl == serverUrl && !userId.isEmpty() && account->userId == userId)
            doomed.append(space);
    }
    for (const store::SpaceEntry &space : std::as_const(doomed)) {
        if (auto s = profile.wipeSpace(space); !s) {
            qCWarning(lcSync) << "wiping a revoked space failed:" << s.error().message;
            return s.error();
        }
        report.wiped << space.meta.id;
    }
    return report;
}

} // namespace tandem::sync
