<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tandem</source>
        <translation>關於 Tandem</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Work and personal messaging, tasks and approvals, kept apart.</source>
        <translation>工作與個人的訊息、任務和審批，彼此分開。</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（以 %2 建置）</translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation>使用的程式庫及其授權條款</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2). %3</source>
        <translation>%1（%2）。%3</translation>
    </message>
    <message>
        <source>© %1</source>
        <translation>© %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close the About window</source>
        <translation>關閉「關於」視窗</translation>
    </message>
</context>
<context>
    <name>BusyView</name>
    <message>
        <source>Working</source>
        <translation>處理中</translation>
    </message>
    <message>
        <source>Opening Tandem…</source>
        <translation>正在開啟 Tandem…</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>程式碼</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>複製程式碼</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Editing your message — Enter saves, Esc cancels</source>
        <translation>正在編輯訊息 — Enter 儲存，Esc 取消</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>正在上載 %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在準備…</translation>
    </message>
    <message>
        <source>Waiting to upload…</source>
        <translation>等待上載…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>加入附件</translation>
    </message>
    <message>
        <source>Attach files (or drop them here)</source>
        <translation>加入附件（或拖放到這裏）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter 傳送，Shift+Enter 換行</translation>
    </message>
    <message>
        <source>Insert emoji</source>
        <translation>插入表情符號</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Save the edit</source>
        <translation>儲存修改</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>傳送訊息</translation>
    </message>
    <message>
        <source>Drop to send</source>
        <translation>放開即可傳送</translation>
    </message>
    <message>
        <source>People to mention</source>
        <translation>可提及的人</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>傳送檔案</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>external</source>
        <translation>外部</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n則未讀</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>%n次提及</numerusform>
        </translation>
    </message>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>草稿：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>External: people outside your organisation can read this</source>
        <translation>外部：機構以外的人可以看到這裏的內容</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n位成員</numerusform>
        </translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Members, pinned messages and files (Ctrl+I)</source>
        <translation>成員、置頂訊息和檔案（Ctrl+I）</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Filter conversations (Ctrl+L)</source>
        <translation>篩選對話（Ctrl+L）</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>篩選對話</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>沒有與「%1」相符的對話。</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>還沒有對話。</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Message %1</source>
        <translation>傳訊息給 %1</translation>
    </message>
    <message>
        <source>Pick a conversation</source>
        <translation>請選擇一個對話</translation>
    </message>
    <message>
        <source>Ctrl+K searches everything in this space; F1 lists the shortcuts.</source>
        <translation>Ctrl+K 搜尋此空間的全部內容；F1 列出快捷鍵。</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Conversation details</source>
        <translation>對話詳情</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Close the details</source>
        <translation>關閉詳情</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>成員（%1）</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>置頂</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成員</translation>
    </message>
    <message>
        <source>external</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>擁有者</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>Pinned messages</source>
        <translation>置頂訊息</translation>
    </message>
    <message>
        <source>Nothing pinned yet.</source>
        <translation>還沒有置頂內容。</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>還沒有檔案。</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>%1, %2, from %3</source>
        <translation>%1，%2，來自 %3</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Emoji</source>
        <translation>表情符號</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <source>%1 · failed</source>
        <translation>%1 · 失敗</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>正在上載 %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>正在下載 %1</translation>
    </message>
