#include "appcontroller.h"

#include "spaceboundary.h"

#include "demoserver.h"
#include "futurewatch.h"
#include "keychainprobe.h"
#include "systemtheme.h"

#include "sync/spacesetup.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHostInfo>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <QSaveFile>
#include <QSysInfo>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcApp, "tandem.app")

using namespace Qt::StringLiterals;

namespace {

AppController *g_instance = nullptr;

const QString kStarting = u"starting"_s;
const QString kWelcome = u"welcome"_s;
const QString kUnlock = u"unlock"_s;
const QString kOpening = u"opening"_s;
const QString kReady = u"ready"_s;
const QString kError = u"error"_s;

QString demoMarkerPath(const QString &profileDir)
{
    return QDir(profileDir).filePath(u"demo.json"_s);
}

sync::LoginRequest desktopLogin(const QUrl &server, const QString &userName, const QString &password)
{
    sync::LoginRequest request;
    request.server = server;
    request.userName = userName;
    request.password = password;
    request.deviceName = u"Tandem on %1"_s.arg(QHostInfo::localHostName());
    request.devicePlatform = QSysInfo::productType();
    return request;
}

// Makes the demo's two spaces and marks the profile as the demo's (its passphrase is no secret).
Result<QList<store::SpaceEntry>> createDemoProfile(
    const QString &profileDir, const store::SyncAccount &work, const store::SyncAccount &personal)
{
    const QString passphrase = QString::fromLatin1(AppController::kDemoPassphrase);
    QList<store::SpaceEntry> entries;
    auto w = sync::createSyncedSpace(
        store::Profile(profileDir), u"Work"_s, store::SpaceKind::Work, passphrase, false, work);
    if (!w)
        return w.error();
    entries.append(*w);
    auto p = sync::createSyncedSpace(
        store::Profile(profileDir), u"Personal"_s, store::SpaceKind::Personal, passphrase, false, personal);
    if (!p)
        return p.error();
    entries.append(*p);
    QSaveFile marker(demoMarkerPath(profileDir));
    const QJsonObject json {{u"demo"_s, true}, {u"passphrase"_s, passphrase},
        {u"note"_s, u"The demo profile: its data is not secret, and this passphrase opens it."_s}};
    if (!marker.open(QIODevice::WriteOnly) || marker.write(QJsonDocument(json).toJson()) < 0
        || !marker.commit())
        return Error::make(
            ErrorCode::Io, u"Cannot write %1."_s.arg(QDir::toNativeSeparators(marker.fileName())));
    return entries;
}

} // namespace

AppController::AppController(StartOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_spaces(new SpaceListModel(this))
{
    Q_ASSERT(!g_instance);
    g_instance = this;
    qRegisterMetaType<tandem::app::IncomingMessage>();
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_theme = new SystemTheme(this);
        connect(m_theme, &SystemTheme::darkChanged, this, &AppController::systemDarkChanged);
    }
    connect(m_spaces, &SpaceListModel::totalsChanged, this, &AppController::totalUnreadCountChanged);
    m_profileDir = m_options.profileDirectory.isEmpty() ? store::Profile::defaultDirectory()
                                                        : m_options.profileDirectory;
    // After the constructor: QML binds to the states as they come.
    QTimer::singleShot(0, this, &AppController::begin);
}

AppController::~AppController()
{
    closeSpaces();
    g_instance = nullptr;
}

