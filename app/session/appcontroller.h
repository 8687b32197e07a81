// The app's root object, seen from QML as the singleton `App`: it owns the profile and its open
// spaces, runs the first-start flow (connect to a server, or try the demo on a local tandem-server),
// and says which space is in front. Everything slow (key derivation, SQL, network) runs on the
// spaces' own threads or a worker; this object only holds state and forwards requests.
//
// States: "starting" → "welcome" (no space yet) | "unlock" (a passphrase is needed) | "opening" →
// "ready" | "error". A failed sign-in or a wrong passphrase returns to the state the form was shown in,
// with `errorText` saying what happened and what to do.
#pragma once

#include "platform/notifier.h"
#include "session/spacelistmodel.h"
#include "session/spacesession.h"

#include "store/profile.h"
#include "store/syncstate.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace tandem::app {

class DemoServer;
class SystemTheme;

// What main() read from the command line.
struct StartOptions
{
    QString profileDirectory; // empty: the platform's default
    bool demo = false; // --demo: start (or reuse) the demo profile on a local tandem-server --demo
};

class AppController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyTextChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(tandem::app::SpaceListModel *spaces READ spaces CONSTANT)
    Q_PROPERTY(tandem::app::SpaceSession *currentSpace READ currentSpace NOTIFY currentSpaceChanged)
    Q_PROPERTY(int currentSpaceIndex READ currentSpaceIndex WRITE switchSpace NOTIFY currentSpaceChanged)
    Q_PROPERTY(int totalUnreadCount READ totalUnreadCount NOTIFY totalUnreadCountChanged)
    Q_PROPERTY(bool systemDark READ systemDark NOTIFY systemDarkChanged)
    Q_PROPERTY(bool demo READ isDemo NOTIFY stateChanged)
    Q_PROPERTY(QString profileDirectory READ profileDirectory NOTIFY stateChanged)
    // Focus mode: only the open space is shown; the others' badges and notifications wait until it is
    // switched off or they are switched to.
    Q_PROPERTY(bool focusMode READ focusMode WRITE setFocusMode NOTIFY focusModeChanged)

public:
    explicit AppController(StartOptions options, QObject *parent = nullptr);
    ~AppController() override;

    // The one instance main() made; QML's `App` is this object (the engine does not own it).
    static AppController *instance();
    static AppController *create(QQmlEngine *, QJSEngine *);

    // The demo's profile folder when no --profile is given: "demo" beside the default profile.
    static QString defaultDemoDirectory();
    static constexpr const char *kDemoPassphrase = "demo";

    [[nodiscard]] QString version() const;
    [[nodiscard]] const StartOptions &options() const { return m_options; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString busyText() const { return m_busyText; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] SpaceListModel *spaces() const { return m_spaces; }
    [[nodiscard]] SpaceSession *currentSpace() const { return m_spaces->at(m_currentIndex); }
    [[nodiscard]] int currentSpaceIndex() const { return m_currentIndex; }
    [[nodiscard]] int totalUnreadCount() const;
    [[nodiscard]] bool systemDark() const;
    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] QString profileDirectory() const { return m_profileDir; }
    [[nodiscard]] bool focusMode() const { return m_focusMode; }
    void setFocusMode(bool on);

    // Starts (or reopens) the demo: a local tandem-server --demo, spaces Work and Personal as alice.
    Q_INVOKABLE void startDemo();
    // Signs in to `url` as `userName` and makes a local space of `kind` ("work" or "personal") named
    // `spaceName` syncing the account's space of that kind. `passphrase` protects the profile (the
    // profile's own passphrase when spaces exist; may be empty once they are unlocked).
    Q_INVOKABLE void connectToServer(const QString &url, const QString &userName, const QString &password,
        const QString &kind, const QString &spaceName, const QString &passphrase);
    Q_INVOKABLE void unlock(const QString &passphrase);
    Q_INVOKABLE void switchSpace(int index);
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void stateChanged();
    void busyTextChanged();
    void errorTextChanged();
    void currentSpaceChanged();
    void totalUnreadCountChanged();
    void systemDarkChanged();
    void focusModeChanged();
    // New messages from others in any open space (DesktopIntegration decides what notifies).
    void messagesArrived(const QList<tandem::app::IncomingMessage> &messages);

private:
    void begin();
    void setState(const QString &state);
    void setBusy(const QString &text);
    void setError(const QString &text);
    // Back to the form the user came from, with the error.
    void failBackTo(const QString &state, const QString &error);

    void listSpacesThen(std::function<void(const Result<QList<store::SpaceEntry>> &)> next);
    void openSpaces(
        const QList<store::SpaceEntry> &entries, const QString &passphrase, const QUrl &serverUrl = {});
    void sessionSettled(SpaceSession *session, const std::optional<Error> &error);
    void closeSpaces();
    void demoServerReady(const QUrl &url);
    void createDemoSpaces(const QUrl &url);

    StartOptions m_options;
    QString m_profileDir;
    QString m_state = QStringLiteral("starting");
    QString m_busyText;
    QString m_errorText;
    SpaceListModel *m_spaces;
    int m_currentIndex = -1;
    QString m_passphrase; // of the open profile, for spaces added later and for the sync's wipes
    bool m_demo = false;
    bool m_focusMode = false;
    DemoServer *m_demoServer = nullptr;
    SystemTheme *m_theme = nullptr;

    // Spaces being opened: they join the list once all have answered.
    struct Opening
    {
        QList<SpaceSession *> pending;
        QList<SpaceSession *> opened;
        std::optional<Error> firstError;
        bool wrongPassphrase = false;
        QString returnState;
    };
    std::optional<Opening> m_opening;
    quint64 m_generation = 0; // bumped when spaces close, so late answers are ignored
};

} // namespace tandem::app
