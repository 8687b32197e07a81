#include "spacelook.h"

#include "util/i18n.h"

#include <QTextBoundaryFinder>

namespace tandem::store {

namespace {
constexpr int kMaxIconBytes = 16;
}

QStringList accentKeys()
{
    return {QStringLiteral("blue"), QStringLiteral("green"), QStringLiteral("purple"), QStringLiteral("teal"),
        QStringLiteral("orange"), QStringLiteral("red"), QStringLiteral("pink"), QStringLiteral("slate")};
}

Status validateAccent(const QString &key)
{
    if (key.isEmpty() || accentKeys().contains(key))
        return {};
    return Error::make(ErrorCode::Invalid,
        trCore("tandem::store", "Unknown accent \"%1\": use one of %2.")
            .arg(key, accentKeys().join(QStringLiteral(", "))));
}

Status validateIcon(const QString &icon)
{
    if (icon.isEmpty())
        return {};
    if (icon.toUtf8().size() > kMaxIconBytes)
        return Error::make(ErrorCode::Invalid,
            trCore("tandem::store", "A space icon must be at most %1 bytes long.").arg(kMaxIconBytes));
    // Whitespace and control characters would draw an empty tile.
    for (const QChar c : icon)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return Error::make(ErrorCode::Invalid,
                trCore("tandem::store", "A space icon cannot contain spaces or control characters."));
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, icon);
    int clusters = 0;
    while (finder.toNextBoundary() != -1)
        ++clusters;
    if (clusters != 1)
        return Error::make(
            ErrorCode::Invalid, trCore("tandem::store", "A space icon must be a single character or emoji."));
    return {};
}

} // namespace tandem::store
