// Shared by the approval screen tests (tst_approvalscreens, tst_approvalsdemo): the scene that puts the
// approvals view on its controllers, as the app's main window does, and a blank-render check.
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QLocale>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSet>
#include <QString>
#include <QTranslator>

#include <memory>

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
    MyRequestsModel { id: mine; objectName: "mine" }
    ApprovalsView {
        id: view
        objectName: "approvalsView"
        anchors.fill: parent
        dashboard: dashboard; detail: detail; form: form; actions: actions; mine: mine
        selectedRequestId: detail.requestId
    }
}
)";

// The scene in a window of its own, 1360 × 860, as the tests show and grab it.
class ApprovalSceneWindow
{
public:
    ApprovalSceneWindow() { view.setResizeMode(QQuickView::SizeRootObjectToView); }

    // `name` names the scene in error messages. Empty when it is shown; else why not.
    QString show(const QString &name)
    {
        view.engine()->addImportPath(QStringLiteral("qrc:/")); // the static modules' qmldir files
        component.setData(kApprovalScene, QUrl(QStringLiteral("qrc:/%1.qml").arg(name)));
        if (!component.isReady())
            return component.errorString();
        root.reset(qobject_cast<QQuickItem *>(component.create()));
        if (!root)
            return component.errorString();
        view.setContent(QUrl(), &component, root.get());
        view.resize(1360, 860);
        view.show();
        return {};
    }

    QQuickView view;
    QQmlComponent component {view.engine()};
    std::unique_ptr<QQuickItem> root; // before the view and its engine go
};

// Distinct colours in a sample of the picture: a blank or failed render has one or two.
inline int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

// The app's translation and locale for `language` ("en": the source strings), until destroyed; then
// English (United States) again. loaded() is false when the translation could not be read.
class ScopedLanguage
{
public:
    explicit ScopedLanguage(const QString &language)
    {
        if (language != QStringLiteral("en")) {
            m_loaded = m_translator.load(QStringLiteral(":/i18n/tandem_%1.qm").arg(language));
            if (m_loaded)
                QCoreApplication::installTranslator(&m_translator);
        }
        QLocale::setDefault(QLocale(language));
    }
    ~ScopedLanguage()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    ScopedLanguage(const ScopedLanguage &) = delete;
    ScopedLanguage &operator=(const ScopedLanguage &) = delete;

    bool loaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = true;
};

} // namespace tandem::test
