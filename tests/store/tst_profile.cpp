// Profile: a folder of spaces, each with its own key and files. Spaces are listed with their kind and
// name, names are unique, and wiping one space destroys it and leaves the others whole.
#include "storetestsupport.h"

#include "store/profile.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

const QString kWorkMarker = QStringLiteral("WorkOnlyMarker8hQ2 季度机密预算");
const QString kHomeMarker = QStringLiteral("HomeOnlyMarker3vK9 家庭旅行计划");

// A profile with a Work and a Personal space, each holding messages with its own marker.
struct TwoSpaces
{
    QTemporaryDir dir;
    Profile profile {dir.path()};
    SpaceEntry work;
    SpaceEntry home;

    bool setUp()
    {
        auto w = profile.createSpace(
            QStringLiteral("Acme Corp"), SpaceKind::Work, passphrase(), false, cheapKdf());
        auto h = profile.createSpace(
            QStringLiteral("Family"), SpaceKind::Personal, passphrase(), false, cheapKdf());
        if (!w || !h)
            return false;
        work = *w;
        home = *h;
        return fill(work, kWorkMarker) && fill(home, kHomeMarker);
    }

    bool fill(const SpaceEntry &space, const QString &marker)
    {
        auto store = profile.openSpace(space, passphrase());
        if (!store)
            return false;
        QStringList bodies;
        for (int i = 0; i < 50; ++i)
            bodies << QStringLiteral("%1 #%2").arg(marker).arg(i);
        return storeConversation(**store, QStringLiteral("main"), bodies).ok();
    }
};

// Every file under `dir` whose bytes contain `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (fileBytes(path).contains(needle))
            found << path;
    }
    return found;
}

