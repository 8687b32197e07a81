#include "benchprobe.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <optional>
#include <vector>

Q_LOGGING_CATEGORY(lcBench, "tandem.app.bench")

namespace tandem::app {

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000 + qint64(ts.tv_nsec);
}

qint64 monotonicNs()
{
    return clockNs(CLOCK_MONOTONIC);
}

// Taken while the executable's static objects are constructed: after the dynamic loader has mapped and
// relocated every library, before main(). Reported to show what start-up spends before our code runs.
const qint64 g_staticInitNs = monotonicNs();

// The kernel's record of when this process was created (/proc/self/stat field 22, clock ticks after
// boot: 10 ms resolution), moved onto the monotonic clock. The fallback when no launcher time is given.
std::optional<qint64> processStartNs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    constexpr int kStartTime = 22 - 3; // field 3 (state) is the first after the name
    if (fields.size() <= kStartTime)
        return std::nullopt;
    bool ok = false;
    const qint64 ticks = fields.at(kStartTime).toLongLong(&ok);
    const long hz = sysconf(_SC_CLK_TCK);
    if (!ok || hz <= 0)
        return std::nullopt;
    const qint64 startBootNs = ticks * (1000000000 / hz);
    return monotonicNs() - (clockNs(CLOCK_BOOTTIME) - startBootNs);
}

qint64 rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double envNumber(const char *name, double fallback)
{
    bool ok = false;
    const double v = qEnvironmentVariable(name).toDouble(&ok);
    return ok ? v : fallback;
}

double ms(qint64 ns)
{
    return std::round(double(ns) / 1e4) / 100.0; // two decimals
}

// Nearest rank: p99 of 1,000 samples is the 990th smallest.
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(size_t(std::clamp<qsizetype>(rank, 1, qsizetype(sorted.size())) - 1));
}

