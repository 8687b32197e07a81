#include "clipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace tandem::app {

Clipboard::Clipboard(QObject *parent)
    : QObject(parent)
{
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, &Clipboard::changed);
}

bool Clipboard::hasFiles() const
{
    return !fileUrls().isEmpty();
}

QList<QUrl> Clipboard::fileUrls() const
{
    QList<QUrl> files;
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files.append(url);
    }
    return files;
}

void Clipboard::copyText(const QString &text) const
{
    QGuiApplication::clipboard()->setText(text);
}

} // namespace tandem::app
