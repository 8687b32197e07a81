// The signed-in window: the space rail, the conversation list, the open conversation, and on the
// right the thread or the details. Window-wide shortcuts live here; the help overlay lists them all.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Item {
    id: workspace
    readonly property var session: App.currentSpace
    readonly property var conversation: session ? session.currentConversation : null
    readonly property color accent: Theme.accentFor(session ? session.kind : "work")
    // "details", "thread" or "" for the right-hand panel
    property string sidePanel: conversation && conversation.thread ? "thread" : (detailsOpen ? "details" : "")
    property bool detailsOpen: false
    // The approvals view (qml/approvals/) in place of the conversations, in a work space.
    property bool approvalsOpen: false

    // A search result or a task's message: its conversation, scrolled to it when there is one.
    function showMessage(conversationId, messageId) {
        workspace.session.openConversation(conversationId)
        if (workspace.session.currentConversation && messageId.length > 0)
            workspace.session.currentConversation.jumpToMessage(messageId)
    }
    // Later, so that a closing popup gives the focus back first and we take it after.
    function focusComposer() { Qt.callLater(conversationView.focusComposer) }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        SpaceRail {
            onHelpRequested: help.get().open()
            onScheduleRequested: scheduleSettings.get().open()
            onDigestRequested: if (workspace.session) workspace.session.openDigest()
            onApprovalsRequested: workspace.approvalsOpen = !workspace.approvalsOpen
            onTasksRequested: tasksView.get().open()
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.railWidth
        }
        Loader {
            active: workspace.approvalsOpen
            visible: active
            Layout.fillHeight: true
            Layout.fillWidth: true
            sourceComponent: ApprovalsView {
                session: workspace.session
                accent: workspace.accent
                onCloseRequested: workspace.approvalsOpen = false
            }
        }
        ConversationPane {
            id: conversationPane
            visible: !workspace.approvalsOpen
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.sidebarWidth
            session: workspace.session
            accent: workspace.accent
            onConversationChosen: workspace.focusComposer()
        }
        Rectangle { visible: !workspace.approvalsOpen; Layout.fillHeight: true; Layout.preferredWidth: 1; color: Theme.border }
        ConversationView {
            id: conversationView
            visible: !workspace.approvalsOpen
            Layout.fillHeight: true
            Layout.fillWidth: true
            session: workspace.session
            conversation: workspace.conversation
            accent: workspace.accent
            detailsOpen: workspace.detailsOpen
            onToggleDetails: workspace.detailsOpen = !workspace.detailsOpen
        }
        Rectangle {
            visible: workspace.sidePanel !== "" && !workspace.approvalsOpen
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.border
        }
        // The side panels exist only while shown: hidden, their lists (members, pinned, files, the
        // thread) would still be filled and laid out each time a conversation opens.
        Loader {
            active: workspace.sidePanel === "thread" && !workspace.approvalsOpen
            visible: active
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.panelWidth + 60
            sourceComponent: ThreadPanel {
                conversation: workspace.conversation
                session: workspace.session
                accent: workspace.accent
            }
        }
        Loader {
            active: workspace.sidePanel === "details" && !workspace.approvalsOpen
            visible: active
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.panelWidth
            sourceComponent: DetailPanel {
                conversation: workspace.conversation
                session: workspace.session
                onCloseRequested: workspace.detailsOpen = false
            }
        }
    }

    // The overlays and dialogs, each made when first opened (LazyPopup.qml).
    LazyPopup {
        id: search
        host: workspace
        component: Component {
            SearchOverlay {
                session: workspace.session
                accent: workspace.accent
                onMessageChosen: (conversationId, messageId) => workspace.showMessage(conversationId, messageId)
                onConversationChosen: conversationId => {
                    workspace.session.openConversation(conversationId)
                    workspace.focusComposer()
                }
            }
        }
    }
    LazyPopup {
        id: help
        host: workspace
        component: Component {
            ShortcutsOverlay {}
        }
    }
    LazyPopup {
        id: scheduleSettings
        host: workspace
        component: Component {
            ScheduleSettings {
                boundary: workspace.session ? workspace.session.boundary : null
                spaceName: workspace.session ? workspace.session.name : ""
            }
        }
    }
    LazyPopup {
        id: digestView
        host: workspace
        component: Component {
            DigestView {
                model: workspace.session ? workspace.session.digest : null
                spaceName: workspace.session ? workspace.session.name : ""
                accent: workspace.accent
                onConversationChosen: conversationId => workspace.session.openConversation(conversationId)
            }
        }
    }
    Connections {
        target: workspace.session
        function onDigestRequested() { digestView.get().open() }
    }
    LazyPopup {
        id: tasksView
        host: workspace
        component: Component {
            TasksView {
                session: workspace.session
                conversationId: workspace.conversation ? workspace.conversation.conversationId : ""
                conversationName: workspace.conversation ? workspace.conversation.name : ""
                accent: workspace.accent
                onMessageChosen: (conversationId, messageId) => workspace.showMessage(conversationId, messageId)
            }
        }
    }
    Connections {
        target: TaskRequests
        function onCreateFromMessageRequested(messageId, text) {
            const tasks = tasksView.get()
            tasks.createFromMessage(text, tasks.conversationId, messageId)
        }
        function onOpenTaskRequested(taskId) {
            const tasks = tasksView.get()
            tasks.open()
            tasks.openTask(taskId)
        }
    }
    Shortcut { sequences: ["Ctrl+Shift+T"]; onActivated: tasksView.get().open() }

    Shortcut { sequences: ["Ctrl+K"]; onActivated: search.get().openSearch() }
    Shortcut { sequences: ["F1", "Ctrl+/"]; onActivated: help.get().open() }
    Shortcut { sequences: ["Ctrl+1"]; onActivated: App.switchSpace(0) }
    Shortcut { sequences: ["Ctrl+2"]; onActivated: App.switchSpace(1) }
    Shortcut { sequences: ["Ctrl+3"]; onActivated: App.switchSpace(2) }
    Shortcut { sequences: ["Alt+Down", "Ctrl+Tab"]; onActivated: conversationPane.step(1) }
    Shortcut { sequences: ["Alt+Up", "Ctrl+Shift+Tab"]; onActivated: conversationPane.step(-1) }
    Shortcut { sequences: ["Ctrl+Shift+A"]; onActivated: conversationPane.nextUnread() }
    Shortcut { sequences: ["Ctrl+I"]; onActivated: workspace.detailsOpen = !workspace.detailsOpen }
    Shortcut { sequences: ["Ctrl+J"]; enabled: !!workspace.conversation; onActivated: workspace.conversation.jumpToFirstUnread() }
    Shortcut { sequences: ["Ctrl+L"]; onActivated: conversationPane.focusFilter() }
    Shortcut { sequences: ["Ctrl+Shift+P"]; onActivated: workspace.approvalsOpen = !workspace.approvalsOpen }
    Shortcut {
        sequences: ["Escape"]
        enabled: workspace.sidePanel !== ""
        onActivated: {
            if (workspace.conversation && workspace.conversation.thread)
                workspace.conversation.closeThread()
            else
                workspace.detailsOpen = false
        }
    }

    // Closing the thread or the details (Esc, ✕) gives the focus back to where it was when the panel
    // opened (the message, the Details button), when the focus went with the panel.
    property Item focusBeforePanel: null
    onSidePanelChanged: {
        if (sidePanel !== "") {
            if (!focusBeforePanel)
                focusBeforePanel = Window.activeFocusItem
            return
        }
        var back = focusBeforePanel
        focusBeforePanel = null
        Qt.callLater(() => {
            // Only when the focus went with the panel: not when it is elsewhere (switching conversations).
            var window = workspace.Window.window
            var now = window ? window.activeFocusItem : null
            if (now && now !== window.contentItem && now.visible)
                return
            if (back && back.visible)
                back.forceActiveFocus(Qt.ShortcutFocusReason)
            else
                conversationView.focusComposer()
        })
    }
}
