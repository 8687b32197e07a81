// Keys: a wrong passphrase or key opens nothing and changes nothing; a damaged key file is an error, not
// a crash; changing the passphrase re-wraps the key without touching the data.
#include "storetestsupport.h"

#include "store/database.h"
#include "store/profile.h"
#include "store/spacekey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

const QString kSharedMemory = QStringLiteral("space.db-shm");

// A profile in a temporary folder with one space, "Work", holding a few messages.
struct Fixture
{
    QTemporaryDir dir;
    Profile profile {dir.path()};
    SpaceEntry space;

    bool setUp()
    {
        auto created
            = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, passphrase(), false, cheapKdf());
        if (!created) {
            qWarning() << describe(created.error());
            return false;
        }
        space = *created;
        auto store = profile.openSpace(space, passphrase());
        if (!store) {
            qWarning() << describe(store.error());
            return false;
        }
        return storeConversation(**store, QStringLiteral("general"),
            {QStringLiteral("Quarterly numbers are in"), QStringLiteral("报销单已经提交")})
            .ok();
    }
};

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(fileBytes(path)).object();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    return writeBytes(path, QJsonDocument(o).toJson());
}

// Applies `edit` to the passphrase wrap of a key file.
template<typename F> bool editPassphraseWrap(const QString &path, F edit)
{
    QJsonObject o = readJson(path);
    QJsonArray wraps = o.value(u"wraps").toArray();
    for (qsizetype i = 0; i < wraps.size(); ++i) {
        QJsonObject w = wraps.at(i).toObject();
        if (w.value(u"method").toString() == u"passphrase") {
            edit(w);
            wraps[i] = w;
            o.insert(QStringLiteral("wraps"), wraps);
            return writeJson(path, o);
        }
    }
    return false;
}

QByteArray flipBit(QByteArray bytes, qsizetype index, int bit)
{
    bytes[index] = char(bytes.at(index) ^ (1 << bit));
    return bytes;
}

