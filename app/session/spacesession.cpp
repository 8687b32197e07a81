#include "spacesession.h"

#include "arrivals.h"
#include "conversationcontroller.h"
#include "conversationlistmodel.h"
#include "digestmodel.h"
#include "files/attachmentsources.h"
#include "files/attachmenttransfers.h"
#include "futurewatch.h"
#include "offdutyreporter.h"
#include "searchmodel.h"
#include "spaceboundary.h"
#include "urgentreminder.h"

#include "store/storethread.h"
#include "sync/spacesync.h"

#include <QDateTime>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcSession, "tandem.app.session")

using namespace Qt::StringLiterals;

namespace {

constexpr int kRefreshDelayMs = 120; // store changes come in bursts while syncing
constexpr qint64 kArrivalWindowMs = 10 * 60 * 1000; // older messages are history, not news
constexpr int kMaxArrivals = 20;

QString syncStateName(sync::SyncState state)
{
    switch (state) {
    case sync::SyncState::Idle:
        return u"idle"_s;
    case sync::SyncState::Connecting:
        return u"connecting"_s;
    case sync::SyncState::Ready:
        return u"ready"_s;
    case sync::SyncState::Offline:
        return u"offline"_s;
    case sync::SyncState::NeedsLogin:
        return u"needs_login"_s;
    case sync::SyncState::Stopped:
        return u"stopped"_s;
    }
    return u"idle"_s;
}

QString defaultSyncText(sync::SyncState state, const QString &server)
{
    switch (state) {
    case sync::SyncState::Idle:
        return QString();
    case sync::SyncState::Connecting:
        return SpaceSession::tr("Connecting to %1…").arg(server);
    case sync::SyncState::Ready:
        return SpaceSession::tr("Up to date.");
    case sync::SyncState::Offline:
        return SpaceSession::tr(
            "Offline: cannot reach %1. Messages you send wait here and go out once it is back.")
            .arg(server);
    case sync::SyncState::NeedsLogin:
        return SpaceSession::tr("Sign in again to keep this space in sync.");
    case sync::SyncState::Stopped:
        return SpaceSession::tr("Sync stopped.");
    }
    return QString();
}

struct Refresh
{
    int unread = 0;
    int mentions = 0;
    qint64 maxRowid = 0;
    QList<IncomingMessage> arrivals;
    std::optional<QHash<QString, QString>> names;
};

Result<QHash<QString, QString>> readNames(store::SpaceStore &s)
{
    auto st = s.db().prepare("SELECT id, user_name, display_name FROM users");
    if (!st)
        return st.error();
    QHash<QString, QString> names;
    TANDEM_TRY(st->forEachRow([&](const store::Statement &r) {
        const QString display = r.text(2);
        names.insert(r.text(0), display.isEmpty() ? r.text(1) : display);
    }));
    return names;
}

} // namespace

struct SpaceSession::Opening
{
    std::unique_ptr<store::SpaceStore> store;
    store::DataKey key;
};

SpaceSession::SpaceSession(const QString &profileDirectory, store::SpaceEntry entry, QObject *parent)
    : QObject(parent)
    , m_profileDirectory(profileDirectory)
    , m_entry(std::move(entry))
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &SpaceSession::refreshTotals);
}

SpaceSession::~SpaceSession()
{
    // Previews stop reading the store first; then views (they hold the store and the engine; an old
    // conversation may still wait for its deleteLater), then the engine, then the store.
    if (m_store)
        AttachmentSources::instance().remove(m_entry.meta.id);
    qDeleteAll(findChildren<QObject *>(QString(), Qt::FindDirectChildrenOnly));
    m_sync.reset();
    m_store.reset();
}

QString SpaceSession::displayName() const
{
    const QString name = m_names.value(m_account.userId);
    return name.isEmpty() ? m_account.userName : name;
}

QString SpaceSession::editLook(const QString &name, const QString &accent, const QString &icon)
{
    store::Profile profile(m_profileDirectory);
    auto changed = profile.setSpaceLook(m_entry, {name, accent, icon});
    if (!changed)
        return changed.error().message;
    m_entry = *changed;
    Q_EMIT lookChanged();
    return {};
}

