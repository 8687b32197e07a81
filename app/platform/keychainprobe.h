// Whether an OS keychain is likely to answer, asked before a space is made with useKeychain: on Linux,
// whether the Secret Service (or KWallet) is on the session bus. Blocking (a D-Bus round trip): call it
// on a worker thread. TANDEM_NO_KEYCHAIN=1 says no (tests, headless machines).
#pragma once

namespace tandem::app {

[[nodiscard]] bool keychainLikelyAvailable();

} // namespace tandem::app
