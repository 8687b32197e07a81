// The real app (Main.qml, App signed in to the demo on a real tandem-server) driven from the keyboard:
// Tab walks every control of the main window in reading order (space rail, conversation list,
// conversation header, timeline, composer; top to bottom, then left to right, inside each) and comes
// back to where it started; each control it reaches has an accessible name and a visible focus
// indicator; Enter or Space opens the popups (emoji picker, shortcuts overlay, about, readers), Escape
// closes them and gives the focus back to where it was. With the system font 1.5 times larger, the
// text grows and no text is squeezed below its own height; screenshots of both sizes are saved in
// test-artifacts/ to be looked at.
#include "appcontroller.h"
#include "files/attachmentimageprovider.h"

#include <QAccessible>
#include <QDir>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <cmath>
#include <string_view>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

using namespace tandem::app;
using namespace Qt::StringLiterals;

namespace {

QString accessibleName(QQuickItem *item)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

bool isA(const QObject *object, const char *qmlType)
{
    return QString::fromLatin1(object->metaObject()->className()).startsWith(QLatin1String(qmlType));
}

// The QML type (by file name) the item is, or is inside of, among `types`; empty when none.
QString regionOf(QQuickItem *item, const QStringList &types)
{
    for (QQuickItem *i = item; i; i = i->parentItem()) {
        for (const QString &type : types) {
            if (isA(i, (type + u"_QMLTYPE"_s).toLatin1().constData()))
                return type;
        }
    }
    return {};
}

void collect(QQuickItem *item, std::function<void(QQuickItem *)> visit)
{
    visit(item);
    for (QQuickItem *child : item->childItems())
        collect(child, visit);
}

QQuickItem *findNamed(QQuickItem *root, const QString &name)
{
    QQuickItem *found = nullptr;
    collect(root, [&](QQuickItem *i) {
        if (!found && i->objectName() == name && i->isVisible())
            found = i;
    });
    return found;
}

// WCAG 2.1's contrast ratio of two opaque colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto channel
        = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const auto luminance = [&](const QColor &c) {
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QQuickItem *enclosing(QQuickItem *item, const char *qmlType)
{
    for (QQuickItem *i = item; i; i = i->parentItem()) {
        if (isA(i, qmlType))
            return i;
    }
    return nullptr;
}

struct Stop
{
    QPointer<QQuickItem> item; // the hover actions of a message go away once it is no longer current
    QString name;
    QString region;
    QRectF rect; // in the window
    QPointer<QQuickItem> message; // the MessageDelegate it is (in), if any
    QString type;
    QString describe() const
    {
        return u"%1 '%2' (%3) at %4,%5"_s.arg(type, name, region).arg(rect.x()).arg(rect.y());
    }
};

const QStringList kRegions {u"SpaceRail"_s, u"ConversationPane"_s, u"ConversationHeader"_s, u"Timeline"_s,
    u"Composer"_s, u"ThreadPanel"_s, u"DetailPanel"_s};

} // namespace

class TestKeyboardFocus : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_profile;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    QQuickItem *focused() const { return m_window->activeFocusItem(); }

    Stop stopAt(QQuickItem *item) const
    {
        return {item, accessibleName(item), regionOf(item, kRegions),
            item->mapRectToScene(QRectF(0, 0, item->width(), item->height())),
            enclosing(item, "MessageDelegate_QMLTYPE"), QString::fromLatin1(item->metaObject()->className())};
    }
    QQuickItem *timelineView() const { return findNamed(m_window->contentItem(), u"timelineView"_s); }
    QRectF viewport() const
    {
        QQuickItem *view = timelineView();
        return view->mapRectToScene(QRectF(0, 0, view->width(), view->height()));
    }
    // The message list focused from the keyboard, as Tab from the header does: its current message. Tab
    // itself, from the header's last button: forcing the focus onto the list would leave it on whichever
    // control of the message had it (the previous test may end on the message's picture).
    QQuickItem *focusMessages()
    {
        QQuickItem *details = findNamed(m_window->contentItem(), u"detailsButton"_s);
        if (!details)
            return nullptr;
        details->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTest::qWait(20);
        return isA(focused(), "MessageDelegate_QMLTYPE") ? focused() : nullptr;
    }