</context>
<context>
    <name>FileSizes</name>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <source>%1 of %2 %3</source>
        <translation>%1 / %2 %3</translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <source>Download failed. Click to try again.</source>
        <translation>下載失敗。按一下重試。</translation>
    </message>
    <message>
        <source>%1 · click to download</source>
        <translation>%1 · 按一下下載</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>正在上載 %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>正在下載 %1</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>無法顯示 %1：%2</translation>
    </message>
    <message>
        <source>Cannot show %1.</source>
        <translation>無法顯示 %1。</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>無法顯示 %1：%2</translation>
    </message>
    <message>
        <source>Cannot show %1.</source>
        <translation>無法顯示 %1。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存為…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>圖片：%1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Tandem</source>
        <translation>%1 — Tandem</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>%1 recalled a message</source>
        <translation>%1 收回了一則訊息</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>（未傳送）</translation>
    </message>
    <message>
        <source>(sending)</source>
        <translation>（傳送中）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新訊息</translation>
    </message>
    <message>
        <source>This message was recalled.</source>
        <translation>此訊息已收回。</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>（已編輯）</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n則回覆</numerusform>
        </translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>用 %1 回應</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>在討論串中回覆</translation>
    </message>
    <message>
        <source>Reply in thread (T)</source>
        <translation>在討論串中回覆（T）</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多動作</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>Pin to conversation</source>
        <translation>在對話中置頂</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>複製文字</translation>
    </message>
    <message>
        <source>React</source>
        <translation>表情回應</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已編輯</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 個檔案</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reaction(s)</source>
        <translation>
            <numerusform>%n 個表情回應</numerusform>
        </translation>
    </message>
    <message>
        <source>read by %1 of %2</source>
        <translation>%2 人中 %1 人已讀</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>MessageContent</name>
    <message>
        <source>Show more</source>
        <translation>展開</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>收起</translation>
    </message>
</context>
<context>
    <name>MessageFormat</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>date pattern within this year</comment>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date pattern for another year</comment>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>剛剛</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n分鐘前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n小時前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n日前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReactionsRow</name>
    <message>
        <source>%1 by %2</source>
        <translation>%2 回應了 %1</translation>
    </message>
</context>
<context>
    <name>ReadersPopup</name>
    <message>
        <source>Read by %1 of %2</source>
        <translation>%2 人中 %1 人已讀</translation>
    </message>
    <message>
        <source>%1, read</source>
        <translation>%1，已讀</translation>
    </message>
    <message>
        <source>%1, not yet read</source>
        <translation>%1，未讀</translation>
    </message>
</context>
<context>
    <name>ReceiptLine</name>
    <message>
        <source>Sending…</source>
        <translation>正在傳送…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未傳送：%1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未傳送</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已讀</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已傳送</translation>
    </message>
    <message>
        <source>Read by everyone</source>
        <translation>所有人已讀</translation>
    </message>
    <message>
        <source>Read by %1 of %2</source>
        <translation>%2 人中 %1 人已讀</translation>
    </message>
</context>
<context>
    <name>SearchOverlay</name>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Search conversations, people and messages</source>
        <translation>搜尋對話、聯絡人和訊息</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>People</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>找不到「%1」的相關結果。</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Search conversations, people and messages</source>
        <translation>搜尋對話、聯絡人和訊息</translation>
    </message>
    <message>
        <source>Switch space</source>
        <translation>切換空間</translation>
    </message>
    <message>
        <source>Previous or next conversation</source>
        <translation>上一個或下一個對話</translation>
    </message>
    <message>
        <source>Next conversation with unread messages</source>
        <translation>下一個有未讀訊息的對話</translation>
    </message>
    <message>
        <source>Filter the conversation list</source>
        <translation>篩選對話列表</translation>
    </message>
    <message>
        <source>Jump to the first unread message</source>
        <translation>跳到第一則未讀訊息</translation>
    </message>
    <message>
        <source>Show or hide the details</source>
        <translation>顯示或隱藏詳情</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>傳送訊息</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在訊息中換行</translation>
    </message>
    <message>
        <source>Edit your last message</source>
        <translation>編輯你的上一則訊息</translation>
    </message>
    <message>
        <source>Mention someone (Tab or Enter completes)</source>
        <translation>提及某人（Tab 或 Enter 自動完成）</translation>
    </message>
    <message>
        <source>On a selected message: thread, edit, recall</source>
        <translation>對選取的訊息：討論串、編輯、收回</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>訊息動作</translation>
    </message>
    <message>
        <source>Close the thread, the details, or this list</source>
        <translation>關閉討論串、詳情或此列表</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>此列表</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>關於 Tandem</translation>
    </message>
    <message>
        <source>About Tandem: version and licences</source>
        <translation>關於 Tandem：版本和授權條款</translation>
    </message>
</context>
<context>
    <name>SpaceRail</name>
    <message>
        <source>Spaces</source>
        <translation>空間</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>鍵盤快捷鍵（F1）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
