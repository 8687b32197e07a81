#include "openedfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <memory>

namespace tandem::app::OpenedFiles {

namespace {

std::unique_ptr<QTemporaryDir> &holder()
{
    static std::unique_ptr<QTemporaryDir> dir;
    return dir;
}

void removeFolder()
{
    holder().reset(); // QTemporaryDir removes itself and what is in it
}

} // namespace

QString folder()
{
    std::unique_ptr<QTemporaryDir> &dir = holder();
    if (!dir || !dir->isValid()) {
        dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("tandem-open-XXXXXX")));
        if (!dir->isValid())
            return QString();
        QFile::setPermissions(dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        // Gone with the application object, before static destructors run.
        static bool registered = false;
        if (!std::exchange(registered, true))
            qAddPostRoutine(removeFolder);
    }
    return dir->path();
}

bool makePrivate(const QString &path)
{
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace tandem::app::OpenedFiles
