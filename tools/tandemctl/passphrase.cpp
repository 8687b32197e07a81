#include "passphrase.h"

#include "cli.h"

#include <csignal>
#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace tandemctl {

namespace {

using tandem::Error;
using tandem::ErrorCode;
using tandem::Result;

constexpr qsizetype kMaxPassphraseBytes = 4096;

// The terminal's settings while echo is off, so that Ctrl-C does not leave it silent.
termios g_savedTerminal;
volatile sig_atomic_t g_echoOff = 0;

void restoreTerminalOnSignal(int sig)
{
    if (g_echoOff)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// Reads one line from the terminal, byte by byte so nothing meant for later (an import on stdin) is
// buffered away.
Result<QString> promptHidden(const QString &prompt)
{
    err() << prompt << Qt::flush;
    const bool hide = tcgetattr(STDIN_FILENO, &g_savedTerminal) == 0;
    if (hide) {
        termios silent = g_savedTerminal;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ECHONL;
        std::signal(SIGINT, restoreTerminalOnSignal);
        std::signal(SIGTERM, restoreTerminalOnSignal);
        g_echoOff = 1;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QByteArray line;
    bool eof = false;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n <= 0) {
            eof = true;
            break;
        }
        if (c == '\n')
            break;
        if (line.size() < kMaxPassphraseBytes)
            line.append(c);
    }
    if (hide) {
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        g_echoOff = 0;
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    if (eof && line.isEmpty()) {
        err() << Qt::endl;
        return Error::make(ErrorCode::Cancelled, QStringLiteral("No passphrase was entered."));
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

Result<QString> fromEnvironmentOrPrompt(
    const char *variable, const QString &prompt, const QString &confirmPrompt)
{
    if (qEnvironmentVariableIsSet(variable)) {
        const QString value = qEnvironmentVariable(variable);
        if (value.isEmpty())
            return Error::make(ErrorCode::Invalid,
                QStringLiteral("%1 is set but empty; set it to the passphrase or "
                               "unset it to be asked.")
                    .arg(QString::fromLatin1(variable)));
        return value;
    }
    if (!stdinIsTerminal())
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("A passphrase is needed: set %1 (standard input is not "
                           "a terminal, so tandemctl cannot ask for it).")
                .arg(QString::fromLatin1(variable)));
    auto first = promptHidden(prompt);
    if (!first)
        return first;
    if (first->isEmpty())
        return Error::make(ErrorCode::Invalid, QStringLiteral("The passphrase is empty."));
    if (!confirmPrompt.isEmpty()) {
        auto second = promptHidden(confirmPrompt);
        if (!second)
            return second;
        if (*second != *first)
            return Error::make(ErrorCode::Invalid,
                QStringLiteral("The two passphrases differ; nothing was done. Try again."));
    }
    return first;
}

} // namespace

bool stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

Result<QString> readPassphrase(bool confirm, const QString &prompt)
{
    return fromEnvironmentOrPrompt("TANDEM_PASSPHRASE",
        prompt.isEmpty() ? QStringLiteral("Passphrase: ") : prompt,
        confirm ? QStringLiteral("Repeat the passphrase: ") : QString());
}

Result<QString> readNewPassphrase()
{
    return fromEnvironmentOrPrompt("TANDEM_NEW_PASSPHRASE", QStringLiteral("New passphrase: "),
        QStringLiteral("Repeat the new passphrase: "));
}

} // namespace tandemctl