    // Tab from the first space tile until the focus comes back to it.
    QList<Stop> tabCycle()
    {
        QQuickItem *first = nullptr;
        collect(m_window->contentItem(), [&](QQuickItem *i) {
            if (!first && isA(i, "SpaceTile_QMLTYPE") && i->isVisible())
                first = i;
        });
        if (!first)
            return {};
        first->forceActiveFocus(Qt::TabFocusReason);
        QList<Stop> stops {stopAt(first)};
        for (int i = 0; i < 80; ++i) {
            QTest::keyClick(m_window, Qt::Key_Tab);
            QTest::qWait(20);
            if (!focused() || focused() == first)
                break;
            stops.append(stopAt(focused()));
        }
        return stops;
    }

    void save(const QString &name)
    {
        const QString dir = QStringLiteral(TANDEM_ARTIFACTS);
        QDir().mkpath(dir);
        m_window->grabWindow().save(dir + u'/' + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_profile.isValid());
        qputenv("TANDEM_SERVER_BINARY", TANDEM_SERVER_BINARY);
        QQuickStyle::setStyle(u"Basic"_s);
        QAccessible::setActive(true);
        StartOptions options;
        options.profileDirectory = m_profile.path();
        options.demo = true;
        m_app = std::make_unique<AppController>(options);
        loadWindow();
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_app.reset();
    }

private:
    // Main.qml in a new engine (as the app loads it), then the first conversation opened from the keyboard.
    void loadWindow()
    {
        m_window = nullptr;
        m_engine.reset();
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(u"qrc:/"_s);
        m_engine->addImageProvider(
            QString::fromLatin1(AttachmentImageProvider::kProviderId), new AttachmentImageProvider);
        m_engine->load(QUrl(u"qrc:/Tandem/Ui/Main.qml"_s));
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(m_window);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->property("state").toString(), u"ready"_s, 60000);
        // The demo's conversations listed; open the first one from the keyboard (Down, Enter).
        QTRY_VERIFY_WITH_TIMEOUT(findNamed(m_window->contentItem(), u"conversationList"_s)
                && findNamed(m_window->contentItem(), u"conversationList"_s)->property("count").toInt() >= 5,
            20000);
        QQuickItem *list = findNamed(m_window->contentItem(), u"conversationList"_s);
        list->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(findNamed(m_window->contentItem(), u"timelineView"_s)
                && findNamed(m_window->contentItem(), u"timelineView"_s)->property("count").toInt() >= 3,
            20000);
        QTest::qWait(300);
    }

    qreal composerFontPx() const
    {
        const QFont font
            = findNamed(m_window->contentItem(), u"composerInput"_s)->property("font").value<QFont>();
        return font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96 / 72;
    }
    // Conversation rows whose content is taller than the row (it would spill into the next one).
    QStringList overfullRows() const
    {
        QStringList out;
        collect(m_window->contentItem(), [&](QQuickItem *i) {
            if (!isA(i, "ConversationDelegate_QMLTYPE") || !i->isVisible())
                return;
            const auto *content = i->property("contentItem").value<QQuickItem *>();
            if (content && content->implicitHeight() > i->height())
                out.append(u"%1: %2 > %3"_s.arg(accessibleName(i).left(20))
                               .arg(content->implicitHeight())
                               .arg(i->height()));
        });
        return out;
    }

