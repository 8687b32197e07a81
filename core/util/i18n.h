// User-facing text from core goes through Qt's translation system like the UI's own: core has no
// QObject contexts of its own, so each caller names one ("tandem::signin", "tandem::unlock"...).
// lupdate reads trCore() as QCoreApplication::translate (see -tr-function-alias in app/CMakeLists.txt).
// Without an installed translator (server, tandemctl, tests) the English source comes back unchanged.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace tandem {

// Same arguments as QCoreApplication::translate, so that lupdate reads it as one: for %n plurals pass
// a null disambiguation, then n.
[[nodiscard]] inline QString trCore(
    const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate(context, sourceText, disambiguation, n);
}

} // namespace tandem
