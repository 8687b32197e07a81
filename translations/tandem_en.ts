<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConversationDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DigestView</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reaction(s)</source>
        <translation>
            <numerusform>%n reaction</numerusform>
            <numerusform>%n reactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageFormat</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpaceTile</name>
    <message numerus="yes">
        <source>%1 space, %n unread</source>
        <translation>
            <numerusform>%1 space, %n unread</numerusform>
            <numerusform>%1 space, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message numerus="yes">
        <source>Approve %n request(s)?</source>
        <translation>
            <numerusform>Approve %n request?</numerusform>
            <numerusform>Approve %n requests?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::ApprovalDashboard</name>
    <message numerus="yes">
        <source>%n request(s) exported to %1.</source>
        <translation>
            <numerusform>%n request exported to %1.</numerusform>
            <numerusform>%n requests exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::ConversationListModel</name>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n person is typing…</numerusform>
            <numerusform>%n people are typing…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::RequestForm</name>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n, each once.</source>
        <translation>
            <numerusform>At most %n, each once.</numerusform>
            <numerusform>At most %n, each once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::TaskController</name>
    <message numerus="yes">
        <source>A new task takes at most %n file(s); attach more once it exists.</source>
        <translation>
            <numerusform>A new task takes at most %n file; attach more once it exists.</numerusform>
            <numerusform>A new task takes at most %n files; attach more once it exists.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::TimelineModel</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::approvals</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
</TS>
