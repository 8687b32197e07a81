// The fixture of the tandemctl end-to-end tests: a fresh profile and scratch folders per test, the
// real binary run as a script runs it, set-up steps that fail the test when they fail, and the check,
// after every test, that nothing was written outside --profile.
#pragma once

#include "importfixtures.h"
#include "storetestsupport.h"
#include "tandemctlrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// Runs a set-up step that reports its own failures, and stops the test if it failed.
#define GIVEN(step)                                                                                          \
    do {                                                                                                     \
        step;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

namespace tandemctl::test {

// Not ASCII, so that the passphrase's way from the environment to the key derivation is tested too.
const QString kPassphrase = u"correct horse 电池 staple"_s;
const QString kNewPassphrase = u"a new passphrase for 2025"_s;

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// The message ids of `search --json` output, sorted.
QStringList hitIds(const QJsonDocument &doc)
{
    QStringList ids;
    for (const QJsonValue &hit : doc.object().value(u"hits").toArray())
        ids << hit.toObject().value(u"message_id").toString();
    return sorted(ids);
}

// The text each highlight of a `search --json` hit covers in its snippet.
QStringList highlightedTexts(const QJsonObject &hit)
{
    const QString snippet = hit.value(u"snippet").toString();
    QStringList texts;
    for (const QJsonValue &h : hit.value(u"highlights").toArray())
        texts << snippet.mid(h.toArray().at(0).toInteger(), h.toArray().at(1).toInteger());
    return texts;
}

// The messages of the demo's Work fixture, as the importer counts them.
qint64 messagesInDemoFixture()
{
    QFile file(QStringLiteral(TANDEMCTL_DEMO_WORK_FIXTURE));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    qint64 messages = 0;
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        const QJsonValue type = o.value(u"type");
        if (type.toString() == u"message" || (type.isUndefined() && o.contains(u"body")))
            ++messages;
    }
    return messages;
}

// Test classes derive from QObject and from this, and call setUpProfile() from init() and
// checkNothingEscapedAndTearDown() from cleanup().
class TandemctlFixture
{
protected:
    void setUpProfile()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
        m_cli = std::make_unique<Tandemctl>(path(u"profile"_s), path(u"scratch"_s));
        m_cli->setPassphrase(kPassphrase);
    }

    void checkNothingEscapedAndTearDown()
    {
        // Nothing escapes --profile: the fallback profile and the data folder stay unmade, and what went in
        // the temporary folder (bench store's databases) is gone.
        const QString scratch = path(u"scratch"_s);
        QVERIFY2(!QFileInfo::exists(scratch + u"/not-this-profile"_s), "a command ignored --profile");
        QVERIFY2(QDir(scratch + u"/data"_s).isEmpty(), "a command wrote to the data folder");
        QVERIFY2(QDir(scratch + u"/tmp"_s).isEmpty(), "a command left files in the temporary folder");
        m_cli.reset();
        m_dir.reset();
    }

    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] CliRun tandemctl(const QStringList &args, const QByteArray &input = {}) const
    {
        return m_cli->run(args, input);
    }

    [[nodiscard]] QString spaceDirectory(const QString &id) const
    {
        return m_cli->profile() + u"/spaces/"_s + id;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Tandemctl> m_cli;

    // Set-up steps: each checks its commands and fails the test if one of them fails (see GIVEN).
    void createSpace(const QString &name, const QString &kind, QString *id = nullptr)
    {
        const CliRun run = tandemctl({u"space"_s, u"create"_s, name, u"--kind"_s, kind});
        VERIFY_SUCCEEDED(run);
        if (id)
            *id = run.outText().trimmed();
    }

    void importInto(const QString &space, const QList<QByteArray> &lines)
    {
        const QString file = path(space + u".jsonl"_s);
        QVERIFY(writeLines(file, lines));
        VERIFY_SUCCEEDED(tandemctl({u"import"_s, space, file}));
    }

    void expectMessageCount(const QString &space, qint64 messages)
    {
        const CliRun run = tandemctl({u"stats"_s, space, u"--json"_s});
        VERIFY_SUCCEEDED(run);
        QCOMPARE(run.json().object().value(u"messages").toInteger(-1), messages);
    }
};

} // namespace tandemctl::test
