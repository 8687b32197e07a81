// Migrations: an old database is brought forward with its data intact and searchable; each migration
// works on its own from the version before it; a failed migration changes nothing; a database from a
// newer Tandem is refused without being touched.
#include "storetestsupport.h"

#include "store/database.h"
#include "store/schema.h"
#include "store/searchtokenizer.h"
#include "store/spacestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

const qint64 kNewest = std::numeric_limits<qint64>::max();

// A version-1 database as Tandem 0.1 left it: a conversation and messages written with plain SQL.
struct VersionOneFixture
{
    QTemporaryDir dir;
    DataKey key = DataKey::generate();
    QString path = dir.filePath(QStringLiteral("space.db"));

    static QStringList bodies()
    {
        return {QStringLiteral("明天下午三点开预算会议"), QStringLiteral("會議室已經訂好了"),
            QStringLiteral("Budget meeting moved to Friday"), QStringLiteral("报销单已经发给你了，谢谢"),
            QStringLiteral("这条消息已经撤回")};
    }

    bool create()
    {
        Database::Options o;
        o.create = true;
        auto db = Database::open(path, key.bytes(), o);
        if (!db || !migrate(**db, 1))
            return false;
        Database &d = **db;
        if (!d.exec("INSERT INTO conversations(id, kind, name, created_at) VALUES ('c-1', 'group', "
                    "'预算小组', 1000)"))
            return false;
        auto insert
            = d.prepare("INSERT INTO messages(id, conversation_id, sender_id, body, created_at, deleted_at) "
                        "VALUES (?1, 'c-1', 'u-li', ?2, ?3, ?4)");
        if (!insert)
            return false;
        const QStringList texts = bodies();
        for (int i = 0; i < texts.size(); ++i) {
            insert->bind(1, QStringLiteral("m-%1").arg(i)).bind(2, texts.at(i)).bind(3, qint64(2000 + i));
            const bool recalled = i == texts.size() - 1;
            recalled ? insert->bind(4, qint64(9000)) : insert->bindNull(4);
            if (!insert->exec())
                return false;
        }
        return true;
    }
};

Result<qint64> userVersion(const QString &path, const DataKey &key)
{
    auto db = Database::open(path, key.bytes(), {});
    if (!db)
        return db.error();
    return (*db)->queryInt("PRAGMA user_version");
}

// The schema as SQLite records it, one "type name: sql" per object, sorted.
QStringList schemaOf(Database &db)
{
    QStringList out;
    auto st = db.prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name");
    if (!st)
        return {QStringLiteral("error: ") + st.error().message};
    for (auto row = st->step(); row && *row; row = st->step())
        out << st->text(0) + u' ' + st->text(1) + QStringLiteral(": ") + st->text(2);
    return out;
}

QSet<QString> hitIds(SpaceStore &store, const QString &text)
{
    SearchQuery q;
    q.text = text;
    q.limit = 100;
    QSet<QString> ids;
    if (auto hits = store.search(q))
        for (const SearchHit &h : *hits)
            ids.insert(h.messageId);
    return ids;
}

// A fresh, empty database at schema `version`, with the search tokenizer that version 2 needs.
Result<std::unique_ptr<Database>> databaseAt(const QString &path, const DataKey &key, int version)
{
    Database::Options o;
    o.create = true;
    auto db = Database::open(path, key.bytes(), o);
    if (!db)
        return db.error();
    TANDEM_TRY(registerSearchTokenizer((*db)->handle()));
    TANDEM_TRY(migrate(**db, version));
    return db;
}

} // namespace

