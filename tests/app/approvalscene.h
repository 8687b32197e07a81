// Shared by the approval screen tests (tst_approvalscreens, tst_approvalsdemo): the scene that puts the
// approvals view on its controllers, as the app's main window does, and a blank-render check.
#pragma once

#include <QImage>
#include <QSet>

namespace tandem::test {

inline constexpr auto kApprovalScene = R"(
import QtQuick
import Tandem.App
import Tandem.Ui
Item {
    width: 1360; height: 860
    property alias view: view
    ApprovalDashboard { id: dashboard; objectName: "dashboard"; active: true }
    RequestDetail { id: detail; objectName: "detail" }
    RequestForm { id: form; objectName: "form" }
    ApprovalActions { id: actions; objectName: "actions" }
    ApprovalsView {
        id: view
        objectName: "approvalsView"
        anchors.fill: parent
        dashboard: dashboard; detail: detail; form: form; actions: actions
        selectedRequestId: detail.requestId
    }
}
)";

// Distinct colours in a sample of the picture: a blank or failed render has one or two.
inline int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace tandem::test
