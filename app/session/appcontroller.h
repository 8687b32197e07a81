// The app's root object, seen from QML as the singleton `App`: it owns the profile and its open
// spaces, runs the first-start flow (connect to a server, or try the demo on a local tandem-server),
// and says which space is in front. Everything slow (key derivation, SQL, network) runs on the
// spaces' own threads; this object only holds state and forwards requests.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace tandem::app {

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

public:
    explicit AppController(StartOptions options, QObject *parent = nullptr);
    ~AppController() override;

    // The one instance main() made; QML's `App` is this object (the engine does not own it).
    static AppController *instance();
    static AppController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] QString version() const;
    [[nodiscard]] const StartOptions &options() const { return m_options; }

private:
    StartOptions m_options;
};

} // namespace tandem::app