QByteArray base64Field(const QJsonObject &wrap, QStringView name)
{
    return QByteArray::fromBase64(wrap.value(name).toString().toLatin1());
}

} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongPassphraseIsRefusedWithReadableMessage()
    {
        Fixture f;
        QVERIFY(f.setUp());

        auto opened = f.profile.openSpace(f.space, QStringLiteral("not the passphrase"));

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::WrongKey);
        QVERIFY2(opened.error().message.contains(QStringLiteral("passphrase"), Qt::CaseInsensitive),
            qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(QStringLiteral("Work")), qPrintable(opened.error().message));
    }

    void wrongPassphraseLeavesSpaceFilesUntouched()
    {
        Fixture f;
        QVERIFY(f.setUp());
        // Keep the space open elsewhere, as the app would, so that the WAL and shared-memory files exist.
        auto open = f.profile.openSpace(f.space, passphrase());
        TANDEM_VERIFY_OK(open);
        QVERIFY(storeConversation(**open, QStringLiteral("more"), {QStringLiteral("still open")}).ok());
        QVERIFY(QFile::exists(f.space.databasePath() + QStringLiteral("-wal")));
        QVERIFY(QFile::exists(f.space.databasePath() + QStringLiteral("-shm")));
        const auto before = fingerprint(f.dir.path());

        auto opened = f.profile.openSpace(f.space, QStringLiteral("not the passphrase"));

        QVERIFY(!opened);
        const QString difference = fingerprintDifference(before, fingerprint(f.dir.path()));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void wrongRawKeyIsRefusedAsWrongKey()
    {
        Fixture f;
        QVERIFY(f.setUp());

        auto db = Database::open(f.space.databasePath(), DataKey::generate().bytes(), {});

        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::WrongKey);
        QVERIFY2(db.error().message.contains(f.space.databasePath()), qPrintable(db.error().message));
    }

    void wrongRawKeyLeavesClosedDatabaseUntouched()
    {
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(!QFile::exists(f.space.databasePath() + QStringLiteral("-wal"))); // closed cleanly
        const auto before = fingerprint(f.dir.path());

        {
            auto db = Database::open(f.space.databasePath(), DataKey::generate().bytes(), {});
            QVERIFY(!db);
        }

        const QString difference = fingerprintDifference(before, fingerprint(f.dir.path()));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void wrongRawKeyLeavesDatabaseOpenElsewhereUntouched()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto open = f.profile.openSpace(f.space, passphrase());
        TANDEM_VERIFY_OK(open);
        QVERIFY(storeConversation(**open, QStringLiteral("more"), {QStringLiteral("still open")}).ok());
        QVERIFY(QFile::exists(f.space.databasePath() + QStringLiteral("-wal")));
        const auto before = fingerprint(f.dir.path());

        {
            auto db = Database::open(f.space.databasePath(), DataKey::generate().bytes(), {});
            QVERIFY(!db);
        }

        // Any reader, right key or wrong, takes a read mark in the shared-memory index: it holds no data.
        const QString difference = fingerprintDifference(before, fingerprint(f.dir.path()), {kSharedMemory});
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void wrongRawKeyLeavesCrashedDatabaseUntouched()
    {
        Fixture f;
        QVERIFY(f.setUp());
        // What a crash leaves: the database with a WAL holding committed transactions not yet copied back.
        const QString crashed = f.dir.path() + QStringLiteral("/crashed");
        {
            auto open = f.profile.openSpace(f.space, passphrase());
            TANDEM_VERIFY_OK(open);
            QVERIFY(
                storeConversation(**open, QStringLiteral("more"), {QStringLiteral("in the WAL only")}).ok());
            QVERIFY(copyFiles(f.space.directory, crashed));
        }
        const QString dbPath = crashed + QStringLiteral("/space.db");
        QVERIFY(QFileInfo(dbPath + QStringLiteral("-wal")).size() > 0);
        const auto before = fingerprint(crashed);

        {
            auto db = Database::open(dbPath, DataKey::generate().bytes(), {});
            QVERIFY(!db);
            QCOMPARE(db.error().code, ErrorCode::WrongKey);
        }

        // The first connection rebuilds the shared-memory index from the WAL: it holds no data. The
        // database and the WAL, which do, must keep every byte, and both must still be there.
        const QString difference = fingerprintDifference(before, fingerprint(crashed), {kSharedMemory});
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void keyOfWrongLengthIsRefused()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const auto before = fingerprint(f.dir.path());

        auto db = Database::open(f.space.databasePath(), QByteArray(31, 'k'), {});

        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Invalid);
        QCOMPARE(fingerprintDifference(before, fingerprint(f.dir.path())), QString());
    }

    void everyFlippedCiphertextByteIsRefused()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QByteArray original = fileBytes(f.space.keyPath());
        QJsonObject wrap;
        QVERIFY(editPassphraseWrap(f.space.keyPath(), [&](QJsonObject &w) { wrap = w; }));
        const QByteArray ciphertext = base64Field(wrap, u"ciphertext");
        QCOMPARE(ciphertext.size(), 32 + 16);

        for (qsizetype i = 0; i < ciphertext.size(); ++i) {
            QVERIFY(writeBytes(f.space.keyPath(), original));
            QVERIFY(editPassphraseWrap(f.space.keyPath(), [&](QJsonObject &w) {
                w.insert(QStringLiteral("ciphertext"),
                    QString::fromLatin1(flipBit(ciphertext, i, int(i % 8)).toBase64()));
            }));
            auto opened = f.profile.openSpace(f.space, passphrase());
            QVERIFY2(!opened, qPrintable(QStringLiteral("byte %1 flipped and still opened").arg(i)));
            QCOMPARE(opened.error().code, ErrorCode::WrongKey);
        }
    }

    void flippedSaltOrNonceIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("salt") << QStringLiteral("salt");
        QTest::newRow("nonce") << QStringLiteral("nonce");
    }

    void flippedSaltOrNonceIsRefused()
    {
        QFETCH(QString, field);
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(editPassphraseWrap(f.space.keyPath(), [&](QJsonObject &w) {
            w.insert(field, QString::fromLatin1(flipBit(base64Field(w, field), 3, 5).toBase64()));
        }));

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::WrongKey);
    }

    void damagedKeyFileIsReportedAsCorrupt_data()
    {
        QTest::addColumn<QByteArray>("content");
        const QJsonObject valid {{QStringLiteral("format"), QStringLiteral("tandem-space-key")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("space"), QJsonObject {{QStringLiteral("id"), QStringLiteral("x")}}}};
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("not json") << QByteArray("this is not a key file");
        QTest::newRow("binary noise") << QByteArray("\x00\xff\x13\x37\x80\x81", 6);
        QTest::newRow("json array") << QByteArray("[1, 2, 3]");
        QTest::newRow("other format") << QByteArray(R"({"format": "something-else", "version": 1})");
        QTest::newRow("no space id") << QByteArray(
            R"({"format": "tandem-space-key", "version": 1, "wraps": []})");
        QTest::newRow("no wraps") << QJsonDocument(valid).toJson();
        QTest::newRow("too large") << QByteArray(100 * 1024, ' ');
    }

    void damagedKeyFileIsReportedAsCorrupt()
    {
        QFETCH(QByteArray, content);
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(writeBytes(f.space.keyPath(), content));

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
        QVERIFY(!opened.error().message.isEmpty());
    }

    void truncatedKeyFileIsAnError()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QByteArray original = fileBytes(f.space.keyPath());
        // Every prefix of the file: none may crash, none may open.
        for (qsizetype n = 0; n < original.size(); n += 7) {
            QVERIFY(writeBytes(f.space.keyPath(), original.left(n)));
            auto opened = f.profile.openSpace(f.space, passphrase());
            QVERIFY2(
                !opened, qPrintable(QStringLiteral("opened with the first %1 bytes of key.json").arg(n)));
        }
    }

    void wrongSizedWrapFieldsAreCorrupt_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("short ciphertext") << QStringLiteral("ciphertext") << QByteArray(47, 'c');
        QTest::newRow("long ciphertext") << QStringLiteral("ciphertext") << QByteArray(49, 'c');
        QTest::newRow("short salt") << QStringLiteral("salt") << QByteArray(8, 's');
        QTest::newRow("empty nonce") << QStringLiteral("nonce") << QByteArray();
    }

    void wrongSizedWrapFieldsAreCorrupt()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, value);
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(editPassphraseWrap(f.space.keyPath(),
            [&](QJsonObject &w) { w.insert(field, QString::fromLatin1(value.toBase64())); }));

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
    }

    void outOfRangeKdfParametersAreRefused_data()
    {
        QTest::addColumn<double>("opsLimit");
        QTest::addColumn<double>("memLimit");
        QTest::newRow("no passes") << 0.0 << double(64 * 1024 * 1024);
        QTest::newRow("negative passes") << -3.0 << double(64 * 1024 * 1024);
        QTest::newRow("too little memory") << 3.0 << 1024.0;
        QTest::newRow("too many passes") << 1e6 << double(64 * 1024 * 1024);
        QTest::newRow("too much memory") << 3.0 << 1e15;
    }

    void outOfRangeKdfParametersAreRefused()
    {
        QFETCH(double, opsLimit);
        QFETCH(double, memLimit);
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(editPassphraseWrap(f.space.keyPath(), [&](QJsonObject &w) {
            w.insert(QStringLiteral("opslimit"), opsLimit);
            w.insert(QStringLiteral("memlimit"), memLimit);
        }));

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
    }

    void keyFileFromNewerTandemIsTooNew_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("newer envelope version") << QStringLiteral("version");
        QTest::newRow("unknown key derivation") << QStringLiteral("kdf");
    }

    void keyFileFromNewerTandemIsTooNew()
    {
        QFETCH(QString, what);
        Fixture f;
        QVERIFY(f.setUp());
        if (what == u"version") {
            QJsonObject o = readJson(f.space.keyPath());
            o.insert(QStringLiteral("version"), 2);
            QVERIFY(writeJson(f.space.keyPath(), o));
        } else {
            QVERIFY(editPassphraseWrap(f.space.keyPath(),
                [](QJsonObject &w) { w.insert(QStringLiteral("kdf"), QStringLiteral("argon3")); }));
        }

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::TooNew);
    }

    void keyFileMovedToAnotherSpaceDoesNotOpenIt()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto other = f.profile.createSpace(
            QStringLiteral("Home"), SpaceKind::Personal, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(other);
        QVERIFY(QFile::remove(other->keyPath()));
        QVERIFY(QFile::copy(f.space.keyPath(), other->keyPath()));
        const auto before = fingerprint(other->directory);

        auto opened = f.profile.openSpace(*other, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
        QCOMPARE(fingerprintDifference(before, fingerprint(other->directory)), QString());
    }

    void missingSpaceIsNotFound()
    {
        Fixture f;
        QVERIFY(f.setUp());

        auto found = f.profile.findSpace(QStringLiteral("Nonexistent"));

        QVERIFY(!found);
        QCOMPARE(found.error().code, ErrorCode::NotFound);
        QVERIFY(found.error().message.contains(QStringLiteral("Nonexistent")));
    }

    void missingKeyFileIsNotFound()
    {
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(QFile::remove(f.space.keyPath()));

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
    }

    void missingDatabaseIsNotFoundAndNotCreated()
    {
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(QFile::remove(f.space.databasePath()));
        const auto before = fingerprint(f.dir.path());

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QCOMPARE(fingerprintDifference(before, fingerprint(f.dir.path())), QString());
    }

    void missingSpaceFolderIsNotFound()
    {
        Fixture f;
        QVERIFY(f.setUp());
        QVERIFY(QDir(f.space.directory).removeRecursively());

        auto opened = f.profile.openSpace(f.space, passphrase());

        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY(!QFileInfo::exists(f.space.directory));
    }

    void changedPassphraseOpensAndOldOneNoLongerDoes()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QString newPassphrase = QStringLiteral("新的口令 and more");

        TANDEM_VERIFY_OK(f.profile.changePassphrase(passphrase(), newPassphrase, cheapKdf()));

        auto withOld = f.profile.openSpace(f.space, passphrase());
        QVERIFY(!withOld);
        QCOMPARE(withOld.error().code, ErrorCode::WrongKey);
        auto withNew = f.profile.openSpace(f.space, newPassphrase);
        TANDEM_VERIFY_OK(withNew);
        auto messages = (*withNew)->messagesBefore(QStringLiteral("general"),
            std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::max(), 10);
        TANDEM_VERIFY_OK(messages);
        QCOMPARE(messages->size(), 2);
    }

    void changingPassphraseRewrapsEverySpaceWithoutTouchingDatabases()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto home = f.profile.createSpace(
            QStringLiteral("Home"), SpaceKind::Personal, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(home);
        const auto before = fingerprint(f.dir.path());

        TANDEM_VERIFY_OK(f.profile.changePassphrase(passphrase(), QStringLiteral("another one"), cheapKdf()));

        const auto after = fingerprint(f.dir.path());
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const bool isKeyFile = it.key().endsWith(QStringLiteral("/key.json"));
            QVERIFY2((after.value(it.key()) != it.value()) == isKeyFile,
                qPrintable(it.key()
                    + (isKeyFile ? QStringLiteral(" was not re-wrapped")
                                 : QStringLiteral(" changed with the passphrase"))));
        }
        QVERIFY(f.profile.openSpace(*home, QStringLiteral("another one")).ok());
    }

    void changingPassphraseWithWrongOldOneChangesNothing()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto home = f.profile.createSpace(
            QStringLiteral("Home"), SpaceKind::Personal, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(home);
        const auto before = fingerprint(f.dir.path());

        auto changed
            = f.profile.changePassphrase(QStringLiteral("wrong"), QStringLiteral("another one"), cheapKdf());

        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::WrongKey);
        QCOMPARE(fingerprintDifference(before, fingerprint(f.dir.path())), QString());
        QVERIFY(f.profile.openSpace(f.space, passphrase()).ok());
        QVERIFY(f.profile.openSpace(*home, passphrase()).ok());
    }

    void emptyNewPassphraseIsRefused()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const auto before = fingerprint(f.dir.path());

        auto changed = f.profile.changePassphrase(passphrase(), QString(), cheapKdf());

        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::Invalid);
        QCOMPARE(fingerprintDifference(before, fingerprint(f.dir.path())), QString());
    }

    void spaceWithoutPassphraseOrKeychainIsRefused()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());

        auto created
            = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, QString(), false, cheapKdf());

        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::Invalid);
        QVERIFY(profile.spaces()->isEmpty());
    }

    // The one test that pays for the real key derivation: the default cost is what docs/store.md promises.
    void keyFileRecordsArgon2idAtDefaultCostAndNoClearKey()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, passphrase());
        TANDEM_VERIFY_OK(space);

        const QByteArray file = fileBytes(space->keyPath());
        const QJsonObject o = QJsonDocument::fromJson(file).object();
        QCOMPARE(o.value(u"format").toString(), QStringLiteral("tandem-space-key"));
        const QJsonObject wrap = o.value(u"wraps").toArray().at(0).toObject();
        QCOMPARE(wrap.value(u"method").toString(), QStringLiteral("passphrase"));
        QCOMPARE(wrap.value(u"kdf").toString(), QStringLiteral("argon2id13"));
        QVERIFY(wrap.value(u"opslimit").toDouble() >= 3);
        QVERIFY(wrap.value(u"memlimit").toDouble() >= 64.0 * 1024 * 1024);
        QCOMPARE(base64Field(wrap, u"salt").size(), qsizetype(crypto_pwhash_SALTBYTES));

        auto key = profile.unlockKey(*space, passphrase());
        TANDEM_VERIFY_OK(key);
        QCOMPARE(key->bytes().size(), 32);
        for (const QByteArray &form :
            {key->bytes(), key->bytes().toHex(), key->bytes().toHex().toUpper(), key->bytes().toBase64()})
            QVERIFY2(!file.contains(form), "the data key is readable in key.json");
    }
};

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"