</context>
<context>
    <name>SpaceTile</name>
    <message numerus="yes">
        <source>%1 space, %n unread</source>
        <translation>
            <numerusform>%1空間，%n則未讀</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 space</source>
        <translation>%1空間</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>Connected as %1</source>
        <translation>已以 %1 身分連線</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <source>Offline: changes are kept and sent when back</source>
        <translation>離線：變更已保留，恢復連線後傳送</translation>
    </message>
    <message>
        <source>Signed out: sign in again</source>
        <translation>已登出：請重新登入</translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>On this computer only</source>
        <translation>只在此電腦</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>討論串</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>關閉討論串</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>在討論串中回覆</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>跳到最新訊息</translation>
    </message>
    <message>
        <source>↑ Jump to first unread (Ctrl+J)</source>
        <translation>↑ 跳到第一則未讀（Ctrl+J）</translation>
    </message>
    <message>
        <source>No replies yet.</source>
        <translation>還沒有回覆。</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>還沒有訊息。打個招呼吧！</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Unlock Tandem</source>
        <translation>解鎖 Tandem</translation>
    </message>
    <message>
        <source>Your spaces are encrypted on this computer. Enter your passphrase to open them.</source>
        <translation>你的空間在此電腦上已加密。請輸入密碼短語以開啟。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密碼短語</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to Tandem</source>
        <translation>歡迎使用 Tandem</translation>
    </message>
    <message>
        <source>Work and personal messages, tasks and approvals, kept apart: each space has its own account, its own encrypted store and its own hours.</source>
        <translation>工作與個人的訊息、任務和審批，彼此分開：每個空間都有自己的帳戶、自己的加密儲存和自己的時間安排。</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>試用示範</translation>
    </message>
    <message>
        <source>Starts a server on this computer with Demo Co, its people and their history, and signs you in as Alice. Nothing leaves your machine.</source>
        <translation>在此電腦啟動一個包含 Demo Co、其成員及歷史記錄的伺服器，並以 Alice 的身分登入。任何資料都不會離開你的電腦。</translation>
    </message>
    <message>
        <source>Start the demo</source>
        <translation>開始示範</translation>
    </message>
    <message>
        <source>Starts a local demo server and signs in as Alice</source>
        <translation>啟動本機示範伺服器並以 Alice 的身分登入</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>連線至伺服器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>伺服器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用戶名稱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空間</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>個人</translation>
    </message>
    <message>
        <source>Space name</source>
        <translation>空間名稱</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密碼短語</translation>
    </message>
    <message>
        <source>Protects the data on this computer</source>
        <translation>保護此電腦上的資料</translation>
    </message>
    <message>
        <source>Passphrase for this computer&apos;s encrypted store</source>
        <translation>此電腦加密儲存的密碼短語</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次輸入</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次輸入密碼短語</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>兩次輸入的密碼短語不一致。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連線</translation>
    </message>
