#include "automation.h"

#include "appcontroller.h"

#include <QCoreApplication>
#include <QImage>
#include <QJSValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace tandem::app {

namespace {

// How many of the newest rows the timeline report carries: what a screen shows, not the history.
constexpr int kReportedRows = 30;

QJsonArray timelineRows(QAbstractItemModel *model)
{
    QJsonArray rows;
    if (!model)
        return rows;
    const QHash<int, QByteArray> roles = model->roleNames();
    const auto roleOf = [&roles](const QByteArray &name) { return roles.key(name, -1); };
    const int sender = roleOf("senderName"), body = roleOf("body"), state = roleOf("sendState"),
              id = roleOf("messageId");
    const int count = std::min(model->rowCount(), kReportedRows);
    for (int row = 0; row < count; ++row) {
        const QModelIndex index = model->index(row, 0);
        rows.append(QJsonObject {
            {QStringLiteral("messageId"), model->data(index, id).toString()},
            {QStringLiteral("sender"), model->data(index, sender).toString()},
            {QStringLiteral("body"), model->data(index, body).toString()},
            {QStringLiteral("sendState"), model->data(index, state).toString()},
        });
    }
    return rows;
}

// Items made by Loaders are not always QObject children of their visual parent: walk the item tree.
QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

// The view's model as QML set it; a QVariant from QML may hold the object as QObject* or as a
// QJSValue wrapping it.
QAbstractItemModel *modelOf(QQuickItem *view)
{
    if (!view)
        return nullptr;
    const QVariant model = view->property("model");
    if (auto *object = model.value<QObject *>())
        return qobject_cast<QAbstractItemModel *>(object);
    if (model.canConvert<QJSValue>())
        return qobject_cast<QAbstractItemModel *>(model.value<QJSValue>().toQObject());
    return nullptr;
}

} // namespace

Automation *Automation::installIfRequested(QQmlApplicationEngine *engine)
{
    if (qEnvironmentVariable("TANDEM_AUTOMATION") != QLatin1String("1"))
        return nullptr;
    return new Automation(engine);
}

Automation::Automation(QQmlApplicationEngine *engine)
    : QObject(engine)
    , m_engine(engine)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &Automation::poll);
    m_timer->start();
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &Automation::readCommands);
}

QQuickWindow *Automation::window() const
{
    for (QObject *root : m_engine->rootObjects()) {
        if (auto *w = qobject_cast<QQuickWindow *>(root))
            return w;
    }
    return nullptr;
}

void Automation::poll()
{
    AppController *app = AppController::instance();
    QJsonObject state {{QStringLiteral("event"), QStringLiteral("state")},
        {QStringLiteral("state"), app ? app->property("state").toString() : QString()},
        {QStringLiteral("error"), app ? app->property("errorText").toString() : QString()}};
    const QByteArray stateLine = QJsonDocument(state).toJson(QJsonDocument::Compact);
    if (stateLine != m_lastState) {
        m_lastState = stateLine;
        emitLine(stateLine);
    }

    QQuickWindow *w = window();
    QQuickItem *view = w ? findItem(w->contentItem(), QStringLiteral("timelineView")) : nullptr;
    QObject *session = app ? app->property("currentSpace").value<QObject *>() : nullptr;
    QObject *conversation = session ? session->property("currentConversation").value<QObject *>() : nullptr;
    QJsonObject timeline {{QStringLiteral("event"), QStringLiteral("timeline")},
        {QStringLiteral("conversation"),
            conversation ? conversation->property("name").toString() : QString()},
        {QStringLiteral("rows"), timelineRows(modelOf(view))}};
    const QByteArray timelineLine = QJsonDocument(timeline).toJson(QJsonDocument::Compact);
    if (timelineLine != m_lastTimeline) {
        m_lastTimeline = timelineLine;
        emitLine(timelineLine);
    }
}

void Automation::readCommands()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        m_stdin->setEnabled(false); // the other end closed: no more commands
        return;
    }
    m_pending.append(buffer, n);
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(newline)).trimmed();
        m_pending.remove(0, newline + 1);
        if (!line.isEmpty())
            runCommand(line);
    }
}

void Automation::runCommand(const QString &line)
{
    if (line.startsWith(QLatin1String("screenshot "))) {
        const QString file = line.mid(11).trimmed();
        QQuickWindow *w = window();
        const QImage image = w ? w->grabWindow() : QImage();
        const bool saved = !image.isNull() && image.save(file, "PNG");
        emitLine(QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("screenshot")},
                                   {QStringLiteral("file"), file}, {QStringLiteral("ok"), saved}})
                     .toJson(QJsonDocument::Compact));
    } else if (line.startsWith(QLatin1String("open "))) {
        // Opens a conversation of the current space by id, as a click in the list would.
        const QString id = line.mid(5).trimmed();
        AppController *app = AppController::instance();
        QObject *session = app ? app->property("currentSpace").value<QObject *>() : nullptr;
        const bool opened
            = session && QMetaObject::invokeMethod(session, "openConversation", Q_ARG(QString, id));
        emitLine(QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("open")},
                                   {QStringLiteral("conversation"), id}, {QStringLiteral("ok"), opened}})
                     .toJson(QJsonDocument::Compact));
    } else if (line.startsWith(QLatin1String("shortcut "))) {
        // Activates the window's Shortcut for a key sequence ("Ctrl+K"), as pressing it would.
        const QString sequence = line.mid(9).trimmed();
        const bool activated = activateShortcut(sequence);
        emitLine(QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("shortcut")},
                                   {QStringLiteral("sequence"), sequence}, {QStringLiteral("ok"), activated}})
                     .toJson(QJsonDocument::Compact));
    } else if (line == QLatin1String("quit")) {
        QCoreApplication::quit();
    } else {
        emitLine(QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("error")},
                                   {QStringLiteral("unknown_command"), line}})
                     .toJson(QJsonDocument::Compact));
    }
}

bool Automation::activateShortcut(const QString &sequence)
{
    // QML Shortcuts are QObjects under the items that declare them; an enabled one with the sequence
    // among its `sequences` is the one a key press would activate.
    QQuickWindow *w = window();
    if (!w)
        return false;
    const QKeySequence wanted(sequence);
    const QList<QObject *> objects = w->findChildren<QObject *>();
    for (QObject *object : objects) {
        if (qstrcmp(object->metaObject()->className(), "QQuickShortcut") != 0
            || !object->property("enabled").toBool())
            continue;
        const QVariantList sequences = object->property("sequences").toList();
        for (const QVariant &s : sequences) {
            if (QKeySequence(s.toString()) == wanted)
                return QMetaObject::invokeMethod(object, "activated");
        }
    }
    return false;
}

void Automation::emitLine(const QByteArray &json)
{
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace tandem::app
