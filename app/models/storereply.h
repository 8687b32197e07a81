// Receiving a store or sync future on the GUI thread, for the models. A child QFutureWatcher rather
// than QFuture::then(context, …): in Qt 6.4 a context continuation can run on a dead promise when the
// context dies first; a child watcher dies with its owner and delivers nothing after that.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace tandem::app::models {

template<typename T, typename F> void onReply(QObject *owner, QFuture<T> future, F &&onDone)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, owner, [watcher, onDone = std::forward<F>(onDone)]() mutable {
            watcher->deleteLater();
            const QFuture<T> f = watcher->future();
            if (f.resultCount() > 0) // none when the store was torn down first
                onDone(f.result());
        });
    watcher->setFuture(std::move(future));
}

} // namespace tandem::app::models
