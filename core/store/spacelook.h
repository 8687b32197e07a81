// A space's look: its accent (a key of the fixed palette the UI knows how to draw with enough
// contrast) and its icon (one grapheme). Kept with the name in the space's key.json metadata.
#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::store {

// The palette keys, in the order the UI shows them; the colours live in qml/theme/Theme.qml.
QStringList accentKeys();
// Empty is valid (the kind's default accent).
[[nodiscard]] Status validateAccent(const QString &key);
// Empty is valid (the name's initial); otherwise one grapheme cluster of at most 16 UTF-8 bytes.
[[nodiscard]] Status validateIcon(const QString &icon);

// What to change; an unset field is left as it is.
struct SpaceLookChange
{
    std::optional<QString> name;
    std::optional<QString> accent;
    std::optional<QString> icon;
};

} // namespace tandem::store
