#include "fileexport.h"

#include "openedfiles.h"

#include "store/filecache.h"
#include "util/i18n.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace tandem::app::FileExport {

using namespace Qt::StringLiterals;

namespace {

// A name from a server, safe as the last part of a path: no folders, never "." or "..", at most 200
// characters.
QString safeFileName(const QString &name)
{
    QString base = QFileInfo(name).fileName();
    base.replace(u'/', u'_').replace(u'\\', u'_');
    if (base.isEmpty() || base == "."_L1 || base == ".."_L1)
        base = u"file"_s;
    return base.left(200);
}

} // namespace

QString openedCopyPath(const QString &attachmentId, const QString &name)
{
    const QString folder = OpenedFiles::folder();
    if (folder.isEmpty())
        return {};
    // The id's start keeps two files of the same name apart.
    return QDir(folder).filePath(attachmentId.left(8) + u'-' + safeFileName(name));
}

QFuture<Status> exportCached(
    std::shared_ptr<store::FileCache> cache, const QString &sha256, const QString &target, bool privateCopy)
{
    return QtConcurrent::run([cache = std::move(cache), sha256, target, privateCopy]() -> Status {
        TANDEM_TRY(cache->exportTo(sha256, target));
        if (privateCopy && !OpenedFiles::makePrivate(target))
            return Error::make(
                ErrorCode::Io, trCore("tandem::files", "The opened copy cannot be made private."));
        return {};
    });
}

} // namespace tandem::app::FileExport