void SpaceSession::open(const QString &passphrase, const QUrl &serverUrl)
{
    if (m_open || m_opening)
        return;
    m_opening = std::make_shared<Opening>();
    const store::Profile profile(m_profileDirectory);
    const store::SpaceEntry entry = m_entry;
    // The key derivation (deliberately slow) and the database's first pages, on a worker thread.
    auto future = QtConcurrent::run([profile, entry, passphrase, opening = m_opening]() -> Status {
        auto key = profile.unlockKey(entry, passphrase);
        if (!key)
            return key.error();
        auto opened = store::SpaceStore::open(
            entry.databasePath(), *key, {.cacheKiB = store::SpaceStore::kInteractiveCacheKiB});
        if (!opened)
            return opened.error().code == ErrorCode::WrongKey ? Error::make(ErrorCode::Corrupt,
                       u"The database of space \"%1\" is damaged or was replaced."_s.arg(entry.meta.name))
                                                              : opened.error();
        opening->store = std::move(*opened);
        opening->key = *key;
        return {};
    });
    whenFinished(this, future, [this, serverUrl, passphrase](const Status &status) {
        if (!status) {
            m_opening.reset();
            qCWarning(lcSession) << "cannot open space" << m_entry.meta.id << status.error().codeName();
            Q_EMIT openFailed(status.error());
            return;
        }
        adoptOpened(serverUrl, passphrase);
    });
}

void SpaceSession::adoptOpened(const QUrl &serverUrl, const QString &passphrase)
{
    std::shared_ptr<Opening> opening = std::move(m_opening);
    m_store = std::make_unique<store::StoreThread>();
    // Jobs run in order, so the reads below need not wait for the adoption.
    (void)m_store->adopt(std::move(opening->store));
    m_files = std::make_shared<store::FileCache>(m_entry.directory + u"/files"_s, opening->key);
    AttachmentSources::instance().add(
        m_entry.meta.id, std::make_shared<AttachmentSource>(m_store.get(), m_files));
    connect(m_store.get(), &store::StoreThread::changed, this, &SpaceSession::onStoreChanged);

    if (serverUrl.isValid()) {
        const QString url = serverUrl.toString();
        (void)m_store->write<bool>([url](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
            auto account = store::loadSyncAccount(s.db());
            if (!account)
                return account.error();
            if (!account->isConfigured() || account->serverUrl == url)
                return false;
            account->serverUrl = url;
            TANDEM_TRY(store::saveSyncAccount(s.db(), *account));
            return true;
        });
    }
    struct Start
    {
        store::SyncAccount account;
        QHash<QString, QString> names;
        qint64 maxRowid = 0;
    };
    auto read = m_store->read<Start>([](store::SpaceStore &s) -> Result<Start> {
        Start start;
        auto account = store::loadSyncAccount(s.db());
        if (!account)
            return account.error();
        start.account = *account;
        auto names = readNames(s);
        if (!names)
            return names.error();
        start.names = std::move(*names);
        auto st = s.db().prepare("SELECT coalesce(max(rowid), 0) FROM messages");
        if (!st)
            return st.error();
        TANDEM_TRY(st->forEachRow([&](const store::Statement &r) { start.maxRowid = r.int64(0); }));
        return start;
    });
    whenFinished(this, read, [this, passphrase](const Result<Start> &start) {
        if (!start) {
            Q_EMIT openFailed(start.error());
            return;
        }
        m_account = start->account;
        m_names = start->names;
        m_seenRowid = start->maxRowid;
        Q_EMIT accountChanged();
        finishOpening(passphrase);
    });
}

void SpaceSession::finishOpening(const QString &passphrase)
{
    if (m_account.isConfigured())
        startSync(passphrase);
    else
        setSync(u"local"_s, tr("This space is kept on this computer only."));
    m_conversations = new ConversationListModel(m_store.get(), m_sync.get(), m_account.userId, this);
    m_search = new SearchModel(m_store.get(), this);
    m_transfers = new AttachmentTransfers(m_entry.meta.id, m_sync.get(), this);
    setUpBoundary();
    Q_EMIT modelsChanged();
    m_open = true;
    refreshTotals();
    qCInfo(lcSession) << "space open" << m_entry.meta.id << m_syncState;
    Q_EMIT opened();
}

