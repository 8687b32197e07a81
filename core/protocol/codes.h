// Stable names from docs/protocol.md: error codes (§10.2), WebSocket close codes (§2.5), frame types
// (§2.3). Spelled once here so that the server, the client and the tests cannot drift apart.
#pragma once

#include <QLatin1StringView>

namespace tandem::protocol {

inline constexpr int kVersion = 1;
inline constexpr QLatin1StringView kSubprotocol {"tandem"};

namespace close {
inline constexpr quint16 Normal = 1000;
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 Policy = 1008;
inline constexpr quint16 TooBig = 1009;
inline constexpr quint16 Internal = 1011;
inline constexpr quint16 Protocol = 4000;
inline constexpr quint16 Version = 4001;
inline constexpr quint16 Idle = 4002;
inline constexpr quint16 Flow = 4003;
inline constexpr quint16 Replaced = 4004;
} // namespace close

namespace code {
#define TANDEM_CODE(name) inline constexpr QLatin1StringView name {#name};
TANDEM_CODE(bad_frame)
TANDEM_CODE(unknown_frame_type)
TANDEM_CODE(unexpected_frame)
TANDEM_CODE(frame_too_big)
TANDEM_CODE(unsupported_version)
TANDEM_CODE(auth_failed)
TANDEM_CODE(token_invalid)
TANDEM_CODE(token_expired)
TANDEM_CODE(token_revoked)
TANDEM_CODE(device_revoked)
TANDEM_CODE(space_revoked)
TANDEM_CODE(rate_limited)
TANDEM_CODE(too_many_in_flight)
TANDEM_CODE(idle_timeout)
TANDEM_CODE(session_replaced)
TANDEM_CODE(internal_error)
TANDEM_CODE(server_shutdown)
TANDEM_CODE(not_found)
TANDEM_CODE(forbidden)
TANDEM_CODE(invalid_request)
TANDEM_CODE(snapshot_required)
TANDEM_CODE(snapshot_expired)
TANDEM_CODE(upload_offset)
TANDEM_CODE(hash_mismatch)
TANDEM_CODE(attachment_too_large)
TANDEM_CODE(quota_exceeded)
TANDEM_CODE(limit_exceeded)
TANDEM_CODE(id_conflict)
TANDEM_CODE(invalid_payload)
TANDEM_CODE(unknown_kind)
TANDEM_CODE(feature_not_supported)
TANDEM_CODE(mutation_id_reused)
TANDEM_CODE(body_too_long)
TANDEM_CODE(conversation_exists)
TANDEM_CODE(message_deleted)
TANDEM_CODE(window_closed)
TANDEM_CODE(urgent_not_allowed)
TANDEM_CODE(clock_skew)
TANDEM_CODE(state_conflict)
TANDEM_CODE(mutation_expired)
#undef TANDEM_CODE
} // namespace code

namespace frame {
#define TANDEM_FRAME(name) inline constexpr QLatin1StringView name {#name};
TANDEM_FRAME(login)
TANDEM_FRAME(login_result)
TANDEM_FRAME(hello)
TANDEM_FRAME(welcome)
TANDEM_FRAME(events)
TANDEM_FRAME(fetch)
TANDEM_FRAME(ack)
TANDEM_FRAME(snapshot)
TANDEM_FRAME(snapshot_page)
TANDEM_FRAME(history)
TANDEM_FRAME(history_page)
TANDEM_FRAME(mutate)
TANDEM_FRAME(result)
TANDEM_FRAME(upload_begin)
TANDEM_FRAME(upload_chunk)
TANDEM_FRAME(upload_state)
TANDEM_FRAME(download)
TANDEM_FRAME(download_chunk)
TANDEM_FRAME(ping)
TANDEM_FRAME(pong)
TANDEM_FRAME(slow_down)
TANDEM_FRAME(typing)
TANDEM_FRAME(error)
TANDEM_FRAME(logout)
#undef TANDEM_FRAME
} // namespace frame

// The close code that goes with a fatal error code (§2.5), or 0 when the code is never fatal.
quint16 closeCodeFor(QLatin1StringView errorCode);

} // namespace tandem::protocol
