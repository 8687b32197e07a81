#include "options.h"

namespace tandem::server {

using namespace Qt::StringLiterals;

QString usage()
{
    return u"usage: tandem-server --listen HOST:PORT --data DIR [--demo] [--tls-cert FILE --tls-key FILE]\n"
           "                     [--limit NAME=VALUE]... [--edit-window-ms N] [--recall-window-ms N]\n"
           "                     [--mutation-rate N] [--no-presence] [--no-scheduled-send] [--no-urgent]\n"
           "                     [--clock-offset-ms N (tests only)]\n"
           "       tandem-server admin --data DIR <command> ...   (tandem-server admin --help)\n"
           "       tandem-server --version\n"_s;
}

namespace {

Result<qint64> number(const QString &option, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return Error::make(
            ErrorCode::Invalid, u"%1 needs an integer from %2 to %3"_s.arg(option).arg(min).arg(max));
    return v;
}

} // namespace

Result<ServerOptions> parseServerOptions(const QStringList &args)
{
    ServerOptions o;
    QJsonObject limits = o.limits.toJson();
    bool listen = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (a == u"--no-presence"_s) {
            o.presence = false;
            continue;
        }
        if (a == u"--no-scheduled-send"_s || a == u"--no-urgent"_s) {
            (a == u"--no-urgent"_s ? o.urgent : o.scheduledSend) = false;
            continue;
        }
        if (a == u"--demo"_s) {
            o.demo = true;
            continue;
        }
        const std::optional<QString> v = value();
        if (!v)
            return Error::make(ErrorCode::Invalid, u"%1 needs a value\n%2"_s.arg(a, usage()));
        if (a == u"--listen"_s) {
            const qsizetype colon = v->lastIndexOf(u':');
            if (colon <= 0)
                return Error::make(ErrorCode::Invalid, u"--listen needs HOST:PORT"_s);
            o.host = v->left(colon);
            if (o.host.startsWith(u'[') && o.host.endsWith(u']'))
                o.host = o.host.mid(1, o.host.size() - 2);
            auto port = number(a, v->mid(colon + 1), 0, 65535);
            if (!port)
                return port.error();
            o.port = quint16(*port);
            listen = true;
        } else if (a == u"--data"_s) {
            o.dataDir = *v;
        } else if (a == u"--tls-cert"_s) {
            o.tlsCert = *v;
        } else if (a == u"--tls-key"_s) {
            o.tlsKey = *v;
        } else if (a == u"--limit"_s) {
            const qsizetype eq = v->indexOf(u'=');
            const QString name = v->left(eq);
            if (eq <= 0 || !limits.contains(name))
                return Error::make(
                    ErrorCode::Invalid, u"--limit needs NAME=VALUE with a welcome.limits name"_s);
            auto n = number(a, v->mid(eq + 1), 0, (qint64(1) << 53) - 1);
            if (!n)
                return n.error();
            limits.insert(name, double(*n));
        } else if (a == u"--edit-window-ms"_s || a == u"--recall-window-ms"_s) {
            auto n = number(a, *v, 0, (qint64(1) << 53) - 1);
            if (!n)
                return n.error();
            (a == u"--edit-window-ms"_s ? o.policy.editWindowMs : o.policy.recallWindowMs) = *n;
        } else if (a == u"--mutation-rate"_s) {
            auto n = number(a, *v, 1, 1000000);
            if (!n)
                return n.error();
            o.mutationRate = int(*n);
        } else if (a == u"--clock-offset-ms"_s) {
            auto n = number(a, *v, -(qint64(1) << 40), qint64(1) << 40);
            if (!n)
                return n.error();
            o.clockOffsetMs = *n;
        } else {
            return Error::make(ErrorCode::Invalid, u"unknown option %1\n%2"_s.arg(a, usage()));
        }
    }
    if (!listen || o.dataDir.isEmpty())
        return Error::make(ErrorCode::Invalid, u"--listen and --data are required\n%1"_s.arg(usage()));
    if (o.tlsCert.isEmpty() != o.tlsKey.isEmpty())
        return Error::make(ErrorCode::Invalid, u"--tls-cert and --tls-key go together"_s);
    auto parsed = protocol::Limits::fromJson(limits);
    if (!parsed)
        return parsed.error();
    o.limits = *parsed;
    return o;
}

} // namespace tandem::server
