#include "codes.h"

namespace tandem::protocol {

quint16 closeCodeFor(QLatin1StringView c)
{
    if (c == code::bad_frame || c == code::unexpected_frame)
        return close::Protocol;
    if (c == code::frame_too_big)
        return close::TooBig;
    if (c == code::unsupported_version)
        return close::Version;
    if (c == code::token_invalid || c == code::token_expired || c == code::token_revoked
        || c == code::device_revoked || c == code::auth_failed || c == code::space_revoked)
        return close::Policy;
    if (c == code::too_many_in_flight || c == code::rate_limited)
        return close::Flow;
    if (c == code::idle_timeout)
        return close::Idle;
    if (c == code::session_replaced)
        return close::Replaced;
    if (c == code::internal_error)
        return close::Internal;
    if (c == code::server_shutdown)
        return close::GoingAway;
    return 0;
}

} // namespace tandem::protocol