void SpaceSession::startSync(const QString &passphrase)
{
    sync::SyncConfig config;
    config.deviceName = u"Tandem on %1"_s.arg(QHostInfo::localHostName());
    config.devicePlatform = QSysInfo::productType();
    config.profileDirectory = m_profileDirectory;
    config.passphrase = passphrase;
    config.localSpaceId = m_entry.meta.id;
    config.files = m_files;
    m_sync = std::make_unique<sync::SpaceSync>(m_store.get(), config);
    connect(m_sync.get(), &sync::SpaceSync::statusChanged, this, &SpaceSession::setSyncStatus);
    connect(m_sync.get(), &sync::SpaceSync::settled, this, [this] {
        if (!m_settledOnce && !m_armRequested) {
            // The next read moves the notification mark past the first sync's history; after it,
            // new messages are news.
            m_armRequested = true;
            refreshTotals();
        }
    });
    setSyncStatus(sync::SyncStatus {sync::SyncState::Connecting, {}, {}});
    m_sync->start();
}

void SpaceSession::setSyncStatus(const sync::SyncStatus &status)
{
    const QString text
        = status.reason.isEmpty() ? defaultSyncText(status.state, m_account.serverUrl) : status.reason;
    setSync(syncStateName(status.state), text);
}

void SpaceSession::setSync(const QString &state, const QString &text)
{
    if (state == m_syncState && text == m_syncText)
        return;
    m_syncState = state;
    m_syncText = text;
    Q_EMIT syncStateChanged();
}

void SpaceSession::openConversation(const QString &conversationId)
{
    if (!m_open || conversationId == m_currentId)
        return;
    ConversationController *old = m_current;
    m_currentId = conversationId;
    m_current = conversationId.isEmpty() ? nullptr
                                         : new ConversationController(m_store.get(), m_sync.get(), m_files,
                                             conversationId, m_account.userId, this);
    if (m_current)
        m_current->setTransfers(m_transfers);
    Q_EMIT currentConversationChanged();
    if (old)
        old->deleteLater();
}

QString SpaceSession::displayNameOf(const QString &userId) const
{
    const QString name = m_names.value(userId);
    return name.isEmpty() ? userId : name;
}

QVariantList SpaceSession::findPeople(const QString &text, int limit) const
{
    const QString needle = text.trimmed();
    QList<std::pair<QString, QString>> found; // name, id
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
        if (it.key() == m_account.userId)
            continue;
        const QString name = it.value().isEmpty() ? it.key() : it.value();
        if (name.contains(needle, Qt::CaseInsensitive) || it.key().contains(needle, Qt::CaseInsensitive))
            found.append({name, it.key()});
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        const int byName = QString::localeAwareCompare(a.first, b.first);
        return byName != 0 ? byName < 0 : a.second < b.second;
    });
    QVariantList out;
    for (qsizetype i = 0; i < found.size() && i < limit; ++i)
        out.append(QVariantMap {{u"userId"_s, found.at(i).second}, {u"displayName"_s, found.at(i).first}});
    return out;
}

void SpaceSession::login(const QString &password)
{
    if (!m_sync || password.isEmpty())
        return;
    setSync(u"connecting"_s, tr("Signing in to %1…").arg(m_account.serverUrl));
    m_sync->loginWith(password);
}

void SpaceSession::onStoreChanged(const store::StoreChange &change)
{
    m_usersDirty |= change.users;
    // An approved (or withdrawn) leave may have changed the work schedule's days off (boundary/leavedays.h).
    if (change.approvals && m_boundary && m_boundary->work())
        m_boundary->load();
    if (!m_refresh.isActive())
        m_refresh.start();
}