</context>
<context>
    <name>tandem::app::AppController</name>
    <message>
        <source>Starting the demo server…</source>
        <translation>正在啟動示範伺服器…</translation>
    </message>
    <message>
        <source>The folder %1 holds spaces that are not the demo&apos;s. Start the demo with another --profile folder.</source>
        <translation>資料夾 %1 中有不屬於示範的空間。請用另一個 --profile 資料夾啟動示範。</translation>
    </message>
    <message>
        <source>Opening the demo spaces…</source>
        <translation>正在開啟示範空間…</translation>
    </message>
    <message>
        <source>Signing in to the demo as alice…</source>
        <translation>正在以 alice 身分登入示範…</translation>
    </message>
    <message>
        <source>Setting up the demo spaces…</source>
        <translation>正在設定示範空間…</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, like wss://chat.example.com.</source>
        <translation>請輸入伺服器地址，例如 wss://chat.example.com。</translation>
    </message>
    <message>
        <source>Enter your user name on %1.</source>
        <translation>請輸入你在 %1 上的用戶名稱。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>請輸入密碼。</translation>
    </message>
    <message>
        <source>Choose whether this is a work or a personal space.</source>
        <translation>請選擇這是工作空間還是個人空間。</translation>
    </message>
    <message>
        <source>Choose a passphrase: it protects the messages kept on this computer.</source>
        <translation>請設定密碼短語：它會保護儲存在此電腦上的訊息。</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>個人</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登入 %1…</translation>
    </message>
    <message>
        <source>Setting up “%1”…</source>
        <translation>正在設定「%1」…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>請輸入密碼短語。</translation>
    </message>
    <message>
        <source>Unlocking your spaces…</source>
        <translation>正在解鎖你的空間…</translation>
    </message>
    <message>
        <source>That passphrase does not open your spaces. Check it and try again.</source>
        <translation>此密碼短語無法開啟你的空間。請檢查後重試。</translation>
    </message>
    <message>
        <source>No space could be opened.</source>
        <translation>無法開啟任何空間。</translation>
    </message>
    <message>
        <source>Some spaces could not be opened: %1</source>
        <translation>部分空間無法開啟：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::AttachmentImageProvider</name>
    <message>
        <source>The picture is %1×%2 pixels: too large to preview. Open it instead.</source>
        <translation>圖片為 %1×%2 像素，太大無法預覽。請直接開啟。</translation>
    </message>
    <message>
        <source>The picture cannot be read.</source>
        <translation>無法讀取圖片。</translation>
    </message>
    <message>
        <source>This file is not a picture Tandem can show, or it is damaged.</source>
        <translation>此檔案不是 Tandem 能顯示的圖片，或已損壞。</translation>
    </message>
    <message>
        <source>The picture is damaged: its size cannot be read.</source>
        <translation>圖片已損壞：無法讀取其尺寸。</translation>
    </message>
    <message>
        <source>The picture is damaged and cannot be shown (%1).</source>
        <translation>圖片已損壞，無法顯示（%1）。</translation>
    </message>
    <message>
        <source>The space of this picture is not open.</source>
        <translation>此圖片所在的空間未開啟。</translation>
    </message>
    <message>
        <source>%1 is not a picture.</source>
        <translation>%1 不是圖片。</translation>
    </message>
    <message>
        <source>%1 is too large to preview (%2 MB). Open it instead.</source>
        <translation>%1 太大，無法預覽（%2 MB）。請直接開啟。</translation>
    </message>
    <message>
        <source>The picture is not downloaded yet.</source>
        <translation>圖片尚未下載。</translation>
    </message>
    <message>
        <source>The cached copy of %1 is damaged.</source>
        <translation>%1 的快取副本已損壞。</translation>
    </message>
    <message>
        <source>Not a picture address: %1</source>
        <translation>不是圖片地址：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::ComposerController</name>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>只能加入此電腦上的檔案作為附件。</translation>
    </message>
</context>
<context>
    <name>tandem::app::ConversationController</name>
    <message>
        <source>That message is not in this conversation.</source>
        <translation>該訊息不在此對話中。</translation>
    </message>
    <message>
        <source>Files can be downloaded only while the space is connected to its server.</source>
        <translation>只有在空間連線至伺服器時才能下載檔案。</translation>
    </message>
    <message>
        <source>Choose a folder on this computer to save the file in.</source>
        <translation>請選擇此電腦上的資料夾來儲存檔案。</translation>
    </message>
    <message>
        <source>This space has no file cache.</source>
        <translation>此空間沒有檔案快取。</translation>
    </message>
    <message>
        <source>That file is not in this conversation.</source>
        <translation>該檔案不在此對話中。</translation>
    </message>
    <message>
        <source>No private folder could be made to open the file in.</source>
        <translation>無法建立用於開啟檔案的私人資料夾。</translation>
    </message>
    <message>
        <source>The opened copy cannot be made private.</source>
        <translation>無法將開啟的副本設為私人。</translation>
    </message>
</context>
<context>
    <name>tandem::app::ConversationListModel</name>
    <message>
        <source>Online</source>
        <translation>在線</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>離開</translation>
    </message>
    <message>
        <source>Away until %1</source>
        <translation>離開，直至 %1</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Busy until %1</source>
        <translation>忙碌，直至 %1</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>Off duty until %1</source>
        <translation>下班，%1 上班</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在輸入…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在輸入…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n人正在輸入…</numerusform>
        </translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>訊息已刪除</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
</context>
<context>
    <name>tandem::app::LanguageSettings</name>
    <message>
        <source>System</source>
        <translation>跟隨系統</translation>
    </message>