QQuickItem *findItem(QQuickItem *item, const QString &objectName)
{
    if (!item)
        return nullptr;
    if (item->objectName() == objectName)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

QObject *objectProperty(const QObject *object, const char *name)
{
    return object ? object->property(name).value<QObject *>() : nullptr;
}

class Probe : public QObject
{
public:
    Probe(QQmlApplicationEngine &engine, std::FILE *report)
        : QObject(&engine)
        , m_engine(&engine)
        , m_report(report)
    {
        bool ok = false;
        const qint64 t0 = qEnvironmentVariable("TANDEM_BENCH_T0_NS").toLongLong(&ok);
        const std::optional<qint64> started = processStartNs();
        m_origin = ok ? t0 : started.value_or(g_staticInitNs);
        m_originName = ok ? QStringLiteral("launcher") : QStringLiteral("proc_starttime");
        m_processStartNs = started.value_or(-1);
        m_script = qEnvironmentVariable("TANDEM_BENCH_SCRIPT");
        m_conversationId = qEnvironmentVariable("TANDEM_BENCH_CONVERSATION");
    }

    ~Probe() override
    {
        if (m_report)
            std::fclose(m_report);
    }

    void attach(QObject *root)
    {
        auto *window = qobject_cast<QQuickWindow *>(root);
        if (m_window || !window)
            return;
        m_window = window;
        // frameSwapped comes from the render thread with the threaded render loop: take the time there.
        connect(
            window, &QQuickWindow::frameSwapped, this, [this] { onFrameSwapped(); }, Qt::DirectConnection);
        connect(
            window, &QQuickWindow::beforeSynchronizing, this,
            [this] {
                int armed = kArmed;
                m_openState.compare_exchange_strong(armed, kSynced);
            },
            Qt::DirectConnection);
        connect(window, &QQuickWindow::afterAnimating, this, [this] { onBeforeSync(); });
    }

private:
    enum OpenState { kIdle, kWaiting, kArmed, kSynced, kPainted };

    void write(QJsonObject event)
    {
        event.insert(QStringLiteral("t_ms"), ms(monotonicNs() - m_origin));
        const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), m_report);
        std::fflush(m_report);
    }

    void fail(const QString &stage, const QString &message)
    {
        write({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("stage"), stage},
            {QStringLiteral("message"), message}});
        m_finished = true;
        QCoreApplication::exit(3);
    }

    // Render thread (threaded loop) or GUI thread (basic loop).
    void onFrameSwapped()
    {
        const qint64 now = monotonicNs();
        if (!m_firstFrame.exchange(true))
            QMetaObject::invokeMethod(
                this, [this, now] { onFirstFrame(now); }, Qt::QueuedConnection);
        if (m_readyArmed.exchange(false))
            QMetaObject::invokeMethod(
                this,
                [this, now] {
                    write({{QStringLiteral("event"), QStringLiteral("ready_frame")},
                        {QStringLiteral("ms"), ms(now - m_origin)}});
                },
                Qt::QueuedConnection);
        int synced = kSynced;
        if (m_openState.compare_exchange_strong(synced, kPainted))
            QMetaObject::invokeMethod(
                this, [this, now] { onOpenPainted(now); }, Qt::QueuedConnection);
        if (m_recording.load()) {
            {
                const std::lock_guard lock(m_swapsMutex);
                m_swaps.push_back(now);
            }
            ++m_swapCount;
            QMetaObject::invokeMethod(
                this, [this] { scrollStep(); }, Qt::QueuedConnection);
        }
    }

    void onFirstFrame(qint64 at)
    {
        write({{QStringLiteral("event"), QStringLiteral("first_frame")},
            {QStringLiteral("ms"), ms(at - m_origin)}, {QStringLiteral("origin"), m_originName},
            {QStringLiteral("ms_since_exec"), m_processStartNs < 0 ? -1.0 : ms(at - m_processStartNs)},
            {QStringLiteral("ms_to_static_init"), ms(g_staticInitNs - m_origin)},
            {QStringLiteral("graphics_api"), graphicsApiName()}});
        if (m_script == QStringLiteral("open_and_scroll"))
            waitUntilReady();
        else if (!m_script.isEmpty())
            fail(QStringLiteral("script"), QStringLiteral("unknown TANDEM_BENCH_SCRIPT: ") + m_script);
    }

    QString graphicsApiName() const
    {
        const QSGRendererInterface *renderer = m_window ? m_window->rendererInterface() : nullptr;
        switch (renderer ? renderer->graphicsApi() : QSGRendererInterface::Unknown) {
        case QSGRendererInterface::Software:
            return QStringLiteral("software");
        case QSGRendererInterface::OpenGL:
            return QStringLiteral("opengl");
        case QSGRendererInterface::Vulkan:
            return QStringLiteral("vulkan");
        default:
            return QStringLiteral("other");
        }
    }

    // The App singleton, as Main.qml sees it (C++ or QML singleton alike).
    QObject *app()
    {
        if (!m_app) {
            QObject *root = m_engine->rootObjects().value(0);
            QQmlContext *context = root ? qmlContext(root) : nullptr;
            if (context) {
                QQmlExpression expression(
                    context, root, QStringLiteral("typeof App === 'undefined' ? null : App"));
                m_app = expression.evaluate().value<QObject *>();
            }
        }
        return m_app;
    }

    void waitUntilReady()
    {
        auto *poll = new QTimer(this);
        poll->setInterval(10);
        const qint64 since = monotonicNs();
        connect(poll, &QTimer::timeout, this, [this, poll, since] {
            const QString state = app() ? app()->property("state").toString() : QString();
            if (state == QStringLiteral("ready")) {
                poll->deleteLater();
                // Seen by polling (10 ms); the first frame drawn after it is reported as ready_frame.
                write({{QStringLiteral("event"), QStringLiteral("ready")},
                    {QStringLiteral("ms"), ms(monotonicNs() - m_origin)}});
                m_readyArmed = true;
                m_window->update();
                const qint64 delayNs = qint64(envNumber("TANDEM_BENCH_SCRIPT_DELAY_MS", 0) * 1e6);
                const qint64 waitMs = std::max<qint64>(0, (m_origin + delayNs - monotonicNs()) / 1000000);
                QTimer::singleShot(std::chrono::milliseconds(waitMs), Qt::PreciseTimer, this,
                    [this] { openConversation(); });
            } else if (app() && app()->metaObject()->indexOfProperty("state") < 0) {
                poll->deleteLater();
                fail(QStringLiteral("ready"), QStringLiteral("App has no state property"));
            } else if (state == QStringLiteral("error")
                || monotonicNs() - since > qint64(envNumber("TANDEM_BENCH_READY_TIMEOUT_MS", 60000) * 1e6)) {
                poll->deleteLater();
                fail(QStringLiteral("ready"),
                    QStringLiteral("App.state is \"%1\" (%2)")
                        .arg(state,
                            app() ? app()->property("errorText").toString()
                                  : QStringLiteral("no App singleton")));
            }
        });
        poll->start();
    }

    void openConversation()
    {
        QObject *root = m_engine->rootObjects().value(0);
        QVariant answer;
        m_openState = kWaiting;
        m_openRequestNs = monotonicNs();
        const bool called = QMetaObject::invokeMethod(root, "openConversationById",
            Q_RETURN_ARG(QVariant, answer), Q_ARG(QVariant, QVariant(m_conversationId)));
        if (!called || (answer.isValid() && !answer.toBool())) {
            fail(QStringLiteral("open"),
                QStringLiteral("openConversationById(%1) was refused (called: %2)")
                    .arg(m_conversationId,
                        called ? QStringLiteral("yes") : QStringLiteral("no such function")));
            return;
        }
        QTimer::singleShot(std::chrono::seconds(20), this, [this] {
            if (m_openState.load() != kPainted && !m_finished)
                fail(QStringLiteral("open"), QStringLiteral("no timeline row was painted within 20 s"));
        });
    }

    // GUI thread, after this frame's polish and just before its sync: what is laid out now is what the
    // frame will show.
    void onBeforeSync()
    {
        if (m_openState.load() != kWaiting)
            return;
        if (!m_view)
            m_view = findItem(m_window->contentItem(), QStringLiteral("timelineView"));
        if (!m_view || m_view->property("count").toInt() <= 0)
            return;
        // The view must show the conversation asked for, not one left open before.
        const QObject *conversation
            = objectProperty(objectProperty(app(), "currentSpace"), "currentConversation");
        if (conversation && conversation->property("conversationId").toString() != m_conversationId)
            return;
        if (delegates() == 0)
            return;
        m_openRowsNs = monotonicNs();
        m_openState = kArmed;
    }

    int delegates() const
    {
        const auto *content = m_view ? m_view->property("contentItem").value<QQuickItem *>() : nullptr;
        if (!content)
            return 0;
        const QList<QQuickItem *> children = content->childItems();
        return int(std::count_if(children.begin(), children.end(),
            [](const QQuickItem *item) { return item->isVisible() && item->height() > 0; }));
    }

    void onOpenPainted(qint64 at)
    {
        write({{QStringLiteral("event"), QStringLiteral("open")},
            {QStringLiteral("ms"), ms(at - m_openRequestNs)},
            // Rows laid out in the view (store read, model, delegates); the rest is the frame's render.
            {QStringLiteral("rows_laid_out_ms"), ms(m_openRowsNs - m_openRequestNs)},
            {QStringLiteral("conversation"), m_conversationId},
            {QStringLiteral("rows"), m_view ? m_view->property("count").toInt() : 0},
            {QStringLiteral("delegates"), delegates()}});
        // A second for the first pages to settle, as a person would look before scrolling.
        QTimer::singleShot(std::chrono::seconds(1), this, [this] { startScroll(); });
    }

    void startScroll()
    {
        if (!m_view) {
            fail(QStringLiteral("scroll"), QStringLiteral("the timeline view is gone"));
            return;
        }
        m_stepPx = std::max(1.0, envNumber("TANDEM_BENCH_SCROLL_STEP", 0.2) * m_view->height());
        m_maxFrames = qint64(envNumber("TANDEM_BENCH_SCROLL_FRAMES", 0));
        m_maxNs = qint64(envNumber("TANDEM_BENCH_SCROLL_SECONDS", 20) * 1e9);
        m_assistFetch = qEnvironmentVariableIntValue("TANDEM_BENCH_SCROLL_ASSIST_FETCH") == 1;
        m_rssStart = rssKiB();
        m_rowsStart = m_view->property("count").toInt();
        m_delegatesStart = delegates();
        m_delegatesMax = m_delegatesStart;
        m_scrollStartNs = monotonicNs();
        m_lastProgressNs = m_scrollStartNs;
        write({{QStringLiteral("event"), QStringLiteral("scroll_start")},
            {QStringLiteral("rss_kb"), m_rssStart}, {QStringLiteral("rows"), m_rowsStart},
            {QStringLiteral("step_px"), m_stepPx}});
        m_recording = true;
        // Frames drive the scroll; this only notices a window that stopped drawing, and the limits.
        auto *watchdog = new QTimer(this);
        connect(watchdog, &QTimer::timeout, this, [this, watchdog] {
            if (m_finished) {
                watchdog->deleteLater();
                return;
            }
            if (monotonicNs() - m_lastSwapSeenNs > 500 * qint64(1000000))
                scrollStep();
        });
        watchdog->start(500);
        scrollStep();
    }

    // GUI thread, once per frame (after each swap), like the wheel events a person sends between frames.
    void scrollStep()
    {
        if (m_finished || !m_recording.load())
            return;
        if (!m_view) {
            finishScroll(QStringLiteral("view_gone"));
            return;
        }
        const qint64 now = monotonicNs();
        m_lastSwapSeenNs = now;
        const double y = m_view->property("contentY").toDouble();
        const double top = m_view->property("originY").toDouble();
        const int rows = m_view->property("count").toInt();
        m_delegatesMax = std::max(m_delegatesMax, delegates());
        if (rows != m_lastRows || y < m_lastY - 0.5) {
            m_lastRows = rows;
            m_lastProgressNs = now;
        }
        m_lastY = y;
        auto *model = qobject_cast<QAbstractItemModel *>(m_view->property("model").value<QObject *>());
        const bool more = model && model->canFetchMore(QModelIndex());
        if (y <= top + 0.5 && !more) {
            finishScroll(QStringLiteral("top"));
            return;
        }
        if (now - m_lastProgressNs > 10 * qint64(1000000000)) {
            finishScroll(QStringLiteral("stuck"));
            return;
        }
        const qint64 frames = m_swapCount.load();
        if (now - m_scrollStartNs >= m_maxNs || (m_maxFrames > 0 && frames >= m_maxFrames)) {
            finishScroll(QStringLiteral("limit"));
            return;
        }
        // Older rows are above; content not loaded yet is not scrolled into (the view fetches it).
        const double target = std::max(top, y - m_stepPx);
        if (y - top < m_stepPx) {
            ++m_stalled;
            // Off by default: a view that stops asking for older pages is a bug this must show. With
            // TANDEM_BENCH_SCROLL_ASSIST_FETCH=1 the probe asks in its place, and counts it.
            if (m_assistFetch && more && y <= top + 0.5 && now - m_lastAssistNs > 100 * qint64(1000000)) {
                m_lastAssistNs = now;
                ++m_assistedFetches;
                model->fetchMore(QModelIndex());
            }
        }
        m_pixels += y - target;
        m_view->setProperty("contentY", target);
        m_window->update();
    }

    void finishScroll(const QString &why)
    {
        m_recording = false;
        m_finished = true;
        std::vector<qint64> swaps;
        {
            const std::lock_guard lock(m_swapsMutex);
            swaps.swap(m_swaps);
        }
        std::vector<double> intervals;
        for (size_t i = 1; i < swaps.size(); ++i)
            intervals.push_back(double(swaps[i] - swaps[i - 1]) / 1e6);
        std::vector<double> sorted = intervals;
        std::sort(sorted.begin(), sorted.end());
        double sum = 0;
        for (double v : intervals)
            sum += v;
        const auto over = [&sorted](double limit) {
            return qint64(sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), limit));
        };
        const auto round2 = [](double v) { return std::round(v * 100) / 100; };
        const double seconds = swaps.size() > 1 ? double(swaps.back() - swaps.front()) / 1e9 : 0;
        write({{QStringLiteral("event"), QStringLiteral("scroll")}, {QStringLiteral("ended"), why},
            {QStringLiteral("reached_top"), why == QStringLiteral("top")},
            {QStringLiteral("frames"), qint64(intervals.size())},
            {QStringLiteral("seconds"), round2(seconds)},
            {QStringLiteral("p50_ms"), round2(percentile(sorted, 50))},
            {QStringLiteral("p90_ms"), round2(percentile(sorted, 90))},
            {QStringLiteral("p99_ms"), round2(percentile(sorted, 99))},
            {QStringLiteral("max_ms"), round2(sorted.empty() ? 0 : sorted.back())},
            {QStringLiteral("mean_ms"), round2(intervals.empty() ? 0 : sum / double(intervals.size()))},
            {QStringLiteral("over_16ms"), over(16.0)}, {QStringLiteral("over_33ms"), over(33.3)},
            {QStringLiteral("stalled_frames"), m_stalled},
            {QStringLiteral("assisted_fetches"), m_assistedFetches},
            {QStringLiteral("pixels"), qRound64(m_pixels)}, {QStringLiteral("step_px"), m_stepPx},
            {QStringLiteral("rows_start"), m_rowsStart},
            {QStringLiteral("rows_end"), m_view ? m_view->property("count").toInt() : -1},
            {QStringLiteral("delegates_start"), m_delegatesStart},
            {QStringLiteral("delegates_end"), delegates()}, {QStringLiteral("delegates_max"), m_delegatesMax},
            {QStringLiteral("rss_start_kb"), m_rssStart}, {QStringLiteral("rss_end_kb"), rssKiB()}});
        QTimer::singleShot(0, QCoreApplication::instance(), [] { QCoreApplication::exit(0); });
    }

    QQmlApplicationEngine *m_engine;
    std::FILE *m_report;
    QPointer<QQuickWindow> m_window;
    QPointer<QObject> m_app;
    QPointer<QQuickItem> m_view;
    qint64 m_origin = 0;
    qint64 m_processStartNs = -1;
    QString m_originName;
    QString m_script;
    QString m_conversationId;
    std::atomic<bool> m_firstFrame {false};
    std::atomic<bool> m_readyArmed {false};
    std::atomic<int> m_openState {kIdle};
    qint64 m_openRequestNs = 0;
    qint64 m_openRowsNs = 0;
    bool m_finished = false;

    std::atomic<bool> m_recording {false};
    std::mutex m_swapsMutex;
    std::vector<qint64> m_swaps; // frameSwapped times while scrolling
    std::atomic<qint64> m_swapCount {0};
    qint64 m_lastSwapSeenNs = 0;
    double m_lastY = 0;
    double m_stepPx = 0;
    double m_pixels = 0;
    qint64 m_maxFrames = 0;
    qint64 m_maxNs = 0;
    qint64 m_scrollStartNs = 0;
    qint64 m_lastProgressNs = 0;
    qint64 m_stalled = 0;
    bool m_assistFetch = false;
    qint64 m_assistedFetches = 0;
    qint64 m_lastAssistNs = 0;
    qint64 m_rssStart = 0;
    int m_rowsStart = 0;
    int m_lastRows = -1;
    int m_delegatesStart = 0;
    int m_delegatesMax = 0;
};

} // namespace

void BenchProbe::installIfRequested(QQmlApplicationEngine &engine)
{
    const QString path = qEnvironmentVariable("TANDEM_BENCH");
    if (path.isEmpty())
        return;
    std::FILE *report = std::fopen(QFile::encodeName(path).constData(), "a");
    if (!report) {
        qCWarning(lcBench) << "cannot open the benchmark report file" << path;
        return;
    }
    auto *probe = new Probe(engine, report);
    const QList<QObject *> roots = engine.rootObjects();
    if (!roots.isEmpty())
        probe->attach(roots.first());
    else
        QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, probe,
            [probe](QObject *object, const QUrl &) { probe->attach(object); });
}

} // namespace tandem::app
