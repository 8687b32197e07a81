#include "admin.h"

#include "accounts.h"
#include "benchseed.h"
#include "sqlitestore.h"

#include "approvals/approvaladmin.h"
#include "boundary/handover.h"

#include <QDir>
#include <QJsonDocument>
#include <QTextStream>

namespace tandem::server {

using namespace Qt::StringLiterals;

namespace {

QString adminUsage()
{
    return u"usage: tandem-server admin --data DIR <command> ...\n"
           "  create-org ID NAME\n"
           "  create-space ID NAME --kind work|personal [--org ORG]\n"
           "  create-user ID USER_NAME [--display-name NAME] [--org ORG] [--manager USER_ID] [--time-zone "
           "TZ] [--bot]\n"
           "  add-to-space SPACE_ID USER_ID\n"
           "  reset-password USER_ID\n"
           "  revoke-device DEVICE_ID\n"
           "  list-devices USER_ID\n"
           "  deactivate-user USER_ID\n"
           "  list-users\n"
           "  seed-bench [--load-users N] [--devices-per-user N] [--messages N] [--conversations N]\n"
           "      fills an empty data directory for `tandemctl bench sync` and prints what it made as JSON\n"
           "  handover --from USER_ID --to USER_ID [--conversation ID]... [--space SPACE_ID]\n"
           "      hands USER's external conversations (or those named) to the successor\n"
           "Passwords come from the environment variable TANDEM_PASSWORD, never from the command line.\n"_s
        + approvals::approvalAdminUsage();
}

// Splits "--name value" options from positional arguments.
struct Parsed
{
    QStringList positional;
    QHash<QString, QString> options;
    QSet<QString> flags;
};

Parsed split(const QStringList &args)
{
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--bot"_s)
            p.flags.insert(args[i]);
        else if (args[i].startsWith(u"--"_s) && i + 1 < args.size()) {
            p.options.insert(args[i], args[i + 1]);
            ++i;
        } else
            p.positional << args[i];
    }
    return p;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "tandem-server admin: " << message << '\n';
    return 1;
}

int check(const Status &s)
{
    return s ? 0 : fail(s.error().message);
}

} // namespace

int runAdmin(const QStringList &all)
{
    Parsed p = split(all);
    const QString data = p.options.value(u"--data"_s);
    if (data.isEmpty() || p.positional.isEmpty())
        return fail(adminUsage());
    const QString command = p.positional.takeFirst();
    const QStringList &a = p.positional;
    QDir().mkpath(data);
    auto store = SqliteStore::open(data + u"/server.db"_s);
    if (!store)
        return fail(store.error().message);
    Accounts accounts(**store);
    QTextStream out(stdout);
    const QString password = qEnvironmentVariable("TANDEM_PASSWORD");

    if (command == u"create-org"_s && a.size() == 2)
        return check(accounts.createOrganisation(a[0], a[1]));
    if (command == u"create-space"_s && a.size() == 2) {
        const QString kind = p.options.value(u"--kind"_s, u"work"_s);
        if (kind != u"work"_s && kind != u"personal"_s)
            return fail(u"--kind is work or personal"_s);
        return check(accounts.createSpace(a[0], a[1], kind, p.options.value(u"--org"_s)));
    }
    if (command == u"create-user"_s && a.size() == 2) {
        UserRow row;
        row.id = a[0];
        row.userName = a[1];
        row.displayName = p.options.value(u"--display-name"_s);
        row.organisationId = p.options.value(u"--org"_s);
        row.managerId = p.options.value(u"--manager"_s);
        row.timeZone = p.options.value(u"--time-zone"_s);
        row.bot = p.flags.contains(u"--bot"_s);
        return check(accounts.createUser(row, password));
    }
    if (command == u"add-to-space"_s && a.size() == 2)
        return check(accounts.addToSpace(a[0], a[1]));
    if (command == u"reset-password"_s && a.size() == 1) {
        if (password.isEmpty())
            return fail(u"set TANDEM_PASSWORD to the new password"_s);
        return check(accounts.resetPassword(a[0], password));
    }
    if (command == u"revoke-device"_s && a.size() == 1)
        return check(accounts.revokeDevice(a[0]));
    if (command == u"deactivate-user"_s && a.size() == 1)
        return check(accounts.deactivateUser(a[0]));
    if (command == u"list-devices"_s && a.size() == 1) {
        auto devices = (*store)->devicesOfUser(a[0]);
        if (!devices)
            return fail(devices.error().message);
        for (const DeviceRow &d : *devices)
            out << d.id << '\t' << d.name << '\t' << d.platform << '\t'
                << (d.revokedAt > 0 ? u"revoked"_s : u"active"_s) << '\n';
        return 0;
    }
    if (command == u"seed-bench"_s && a.isEmpty()) {
        BenchSeedOptions options;
        for (const auto &[flag, field] : {std::pair {u"--load-users"_s, &BenchSeedOptions::loadUsers},
                 std::pair {u"--devices-per-user"_s, &BenchSeedOptions::devicesPerUser},
                 std::pair {u"--messages"_s, &BenchSeedOptions::historyMessages},
                 std::pair {u"--conversations"_s, &BenchSeedOptions::historyConversations}}) {
            if (!p.options.contains(flag))
                continue;
            bool ok = false;
            const int v = p.options.value(flag).toInt(&ok);
            if (!ok || v < 1 || v > 10000000)
                return fail(u"%1 takes a whole number from 1 to 10000000"_s.arg(flag));
            options.*field = v;
        }
        auto seeded = seedBench(**store, options);
        if (!seeded)
            return fail(seeded.error().message);
        out << QJsonDocument(*seeded).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    if (command == u"list-users"_s && a.isEmpty()) {
        auto users = (*store)->users();
        if (!users)
            return fail(users.error().message);
        for (const UserRow &u : *users)
            out << u.id << '\t' << u.userName << '\t' << u.displayName << '\t' << u.organisationId << '\t'
                << (u.deactivated ? u"deactivated"_s : u"active"_s) << '\n';
        return 0;
    }
    if (command == u"handover"_s)
        return boundary::runHandoverAdmin(**store, all);
    if (auto code = approvals::runApprovalAdmin(**store, command, a))
        return *code;
    return fail(adminUsage());
}

} // namespace tandem::server