private Q_SLOTS:

    void tabReachesEveryRegionInReadingOrder()
    {
        const QList<Stop> stops = tabCycle();
        QVERIFY(stops.size() > 5);
        QString walk;
        for (const Stop &s : stops)
            walk += u"\n  "_s + s.describe();
        qInfo().noquote() << "Tab order:" << walk;
        QVERIFY2(focused() == stops.first().item, "Tab did not come back to the first space tile");

        // Regions in reading order, each visited once, in one piece.
        QStringList regions;
        for (const Stop &s : stops) {
            if (regions.isEmpty() || regions.last() != s.region)
                regions.append(s.region);
        }
        const QStringList expected {
            u"SpaceRail"_s, u"ConversationPane"_s, u"ConversationHeader"_s, u"Timeline"_s, u"Composer"_s};
        QCOMPARE(regions, expected);

        // Inside a region: top to bottom; on one line, left to right.
        for (int i = 1; i < stops.size(); ++i) {
            const Stop &a = stops[i - 1], &b = stops[i];
            if (a.region != b.region)
                continue;
            const bool sameLine = b.rect.top() < a.rect.bottom() && a.rect.top() < b.rect.bottom();
            const bool inOrder = sameLine ? b.rect.left() >= a.rect.left() : b.rect.top() >= a.rect.top();
            QVERIFY2(
                inOrder, qPrintable(u"out of reading order: "_s + a.describe() + u" then "_s + b.describe()));
        }

        // The message list is one Tab stop, its current message (the newest on screen), then that
        // message's own controls; no other message and nothing scrolled out of view.
        QList<Stop> timeline;
        for (const Stop &s : stops) {
            if (s.region == u"Timeline"_s)
                timeline.append(s);
        }
        QVERIFY(!timeline.isEmpty());
        QVERIFY2(timeline.first().message && timeline.first().item == timeline.first().message,
            qPrintable(u"the list's Tab stop is not a message: "_s + timeline.first().describe()));
        const QRectF shown = viewport();
        for (const Stop &s : timeline) {
            QVERIFY2(s.message == timeline.first().message,
                qPrintable(u"a Tab stop in another message than the current one: "_s + s.describe()));
            QVERIFY2(shown.intersects(s.rect), qPrintable(u"a Tab stop out of view: "_s + s.describe()));
        }
        QVERIFY2(timeline.size() > 1, "Tab does not go into the current message's controls");
    }

    void everyTabStopIsNamedAndShowsFocus()
    {
        const QList<Stop> stops = tabCycle();
        QVERIFY(stops.size() > 5);
        for (const Stop &s : stops) {
            QVERIFY2(!s.name.isEmpty(), qPrintable(u"no accessible name: "_s + s.describe()));
            if (!s.item)
                continue; // a message's hover actions, gone with its turn as the current message
            s.item->forceActiveFocus(Qt::TabFocusReason);
            QTest::qWait(10);
            const bool textInput = s.item->property("cursorVisible").isValid();
            QQuickItem *ring = nullptr;
            for (QQuickItem *child : s.item->childItems()) {
                if (child->objectName() == u"focusRing"_s && child->isVisible())
                    ring = child;
            }
            QVERIFY2(textInput || ring, qPrintable(u"no visible focus indicator: "_s + s.describe()));
        }
    }

    // Up and Down move the current message (the focus, its ring and what a screen reader reads), keep it
    // in view, and Tab then goes into that message's controls.
    void arrowsMoveTheCurrentMessage()
    {
        QQuickItem *newest = focusMessages();
        QVERIFY2(newest, "the message list gave the focus to no message");
        QCOMPARE(focused(), newest);
        const QString newestName = accessibleName(newest);
        QVERIFY2(newestName.contains(u" at "_s), qPrintable(newestName));
        QTest::keyClick(m_window, Qt::Key_Up);
        QTRY_VERIFY(focused() != newest);
        QQuickItem *older = focused();
        QVERIFY2(isA(older, "MessageDelegate_QMLTYPE"), older->metaObject()->className());
        QVERIFY(older->mapToScene({0, 0}).y() < newest->mapToScene({0, 0}).y());
        QVERIFY(accessibleName(older) != newestName);
        QVERIFY(QAccessible::queryAccessibleInterface(older)->state().focused);
        QVERIFY(findNamed(older, u"focusRing"_s));
        QTest::qWait(450); // the background's fade
        save(u"a11y-current-message.png"_s);
        // Its time stamp says how long ago, to a screen reader and in its tooltip ("14:05 (3 minutes ago)").
        QQuickItem *time = findNamed(older, u"messageTime"_s);
        if (time) {
            const QString said = accessibleName(time);
            QVERIFY2(said.startsWith(time->property("text").toString() + u" ("_s) && said.contains(u"ago"_s),
                qPrintable(said));
        }
        // PageUp: a screenful of messages at once, PageDown back.
        const int before = timelineView()->property("currentIndex").toInt();
        QTest::keyClick(m_window, Qt::Key_PageUp);
        QTRY_VERIFY(timelineView()->property("currentIndex").toInt() > before + 1);
        QVERIFY(isA(focused(), "MessageDelegate_QMLTYPE"));
        QTest::keyClick(m_window, Qt::Key_PageDown);
        QTRY_VERIFY(timelineView()->property("currentIndex").toInt() < before + 2);
        // Far up: each step keeps the current message on screen (the list scrolls, pages load).
        for (int i = 0; i < 25; ++i)
            QTest::keyClick(m_window, Qt::Key_Up);
        QQuickItem *far = focused();
        QVERIFY(isA(far, "MessageDelegate_QMLTYPE"));
        QTRY_VERIFY(viewport().intersects(far->mapRectToScene(QRectF(0, 0, far->width(), far->height()))));
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(focused() != far);
        QVERIFY2(enclosing(focused(), "MessageDelegate_QMLTYPE") == far,
            qPrintable(u"Tab from a message went to "_s + stopAt(focused()).describe()));
        // Shift+Tab comes back to the message, and again leaves the list upwards.
        QTest::keyClick(m_window, Qt::Key_Backtab);
        QTRY_COMPARE(focused(), far);
        QTest::keyClick(m_window, Qt::Key_Backtab);
        QTRY_VERIFY(focused() && !enclosing(focused(), "MessageDelegate_QMLTYPE"));
        QCOMPARE(regionOf(focused(), kRegions), u"ConversationHeader"_s);
        // Back to the newest for the tests after this one.
        QMetaObject::invokeMethod(timelineView(), "positionViewAtBeginning");
        timelineView()->setProperty("currentIndex", 0);
    }

    // Shift+Tab from the composer comes back into the current message (its last control), not into
    // whichever message the list made last.
    void backtabFromTheComposerReturnsToTheCurrentMessage()
    {
        QQuickItem *current = focusMessages();
        QVERIFY(current);
        QQuickItem *input = findNamed(m_window->contentItem(), u"composerInput"_s);
        input->forceActiveFocus(Qt::TabFocusReason);
        for (int i = 0; i < 20 && !enclosing(focused(), "MessageDelegate_QMLTYPE"); ++i) {
            QTest::keyClick(m_window, Qt::Key_Backtab);
            QTest::qWait(20);
        }
        QTRY_COMPARE(enclosing(focused(), "MessageDelegate_QMLTYPE"), current);
    }

    // Enter on the current message opens its actions menu (what a right click gives, the thread first);
    // Escape closes it and the focus is back on the message.
    void enterOnAMessageOpensItsActions()
    {
        QQuickItem *current = focusMessages();
        QVERIFY(current);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(focused() && focused() != current && !enclosing(focused(), "MessageDelegate_QMLTYPE"));
        QVERIFY2(isA(focused(), "QQuickMenu") || enclosing(focused(), "QQuickPopupItem"),
            focused()->metaObject()->className());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(focused(), current);
    }

    void escapeClosesPopupsAndGivesFocusBack_data()
    {
        QTest::addColumn<QString>("opener"); // objectName of the control Enter/Space activates
        QTest::addColumn<int>("key");
        QTest::newRow("emoji picker") << u"emojiButton"_s << int(Qt::Key_Space);
        QTest::newRow("shortcuts overlay") << u"helpButton"_s << int(Qt::Key_Return);
    }
    void escapeClosesPopupsAndGivesFocusBack()
    {
        QFETCH(QString, opener);
        QFETCH(int, key);
        QQuickItem *button = findNamed(m_window->contentItem(), opener);
        QVERIFY2(button, qPrintable(opener));
        button->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key(key));
        QTRY_VERIFY(focused() && focused() != button);
        QQuickItem *inside = focused();
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(focused(), button);
        Q_UNUSED(inside);
    }

    // Enter presses the focused button inside modal popups too (Qt blocks window shortcuts there): the
    // shortcuts overlay's About button opens About, About's Close button closes it, and the focus is
    // back where the overlay was opened from.
    void enterPressesTheFocusedButtonInModalPopups()
    {
        QQuickItem *help = findNamed(m_window->contentItem(), u"helpButton"_s);
        QVERIFY(help);
        help->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Return);
        QQuickItem *overlay = m_window->contentItem(); // popups are shown in its Overlay child
        QTRY_VERIFY(findNamed(overlay, u"aboutButton"_s));
        QQuickItem *about = findNamed(overlay, u"aboutButton"_s);
        about->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(focused() && focused()->objectName() == u"aboutCloseButton"_s);
        QVERIFY(!findNamed(overlay, u"aboutButton"_s)); // the overlay closed on the way
        // About focused its Close button itself (no keyboard focus ring shown yet): Enter presses it all the
        // same.
        QTest::keyClick(m_window, Qt::Key_Enter);
        QTRY_VERIFY(!findNamed(overlay, u"aboutCloseButton"_s));
        QTRY_COMPARE(focused(), help);
    }

    // The side panels and popups (thread, details, About, readers, emoji picker, search, image viewer):
    // opened from the keyboard, each of their Tab stops has a name, they come in reading order (top to
    // bottom, left to right on a line), and Escape closes them and gives the focus back to the opener.
    void panelsAndPopupsAreNamedInOrderAndEscapeGivesFocusBack_data()
    {
        QTest::addColumn<QString>("what");
        for (const char *what :
            {"thread", "details", "about", "readers", "emoji picker", "search", "image viewer"})
            QTest::newRow(what) << QString::fromLatin1(what);
    }
    void panelsAndPopupsAreNamedInOrderAndEscapeGivesFocusBack()
    {
        QFETCH(QString, what);
        QQuickItem *root = m_window->contentItem();
        QQuickItem *opener = nullptr;
        QString panel; // the side panel's region, or empty for a popup (Tab cycles inside it)
        const auto press = [&](const QString &name, Qt::Key key) {
            opener = findNamed(root, name);
            QVERIFY2(opener, qPrintable(name));
            opener->forceActiveFocus(Qt::TabFocusReason);
            QTest::keyClick(m_window, key);
        };
        if (what == u"thread"_s) {
            opener = focusMessages();
            QVERIFY(opener);
            QTest::keyClick(m_window, Qt::Key_T);
            QTRY_VERIFY(findNamed(root, u"closeThreadButton"_s));
            panel = u"ThreadPanel"_s;
            findNamed(root, u"closeThreadButton"_s)->forceActiveFocus(Qt::TabFocusReason);
        } else if (what == u"details"_s) {
            press(u"detailsButton"_s, Qt::Key_Return);
            QTRY_VERIFY(findNamed(root, u"closeDetailsButton"_s));
            panel = u"DetailPanel"_s;
            findNamed(root, u"closeDetailsButton"_s)->forceActiveFocus(Qt::TabFocusReason);
        } else if (what == u"about"_s) {
            press(u"helpButton"_s, Qt::Key_Return);
            QTRY_VERIFY(findNamed(root, u"aboutButton"_s));
            findNamed(root, u"aboutButton"_s)->forceActiveFocus(Qt::TabFocusReason);
            QTest::keyClick(m_window, Qt::Key_Return);
            QTRY_VERIFY(findNamed(root, u"aboutCloseButton"_s));
        } else if (what == u"readers"_s) {
            press(u"readersButton"_s, Qt::Key_Return);
            QTRY_VERIFY(findNamed(root, u"readersList"_s));
        } else if (what == u"emoji picker"_s) {
            press(u"emojiButton"_s, Qt::Key_Space);
            QTRY_VERIFY(findNamed(root, u"emojiGrid"_s));
        } else if (what == u"search"_s) {
            opener = findNamed(root, u"composerInput"_s);
            opener->forceActiveFocus(Qt::TabFocusReason);
            QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
            QTRY_VERIFY(focused() && focused()->objectName() == u"searchField"_s);
        } else if (what == u"image viewer"_s) {
            // The demo's picture is in Launch team: opened as the conversation list's Enter does.
            QQuickItem *launch = nullptr;
            collect(root, [&](QQuickItem *i) {
                if (!launch && isA(i, "ConversationDelegate_QMLTYPE")
                    && accessibleName(i).startsWith(u"Launch team"_s))
                    launch = i;
            });
            QVERIFY(launch);
            // From the list's row, as Enter there: the composer then takes the focus a moment later (had
            // it kept the focus from before, the wait below would not wait for that).
            launch->forceActiveFocus(Qt::TabFocusReason);
            QMetaObject::invokeMethod(launch, "activate");
            QTRY_VERIFY(findNamed(root, u"imagePreview"_s));
            QTRY_VERIFY(
                focused() && focused()->objectName() == u"composerInput"_s); // opening focuses the composer
            // Enter fetches the picture if it is not held yet, then shows it.
            for (int i = 0; i < 40 && !findNamed(root, u"viewerClose"_s); ++i) {
                press(u"imagePreview"_s, Qt::Key_Return);
                QTest::qWait(250);
            }
            QQuickItem *preview = findNamed(root, u"imagePreview"_s);
            QVERIFY2(findNamed(root, u"viewerClose"_s),
                qPrintable(u"the viewer did not open: picture %1, focus on %2"_s.arg(
                    preview ? preview->property("fileState").toString() : u"gone"_s,
                    focused() ? QString::fromLatin1(focused()->metaObject()->className()) : u"none"_s)));
        }
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(focused() && focused() != opener);

        // Tab through: a popup until the focus comes back round, a panel until the focus leaves it.
        QList<Stop> stops {stopAt(focused())};
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(m_window, Qt::Key_Tab);
            QTest::qWait(20);
            if (!focused() || focused() == stops.first().item)
                break;
            const Stop stop = stopAt(focused());
            if (!panel.isEmpty() && !enclosing(focused(), (panel + u"_QMLTYPE"_s).toLatin1().constData()))
                break;
            stops.append(stop);
        }
        QString walk;
        for (const Stop &s : stops)
            walk += u"\n  "_s + s.describe();
        qInfo().noquote() << what << "Tab stops:" << walk;
        for (const Stop &s : stops)
            QVERIFY2(!s.name.isEmpty(), qPrintable(u"no accessible name: "_s + s.describe()));
        // Reading order from the first stop to the last (the popup's wrap-around aside).
        int first = 0;
        if (panel.isEmpty()) { // a popup's cycle starts over at its top left
            for (int i = 1; i < stops.size(); ++i) {
                const Stop &s = stops[i], &f = stops[first];
                const bool sameLine = s.rect.top() < f.rect.bottom() && f.rect.top() < s.rect.bottom();
                if (sameLine ? s.rect.left() < f.rect.left() : s.rect.top() < f.rect.top())
                    first = i;
            }
        }
        for (int n = 1; n < stops.size(); ++n) {
            const Stop &a = stops[(first + n - 1) % stops.size()], &b = stops[(first + n) % stops.size()];
            const bool sameLine = b.rect.top() < a.rect.bottom() && a.rect.top() < b.rect.bottom();
            const bool inOrder = sameLine ? b.rect.left() >= a.rect.left() : b.rect.top() >= a.rect.top();
            QVERIFY2(
                inOrder, qPrintable(u"out of reading order: "_s + a.describe() + u" then "_s + b.describe()));
        }

        // Escape from inside closes it and gives the focus back.
        stops.last().item->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(focused(), opener);
        if (!panel.isEmpty())
            QVERIFY(!findNamed(root, what == u"thread"_s ? u"closeThreadButton"_s : u"closeDetailsButton"_s));
    }

    // What a screen reader's "activate" does (the press action, through QAccessible as AT-SPI calls it)
    // opens what a click opens.
    void screenReaderPressOpensWhatAClickOpens()
    {
        QQuickItem *root = m_window->contentItem();
        QQuickItem *help = findNamed(root, u"helpButton"_s);
        QVERIFY(help);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(help);
        QVERIFY(iface && iface->actionInterface());
        iface->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        QTRY_VERIFY(findNamed(root, u"aboutButton"_s));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!findNamed(root, u"aboutButton"_s));
        // The Details toggle: its toggle action opens the panel (not only ticks the box).
        QAccessibleInterface *details
            = QAccessible::queryAccessibleInterface(findNamed(root, u"detailsButton"_s));
        QVERIFY(details && details->actionInterface());
        help->forceActiveFocus(Qt::TabFocusReason);
        QQuickItem *before = focused();
        details->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
        QTRY_VERIFY(findNamed(root, u"closeDetailsButton"_s));
        QAccessible::queryAccessibleInterface(findNamed(root, u"closeDetailsButton"_s))
            ->actionInterface()
            ->doAction(QAccessibleActionInterface::pressAction());
        QTRY_VERIFY(!findNamed(root, u"closeDetailsButton"_s));
        QTest::qWait(50); // the focus is given back a moment later
        QCOMPARE(focused(), before);
    }

    void searchOverlayEscapeGivesFocusBack()
    {
        QQuickItem *list = findNamed(m_window->contentItem(), u"conversationList"_s);
        list->forceActiveFocus(Qt::TabFocusReason);
        QQuickItem *before = focused(); // the list's current item
        QVERIFY(before);
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(focused() && focused()->objectName() == u"searchField"_s);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(focused(), before);
    }

    // The list's arrows do not take the composer's: after a message of yours, Up in the empty composer
    // still edits it, with the message list having held the focus just before.
    void upInAnEmptyComposerStillEditsYourLastMessage()
    {
        QQuickItem *input = findNamed(m_window->contentItem(), u"composerInput"_s);
        QVERIFY(input);
        input->forceActiveFocus(Qt::TabFocusReason);
        for (const char c : std::string_view("keyboard check"))
            QTest::keyClick(m_window, c);
        QTRY_COMPARE(input->property("text").toString(), u"keyboard check"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(input->property("text").toString(), QString());
        const auto newest = [this] {
            timelineView()->setProperty("currentIndex", 0);
            return accessibleName(timelineView()->property("currentItem").value<QQuickItem *>());
        };
        QTRY_VERIFY2(newest().contains(u"keyboard check"_s), qPrintable(newest()));
        QVERIFY(focusMessages()); // the message list has the focus, then the composer again
        input->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Up);
        QTRY_COMPARE(input->property("text").toString(), u"keyboard check"_s);
        QCOMPARE(focused(), input);
        QTest::keyClick(m_window, Qt::Key_Escape); // leaves the edit
        QTRY_COMPARE(input->property("text").toString(), QString());
    }

    // Last: it changes the application font, as a user's system font setting does, before the window loads.
    // What the style really paints: a plain, a highlighted (the default action of a dialog) and a checked
    // button placed in the main window inherit its palette; each one's text on its fill meets WCAG AA.
    // (The Basic style fills highlighted and checked buttons with the palette's `dark`, once a light grey
    // under white text.)
    void buttonTextIsReadableOnEveryButtonFill_data()
    {
        QTest::addColumn<QByteArray>("button");
        QTest::newRow("plain") << QByteArray("Button { text: \"Cancel\" }");
        QTest::newRow("highlighted") << QByteArray("Button { text: \"Save\"; highlighted: true }");
        QTest::newRow("checked") << QByteArray("Button { text: \"Bold\"; checkable: true; checked: true }");
    }
    void buttonTextIsReadableOnEveryButtonFill()
    {
        QFETCH(QByteArray, button);
        QQmlComponent component(m_engine.get());
        component.setData("import QtQuick.Controls\n" + button, QUrl());
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        auto *item = qobject_cast<QQuickItem *>(object.get());
        item->setParentItem(m_window->contentItem());
        const auto *fill = item->property("background").value<QQuickItem *>();
        const auto *label = item->property("contentItem").value<QQuickItem *>();
        QVERIFY(fill && label);
        const QColor fillColour = fill->property("color").value<QColor>();
        const QColor textColour = label->property("color").value<QColor>();
        QVERIFY(fillColour.isValid() && textColour.isValid());
        QCOMPARE(fillColour.alpha(), 255);
        const double ratio = contrast(fillColour, textColour);
        QVERIFY2(ratio >= 4.5,
            qPrintable(u"%1 on %2: %3:1"_s.arg(textColour.name(), fillColour.name()).arg(ratio)));
    }

    void largerSystemFontGrowsTheText()
    {
        const qreal textBefore = composerFontPx();
        QVERIFY(textBefore > 0);
        save(u"a11y-font-1x.png"_s);

        QFont font = QGuiApplication::font();
        if (font.pixelSize() > 0)
            font.setPixelSize(font.pixelSize() * 3 / 2);
        else
            font.setPointSizeF(font.pointSizeF() * 1.5);
        QGuiApplication::setFont(font);
        loadWindow();
        if (QTest::currentTestFailed())
            return;
        save(u"a11y-font-1.5x.png"_s);

        const qreal textAfter = composerFontPx();
        QVERIFY2(textAfter >= textBefore * 1.4,
            qPrintable(u"composer text %1 px -> %2 px"_s.arg(textBefore).arg(textAfter)));
        const QStringList overfull = overfullRows();
        QVERIFY2(overfull.isEmpty(), qPrintable(overfull.join(u"; "_s)));

        // No text laid out shorter than itself (it would spill over what is below it).
        QStringList squeezed;
        collect(m_window->contentItem(), [&](QQuickItem *i) {
            if (!i->isVisible() || !i->inherits("QQuickText") || i->property("text").toString().isEmpty())
                return;
            if (i->height() + 1 < i->implicitHeight())
                squeezed.append(u"'%1' %2 < %3"_s.arg(i->property("text").toString().left(30))
                                    .arg(i->height())
                                    .arg(i->implicitHeight()));
        });
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(u"; "_s)));
    }
};

QTEST_MAIN(TestKeyboardFocus)
#include "tst_keyboardfocus.moc"