// A table kept with columns added (ALTER TABLE ... ADD COLUMN, which later migrations may use):
// SQLite inserts the new column definitions into the old text in one place.
static bool extended(const QStringList &after, const QString &object)
{
    if (!object.startsWith(QStringLiteral("table ")))
        return false;
    for (const QString &a : after) {
        qsizetype common = 0;
        while (common < object.size() && common < a.size() && a[common] == object[common])
            ++common;
        if (a.size() > object.size() && common > 0 && a.endsWith(object.mid(common)))
            return true;
    }
    return false;
}

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureIsAtVersionOne()
    {
        VersionOneFixture f;
        QVERIFY(f.create());
        auto version = userVersion(f.path, f.key);
        TANDEM_VERIFY_OK(version);
        QCOMPARE(*version, qint64(1));
    }

    void openingUpgradesVersionOneToCurrent()
    {
        VersionOneFixture f;
        QVERIFY(f.create());

        auto store = SpaceStore::open(f.path, f.key, {});

        TANDEM_VERIFY_OK(store);
        auto version = (*store)->db().queryInt("PRAGMA user_version");
        TANDEM_VERIFY_OK(version);
        QCOMPARE(*version, qint64(kSchemaVersion));
        QCOMPARE((*store)->stats()->schemaVersion, kSchemaVersion);
    }

    void upgradeKeepsVersionOneDataIntact()
    {
        VersionOneFixture f;
        QVERIFY(f.create());

        auto store = SpaceStore::open(f.path, f.key, {});

        TANDEM_VERIFY_OK(store);
        auto conversations = (*store)->conversations();
        TANDEM_VERIFY_OK(conversations);
        QCOMPARE(conversations->size(), 1);
        QCOMPARE(conversations->first().name, QStringLiteral("预算小组"));
        auto messages = (*store)->messagesBefore(QStringLiteral("c-1"), kNewest, kNewest, 100);
        TANDEM_VERIFY_OK(messages);
        QStringList bodies;
        for (const Message &m : *messages)
            bodies.prepend(m.body); // newest first
        QCOMPARE(bodies, VersionOneFixture::bodies());
        QCOMPARE(messages->first().deletedAt, std::optional<qint64>(9000));
    }

    void searchFindsMessagesWrittenBeforeTheIndexExisted()
    {
        VersionOneFixture f;
        QVERIFY(f.create());

        auto store = SpaceStore::open(f.path, f.key, {});

        TANDEM_VERIFY_OK(store);
        QCOMPARE(hitIds(**store, QStringLiteral("会议")), QSet<QString> {QStringLiteral("m-0")});
        QCOMPARE(hitIds(**store, QStringLiteral("會議")), QSet<QString> {QStringLiteral("m-1")});
        QCOMPARE(hitIds(**store, QStringLiteral("meet")), QSet<QString> {QStringLiteral("m-2")});
        QCOMPARE(hitIds(**store, QStringLiteral("报销")), QSet<QString> {QStringLiteral("m-3")});
    }

    void upgradeLeavesRecalledMessagesOutOfTheIndex()
    {
        VersionOneFixture f;
        QVERIFY(f.create());

        auto store = SpaceStore::open(f.path, f.key, {});

        TANDEM_VERIFY_OK(store);
        QCOMPARE(hitIds(**store, QStringLiteral("撤回")), QSet<QString>());
        QCOMPARE(hitIds(**store, QStringLiteral("已经")), QSet<QString> {QStringLiteral("m-3")});
    }

    void reopeningCurrentDatabaseChangesNothing()
    {
        VersionOneFixture f;
        QVERIFY(f.create());
        TANDEM_VERIFY_OK(SpaceStore::open(f.path, f.key, {}));
        auto first = SpaceStore::open(f.path, f.key, {});
        TANDEM_VERIFY_OK(first);
        const QStringList schema = schemaOf((*first)->db());
        first->reset();

        auto again = SpaceStore::open(f.path, f.key, {});

        TANDEM_VERIFY_OK(again);
        QCOMPARE(schemaOf((*again)->db()), schema);
        // The index was filled once, by the upgrade, and not again.
        auto indexed
            = (*again)->db().queryInt("SELECT count(*) FROM message_fts WHERE message_fts MATCH '\"议\"'");
        TANDEM_VERIFY_OK(indexed);
        QCOMPARE(*indexed, qint64(1));
    }

    void eachMigrationAppliesOnTheVersionBeforeIt_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("added"); // text that the schema has only after the migration
        QTest::addColumn<QString>("dropped"); // "type name:" of an object the migration drops on purpose
        QTest::newRow("1: messages") << 1 << QStringLiteral(" messages:") << QString();
        QTest::newRow("2: search index") << 2 << QStringLiteral(" message_fts:") << QString();
        QTest::newRow("3: tasks and approvals") << 3 << QStringLiteral(" approval_requests:") << QString();
        QTest::newRow("4: sync") << 4 << QStringLiteral(" snapshot_staging:") << QString();
        QTest::newRow("5: task merge state") << 5 << QStringLiteral(" task_state:") << QString();
        QTest::newRow("6: approvals sync") << 6 << QStringLiteral(" approval_holidays:") << QString();
        QTest::newRow("7: system notices") << 7 << QStringLiteral(" message_system:") << QString();
        QTest::newRow("8: dashboard index")
            << 8 << QStringLiteral(" approval_requests_for_dashboard:") << QString();
        QTest::newRow("9: name translations")
            << 9 << QStringLiteral("name_i18n TEXT NOT NULL DEFAULT '{}'") << QString();
        QTest::newRow("10: dashboard index by id")
            << 10 << QStringLiteral(" approval_requests_by_id_for_dashboard:") << QString();
        QTest::newRow("11: active steps; no requester-ordered dashboard index")
            << 11 << QStringLiteral(" approval_steps_active:")
            << QStringLiteral("index approval_requests_for_dashboard:");
        QTest::newRow("12: urgent messages; mentions by conversation")
            << 12 << QStringLiteral(" mentions_unread:") << QStringLiteral("index mentions_by_user:");
        static_assert(kSchemaVersion == 12, "a new migration needs its row here");
    }

    void eachMigrationAppliesOnTheVersionBeforeIt()
    {
        QFETCH(int, version);
        QFETCH(QString, added);
        QFETCH(QString, dropped);
        QTemporaryDir dir;
        const DataKey key = DataKey::generate();
        auto db = databaseAt(dir.filePath(QStringLiteral("space.db")), key, version - 1);
        TANDEM_VERIFY_OK(db);
        const QStringList before = schemaOf(**db);
        QVERIFY(!before.join(u'\n').contains(added));

        TANDEM_VERIFY_OK(migrate(**db, version));

        QCOMPARE((*db)->queryInt("PRAGMA user_version").value(), qint64(version));
        const QStringList after = schemaOf(**db);
        for (const QString &object : before)
            QVERIFY2(after.contains(object) || extended(after, object)
                    || (!dropped.isEmpty() && object.startsWith(dropped)),
                qPrintable(QStringLiteral("lost: ") + object));
        if (!dropped.isEmpty()) {
            QVERIFY2(before.join(u'\n').contains(dropped), qPrintable(dropped));
            QVERIFY2(!after.join(u'\n').contains(dropped), qPrintable(dropped));
        }
        QVERIFY2(after.join(u'\n').contains(added), qPrintable(after.join(u'\n')));
        auto integrity = (*db)->prepare("PRAGMA integrity_check");
        TANDEM_VERIFY_OK(integrity);
        QVERIFY(integrity->step().value());
        QCOMPARE(integrity->text(0), QStringLiteral("ok"));
    }

    void stepByStepUpgradeGivesTheSameSchemaAsANewSpace()
    {
        QTemporaryDir dir;
        const DataKey key = DataKey::generate();
        auto fresh = databaseAt(dir.filePath(QStringLiteral("fresh.db")), key, kSchemaVersion);
        TANDEM_VERIFY_OK(fresh);
        auto stepped = databaseAt(dir.filePath(QStringLiteral("stepped.db")), key, 0);
        TANDEM_VERIFY_OK(stepped);

        for (int v = 1; v <= kSchemaVersion; ++v)
            TANDEM_VERIFY_OK(migrate(**stepped, v));

        QCOMPARE(schemaOf(**stepped), schemaOf(**fresh));
    }

    void failedMigrationLeavesThePreviousVersion()
    {
        QTemporaryDir dir;
        const DataKey key = DataKey::generate();
        // The last statement of the last migration, already applied: the statements before it succeed,
        // then it fails (the table, index or column is there), and all of them must be undone. Read from
        // the migration itself, so that this test follows new migrations by itself.
        const QStringList statements
            = QString::fromUtf8(kMigrations.back().sql.data(), qsizetype(kMigrations.back().sql.size()))
                  .split(u';', Qt::SkipEmptyParts);
        QString last;
        for (const QString &st : statements)
            if (!st.trimmed().isEmpty())
                last = st.trimmed();
        QVERIFY(!last.isEmpty());
        auto db = databaseAt(dir.filePath(QStringLiteral("space.db")), key, kSchemaVersion - 1);
        TANDEM_VERIFY_OK(db);
        TANDEM_VERIFY_OK((*db)->exec(last.toStdString()));
        const QStringList before = schemaOf(**db);

        auto migrated = migrate(**db);

        QVERIFY(!migrated);
        QVERIFY2(migrated.error().message.contains(QString::number(kSchemaVersion)),
            qPrintable(migrated.error().message));
        QCOMPARE((*db)->queryInt("PRAGMA user_version").value(), qint64(kSchemaVersion - 1));
        QCOMPARE(schemaOf(**db), before);
        QVERIFY(!(*db)->inTransaction());
    }

    void databaseFromNewerTandemIsRefused()
    {
        QTemporaryDir dir;
        const DataKey key = DataKey::generate();
        const QString path = dir.filePath(QStringLiteral("space.db"));
        {
            auto db = databaseAt(path, key, kSchemaVersion);
            TANDEM_VERIFY_OK(db);
            TANDEM_VERIFY_OK((*db)->exec("PRAGMA user_version=" + std::to_string(kSchemaVersion + 1)));
        }

        auto store = SpaceStore::open(path, key, {});

        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::TooNew);
        QVERIFY2(store.error().message.contains(QStringLiteral("newer version of Tandem")),
            qPrintable(store.error().message));
        QVERIFY2(store.error().message.contains(QStringLiteral("Update Tandem")),
            qPrintable(store.error().message));
    }

    void databaseFromNewerTandemIsNotTouched()
    {
        QTemporaryDir dir;
        const DataKey key = DataKey::generate();
        const QString path = dir.filePath(QStringLiteral("space.db"));
        {
            auto db = databaseAt(path, key, kSchemaVersion);
            TANDEM_VERIFY_OK(db);
            TANDEM_VERIFY_OK((*db)->exec("PRAGMA user_version=" + std::to_string(kSchemaVersion + 1)));
        }
        const auto before = fingerprint(dir.path());

        {
            auto store = SpaceStore::open(path, key, {});
            QVERIFY(!store);
        }

        const QString difference = fingerprintDifference(before, fingerprint(dir.path()));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QCOMPARE(userVersion(path, key).value(), qint64(kSchemaVersion + 1));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
