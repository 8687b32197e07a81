// The OS keychain path of the key envelope, against a real Secret Service (gnome-keyring in a private
// D-Bus session, started by with-keyring.sh), and the fallback when no keychain answers.
#include "storetestsupport.h"

#include "store/keychain.h"
#include "store/profile.h"
#include "store/storethread.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {
const KdfParams kCheapKdf = cheapKdf();

QByteArray keyFileText(const SpaceEntry &space)
{
    QFile f(space.keyPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class KeychainTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Run inside with-keyring.sh: a keychain is there.
    void keepsTheKeyInTheKeychainAndOpensWithoutPassphrase()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, QString(), true, kCheapKdf);
        QVERIFY2(space.ok(), space ? "" : qPrintable(space.error().message));
        const QByteArray envelope = keyFileText(*space);
        QVERIFY(envelope.contains("\"keychain\""));
        QVERIFY(!envelope.contains("\"passphrase\"")); // no passphrase was given, so no passphrase wrap

        auto fromKeychain = keychain::read(QStringLiteral("space-key:%1").arg(space->meta.id));
        QVERIFY2(fromKeychain.ok(), fromKeychain ? "" : qPrintable(fromKeychain.error().message));
        QCOMPARE(fromKeychain->size(), 32);

        auto key = profile.unlockKey(*space, QString());
        QVERIFY(key.ok());
        QCOMPARE(key->bytes(), *fromKeychain);
        auto store = profile.openSpace(*space, QString());
        QVERIFY2(store.ok(), store ? "" : qPrintable(store.error().message));
    }

    void keepsBothWrapsWhenAPassphraseIsGivenToo()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space = profile.createSpace(
            QStringLiteral("Work"), SpaceKind::Work, QStringLiteral("pass"), true, kCheapKdf);
        QVERIFY(space.ok());
        const QByteArray envelope = keyFileText(*space);
        QVERIFY(envelope.contains("\"keychain\""));
        QVERIFY(envelope.contains("\"passphrase\""));
        // The keychain entry gone (another machine, a reset keychain): the passphrase still opens it.
        QVERIFY(keychain::remove(QStringLiteral("space-key:%1").arg(space->meta.id)).ok());
        QVERIFY(profile.openSpace(*space, QStringLiteral("pass")).ok());
        auto wrong = profile.openSpace(*space, QStringLiteral("wrong"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongKey);
    }

    // The store thread is a plain std::thread that Qt adopts; the keychain's event loop must run there.
    void opensThroughTheStoreThreadWithTheKeychain()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, QString(), true, kCheapKdf);
        QVERIFY(space.ok());
        StoreThread store;
        QFuture<Status> opened = store.open(profile, *space, QString());
        opened.waitForFinished();
        QVERIFY2(opened.result().ok(),
            qPrintable(opened.result().ok() ? QString() : opened.result().error().message));
        auto stats = store.read<StoreStats>([](SpaceStore &s) { return s.stats(); });
        stats.waitForFinished();
        QVERIFY(stats.result().ok());
    }

    void wipeDeletesTheKeychainEntry()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, QString(), true, kCheapKdf);
        QVERIFY(space.ok());
        const QString account = QStringLiteral("space-key:%1").arg(space->meta.id);
        QVERIFY(keychain::read(account).ok());
        QVERIFY(profile.wipeSpace(*space).ok());
        auto after = keychain::read(account);
        QVERIFY(!after.ok());
        QCOMPARE(after.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(space->databasePath()));
    }

    // Run with no D-Bus session: no keychain answers.
    void refusesToCreateWithoutKeychainOrPassphrase()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, QString(), true, kCheapKdf);
        QVERIFY(!space.ok());
        QVERIFY(space.error().message.contains(QStringLiteral("passphrase")));
        auto spaces = profile.spaces();
        QVERIFY(spaces.ok());
        QVERIFY(spaces->isEmpty()); // nothing half-made left behind
    }

    void fallsBackToThePassphraseWithoutKeychain()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space = profile.createSpace(
            QStringLiteral("Work"), SpaceKind::Work, QStringLiteral("pass"), true, kCheapKdf);
        QVERIFY2(space.ok(), space ? "" : qPrintable(space.error().message));
        QVERIFY(!keyFileText(*space).contains("\"keychain\""));
        QVERIFY(profile.openSpace(*space, QStringLiteral("pass")).ok());
    }
};

QTEST_GUILESS_MAIN(KeychainTest)
#include "tst_keychain.moc"