Result<int> countHits(SpaceStore &store, const QString &text)
{
    SearchQuery q;
    q.text = text;
    q.limit = 1000;
    auto hits = store.search(q);
    if (!hits)
        return hits.error();
    return int(hits->size());
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createdSpacesAreListedWithKindAndName()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());

        auto spaces = s.profile.spaces();

        TANDEM_VERIFY_OK(spaces);
        QCOMPARE(spaces->size(), 2);
        QMap<QString, QString> kindByName;
        for (const SpaceEntry &e : *spaces) {
            kindByName.insert(e.meta.name, e.meta.kind);
            QVERIFY(QFileInfo(e.databasePath()).isFile());
            QVERIFY(QFileInfo(e.keyPath()).isFile());
        }
        QCOMPARE(kindByName,
            (QMap<QString, QString> {{QStringLiteral("Acme Corp"), QStringLiteral("work")},
                {QStringLiteral("Family"), QStringLiteral("personal")}}));
    }

    void spaceIsFoundByIdOrByNameInAnyCase()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());

        auto byId = s.profile.findSpace(s.home.meta.id);
        auto byName = s.profile.findSpace(QStringLiteral("aCmE cOrP"));

        TANDEM_VERIFY_OK(byId);
        QCOMPARE(byId->meta.name, QStringLiteral("Family"));
        TANDEM_VERIFY_OK(byName);
        QCOMPARE(byName->meta.id, s.work.meta.id);
    }

    void spaceStoresItsOwnNameKindAndId()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());

        auto store = s.profile.openSpace(s.home, passphrase());

        TANDEM_VERIFY_OK(store);
        QCOMPARE((*store)->info(QStringLiteral("name")).value(), QStringLiteral("Family"));
        QCOMPARE((*store)->info(QStringLiteral("kind")).value(), QStringLiteral("personal"));
        QCOMPARE((*store)->info(QStringLiteral("id")).value(), s.home.meta.id);
    }

    void duplicateNameIsRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("same") << QStringLiteral("Acme Corp");
        QTest::newRow("other case") << QStringLiteral("ACME CORP");
        QTest::newRow("surrounding spaces") << QStringLiteral("  Acme Corp ");
    }

    void duplicateNameIsRefused()
    {
        QFETCH(QString, name);
        TwoSpaces s;
        QVERIFY(s.setUp());
        const auto before = fingerprint(s.dir.path());

        auto again = s.profile.createSpace(name, SpaceKind::Personal, passphrase(), false, cheapKdf());

        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(fingerprintDifference(before, fingerprint(s.dir.path())), QString());
    }

    void invalidNameIsRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral(" \t ");
        QTest::newRow("65 characters") << QString(65, u'x');
    }

    void invalidNameIsRefused()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        Profile profile(dir.path());

        auto created = profile.createSpace(name, SpaceKind::Work, passphrase(), false, cheapKdf());

        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::Invalid);
        QVERIFY(profile.spaces()->isEmpty());
    }

    void newSpaceNeedsTheProfilePassphrase()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());
        const auto before = fingerprint(s.dir.path());

        auto created = s.profile.createSpace(QStringLiteral("Side project"), SpaceKind::Work,
            QStringLiteral("a different one"), false, cheapKdf());

        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::WrongKey);
        QCOMPARE(fingerprintDifference(before, fingerprint(s.dir.path())), QString());
    }

    void spacesHaveTheirOwnKeys()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());
        auto workKey = s.profile.unlockKey(s.work, passphrase());
        auto homeKey = s.profile.unlockKey(s.home, passphrase());
        TANDEM_VERIFY_OK(workKey);
        TANDEM_VERIFY_OK(homeKey);

        QVERIFY(workKey->bytes() != homeKey->bytes());
        auto crossed = Database::open(s.home.databasePath(), workKey->bytes(), {});
        QVERIFY(!crossed);
        QCOMPARE(crossed.error().code, ErrorCode::WrongKey);
    }

    void spaceHoldsOnlyItsOwnMessages()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());

        auto home = s.profile.openSpace(s.home, passphrase());

        TANDEM_VERIFY_OK(home);
        QCOMPARE(countHits(**home, kHomeMarker).value(), 50);
        QCOMPARE(countHits(**home, kWorkMarker).value(), 0);
    }

    void wipeRemovesTheSpaceKeyAndFiles()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());

        TANDEM_VERIFY_OK(s.profile.wipeSpace(s.work));

        QVERIFY(!QFileInfo::exists(s.work.directory));
        auto spaces = s.profile.spaces();
        TANDEM_VERIFY_OK(spaces);
        QCOMPARE(spaces->size(), 1);
        QCOMPARE(spaces->first().meta.id, s.home.meta.id);
        auto found = s.profile.findSpace(QStringLiteral("Acme Corp"));
        QVERIFY(!found);
        QCOMPARE(found.error().code, ErrorCode::NotFound);
    }

    void wipeRemovesWhatACrashLeftBehind()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());
        // Put back the WAL and shared-memory files of a session that never closed.
        const QString snapshot = s.dir.path() + QStringLiteral("/snapshot");
        {
            auto open = s.profile.openSpace(s.work, passphrase());
            TANDEM_VERIFY_OK(open);
            QVERIFY(storeConversation(**open, QStringLiteral("late"), {kWorkMarker}).ok());
            QVERIFY(copyFiles(s.work.directory, snapshot));
        }
        QVERIFY(copyFiles(snapshot, s.work.directory));
        QVERIFY(QDir(snapshot).removeRecursively());
        QVERIFY(QFileInfo::exists(s.work.databasePath() + QStringLiteral("-wal")));

        TANDEM_VERIFY_OK(s.profile.wipeSpace(s.work));

        QVERIFY(!QFileInfo::exists(s.work.directory));
    }

    void wipeLeavesTheOtherSpaceWhole()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());
        const auto homeBefore = fingerprint(s.home.directory);

        TANDEM_VERIFY_OK(s.profile.wipeSpace(s.work));

        QCOMPARE(fingerprintDifference(homeBefore, fingerprint(s.home.directory)), QString());
        auto home = s.profile.openSpace(s.home, passphrase());
        TANDEM_VERIFY_OK(home);
        auto integrity = (*home)->db().prepare("PRAGMA integrity_check");
        TANDEM_VERIFY_OK(integrity);
        QVERIFY(integrity->step().value());
        QCOMPARE(integrity->text(0), QStringLiteral("ok"));
        QCOMPARE(countHits(**home, kHomeMarker).value(), 50);
        QCOMPARE((*home)->stats()->messages, qint64(50));
    }

    void wipeLeavesNoTraceOfTheSpaceInTheProfile()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());
        auto key = s.profile.unlockKey(s.work, passphrase());
        TANDEM_VERIFY_OK(key);
        const QJsonObject envelope = QJsonDocument::fromJson(fileBytes(s.work.keyPath())).object();
        const QByteArray wrapped
            = envelope.value(u"wraps").toArray().at(0).toObject().value(u"ciphertext").toString().toLatin1();
        QVERIFY(!wrapped.isEmpty());
        // What key.json shows in the clear, so the profile holds it before the wipe...
        const QList<QPair<QString, QByteArray>> inKeyFile = {
            {QStringLiteral("the space id"), s.work.meta.id.toUtf8()},
            {QStringLiteral("the space name"), s.work.meta.name.toUtf8()},
            {QStringLiteral("the wrapped key"), wrapped},
        };
        for (const auto &[what, bytes] : inKeyFile)
            QVERIFY2(!filesContaining(s.dir.path(), bytes).isEmpty(), qPrintable(what));
        // ...and what is never in the clear anywhere, wipe or no wipe.
        const QList<QPair<QString, QByteArray>> secrets = {
            {QStringLiteral("the data key"), key->bytes()},
            {QStringLiteral("the data key in hex"), key->bytes().toHex()},
            {QStringLiteral("the wrapped key, decoded"), QByteArray::fromBase64(wrapped)},
            {QStringLiteral("a message"), kWorkMarker.toUtf8()},
        };

        TANDEM_VERIFY_OK(s.profile.wipeSpace(s.work));

        for (const auto &[what, bytes] : inKeyFile + secrets) {
            const QStringList found = filesContaining(s.dir.path(), bytes);
            QVERIFY2(found.isEmpty(), qPrintable(what + QStringLiteral(" remains in ") + found.join(u' ')));
        }
    }

    void wipedSpaceNameCanBeUsedAgain()
    {
        TwoSpaces s;
        QVERIFY(s.setUp());
        TANDEM_VERIFY_OK(s.profile.wipeSpace(s.work));

        auto again = s.profile.createSpace(
            QStringLiteral("Acme Corp"), SpaceKind::Work, passphrase(), false, cheapKdf());

        TANDEM_VERIFY_OK(again);
        QVERIFY(again->meta.id != s.work.meta.id);
        auto store = s.profile.openSpace(*again, passphrase());
        TANDEM_VERIFY_OK(store);
        QCOMPARE(countHits(**store, kWorkMarker).value(), 0);
    }

    void spaceWithoutLookKeepsOldKeyFileShape()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto w
            = profile.createSpace(QStringLiteral("Acme"), SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(w);

        QFile f(w->keyPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject space = QJsonDocument::fromJson(f.readAll()).object().value(u"space").toObject();
        QVERIFY(!space.contains(u"accent"));
        QVERIFY(!space.contains(u"icon"));
        auto listed = profile.findSpace(QStringLiteral("Acme"));
        TANDEM_VERIFY_OK(listed);
        QVERIFY(listed->meta.accent.isEmpty());
        QVERIFY(listed->meta.icon.isEmpty());
    }

    void setSpaceLookPersistsNameAccentAndIconAndKeepsTheKey()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto w
            = profile.createSpace(QStringLiteral("Acme"), SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(w);

        auto changed = profile.setSpaceLook(
            *w, {QStringLiteral("  Acme Labs "), QStringLiteral("purple"), QStringLiteral("🇨🇳")});

        TANDEM_VERIFY_OK(changed);
        auto reread = Profile(dir.path()).findSpace(w->meta.id);
        TANDEM_VERIFY_OK(reread);
        QCOMPARE(reread->meta.name, QStringLiteral("Acme Labs"));
        QCOMPARE(reread->meta.accent, QStringLiteral("purple"));
        QCOMPARE(reread->meta.icon, QStringLiteral("🇨🇳"));
        QCOMPARE(reread->meta.kind, QStringLiteral("work"));
        TANDEM_VERIFY_OK(profile.openSpace(*reread, passphrase()));
    }

    void setSpaceLookChangesOnlyTheFieldsGiven()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto w
            = profile.createSpace(QStringLiteral("Acme"), SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(w);
        TANDEM_VERIFY_OK(profile.setSpaceLook(*w, {{}, QStringLiteral("teal"), QStringLiteral("家")}));

        SpaceLookChange onlyIcon;
        onlyIcon.icon = QString();
        TANDEM_VERIFY_OK(profile.setSpaceLook(*w, onlyIcon));

        auto reread = profile.findSpace(w->meta.id);
        TANDEM_VERIFY_OK(reread);
        QCOMPARE(reread->meta.name, QStringLiteral("Acme"));
        QCOMPARE(reread->meta.accent, QStringLiteral("teal"));
        QVERIFY(reread->meta.icon.isEmpty());
    }

    void setSpaceLookRejectsInvalidValuesAndChangesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("accent");
        QTest::addColumn<QString>("icon");
        QTest::addColumn<int>("code");
        const int invalid = int(ErrorCode::Invalid);
        QTest::newRow("unknown accent") << QString() << QStringLiteral("#ff0000") << QString() << invalid;
        QTest::newRow("two characters") << QString() << QString() << QStringLiteral("ab") << invalid;
        QTest::newRow("space") << QString() << QString() << QStringLiteral(" ") << invalid;
        QTest::newRow("over 16 bytes")
            << QString() << QString() << QStringLiteral("👨‍👩‍👧") << invalid;
        QTest::newRow("empty name") << QStringLiteral("  ") << QString() << QString() << invalid;
        QTest::newRow("other space's name")
            << QStringLiteral("family") << QString() << QString() << int(ErrorCode::AlreadyExists);
    }
    void setSpaceLookRejectsInvalidValuesAndChangesNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, accent);
        QFETCH(QString, icon);
        QFETCH(int, code);
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto w
            = profile.createSpace(QStringLiteral("Acme"), SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(w);
        TANDEM_VERIFY_OK(profile.createSpace(
            QStringLiteral("Family"), SpaceKind::Personal, passphrase(), false, cheapKdf()));
        SpaceLookChange change;
        if (!name.isEmpty())
            change.name = name;
        if (!accent.isEmpty())
            change.accent = accent;
        if (!icon.isEmpty())
            change.icon = icon;

        auto result = profile.setSpaceLook(*w, change);

        QVERIFY(!result);
        QCOMPARE(int(result.error().code), code);
        auto reread = profile.findSpace(w->meta.id);
        TANDEM_VERIFY_OK(reread);
        QCOMPARE(reread->meta.name, QStringLiteral("Acme"));
        QVERIFY(reread->meta.accent.isEmpty());
        QVERIFY(reread->meta.icon.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
