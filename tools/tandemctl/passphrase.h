// Where tandemctl gets passphrases: from the environment (scripts, CI), else by asking on the terminal
// without echo. It never guesses and never prompts when nobody can answer.
#pragma once

#include "util/result.h"

#include <QString>

namespace tandemctl {

bool stdinIsTerminal();
bool stderrIsTerminal();

// The profile's passphrase: $TANDEM_PASSPHRASE, else a prompt. With `confirm`, a prompted passphrase
// is asked twice (for a new profile, where a typo would lock the user out). The prompt defaults to
// "Passphrase: ".
tandem::Result<QString> readPassphrase(bool confirm = false, const QString &prompt = {});

// The new passphrase for `passphrase change`: $TANDEM_NEW_PASSPHRASE, else asked twice.
tandem::Result<QString> readNewPassphrase();

} // namespace tandemctl
