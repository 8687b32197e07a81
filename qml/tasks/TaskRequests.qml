// How a message's menu asks for a task without knowing where the tasks view lives: the message menu
// calls createFromMessage, the workspace (which knows the open conversation) listens and opens the
// editor prefilled with the message's text and a link back to it.
pragma Singleton
import QtQml

QtObject {
    signal createFromMessageRequested(string messageId, string text)
    signal openTaskRequested(string taskId)
    function createFromMessage(messageId, text) { createFromMessageRequested(messageId, text) }
    function openTask(taskId) { openTaskRequested(taskId) }
}
