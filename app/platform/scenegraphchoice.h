// Which Qt Quick scene graph the app draws with: the GPU one Qt picks (OpenGL, Vulkan, Metal or
// Direct3D), or Qt Quick's software renderer (QPainter into the window, repainting only what changed).
//
// Where OpenGL itself runs on the CPU (Mesa's llvmpipe: no GPU driver, a virtual desktop, xrdp, Xvnc,
// Xvfb), the software renderer is the faster and much smaller of the two. Measured under Xvfb with the
// 1,000,000-message profile (tests/bench, medians of 5, against --quick-backend opengl): start 76 ms
// against 131, a conversation open 60 ms against 112, scroll p99 16.0 ms against 19.8, RSS 110 MB
// against 213 (llvmpipe keeps LLVM and its shader code resident). We cannot ask OpenGL what it is
// without creating a context, which costs 36 ms and 59 MB that stay (libLLVM is loaded by then), so
// the choice is made from what the machine shows instead: the X server's direct-rendering extensions
// and the GPU device nodes.
#pragma once

#include <QString>

#include <optional>

namespace tandem::app {

enum class RendererRequest {
    Auto, // decide from the machine (decideRenderer)
    Gpu, // Qt's default, whatever the machine
    Software, // Qt Quick's software renderer
};

// "auto", "gpu" or "software" (the --renderer option); nullopt for anything else.
std::optional<RendererRequest> parseRendererRequest(const QString &text);

// What the machine shows about its graphics, read without creating a graphics context.
struct GraphicsFacts
{
    QString platform; // QGuiApplication::platformName(): "xcb", "wayland", "windows", "offscreen", ...
    bool backendSetByUser = false; // QT_QUICK_BACKEND or QSG_RHI_BACKEND in the environment
    bool mesaForcedSoftware = false; // LIBGL_ALWAYS_SOFTWARE=1: Mesa told to rasterise on the CPU
    // xcb only: whether the X server offers direct rendering (DRI3, DRI2, or NVIDIA's NV-GLX). Without
    // it, GLX can only render through Mesa's software rasteriser. nullopt when it was not asked.
    std::optional<bool> x11DirectRendering;
    bool gpuDeviceNode = false; // a /dev/dri/renderD* or /dev/nvidia0 node exists
};

struct RendererDecision
{
    bool software = false;
    QString reason; // one line, for the log
};

// Pure: the choice for these facts. Auto picks software only on Linux-like desktops (xcb, wayland)
// that show no GPU; elsewhere, and whenever the user set Qt's own variables, Qt's default stands.
RendererDecision decideRenderer(RendererRequest request, const GraphicsFacts &facts);

// The facts of this process's machine. Call after the QGuiApplication exists (xcb is asked through
// its connection).
GraphicsFacts readGraphicsFacts();

// Decides and applies (QQuickWindow::setGraphicsApi) before the first window; logs the reason under
// tandem.app.renderer.
RendererDecision applyRendererChoice(RendererRequest request);

} // namespace tandem::app
