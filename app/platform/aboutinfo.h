// What the About dialog shows: the app's name and version (the CMake project version), the Qt it was
// built with and the Qt it runs on, and the libraries it uses with their licences. The list is
// packaging/licenses.json (embedded as qrc:/about/licenses.json), the same file the Debian copyright
// file is made from, filtered to what this build and this machine actually use.
#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace tandem::app {

class AboutInfo : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)
    Q_PROPERTY(QString qtBuildVersion READ qtBuildVersion CONSTANT)
    // Each entry: {name, usedFor, license, spdx, copyright, url}.
    Q_PROPERTY(QVariantList libraries READ libraries CONSTANT)

public:
    explicit AboutInfo(QObject *parent = nullptr);

    [[nodiscard]] QString name() const;
    [[nodiscard]] QString version() const;
    [[nodiscard]] QString qtVersion() const;
    [[nodiscard]] QString qtBuildVersion() const;
    [[nodiscard]] QVariantList libraries() const;

    // The entries of a licences file (the format of packaging/licenses.json) that apply: an entry with
    // "when" is kept only if that condition is in `conditions`. Empty on a malformed file.
    [[nodiscard]] static QVariantList librariesFrom(const QByteArray &json, const QStringList &conditions);
    // The conditions true for this build and machine: "keychain", "ksyntaxhighlighting", "noto".
    [[nodiscard]] static QStringList currentConditions();
};

} // namespace tandem::app