</context>
<context>
    <name>tandem::app::SpaceSession</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在連線至 %1…</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>已是最新。</translation>
    </message>
    <message>
        <source>Offline: cannot reach %1. Messages you send wait here and go out once it is back.</source>
        <translation>離線：無法連線至 %1。你傳送的訊息會在此等候，恢復連線後送出。</translation>
    </message>
    <message>
        <source>Sign in again to keep this space in sync.</source>
        <translation>請重新登入以保持此空間同步。</translation>
    </message>
    <message>
        <source>Sync stopped.</source>
        <translation>同步已停止。</translation>
    </message>
    <message>
        <source>This space is kept on this computer only.</source>
        <translation>此空間只儲存在此電腦。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登入 %1…</translation>
    </message>
</context>
<context>
    <name>tandem::app::TimelineModel</name>
    <message>
        <source>The message could not be sent.</source>
        <translation>訊息無法傳送。</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>此訊息已刪除。</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1等%n人</numerusform>
        </translation>
    </message>
    <message>
        <source>That message is not in this conversation.</source>
        <translation>該訊息不在此對話中。</translation>
    </message>
</context>
<context>
    <name>tandem::app::TrayIcon</name>
    <message>
        <source>Show Tandem</source>
        <translation>顯示 Tandem</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Tandem: unread messages</source>
        <translation>Tandem：有未讀訊息</translation>
    </message>
</context>
<context>
    <name>tandem::files</name>
    <message>
        <source>The cached file %1 is damaged.</source>
        <translation>快取檔案 %1 已損壞。</translation>
    </message>
    <message>
        <source>The file is not in the cache.</source>
        <translation>該檔案不在快取中。</translation>
    </message>
    <message>
        <source>The downloaded file does not match its SHA-256; it will be downloaded again.</source>
        <translation>下載的檔案與其 SHA-256 不符，將重新下載。</translation>
    </message>
    <message>
        <source>This space has no file cache to send files from.</source>
        <translation>此空間沒有可用於傳送檔案的檔案快取。</translation>
    </message>
</context>
<context>
    <name>tandem::send</name>
    <message>
        <source>There is no unsent message %1.</source>
        <translation>沒有未傳送的訊息 %1。</translation>
    </message>
    <message>
        <source>The message %1 is still being sent.</source>
        <translation>訊息 %1 仍在傳送中。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>檔案 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; the server takes files up to %3.</source>
        <translation>%1 大小為 %2 位元組；伺服器最多接受 %3 位元組的檔案。</translation>
    </message>
    <message>
        <source>The message is %1 bytes long; the limit is %2.</source>
        <translation>訊息長度為 %1 位元組；上限為 %2。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>訊息是空白的。</translation>
    </message>
    <message>
        <source>There is no failed message %1.</source>
        <translation>沒有傳送失敗的訊息 %1。</translation>
    </message>
</context>
<context>
    <name>tandem::signin</name>
    <message>
        <source>The server did not accept the Tandem protocol.</source>
        <translation>伺服器不接受 Tandem 協定。</translation>
    </message>
    <message>
        <source>The server %1 closed the connection (%2).</source>
        <translation>伺服器 %1 關閉了連線（%2）。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2.</source>
        <translation>無法連線至伺服器 %1：%2。</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>伺服器 %1 未及時回應。</translation>
    </message>
    <message>
        <source>The server sent a malformed frame.</source>
        <translation>伺服器傳送了格式錯誤的資料框。</translation>
    </message>
    <message>
        <source>The server sent a malformed login answer (%1).</source>
        <translation>伺服器傳回的登入回應格式錯誤（%1）。</translation>
    </message>
    <message>
        <source>The server sent a malformed error.</source>
        <translation>伺服器傳回的錯誤格式不正確。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用戶名稱或密碼錯誤。</translation>
    </message>
    <message>
        <source>The server refused the login: %1 (%2).</source>
        <translation>伺服器拒絕登入：%1（%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>%1 may not sync a space %2 on %3; its spaces: %4.</source>
        <translation>%1 無權同步 %3 上的空間 %2；其空間：%4。</translation>
    </message>
    <message>
        <source>%1 has no %2 space on %3; its spaces: %4.</source>
        <translation>%1 在 %3 上沒有 %2 空間；其空間：%4。</translation>
    </message>
    <message>
        <source>%1 has several %2 spaces on %3; %4: %5.</source>
        <translation>%1 在 %3 上有多個 %2 空間；%4：%5。</translation>
    </message>
    <message>
        <source>%1 Check them and try again.</source>
        <translation>%1 請檢查後重試。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1.</source>
        <translation>無法連線至伺服器 %1。</translation>
    </message>
    <message>
        <source>%1 Check the address and that the server runs.</source>
        <translation>%1 請檢查地址，並確認伺服器正在運行。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address.</source>
        <translation>「%1」不是伺服器地址。</translation>
    </message>
    <message>
        <source>Unencrypted ws:// is only allowed to this computer; use wss:// for %1.</source>
        <translation>未加密的 ws:// 只限用於此電腦；連線至 %1 請使用 wss://。</translation>
    </message>
    <message>
        <source>A server address starts with wss:// (not &quot;%1&quot;).</source>
        <translation>伺服器地址以 wss:// 開頭（而不是「%1」）。</translation>
    </message>
