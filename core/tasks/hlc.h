// The hybrid logical clock of docs/protocol.md §11.2: timestamps "<13-digit ms>-<5-digit counter>-<device>"
// that order writes of a task's fields across devices. Their string form compares as bytes in the same
// order as the clock, so the merge rule needs no parsing; parsing is for the clock itself and for the
// server's checks (device, skew).
#pragma once

#include <QString>

#include <optional>

namespace tandem::tasks {

inline constexpr int kHlcCounterMax = 99999;
// The server refuses a timestamp whose physical part is further ahead of its clock than this (§11.2).
inline constexpr qint64 kHlcMaxSkewMs = 300000;
// The device id the server writes its own changes with; no device is ever given it.
inline constexpr QLatin1StringView kServerDeviceId("_server");

struct Hlc
{
    qint64 physical = 0; // ms since the epoch, 0 .. 9999999999999
    int counter = 0; // 0 .. 99999
    QString deviceId;

    // The byte-comparable form "<physical:13>-<counter:5>-<device_id>".
    [[nodiscard]] QString toString() const;
    // std::nullopt when `s` is not exactly the form above with a valid device id (protocol §1.2).
    [[nodiscard]] static std::optional<Hlc> parse(const QString &s);

    bool operator==(const Hlc &) const = default;
};

// A device's clock state (l, c): the physical part and counter of the last timestamp it issued or saw.
struct HlcClock
{
    qint64 physical = 0;
    int counter = 0;

    // A timestamp for a local write at physical time `now` (already corrected by the server offset).
    [[nodiscard]] Hlc issue(qint64 now, const QString &deviceId);
    // Takes in a timestamp seen in an event or record at physical time `now`.
    void receive(const Hlc &seen, qint64 now);

    // The form kept in the space's database ("<physical>-<counter>"), and back (a bad one reads as zero).
    [[nodiscard]] QString toState() const;
    [[nodiscard]] static HlcClock fromState(const QString &s);

    bool operator==(const HlcClock &) const = default;
};

// The merge rule of §11.2 for one field: does a write stamped `incoming` replace the value held with
// `held`? Byte comparison; an empty `held` (never written) loses to any timestamp.
[[nodiscard]] inline bool hlcWins(const QString &incoming, const QString &held)
{
    return incoming.compare(held, Qt::CaseSensitive) > 0;
}

// The server's skew check (§11.2): the physical part is more than kHlcMaxSkewMs ahead of `serverNow`.
[[nodiscard]] inline bool hlcTooFarAhead(const Hlc &h, qint64 serverNow)
{
    return h.physical - serverNow > kHlcMaxSkewMs;
}

} // namespace tandem::tasks