void SpaceSession::refreshTotals()
{
    if (!m_store)
        return;
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    const bool withNames = std::exchange(m_usersDirty, false);
    const bool offerArrivals = m_settledOnce;
    const bool arms = m_armRequested && !m_settledOnce;
    const qint64 after = m_seenRowid;
    const QString self = m_account.userId;
    const QString spaceId = m_entry.meta.id;
    const QString spaceName = m_entry.meta.name;
    const QString spaceKind = m_entry.meta.kind;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - kArrivalWindowMs;
    auto read = m_store->read<Refresh>([=](store::SpaceStore &s) -> Result<Refresh> {
        Refresh r;
        auto totals = s.db().prepare(
            "SELECT coalesce(sum(CASE WHEN notify_level != 'muted' THEN unread_count ELSE 0 END), 0), "
            "coalesce(sum(mention_count), 0) FROM conversations WHERE archived = 0");
        if (!totals)
            return totals.error();
        TANDEM_TRY(totals->forEachRow([&](const store::Statement &row) {
            r.unread = int(row.int64(0));
            r.mentions = int(row.int64(1));
        }));
        auto max = s.db().prepare("SELECT coalesce(max(rowid), 0) FROM messages");
        if (!max)
            return max.error();
        TANDEM_TRY(max->forEachRow([&](const store::Statement &row) { r.maxRowid = row.int64(0); }));
        if (withNames) {
            auto names = readNames(s);
            if (!names)
                return names.error();
            r.names = std::move(*names);
        }
        if (!offerArrivals || r.maxRowid <= after)
            return r;
        ArrivalQuery query;
        query.afterRowid = after;
        query.since = since;
        query.limit = kMaxArrivals;
        query.self = self;
        query.spaceId = spaceId;
        query.spaceName = spaceName;
        query.spaceKind = spaceKind;
        auto arrivals = readArrivals(s, query);
        if (!arrivals)
            return arrivals.error();
        r.arrivals = std::move(*arrivals);
        return r;
    });
    whenFinished(this, read, [this, arms](const Result<Refresh> &r) {
        m_refreshing = false;
        if (arms && r)
            m_settledOnce = true;
        if (!r) {
            qCWarning(lcSession) << "cannot read totals" << r.error().codeName();
        } else {
            if (r->names) {
                m_names = *r->names;
                Q_EMIT accountChanged();
            }
            if (r->unread != m_unread || r->mentions != m_mentions) {
                m_unread = r->unread;
                m_mentions = r->mentions;
                Q_EMIT totalsChanged();
            }
            m_seenRowid = std::max(m_seenRowid, r->maxRowid);
            if (!r->arrivals.isEmpty())
                Q_EMIT messagesArrived(r->arrivals);
        }
        if (std::exchange(m_refreshAgain, false))
            m_refresh.start();
    });
}

void SpaceSession::setUpBoundary()
{
    const auto kind
        = m_entry.meta.kind == u"personal" ? boundary::SpaceKind::Personal : boundary::SpaceKind::Work;
    m_boundary = new SpaceBoundaryController(m_store.get(), kind, QTimeZone::systemTimeZone(), {}, this);
    m_digest = new DigestModel(m_store.get(), m_account.userId, this);
    // A work period began after an off period: the digest of what came in meanwhile, shown when there
    // is anything in it.
    connect(m_boundary, &SpaceBoundaryController::workPeriodStarted, this, [this](qint64 from, qint64 to) {
        m_digestAutomatic = true;
        m_digest->load(from, to);
    });
    connect(m_digest, &DigestModel::loaded, this, [this] {
        if (std::exchange(m_digestAutomatic, false) && m_digest->count() == 0)
            return;
        m_boundary->markDigestSeen(m_digest->to());
        Q_EMIT digestRequested();
    });
    // Colleagues see "off until 09:00 (your time 10:00)" while this work space is off hours.
    if (m_sync && kind == boundary::SpaceKind::Work)
        new OffDutyReporter(m_boundary, m_sync.get(), this);
    // Urgent messages to this account re-notify until acknowledged, through the arrivals' path.
    if (m_sync) {
        m_boundary->setSync(m_sync.get());
        ArrivalQuery query;
        query.self = m_account.userId;
        query.spaceId = m_entry.meta.id;
        query.spaceName = m_entry.meta.name;
        query.spaceKind = m_entry.meta.kind;
        auto *reminder = new UrgentReminder(m_store.get(), query, UrgentReminder::kIntervalMs, this);
        connect(reminder, &UrgentReminder::remind, this, &SpaceSession::messagesArrived);
    }
    m_boundary->load();
}

void SpaceSession::openDigest()
{
    if (!m_digest)
        return;
    // Since the off period began when there is one; else since the last digest (at most a week back).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr qint64 kWeekMs = 7LL * 24 * 60 * 60 * 1000;
    qint64 from = m_boundary->offSince().isValid() ? m_boundary->offSince().toMSecsSinceEpoch()
                                                   : m_boundary->boundary().digestSeenAt;
    if (from <= 0 || from < now - kWeekMs)
        from = now - 24LL * 60 * 60 * 1000;
    m_digestAutomatic = false;
    m_digest->load(from, now);
}

} // namespace tandem::app