</context>
<context>
    <name>tandem::store</name>
    <message>
        <source>There is no space named &quot;%1&quot; in %2.</source>
        <translation>%2 中沒有名為「%1」的空間。</translation>
    </message>
    <message>
        <source>A space name must have 1 to 64 characters.</source>
        <translation>空間名稱須為 1 至 64 個字元。</translation>
    </message>
    <message>
        <source>A space named &quot;%1&quot; exists already.</source>
        <translation>名為「%1」的空間已存在。</translation>
    </message>
    <message>
        <source>Wrong passphrase: use this profile&apos;s passphrase for the new space too.</source>
        <translation>密碼短語錯誤：新空間也請使用此設定檔的密碼短語。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>無法建立 %1。</translation>
    </message>
    <message>
        <source>The database of space &quot;%1&quot; is damaged or was replaced (%2).</source>
        <translation>空間「%1」的資料庫已損壞或被替換（%2）。</translation>
    </message>
    <message>
        <source>The space is not open.</source>
        <translation>該空間未開啟。</translation>
    </message>
</context>
<context>
    <name>tandem::unlock</name>
    <message>
        <source>A passphrase is needed to protect the space (no keychain is available). Set TANDEM_PASSPHRASE or enter one.</source>
        <translation>需要密碼短語來保護此空間（沒有可用的鑰匙串）。請設定 TANDEM_PASSPHRASE 或輸入一個密碼短語。</translation>
    </message>
    <message>
        <source>The space&apos;s key file %1 is missing.</source>
        <translation>空間的金鑰檔案 %1 不見了。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a Tandem key file.</source>
        <translation>%1 太大，不可能是 Tandem 金鑰檔案。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a Tandem key file.</source>
        <translation>%1 已損壞或不是 Tandem 金鑰檔案。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Tandem.</source>
        <translation>%1 由較新版本的 Tandem 寫入。</translation>
    </message>
    <message>
        <source>%1 names no space.</source>
        <translation>%1 未指明任何空間。</translation>
    </message>
    <message>
        <source>%1 uses a key derivation this version does not know.</source>
        <translation>%1 使用了此版本不支援的金鑰衍生方式。</translation>
    </message>
    <message>
        <source>%1 asks for key derivation settings out of range.</source>
        <translation>%1 要求的金鑰衍生參數超出範圍。</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 已損壞。</translation>
    </message>
    <message>
        <source>%1 holds no way to unlock the space.</source>
        <translation>%1 中沒有任何解鎖此空間的方式。</translation>
    </message>
    <message>
        <source>The key of space &quot;%1&quot; is in the OS keychain, which cannot be read: %2</source>
        <translation>空間「%1」的金鑰儲存在系統鑰匙串中，但無法讀取：%2</translation>
    </message>
    <message>
        <source>Space &quot;%1&quot; is locked: a passphrase is needed (set TANDEM_PASSPHRASE or enter it).</source>
        <translation>空間「%1」已鎖定：需要密碼短語（設定 TANDEM_PASSPHRASE 或直接輸入）。</translation>
    </message>
    <message>
        <source>Wrong passphrase for space &quot;%1&quot;.</source>
        <translation>空間「%1」的密碼短語錯誤。</translation>
    </message>
    <message>
        <source>The new passphrase is empty.</source>
        <translation>新密碼短語是空白的。</translation>
    </message>
</context>
</TS>
