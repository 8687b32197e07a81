// The clipboard as QML needs it: copy plain text, and see whether a paste would bring files (copied
// in a file manager) so the composer can attach them instead of pasting their paths.
#pragma once

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace tandem::app {

class Clipboard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool hasFiles READ hasFiles NOTIFY changed)

public:
    explicit Clipboard(QObject *parent = nullptr);

    [[nodiscard]] bool hasFiles() const;
    Q_INVOKABLE QList<QUrl> fileUrls() const;
    Q_INVOKABLE void copyText(const QString &text) const;

Q_SIGNALS:
    void changed();
};

} // namespace tandem::app
