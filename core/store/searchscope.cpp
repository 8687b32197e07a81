#include "searchscope.h"

#include <sqlite3.h>

#include <QDateTime>
#include <QStringList>

namespace tandem::store {

namespace {

constexpr int kMaxWindowMonths = 36; // how far past an open range's bound the exclusion reaches
constexpr int kMaxDateTokens = 100; // a few partial months of days plus whole months

quint64 fnv1a(const QString &s)
{
    quint64 h = 14695981039346656037ull;
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

QString monthToken(const QDate &d)
{
    return QStringLiteral("m%1%2")
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(d.month(), 2, 10, QLatin1Char('0'));
}

QString dayToken(const QDate &d)
{
    return QStringLiteral("d%1%2%3")
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(d.month(), 2, 10, QLatin1Char('0'))
        .arg(d.day(), 2, 10, QLatin1Char('0'));
}

QDate utcDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date(); // QTimeZone::UTC is Qt 6.5+
}

void scopeFunction(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc != 3) {
        sqlite3_result_error(ctx, "tandem_search_scope takes 3 arguments", -1);
        return;
    }
    auto text = [&](int i) {
        const auto *p = reinterpret_cast<const char *>(sqlite3_value_text(argv[i]));
        return p ? QString::fromUtf8(p, sqlite3_value_bytes(argv[i])) : QString();
    };
    const QByteArray scope = searchScope(text(0), text(1), sqlite3_value_int64(argv[2])).toUtf8();
    sqlite3_result_text(ctx, scope.constData(), int(scope.size()), SQLITE_TRANSIENT);
}

} // namespace

QString conversationScopeToken(const QString &conversationId)
{
    return u'c' + QString::number(fnv1a(conversationId), 36);
}

QString senderScopeToken(const QString &senderId)
{
    return u's' + QString::number(fnv1a(senderId), 36);
}

QString searchScope(const QString &conversationId, const QString &senderId, qint64 createdAtMs)
{
    const QDate day = utcDate(createdAtMs);
    return conversationScopeToken(conversationId) + u' ' + senderScopeToken(senderId) + u' ' + monthToken(day)
        + u' ' + dayToken(day);
}

DateFilter dateScopeFilter(qint64 fromMs, qint64 toMs)
{
    const auto firstOfMonth = [](const QDate &d) { return QDate(d.year(), d.month(), 1); };
    // Tokens for the days [first, last] of one month, or the whole month's token when they cover it.
    const auto span = [](const QDate &first, const QDate &last, QStringList &tokens) {
        if (first.day() == 1 && last.day() == last.daysInMonth()) {
            tokens << monthToken(first);
            return;
        }
        for (QDate d = first; d <= last; d = d.addDays(1))
            tokens << dayToken(d);
    };
    // Every day from `first` to `last`, as whole months where it can; empty when it would be too many.
    const auto cover = [&](const QDate &first, const QDate &last) {
        QStringList tokens;
        for (QDate m = firstOfMonth(first); m <= last; m = m.addMonths(1)) {
            const QDate from = std::max(m, first);
            const QDate to = std::min(m.addMonths(1).addDays(-1), last);
            span(from, to, tokens);
            if (tokens.size() > kMaxDateTokens)
                return QString();
        }
        return tokens.join(QStringLiteral(" OR "));
    };
    DateFilter filter;
    const bool hasFrom = fromMs > 0;
    const bool hasTo = toMs > 0;
    if (hasFrom && hasTo) {
        if (toMs > fromMs)
            filter.include = cover(utcDate(fromMs), utcDate(toMs - 1));
    } else if (hasTo) {
        // Open at the start: leave out the days after the end, for a bounded window (anything later still
        // meets the exact test).
        const QDate last = utcDate(toMs - 1);
        filter.exclude = cover(last.addDays(1), firstOfMonth(last).addMonths(kMaxWindowMonths).addDays(-1));
    } else if (hasFrom) {
        const QDate first = utcDate(fromMs);
        filter.exclude = cover(firstOfMonth(first).addMonths(-kMaxWindowMonths), first.addDays(-1));
    }
    return filter;
}

Status registerSearchScopeFunction(sqlite3 *db)
{
    const int rc = sqlite3_create_function_v2(db, "tandem_search_scope", 3,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, scopeFunction, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return Error::make(ErrorCode::Database, QStringLiteral("Cannot register the search scope function."));
    return {};
}

} // namespace tandem::store
