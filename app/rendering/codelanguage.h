// The language of a code block: the one its fence names, tidied, or a guess from a few keywords.
#pragma once

#include <QString>
#include <QStringView>

namespace tandem::app::rendering {

// The fence's info string reduced to a short language id ("C++" → "cpp", "py" → "python"); empty when
// it names nothing usable.
[[nodiscard]] QString normalizeCodeLanguage(QStringView fenceInfo);

// One of cpp, python, js, ts, json, sql, bash, qml, go, rust, java, or empty when unsure. Looks at the
// first few kilobytes only.
[[nodiscard]] QString guessCodeLanguage(QStringView code);

} // namespace tandem::app::rendering
