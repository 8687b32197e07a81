#include "scenegraphchoice.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQuickWindow>

#if defined(TANDEM_HAVE_XCB)
#include <QtGui/qguiapplication_platform.h>
#include <xcb/xcb.h>

#include <array>
#include <cstdlib>
#include <cstring>
#endif

// Quiet unless asked: QT_LOGGING_RULES="tandem.app.renderer.info=true" prints the choice and why.
Q_LOGGING_CATEGORY(lcRenderer, "tandem.app.renderer", QtWarningMsg)

namespace tandem::app {

namespace {

#if defined(TANDEM_HAVE_XCB) && QT_CONFIG(xcb)
// Asks the X server for the extensions a GPU driver brings; the three queries share one round trip.
std::optional<bool> x11OffersDirectRendering()
{
    auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    xcb_connection_t *connection = x11 ? x11->connection() : nullptr;
    if (!connection)
        return std::nullopt;
    static constexpr std::array<const char *, 3> kExtensions = {"DRI3", "DRI2", "NV-GLX"};
    std::array<xcb_query_extension_cookie_t, kExtensions.size()> cookies {};
    for (std::size_t i = 0; i < kExtensions.size(); ++i)
        cookies[i] = xcb_query_extension(
            connection, static_cast<uint16_t>(std::strlen(kExtensions[i])), kExtensions[i]);
    bool present = false;
    for (const xcb_query_extension_cookie_t &cookie : cookies) {
        xcb_query_extension_reply_t *reply = xcb_query_extension_reply(connection, cookie, nullptr);
        if (reply) {
            present = present || reply->present != 0;
            std::free(reply);
        }
    }
    return present;
}
#endif

bool hasGpuDeviceNode()
{
    const QStringList renderNodes
        = QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System);
    return !renderNodes.isEmpty() || QFileInfo::exists(QStringLiteral("/dev/nvidia0"));
}

} // namespace

std::optional<RendererRequest> parseRendererRequest(const QString &text)
{
    if (text == QLatin1String("auto"))
        return RendererRequest::Auto;
    if (text == QLatin1String("gpu"))
        return RendererRequest::Gpu;
    if (text == QLatin1String("software"))
        return RendererRequest::Software;
    return std::nullopt;
}

RendererDecision decideRenderer(RendererRequest request, const GraphicsFacts &facts)
{
    switch (request) {
    case RendererRequest::Software:
        return {true, QStringLiteral("software renderer: asked for (--renderer software)")};
    case RendererRequest::Gpu:
        return {false, QStringLiteral("Qt's default renderer: asked for (--renderer gpu)")};
    case RendererRequest::Auto:
        break;
    }
    if (facts.backendSetByUser)
        return {false, QStringLiteral("Qt's choice: QT_QUICK_BACKEND or QSG_RHI_BACKEND is set")};
    const bool x11 = facts.platform == QLatin1String("xcb");
    const bool wayland = facts.platform.startsWith(QLatin1String("wayland"));
    if (!x11 && !wayland)
        return {false, QStringLiteral("Qt's default renderer: platform %1").arg(facts.platform)};
    if (facts.mesaForcedSoftware)
        return {true,
            QStringLiteral("software renderer: LIBGL_ALWAYS_SOFTWARE makes OpenGL rasterise on the CPU")};
    if (x11 && facts.x11DirectRendering == false)
        return {true,
            QStringLiteral("software renderer: the X server offers no direct rendering (DRI3, DRI2, NV-GLX), "
                           "so OpenGL would rasterise on the CPU")};
    if (!facts.gpuDeviceNode)
        return {true,
            QStringLiteral("software renderer: no GPU device (/dev/dri/renderD*, /dev/nvidia0), so OpenGL "
                           "would rasterise on the CPU")};
    return {false, QStringLiteral("Qt's default renderer: a GPU is present")};
}

GraphicsFacts readGraphicsFacts()
{
    GraphicsFacts facts;
    facts.platform = QGuiApplication::platformName();
    facts.backendSetByUser
        = qEnvironmentVariableIsSet("QT_QUICK_BACKEND") || qEnvironmentVariableIsSet("QSG_RHI_BACKEND");
    facts.mesaForcedSoftware = qEnvironmentVariableIntValue("LIBGL_ALWAYS_SOFTWARE") == 1;
#if defined(TANDEM_HAVE_XCB) && QT_CONFIG(xcb)
    if (facts.platform == QLatin1String("xcb"))
        facts.x11DirectRendering = x11OffersDirectRendering();
#endif
    facts.gpuDeviceNode = hasGpuDeviceNode();
    return facts;
}

RendererDecision applyRendererChoice(RendererRequest request)
{
    const RendererDecision decision
        = decideRenderer(request, request == RendererRequest::Auto ? readGraphicsFacts() : GraphicsFacts {});
    if (decision.software)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    qCInfo(lcRenderer).noquote() << decision.reason;
    return decision;
}

} // namespace tandem::app
