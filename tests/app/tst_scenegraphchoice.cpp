// decideRenderer: Qt Quick's software renderer where OpenGL would run on the CPU, Qt's default where a
// GPU shows, and the user's word over both. The choice on a real X server without direct rendering
// (Xvfb) is checked end to end by tests/e2e.
#include "platform/scenegraphchoice.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

using namespace tandem::app;

namespace {

GraphicsFacts x11(std::optional<bool> direct, bool deviceNode)
{
    GraphicsFacts facts;
    facts.platform = QStringLiteral("xcb");
    facts.x11DirectRendering = direct;
    facts.gpuDeviceNode = deviceNode;
    return facts;
}

} // namespace

class TestSceneGraphChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheOption()
    {
        QCOMPARE(parseRendererRequest(QStringLiteral("auto")), RendererRequest::Auto);
        QCOMPARE(parseRendererRequest(QStringLiteral("gpu")), RendererRequest::Gpu);
        QCOMPARE(parseRendererRequest(QStringLiteral("software")), RendererRequest::Software);
        QVERIFY(!parseRendererRequest(QStringLiteral("Software")));
        QVERIFY(!parseRendererRequest(QStringLiteral("opengl")));
        QVERIFY(!parseRendererRequest(QString()));
    }

    void autoDecidesFromTheMachine_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<int>("direct"); // -1: not asked, 0: no, 1: yes
        QTest::addColumn<bool>("deviceNode");
        QTest::addColumn<bool>("mesaSoftware");
        QTest::addColumn<bool>("software");

        QTest::newRow("X11 with DRI and a render node") << "xcb" << 1 << true << false << false;
        QTest::newRow("Xvfb, Xvnc, xrdp: no DRI") << "xcb" << 0 << true << false << true;
        QTest::newRow("X11 with DRI but no GPU node") << "xcb" << 1 << false << false << true;
        QTest::newRow("X11 not asked, render node") << "xcb" << -1 << true << false << false;
        QTest::newRow("X11, LIBGL_ALWAYS_SOFTWARE") << "xcb" << 1 << true << true << true;
        QTest::newRow("Wayland with a render node") << "wayland" << -1 << true << false << false;
        QTest::newRow("Wayland without one") << "wayland-egl" << -1 << false << false << true;
        QTest::newRow("Windows: Qt's default") << "windows" << -1 << false << false << false;
        QTest::newRow("macOS: Qt's default") << "cocoa" << -1 << false << false << false;
        QTest::newRow("offscreen: Qt's default") << "offscreen" << -1 << false << true << false;
    }

    void autoDecidesFromTheMachine()
    {
        QFETCH(QString, platform);
        QFETCH(int, direct);
        QFETCH(bool, deviceNode);
        QFETCH(bool, mesaSoftware);
        QFETCH(bool, software);
        GraphicsFacts facts = x11(direct < 0 ? std::nullopt : std::optional<bool>(direct == 1), deviceNode);
        facts.platform = platform;
        facts.mesaForcedSoftware = mesaSoftware;
        const RendererDecision decision = decideRenderer(RendererRequest::Auto, facts);
        QCOMPARE(decision.software, software);
        QVERIFY(!decision.reason.isEmpty());
    }

    void theUsersWordWins()
    {
        // Qt's own variables: whatever the machine shows, Qt decides.
        GraphicsFacts facts = x11(false, false);
        facts.backendSetByUser = true;
        QVERIFY(!decideRenderer(RendererRequest::Auto, facts).software);
        // --renderer, either way, whatever the machine shows.
        QVERIFY(!decideRenderer(RendererRequest::Gpu, x11(false, false)).software);
        QVERIFY(decideRenderer(RendererRequest::Software, x11(true, true)).software);
    }

    void readsThisMachine()
    {
        // This test runs on the offscreen platform: no X server is asked.
        const GraphicsFacts facts = readGraphicsFacts();
        QCOMPARE(facts.platform, QGuiApplication::platformName());
        QVERIFY(!facts.x11DirectRendering.has_value());
    }

    void appliesTheChoice()
    {
        const QString before = QQuickWindow::sceneGraphBackend();
        QVERIFY(applyRendererChoice(RendererRequest::Software).software);
        QCOMPARE(QQuickWindow::sceneGraphBackend(), QStringLiteral("software"));
        QQuickWindow::setSceneGraphBackend(before);
    }
};

QTEST_MAIN(TestSceneGraphChoice)
#include "tst_scenegraphchoice.moc"
