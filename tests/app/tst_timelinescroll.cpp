// The real Timeline view (qml/timeline/Timeline.qml) over a real TimelineModel and encrypted store:
// scrolling as a person does, one step per frame, pages in older messages all the way to the first one
// and newer ones all the way back, never holding more than kMaxRows rows. A view that stops asking
// for pages (as ListView's own fetchMore() did after two pages) fails here.
#include "modeltestsupport.h"
#include "timelinemodel.h"

#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMessages = 1500;

// The Timeline with the smallest conversation the view needs around the model.
constexpr auto kScene = R"(
import QtQuick
import Tandem.Ui
Item {
    width: 480; height: 640
    property alias timeline: timeline
    property alias conversation: conversation
    QtObject {
        id: conversation
        property var timeline: timelineModel
        property var thread: null
        property string firstUnreadMessageId: ""
        function markRead() {}
    }
    Timeline { id: timeline; anchors.fill: parent; conversation: conversation; accent: "steelblue" }
}
)";

} // namespace

class TestTimelineScroll : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSpace> m_space;
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<QQuickView> m_view;
    QQuickItem *m_timeline = nullptr;
    QQuickItem *m_list = nullptr;

    static QString idAt(const TimelineModel &m, int row)
    {
        return m.data(m.index(row), TimelineModel::MessageIdRole).toString();
    }

    // One scroll step towards the older (top) or newer (bottom) end, then one frame.
    void step(bool older)
    {
        const double y = m_list->property("contentY").toDouble();
        // The ends of the view's range, margins included, as a wheel reaches them.
        const double top = m_list->property("originY").toDouble() - m_list->property("topMargin").toDouble();
        const double bottom = m_list->property("originY").toDouble()
            + m_list->property("contentHeight").toDouble() + m_list->property("bottomMargin").toDouble()
            - m_list->height();
        const double stepPx = m_list->height() / 2;
        m_list->setProperty("contentY", older ? std::max(top, y - stepPx) : std::min(bottom, y + stepPx));
        QTest::qWait(5);
    }

    QString geometry() const
    {
        return u"contentY %1 originY %2 contentHeight %3 height %4 rows %5"_s
            .arg(m_list->property("contentY").toDouble())
            .arg(m_list->property("originY").toDouble())
            .arg(m_list->property("contentHeight").toDouble())
            .arg(m_list->height())
            .arg(m_model->rowCount());
    }

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(u"Basic"_s); }

    void init()
    {
        m_space = std::make_unique<TestSpace>();
        QVERIFY(m_space->open());
        QVERIFY(m_space->addConversation(u"c1"_s, u"Team"_s, {kMe, kBob, kCarol}));
        QList<store::Message> messages;
        const qint64 start = minutesAgo(kMessages + 10);
        for (int i = 0; i < kMessages; ++i)
            messages.append(message(u"m%1"_s.arg(i), u"c1"_s, i % 3 ? kBob : kCarol,
                u"body %1, long enough to wrap once or twice in a narrow window: lorem ipsum"_s.arg(i),
                start + i * 60'000, i + 1));
        QVERIFY(m_space->addMessages(messages));

        m_model = std::make_unique<TimelineModel>(m_space->thread(), u"c1"_s, kMe);
        m_view = std::make_unique<QQuickView>();
        m_view->engine()->addImportPath(u"qrc:/"_s);
        m_view->rootContext()->setContextProperty(u"timelineModel"_s, m_model.get());
        QQmlComponent component(m_view->engine());
        component.setData(kScene, QUrl(u"qrc:/tst_timelinescroll.qml"_s));
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        m_view->setContent(QUrl(), &component, root.release());
        m_view->resize(480, 640);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_timeline = m_view->rootObject()->property("timeline").value<QQuickItem *>();
        QVERIFY(m_timeline);
        m_list = m_timeline->property("view").value<QQuickItem *>();
        QVERIFY(m_list);
        QTRY_VERIFY(m_model->rowCount() > 0);
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
        m_space.reset();
    }

    void scrollingUpReachesTheFirstMessageAndDownTheNewest()
    {
        QCOMPARE(idAt(*m_model, 0), u"m%1"_s.arg(kMessages - 1));
        int maxRows = 0;
        QElapsedTimer timer;
        timer.start();
        while (idAt(*m_model, m_model->rowCount() - 1) != u"m0"_s
            || !m_list->property("atYBeginning").toBool()) {
            QVERIFY2(timer.elapsed() < 60'000,
                qPrintable(
                    u"stuck, oldest %1, %2"_s.arg(idAt(*m_model, m_model->rowCount() - 1), geometry())));
            step(true);
            maxRows = std::max(maxRows, m_model->rowCount());
        }
        QVERIFY(maxRows <= TimelineModel::kMaxRows);
        QVERIFY(!m_model->atLatest()); // the newest rows were let go on the way up

        timer.restart();
        while (!m_model->atLatest() || idAt(*m_model, 0) != u"m%1"_s.arg(kMessages - 1)
            || !m_timeline->property("atNewest").toBool()) {
            QVERIFY2(timer.elapsed() < 60'000,
                qPrintable(u"stuck, newest %1, %2"_s.arg(idAt(*m_model, 0), geometry())));
            step(false);
            maxRows = std::max(maxRows, m_model->rowCount());
        }
        QVERIFY(maxRows <= TimelineModel::kMaxRows);
    }

    // The "Jump to first unread" button shows while the first unread message is above the viewport,
    // and goes once it has been on screen.
    void firstUnreadButtonShowsOnlyWhileThatMessageIsAbove()
    {
        auto *button = m_timeline->findChild<QQuickItem *>(u"jumpToFirstUnread"_s);
        QVERIFY(button);
        QVERIFY(!button->isVisible());
        QObject *conversation = m_view->rootObject()->property("conversation").value<QObject *>();
        QVERIFY(conversation);
        conversation->setProperty("firstUnreadMessageId", u"m%1"_s.arg(kMessages - 40)); // row 39
        QTRY_VERIFY(button->isVisible());
        QElapsedTimer timer;
        timer.start();
        while (button->isVisible()) {
            QVERIFY2(timer.elapsed() < 30'000, qPrintable(geometry()));
            step(true);
        }
        QVERIFY(m_model->rowCount() >= 40);
        step(false); // back down: it stays gone, the message was seen
        QVERIFY(!button->isVisible());
        conversation->setProperty("firstUnreadMessageId", QString());
        QVERIFY(!button->isVisible());
    }

    void jumpToLatestAfterReadingFarBackShowsTheNewestAtTheBottom()
    {
        QElapsedTimer timer;
        timer.start();
        while (m_model->atLatest()) {
            QVERIFY2(timer.elapsed() < 60'000, "the model never let go of the newest rows");
            step(true);
        }
        m_model->jumpToLatest(); // what the "newest" button does
        QTRY_VERIFY(m_model->atLatest());
        QCOMPARE(idAt(*m_model, 0), u"m%1"_s.arg(kMessages - 1));
        QTRY_VERIFY2(m_timeline->property("atNewest").toBool(), qPrintable(geometry()));
    }
};

QTEST_MAIN(TestTimelineScroll)
#include "tst_timelinescroll.moc"
