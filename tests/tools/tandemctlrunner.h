// Runs the real tandemctl binary as a script would: no terminal (standard input is a pipe that is
// closed once the input is written), a private profile folder, and an environment that holds only what
// the test gives it, so the user's own profile, passphrase and temporary files are never involved.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace tandemctl::test {

using namespace Qt::StringLiterals;

// What one run of tandemctl did.
struct CliRun
{
    QStringList arguments;
    bool finished = false; // false: it did not start, or was killed after the time limit
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QString outText() const { return QString::fromUtf8(out); }
    [[nodiscard]] QString errText() const { return QString::fromUtf8(err); }

    // Exited by itself, not by a signal (a crash, an abort) or a kill.
    [[nodiscard]] bool exitedNormally() const { return finished && exitStatus == QProcess::NormalExit; }

    // One sentence on stderr, as tandemctl reports a failed command: "tandemctl: ...\n" and no more.
    [[nodiscard]] bool isOneLineError() const
    {
        return err.startsWith("tandemctl: ") && err.endsWith('\n') && err.count('\n') == 1;
    }

    // stdout as one JSON document; a null document (and a failed test) when it is not JSON.
    [[nodiscard]] QJsonDocument json() const
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
        return error.error == QJsonParseError::NoError ? doc : QJsonDocument();
    }

    // For failure messages: the command line and everything it printed.
    [[nodiscard]] QString describe() const
    {
        const QString how = !finished           ? u"did not finish"_s
            : exitStatus == QProcess::CrashExit ? u"was killed by a signal"_s
                                                : u"exited with %1"_s.arg(exitCode);
        return u"\"tandemctl %1\" %2\n--- stdout ---\n%3\n--- stderr ---\n%4"_s.arg(
            arguments.join(u' '), how, outText().left(4000), errText().left(4000));
    }
};

class Tandemctl
{
public:
    // Runs with `--profile profile`; temporary and data files of the tool go under `scratch`.
    Tandemctl(QString profile, const QString &scratch)
        : m_profile(std::move(profile))
    {
        m_env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"TANDEM_PASSPHRASE", "TANDEM_NEW_PASSPHRASE", "TANDEM_PROFILE"})
            m_env.remove(QString::fromLatin1(name));
        // A UTF-8 locale without Qt's warning about a C locale on stderr; stable strerror() texts.
        m_env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        QDir().mkpath(scratch + u"/tmp"_s);
        QDir().mkpath(scratch + u"/data"_s);
        m_env.insert(u"TMPDIR"_s, scratch + u"/tmp"_s);
        m_env.insert(u"XDG_DATA_HOME"_s, scratch + u"/data"_s);
        // Should --profile ever be ignored, the tool would land here rather than in a real profile.
        m_env.insert(u"TANDEM_PROFILE"_s, scratch + u"/not-this-profile"_s);
    }

    [[nodiscard]] const QString &profile() const { return m_profile; }

    // Sets an environment variable, or removes it when `value` is null.
    void setEnv(const QString &name, const QString &value)
    {
        if (value.isNull())
            m_env.remove(name);
        else
            m_env.insert(name, value);
    }
    void setPassphrase(const QString &passphrase) { setEnv(u"TANDEM_PASSPHRASE"_s, passphrase); }

    // `tandemctl --profile PROFILE args...`, with `input` on standard input, which is then closed.
    [[nodiscard]] CliRun run(const QStringList &args, const QByteArray &input = {}) const
    {
        CliRun result;
        result.arguments = QStringList {u"--profile"_s, m_profile} + args;
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.start(QStringLiteral(TANDEMCTL), result.arguments);
        if (!process.waitForStarted(10'000)) {
            result.err = process.errorString().toUtf8();
            return result;
        }
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        result.finished = process.waitForFinished(30'000);
        if (!result.finished) {
            process.kill();
            process.waitForFinished(5'000);
        }
        result.exitStatus = process.exitStatus();
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

private:
    QString m_profile;
    QProcessEnvironment m_env;
};

} // namespace tandemctl::test

// Checks that a run ended by itself (no signal, no time-out) with the exit code `code`.
#define VERIFY_EXIT(run, code)                                                                               \
    do {                                                                                                     \
        const ::tandemctl::test::CliRun &verifyExitRun_ = (run);                                             \
        QVERIFY2(verifyExitRun_.exitedNormally(), qPrintable(verifyExitRun_.describe()));                    \
        QVERIFY2(verifyExitRun_.exitCode == (code),                                                          \
            qPrintable(QStringLiteral("expected exit code %1: ").arg(code) + verifyExitRun_.describe()));    \
    } while (false)

// Checks that a run succeeded: exit code 0 and nothing on stderr.
#define VERIFY_SUCCEEDED(run)                                                                                \
    do {                                                                                                     \
        const ::tandemctl::test::CliRun &verifySucceededRun_ = (run);                                        \
        VERIFY_EXIT(verifySucceededRun_, 0);                                                                 \
        QVERIFY2(verifySucceededRun_.err.isEmpty(), qPrintable(verifySucceededRun_.describe()));             \
    } while (false)

// Checks that a command failed as a user should see it fail: exit 1, nothing on stdout, and one
// sentence on stderr that contains `fragment`.
#define VERIFY_ONE_LINE_FAILURE(run, fragment)                                                               \
    do {                                                                                                     \
        const ::tandemctl::test::CliRun &verifyFailureRun_ = (run);                                          \
        VERIFY_EXIT(verifyFailureRun_, 1);                                                                   \
        QVERIFY2(verifyFailureRun_.out.isEmpty(), qPrintable(verifyFailureRun_.describe()));                 \
        QVERIFY2(verifyFailureRun_.isOneLineError(), qPrintable(verifyFailureRun_.describe()));              \
        QVERIFY2(verifyFailureRun_.errText().contains(fragment),                                             \
            qPrintable(                                                                                      \
                QStringLiteral("stderr should say \"%1\": ").arg(fragment) + verifyFailureRun_.describe())); \
    } while (false)
