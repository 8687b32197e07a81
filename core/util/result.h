// Errors as values: every fallible call in core returns a Result<T> carrying either a value or an
// Error with a stable code (for programs) and a sentence a person can act on (for people).
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace tandem {

enum class ErrorCode {
    Io, // a file could not be read or written
    NotFound, // the named thing does not exist
    AlreadyExists, // the named thing exists already
    WrongKey, // the passphrase or key does not open the data
    Corrupt, // the file is damaged or is not a Tandem file
    TooNew, // written by a newer Tandem than this one
    Invalid, // the input is malformed
    Database, // SQLite/SQLCipher reported an error
    Unavailable, // a needed service (keychain, network) is not there
    Cancelled,
};

struct [[nodiscard]] Error
{
    ErrorCode code = ErrorCode::Invalid;
    QString message;

    static Error make(ErrorCode c, QString m) { return Error {c, std::move(m)}; }
    // Stable machine-readable name of the code, for JSON output and logs.
    [[nodiscard]] QString codeName() const;
};

// A value or an Error. Small on purpose: C++20 has no std::expected.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    [[nodiscard]] const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Result of an operation with no value.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }
    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace tandem

// Propagates an error from an expression returning Result<...>.
#define TANDEM_TRY(expr)                                                                                     \
    do {                                                                                                     \
        auto &&tandem_try_result_ = (expr);                                                                  \
        if (!tandem_try_result_)                                                                             \
            return tandem_try_result_.error();                                                               \
    } while (false)