AppController *AppController::instance()
{
    return g_instance;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(g_instance);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

QString AppController::defaultDemoDirectory()
{
    return QDir::cleanPath(store::Profile::defaultDirectory() + u"/../demo"_s);
}

QString AppController::version() const
{
    return QStringLiteral(TANDEM_VERSION);
}

int AppController::totalUnreadCount() const
{
    // What the tray's dot counts: a work space off hours gives no tray alert, and in focus mode only
    // the open space counts.
    int total = 0;
    for (const SpaceSession *s : m_spaces->sessions()) {
        if (m_focusMode && s != currentSpace())
            continue;
        if (s->boundary() && s->boundary()->offHours())
            continue;
        total += s->unreadCount();
    }
    return total;
}

void AppController::setFocusMode(bool on)
{
    if (on == m_focusMode)
        return;
    m_focusMode = on;
    Q_EMIT focusModeChanged();
    Q_EMIT totalUnreadCountChanged();
}

bool AppController::systemDark() const
{
    return m_theme && m_theme->dark();
}

void AppController::begin()
{
    if (m_options.demo) {
        startDemo();
        return;
    }
    listSpacesThen([this](const Result<QList<store::SpaceEntry>> &spaces) {
        if (!spaces) {
            setError(spaces.error().message);
            setState(kError);
        } else if (spaces->isEmpty()) {
            setState(kWelcome);
        } else if (QFile::exists(demoMarkerPath(m_profileDir))) {
            // A demo profile: its server is started again, on a new port.
            startDemo();
        } else if (const QString env = qEnvironmentVariable("TANDEM_PASSPHRASE"); !env.isEmpty()) {
            setState(kUnlock);
            unlock(env);
        } else {
            setState(kUnlock);
        }
    });
}

void AppController::setState(const QString &state)
{
    if (state == m_state)
        return;
    qCInfo(lcApp) << "state" << m_state << "->" << state;
    m_state = state;
    if (state != kOpening)
        setBusy(QString());
    Q_EMIT stateChanged();
}

void AppController::setBusy(const QString &text)
{
    if (text == m_busyText)
        return;
    m_busyText = text;
    Q_EMIT busyTextChanged();
}

void AppController::setError(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void AppController::clearError()
{
    setError(QString());
}

void AppController::failBackTo(const QString &state, const QString &error)
{
    qCInfo(lcApp) << "failed; back to" << state;
    setError(error);
    setState(state == kStarting || state == kOpening ? kError : state);
}

void AppController::listSpacesThen(std::function<void(const Result<QList<store::SpaceEntry>> &)> next)
{
    const QString dir = m_profileDir;
    const quint64 generation = m_generation;
    whenFinished(this, QtConcurrent::run([dir] { return store::Profile(dir).spaces(); }),
        [this, generation, next = std::move(next)](const Result<QList<store::SpaceEntry>> &spaces) {
            if (generation == m_generation)
                next(spaces);
        });
}

void AppController::startDemo()
{
    if (m_state == kOpening)
        return;
    const QString returnState = m_state == kStarting ? kError : m_state == kReady ? kWelcome : m_state;
    closeSpaces();
    m_profileDir = m_options.profileDirectory.isEmpty() ? defaultDemoDirectory() : m_options.profileDirectory;
    m_demo = true;
    setError(QString());
    setState(kOpening);
    setBusy(tr("Starting the demo server…"));
    if (!m_demoServer)
        m_demoServer = new DemoServer(this);
    m_demoServer->disconnect(this);
    connect(m_demoServer, &DemoServer::ready, this, &AppController::demoServerReady);
    connect(m_demoServer, &DemoServer::failed, this,
        [this, returnState](const QString &reason) { failBackTo(returnState, reason); });
    if (m_demoServer->isRunning())
        demoServerReady(m_demoServer->url());
    else
        m_demoServer->start(QDir(m_profileDir).filePath(u"demo-server"_s));
}

void AppController::demoServerReady(const QUrl &url)
{
    if (m_state != kOpening)
        return;
    listSpacesThen([this, url](const Result<QList<store::SpaceEntry>> &spaces) {
        if (!spaces) {
            failBackTo(kError, spaces.error().message);
        } else if (spaces->isEmpty()) {
            createDemoSpaces(url);
        } else if (!QFile::exists(demoMarkerPath(m_profileDir))) {
            failBackTo(kError,
                tr("The folder %1 holds spaces that are not the demo's. Start the demo with another "
                   "--profile folder.")
                    .arg(QDir::toNativeSeparators(m_profileDir)));
        } else {
            setBusy(tr("Opening the demo spaces…"));
            openSpaces(*spaces, QString::fromLatin1(kDemoPassphrase), url);
        }
    });
}

void AppController::createDemoSpaces(const QUrl &url)
{
    setBusy(tr("Signing in to the demo as alice…"));
    struct Logins
    {
        std::optional<Result<store::SyncAccount>> work, personal;
    };
    auto logins = std::make_shared<Logins>();
    const quint64 generation = m_generation;
    auto bothDone = [this, logins, generation] {
        if (generation != m_generation || !logins->work || !logins->personal)
            return;
        for (const auto *r : {&*logins->work, &*logins->personal})
            if (!*r) {
                failBackTo(kError, r->error().message);
                return;
            }
        setBusy(tr("Setting up the demo spaces…"));
        const QString dir = m_profileDir;
        auto made
            = QtConcurrent::run([dir, work = logins->work->value(), personal = logins->personal->value()] {
                  return createDemoProfile(dir, work, personal);
              });
        whenFinished(this, made, [this, generation](const Result<QList<store::SpaceEntry>> &entries) {
            if (generation != m_generation)
                return;
            if (!entries)
                failBackTo(kError, entries.error().message);
            else
                openSpaces(*entries, QString::fromLatin1(kDemoPassphrase));
        });
    };
    const auto login = [&](const QString &serverSpace, const QString &kind, const QString &name) {
        sync::SpaceSetupRequest request;
        request.login = desktopLogin(url, u"alice"_s, u"demo"_s);
        request.kind = kind;
        request.localName = name;
        request.serverSpaceId = serverSpace;
        return sync::logInToServerSpace(request);
    };
    whenFinished(this, login(u"sp_demo_work"_s, u"work"_s, u"Work"_s),
        [logins, bothDone](const Result<store::SyncAccount> &r) {
            logins->work.emplace(r);
            bothDone();
        });
    whenFinished(this, login(u"sp_demo_personal"_s, u"personal"_s, u"Personal"_s),
        [logins, bothDone](const Result<store::SyncAccount> &r) {
            logins->personal.emplace(r);
            bothDone();
        });
}

void AppController::connectToServer(const QString &url, const QString &userName, const QString &password,
    const QString &kind, const QString &spaceName, const QString &passphrase)
{
    if (m_state == kOpening || m_state == kStarting)
        return;
    const QString returnState = m_spaces->count() > 0 ? kReady : m_state == kUnlock ? kUnlock : kWelcome;
    QString address = url.trimmed();
    if (!address.isEmpty() && !address.contains(u"://"_s))
        address.prepend(u"wss://"_s);
    const QUrl server(address, QUrl::StrictMode);
    const auto spaceKind = store::spaceKindFromName(kind);
    const QString phrase = passphrase.isEmpty() ? m_passphrase : passphrase;
    QString problem;
    if (!server.isValid() || server.host().isEmpty())
        problem = tr("Enter the server's address, like wss://chat.example.com.");
    else if (userName.trimmed().isEmpty())
        problem = tr("Enter your user name on %1.").arg(server.toString());
    else if (password.isEmpty())
        problem = tr("Enter your password.");
    else if (!spaceKind)
        problem = tr("Choose whether this is a work or a personal space.");
    else if (phrase.isEmpty())
        problem = tr("Choose a passphrase: it protects the messages kept on this computer.");
    if (!problem.isEmpty()) {
        setError(problem);
        return;
    }
    const QString name = spaceName.trimmed().isEmpty()
        ? (*spaceKind == store::SpaceKind::Work ? tr("Work") : tr("Personal"))
        : spaceName.trimmed();

    setError(QString());
    setState(kOpening);
    setBusy(tr("Signing in to %1…").arg(server.toString()));
    sync::SpaceSetupRequest request;
    request.login = desktopLogin(server, userName.trimmed(), password);
    request.kind = store::spaceKindName(*spaceKind);
    request.localName = name;
    const quint64 generation = m_generation;
    whenFinished(this, sync::logInToServerSpace(request),
        [this, generation, returnState, name, kindValue = *spaceKind, phrase](
            const Result<store::SyncAccount> &account) {
            if (generation != m_generation)
                return;
            if (!account) {
                failBackTo(returnState, account.error().message);
                return;
            }
            setBusy(tr("Setting up “%1”…").arg(name));
            const QString dir = m_profileDir;
            auto made = QtConcurrent::run([dir, name, kindValue, phrase, account = account.value()] {
                return sync::createSyncedSpace(
                    store::Profile(dir), name, kindValue, phrase, keychainLikelyAvailable(), account);
            });
            whenFinished(
                this, made, [this, generation, returnState, phrase](const Result<store::SpaceEntry> &entry) {
                    if (generation != m_generation)
                        return;
                    if (!entry) {
                        failBackTo(returnState, entry.error().message);
                        return;
                    }
                    if (m_spaces->count() > 0) {
                        openSpaces({*entry}, phrase);
                        return;
                    }
                    // The profile's other spaces (if it was locked) open with it.
                    listSpacesThen([this, returnState, phrase](const Result<QList<store::SpaceEntry>> &all) {
                        if (!all)
                            failBackTo(returnState, all.error().message);
                        else
                            openSpaces(*all, phrase);
                    });
                });
        });
}

void AppController::unlock(const QString &passphrase)
{
    if (m_state != kUnlock && m_state != kError)
        return;
    if (passphrase.isEmpty()) {
        setError(tr("Enter your passphrase."));
        return;
    }
    setError(QString());
    setState(kOpening);
    setBusy(tr("Unlocking your spaces…"));
    listSpacesThen([this, passphrase](const Result<QList<store::SpaceEntry>> &spaces) {
        if (!spaces)
            failBackTo(kError, spaces.error().message);
        else
            openSpaces(*spaces, passphrase);
    });
}

void AppController::openSpaces(
    const QList<store::SpaceEntry> &entries, const QString &passphrase, const QUrl &serverUrl)
{
    Opening opening;
    opening.returnState = m_spaces->count() > 0 ? kReady : m_demo ? kError : kUnlock;
    for (const store::SpaceEntry &entry : entries) {
        if (std::any_of(m_spaces->sessions().cbegin(), m_spaces->sessions().cend(),
                [&](const SpaceSession *s) { return s->spaceId() == entry.meta.id; }))
            continue;
        auto *session = new SpaceSession(m_profileDir, entry, this);
        opening.pending.append(session);
    }
    m_passphrase = passphrase;
    m_opening = std::move(opening);
    if (m_opening->pending.isEmpty()) {
        m_opening.reset();
        setState(m_spaces->count() > 0 ? kReady : kWelcome);
        return;
    }
    const QList<SpaceSession *> pending = m_opening->pending;
    for (SpaceSession *session : pending) {
        connect(
            session, &SpaceSession::opened, this, [this, session] { sessionSettled(session, std::nullopt); });
        connect(session, &SpaceSession::openFailed, this,
            [this, session](const Error &error) { sessionSettled(session, error); });
        session->open(passphrase, serverUrl);
    }
}

void AppController::sessionSettled(SpaceSession *session, const std::optional<Error> &error)
{
    if (!m_opening || !m_opening->pending.contains(session))
        return;
    m_opening->pending.removeOne(session);
    if (error) {
        if (!m_opening->firstError)
            m_opening->firstError = error;
        m_opening->wrongPassphrase |= error->code == ErrorCode::WrongKey;
        session->deleteLater();
    } else {
        m_opening->opened.append(session);
    }
    if (!m_opening->pending.isEmpty())
        return;
    Opening done = std::move(*m_opening);
    m_opening.reset();
    if (done.wrongPassphrase) {
        qDeleteAll(done.opened);
        m_passphrase = m_spaces->count() > 0 ? m_passphrase : QString();
        failBackTo(
            done.returnState, tr("That passphrase does not open your spaces. Check it and try again."));
        return;
    }
    if (done.opened.isEmpty()) {
        failBackTo(
            done.returnState, done.firstError ? done.firstError->message : tr("No space could be opened."));
        return;
    }
    std::sort(done.opened.begin(), done.opened.end(), [](const SpaceSession *a, const SpaceSession *b) {
        return a->kind() != b->kind() ? a->kind() == u"work" : a->name() < b->name();
    });
    const bool first = m_spaces->count() == 0;
    for (SpaceSession *s : std::as_const(done.opened)) {
        connect(s, &SpaceSession::messagesArrived, this, &AppController::messagesArrived);
        if (s->boundary()) // the tray's dot follows the space's hours
            connect(s->boundary(), &SpaceBoundaryController::stateChanged, this,
                &AppController::totalUnreadCountChanged);
        m_spaces->append(s);
    }
    if (done.firstError)
        setError(tr("Some spaces could not be opened: %1").arg(done.firstError->message));
    // A space added to open ones comes to the front; at the start, the first one does.
    switchSpace(first ? 0 : m_spaces->count() - 1);
    setState(kReady);
}

void AppController::switchSpace(int index)
{
    if (index < 0 || index >= m_spaces->count() || index == m_currentIndex)
        return;
    m_currentIndex = index;
    Q_EMIT currentSpaceChanged();
    if (m_focusMode)
        Q_EMIT totalUnreadCountChanged();
}

void AppController::closeSpaces()
{
    ++m_generation;
    if (m_opening) {
        qDeleteAll(m_opening->pending);
        m_opening.reset();
    }
    const QList<SpaceSession *> sessions = m_spaces->sessions();
    m_spaces->clear();
    if (m_currentIndex != -1) {
        m_currentIndex = -1;
        Q_EMIT currentSpaceChanged();
    }
    qDeleteAll(sessions);
}

} // namespace tandem::app
