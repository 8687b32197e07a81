#include "result.h"

namespace tandem {

QString Error::codeName() const
{
    switch (code) {
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already_exists");
    case ErrorCode::WrongKey:
        return QStringLiteral("wrong_key");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::TooNew:
        return QStringLiteral("too_new");
    case ErrorCode::Invalid:
        return QStringLiteral("invalid");
    case ErrorCode::Database:
        return QStringLiteral("database");
    case ErrorCode::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace tandem
