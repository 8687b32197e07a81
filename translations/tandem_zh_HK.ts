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
    <name>ApprovalsView</name>
    <message>
        <source>Approvals</source>
        <translation>審批</translation>
    </message>
    <message>
        <source>%1 of %2 approvals were not sent: %3</source>
        <translation>%2 項審批中有 %1 項未發出：%3</translation>
    </message>
    <message>
        <source>Close approvals</source>
        <translation>關閉審批</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>返回對話</translation>
    </message>
    <message>
        <source>Waiting on me (%1)</source>
        <translation>待我審批（%1）</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>我的團隊</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>提出申請</translation>
    </message>
    <message>
        <source>My requests (%1 returned)</source>
        <translation>我發起的（%1 項被退回）</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我發起的</translation>
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
    <name>CancelButtons</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <message>
        <source>More ways to send</source>
        <translation>更多傳送方式</translation>
    </message>
    <message>
        <source>Schedule send…</source>
        <translation>預約傳送…</translation>
    </message>
    <message>
        <source>Send as urgent… (Ctrl+Shift+Enter)</source>
        <translation>以緊急訊息傳送…（Ctrl+Shift+Enter）</translation>
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
    <message>
        <source>Notifications for this conversation</source>
        <translation>此對話的通知</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>所有訊息</translation>
    </message>
    <message>
        <source>Mentions and direct messages only</source>
        <translation>只限提及和私人訊息</translation>
    </message>
    <message>
        <source>Muted (badge only)</source>
        <translation>靜音（只顯示標記）</translation>
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
    <name>ConversationTasks</name>
    <message>
        <source>Tasks of this conversation</source>
        <translation>此對話的任務</translation>
    </message>
    <message>
        <source>No tasks yet. Make one from a message&apos;s menu.</source>
        <translation>還沒有任務。可從訊息的選單中建立。</translation>
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
    <name>DelegateDialog</name>
    <message>
        <source>Hand “%1” to someone else</source>
        <translation>將「%1」轉交他人</translation>
    </message>
    <message>
        <source>Find a person by name</source>
        <translation>按姓名搜尋</translation>
    </message>
    <message>
        <source>Person to decide instead</source>
        <translation>轉交給</translation>
    </message>
    <message>
        <source>%1 decides instead of you.</source>
        <translation>改由 %1 審批。</translation>
    </message>
    <message>
        <source>Choose a person from the list.</source>
        <translation>請從列表中選擇一人。</translation>
    </message>
    <message>
        <source>A note for them (optional)</source>
        <translation>給對方的留言（可選）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>轉交</translation>
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
        <source>Tasks</source>
        <translation>任務</translation>
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
    <name>DigestView</name>
    <message>
        <source>While you were away — %1</source>
        <translation>你離開期間 — %1</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>Nothing new: you are all caught up.</source>
        <translation>沒有新內容：你已全部看完。</translation>
    </message>
    <message>
        <source>Catch-up digest</source>
        <translation>補看摘要</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n則回覆</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n則訊息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n則未讀</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
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
    <name>FieldLabel</name>
    <message>
        <source>required</source>
        <translation>必填</translation>
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
        <source>Urgent</source>
        <translation>緊急</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>確認收到</translation>
    </message>
    <message>
        <source>Create task…</source>
        <translation>建立任務…</translation>
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
    <name>MyRequestsList</name>
    <message>
        <source>You have not asked for anything yet. Your requests appear here with where each one stands.</source>
        <translation>你還沒有發起過申請。你的申請會顯示在這裏，並標明各自的進度。</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>發起申請</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我發起的</translation>
    </message>
    <message>
        <source>Returned to you for changes: open it to change and resubmit</source>
        <translation>已退回給你修改：打開後修改並重新提交</translation>
    </message>
    <message>
        <source>Waiting on %1</source>
        <translation>等待 %1 審批</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
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
    <name>ReasonDialog</name>
    <message>
        <source>Return “%1” for changes</source>
        <translation>將「%1」退回修改</translation>
    </message>
    <message>
        <source>Reject “%1”</source>
        <translation>駁回「%1」</translation>
    </message>
    <message>
        <source>What should change? The requester sees this.</source>
        <translation>需要修改甚麼？申請人會看到。</translation>
    </message>
    <message>
        <source>Why? The requester sees this reason.</source>
        <translation>請說明原因，申請人會看到。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>駁回</translation>
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
    <name>RequestDetailView</name>
    <message>
        <source>Request details</source>
        <translation>申請詳情</translation>
    </message>
    <message>
        <source>Close details</source>
        <translation>關閉詳情</translation>
    </message>
    <message>
        <source>This request is not in this space any more.</source>
        <translation>此申請已不在這個空間中。</translation>
    </message>
    <message>
        <source>From %1, submitted %2</source>
        <translation>%1 於 %2 提交</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>駁回</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Copied to %1</source>
        <translation>副本送 %1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>審批步驟</translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation>第 %1 步 · %2</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>History</source>
        <translation>處理記錄</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 · device %2</source>
        <translation>%1 · 裝置 %2</translation>
    </message>
    <message>
        <source>Your action is on its way to the server…</source>
        <translation>你的操作正在傳送到伺服器…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Step %1 · %2 · %3</source>
        <translation>第 %1 步 · %2 · %3</translation>
    </message>
    <message>
        <source>Reminds the people who still have to decide</source>
        <translation>提醒尚未審批的人</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>催辦</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>轉交…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Sends the request back to the requester for changes</source>
        <translation>將申請退回申請人修改</translation>
    </message>
    <message>
        <source>Add a comment</source>
        <translation>加入評論</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>評論</translation>
    </message>
    <message>
        <source>Opens the request in the form, to change it and send it again</source>
        <translation>在表單中打開此申請，修改後重新提交</translation>
    </message>
    <message>
        <source>Change and resubmit…</source>
        <translation>修改並重新提交…</translation>
    </message>
</context>
<context>
    <name>RequestFormView</name>
    <message>
        <source>Sent. You will see the decision here and in your notifications.</source>
        <translation>已提交。審批結果會顯示在這裡和通知中。</translation>
    </message>
    <message>
        <source>Type of request</source>
        <translation>申請類型</translation>
    </message>
    <message>
        <source>Choose a type…</source>
        <translation>選擇類型…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>What is it for?</source>
        <translation>用途是甚麼？</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>提交申請</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>貨幣</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>%1, first day</source>
        <translation>%1，開始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>結束日期</translation>
    </message>
    <message>
        <source>%1, last day</source>
        <translation>%1，結束日期</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>請選擇…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>加入附件…</translation>
    </message>
    <message>
        <source>Add a person by name</source>
        <translation>按姓名加入人員</translation>
    </message>
    <message>
        <source>Changing a returned request. It goes to its approvers again when you resubmit it.</source>
        <translation>正在修改被退回的申請。重新提交後，它會再次交給審批人。</translation>
    </message>
    <message>
        <source>New request instead</source>
        <translation>改為發起新申請</translation>
    </message>
    <message>
        <source>Resubmit request</source>
        <translation>重新提交申請</translation>
    </message>
</context>
<context>
    <name>ScheduleSendDialog</name>
    <message>
        <source>Schedule send</source>
        <translation>預約傳送</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Time (HH:MM, this computer&apos;s time)</source>
        <translation>時間（HH:MM，本機時間）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>預約</translation>
    </message>
</context>
<context>
    <name>ScheduleSettings</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Work hours — %1</source>
        <translation>工作時間 — %1</translation>
    </message>
    <message>
        <source>Quiet hours — %1</source>
        <translation>免打擾時段 — %1</translation>
    </message>
    <message>
        <source>Outside these hours this space makes no sound, popup or tray alert; what arrives waits for your catch-up digest. Gaps between ranges are breaks.</source>
        <translation>在這些時間以外，此空間不會發出聲音、彈出視窗或系統匣提示；收到的內容會留待補看摘要。時段之間的空檔為休息時間。</translation>
    </message>
    <message>
        <source>During quiet hours this space only updates its badge.</source>
        <translation>免打擾時段內，此空間只更新標記。</translation>
    </message>
    <message>
        <source>Quiet hours on</source>
        <translation>開啟免打擾時段</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <source>e.g. 09:00-12:00, 13:00-18:00</source>
        <translation>例如 09:00-12:00, 13:00-18:00</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>holidays, leave: 2026-10-01, 2026-10-02</source>
        <translation>假期、請假：2026-10-01, 2026-10-02</translation>
    </message>
    <message>
        <source>Extra working days</source>
        <translation>補假上班日</translation>
    </message>
    <message>
        <source>date and whose hours it keeps: 2026-10-10 fri</source>
        <translation>日期及按哪天的時間上班：2026-10-10 fri</translation>
    </message>
    <message>
        <source>How much each conversation notifies (all messages, mentions only, muted) is set from the conversation&apos;s header.</source>
        <translation>每個對話的通知方式（所有訊息、只限提及、靜音）在對話標題列中設定。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Urgent messages from</source>
        <translation>接受緊急訊息的來源</translation>
    </message>
    <message>
        <source>My manager</source>
        <translation>我的上司</translation>
    </message>
    <message>
        <source>Anyone in my team</source>
        <translation>我團隊中的任何人</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>任何人都不接受</translation>
    </message>
    <message>
        <source>Who may send you urgent messages</source>
        <translation>誰可以給你傳送緊急訊息</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>每日最多</translation>
    </message>
    <message>
        <source>Urgent messages a day</source>
        <translation>每日的緊急訊息數</translation>
    </message>
    <message>
        <source>a day</source>
        <translation>條</translation>
    </message>
</context>
<context>
    <name>ScheduledList</name>
    <message>
        <source>Not scheduled</source>
        <translation>未能預約</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>預約於 %1 傳送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the message scheduled for %1</source>
        <translation>取消預約於 %1 傳送的訊息</translation>
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
    <name>SendPrompt</name>
    <message>
        <source>%1 is off duty</source>
        <translation>%1 已收工</translation>
    </message>
    <message>
        <source>They are off duty</source>
        <translation>對方已收工</translation>
    </message>
    <message>
        <source>%1. Scheduled, the server delivers the message then, even if this computer is off.</source>
        <translation>%1。預約傳送時，伺服器會在那時送達訊息，即使這部電腦已關機。</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即傳送</translation>
    </message>
    <message>
        <source>Esc cancels: nothing is sent.</source>
        <translation>按 Esc 取消：不會傳送任何內容。</translation>
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
    <message>
        <source>Approvals: what waits on me, my team, a new request</source>
        <translation>審批：待我審批、我的團隊、提出申請</translation>
    </message>
</context>
<context>
    <name>SpaceEditDialog</name>
    <message>
        <source>Blue</source>
        <translation>藍色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>綠色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>青色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>紅色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉紅色</translation>
    </message>
    <message>
        <source>Slate</source>
        <translation>石板灰</translation>
    </message>
    <message>
        <source>Edit space</source>
        <translation>編輯空間</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Space name</source>
        <translation>空間名稱</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Colour of the space&apos;s kind</source>
        <translation>空間類型的顏色</translation>
    </message>
    <message>
        <source>Icon (one character or emoji; empty for the initial)</source>
        <translation>圖示（一個字元或表情符號；留空則用首字母）</translation>
    </message>
    <message>
        <source>Space icon</source>
        <translation>空間圖示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
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
    <message>
        <source>Focus mode</source>
        <translation>專注模式</translation>
    </message>
    <message>
        <source>Focus mode is on: only this space shows badges and notifications</source>
        <translation>專注模式已開啟：只有此空間顯示標記和通知</translation>
    </message>
    <message>
        <source>Focus mode: show only this space</source>
        <translation>專注模式：只顯示此空間</translation>
    </message>
    <message>
        <source>Catch-up digest</source>
        <translation>補看摘要</translation>
    </message>
    <message>
        <source>Catch-up digest: what happened while you were away</source>
        <translation>補看摘要：你離開期間發生了甚麼</translation>
    </message>
    <message>
        <source>Schedule and notifications</source>
        <translation>時間表與通知</translation>
    </message>
    <message>
        <source>Schedule and notifications of this space</source>
        <translation>此空間的時間表與通知</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>審批</translation>
    </message>
    <message>
        <source>Approvals (Ctrl+Shift+P)</source>
        <translation>審批（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>Tasks: mine, assigned by me, due today, overdue (Ctrl+Shift+T)</source>
        <translation>任務：我的、我分派的、今日到期、已逾期（Ctrl+Shift+T）</translation>
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
    <message>
        <source>%1 (Ctrl+%2) · %3</source>
        <translation>%1（Ctrl+%2）· %3</translation>
    </message>
    <message>
        <source>Edit space…</source>
        <translation>編輯空間…</translation>
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
    <name>SystemNotice</name>
    <message>
        <source>%1 has taken over this conversation from %2</source>
        <extracomment>A system notice in a conversation: %1 the successor, %2 the person who handed it over.</extracomment>
        <translation>%1 已接手此對話（原負責人：%2）</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <source>New task</source>
        <translation>新增任務</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>任務：%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待辦</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>無優先次序</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>From a message in this conversation</source>
        <translation>來自此對話中的一則訊息</translation>
    </message>
    <message>
        <source>From a message in %1: “%2”</source>
        <translation>來自 %1 中的訊息：「%2」</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>Open the message this task was made from</source>
        <translation>開啟建立此任務的訊息</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>要做甚麼</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Details, links, what done looks like</source>
        <translation>細節、連結、完成標準</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先次序</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Due date (year-month-day)</source>
        <translation>截止日期（年-月-日）</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>截止時間</translation>
    </message>
    <message>
        <source>Due time (hours:minutes; 18:00 when empty)</source>
        <translation>截止時間（時:分；留空則為 18:00）</translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Assign %1</source>
        <translation>指派給 %1</translation>
    </message>
    <message>
        <source>Create task</source>
        <translation>建立任務</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>檢查清單</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>刪除「%1」</translation>
    </message>
    <message>
        <source>Add an item and press Enter</source>
        <translation>新增一項後按 Enter</translation>
    </message>
    <message>
        <source>New checklist item</source>
        <translation>新的清單項目</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>Write a comment and press Enter</source>
        <translation>寫留言後按 Enter</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>新留言</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>由 %1 建立</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>刪除任務</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Remove the file “%1”</source>
        <translation>移除檔案「%1」</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>加入附件…</translation>
    </message>
    <message>
        <source>Attach a file to this task</source>
        <translation>為此任務加入檔案</translation>
    </message>
    <message>
        <source>Attach files to the task</source>
        <translation>為任務加入檔案</translation>
    </message>
    <message>
        <source>Attach a file to the new task</source>
        <translation>為新任務附加檔案</translation>
    </message>
</context>
<context>
    <name>TaskRow</name>
    <message>
        <source>overdue, due %1</source>
        <translation>已逾期，截止 %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation>已逾期 · %1</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>My tasks</source>
        <translation>我的任務</translation>
    </message>
    <message>
        <source>Assigned by me</source>
        <translation>我分派的</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>此對話</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新增任務</translation>
    </message>
    <message>
        <source>Close tasks</source>
        <translation>關閉任務</translation>
    </message>
    <message>
        <source>Task views</source>
        <translation>任務檢視</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>沒有逾期的任務。</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今日沒有到期的任務。</translation>
    </message>
    <message>
        <source>No tasks here. Create one with New task, or from a message&apos;s menu.</source>
        <translation>這裏沒有任務。可按「新增任務」，或從訊息的選單中建立。</translation>
    </message>
</context>
<context>
    <name>TeamDashboard</name>
    <message>
        <source>All types</source>
        <translation>全部類型</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>From (YYYY-MM-DD)</source>
        <translation>起始（年-月-日）</translation>
    </message>
    <message>
        <source>Submitted from</source>
        <translation>提交日期由</translation>
    </message>
    <message>
        <source>To (YYYY-MM-DD)</source>
        <translation>截止（年-月-日）</translation>
    </message>
    <message>
        <source>Submitted until</source>
        <translation>提交日期至</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Requests by state</source>
        <translation>按狀態統計</translation>
    </message>
    <message>
        <source>Pending, by age</source>
        <translation>待審批時長</translation>
    </message>
    <message>
        <source>Time to decision</source>
        <translation>審批用時</translation>
    </message>
    <message>
        <source>Median %1 over %2 decisions</source>
        <translation>%2 項審結，中位用時 %1</translation>
    </message>
    <message>
        <source>No decisions yet</source>
        <translation>尚無審結的申請</translation>
    </message>
    <message>
        <source>By type</source>
        <translation>按類型統計</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 pending · %2 approved · %3 rejected</source>
        <translation>%1 待審批 · %2 已批准 · %3 已駁回</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>逾時（SLA）</translation>
    </message>
    <message>
        <source>%1 (within %2 h)</source>
        <translation>%1（時限 %2 小時）</translation>
    </message>
    <message>
        <source>%1 overdue now · %2 decided late</source>
        <translation>%1 項正逾時 · %2 項審結逾時</translation>
    </message>
    <message>
        <source>Slowest steps (median)</source>
        <translation>最慢的步驟（中位數）</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1，第 %2 步</translation>
    </message>
    <message>
        <source>Throughput per week</source>
        <translation>每週處理量</translation>
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
    <name>UrgentConfirm</name>
    <message>
        <source>Send as urgent?</source>
        <translation>以緊急訊息傳送？</translation>
    </message>
    <message>
        <source>An urgent message breaks through the recipient&apos;s off hours, quiet hours and focus, and reminds them every few minutes until they acknowledge it. Their own rules decide whether you may, and how many a day; if not, it is not sent and you are told why.</source>
        <translation>緊急訊息會穿透對方的收工時間、免打擾時段和專注模式，並每隔幾分鐘提醒一次，直到對方確認收到。是否允許你傳送、每日可傳幾條，由對方自己的規則決定；不允許時不會傳送，並告訴你原因。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Send as urgent</source>
        <translation>以緊急訊息傳送</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <source>Select all</source>
        <translation>全選</translation>
    </message>
    <message>
        <source>Approve selected (%1)</source>
        <translation>批量批准（%1）</translation>
    </message>
    <message>
        <source>Nothing waits on you. Requests that need your decision appear here, oldest first.</source>
        <translation>沒有待你審批的申請。需要你決定的申請會按時間先後顯示在這裡。</translation>
    </message>
    <message>
        <source>Requests waiting on me</source>
        <translation>待我審批的申請</translation>
    </message>
    <message>
        <source>%1 from %2, waiting %3</source>
        <translation>%2 的%1，已等待 %3</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>選擇 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · step %3</source>
        <translation>%1 · %2 · 第 %3 步</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>逾時 %1</translation>
    </message>
    <message>
        <source>Past the time this type of request should take</source>
        <translation>已超過此類申請的處理時限</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>駁回</translation>
    </message>
    <message>
        <source>Each request is approved with your name, this device and the time, as if you had approved it on its own. The server decides what happens next.</source>
        <translation>每項申請都會以你的名義、本裝置和當前時間分別批准，與逐項批准相同。後續流程由伺服器決定。</translation>
    </message>
    <message>
        <source>Comment for all (optional)</source>
        <translation>統一審批意見（可選）</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>批准 %1 項</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n request(s)?</source>
        <translation>
            <numerusform>批准 %n 項申請？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <source>Requests submitted and decided per week</source>
        <translation>每週提交和審結的申請</translation>
    </message>
    <message>
        <source>%1: %2 submitted, %3 decided</source>
        <translation>%1：提交 %2，審結 %3</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>審結</translation>
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
    <name>tandem::app::ApprovalActions</name>
    <message>
        <source>This request changed before your action arrived; it is %1 now. Nothing was changed.</source>
        <translation>在你的操作送達前，此申請已變為「%1」，未作任何更改。</translation>
    </message>
    <message>
        <source>Already approved by %1 at %2.</source>
        <translation>%1 已於 %2 批准。</translation>
    </message>
    <message>
        <source>Already rejected by %1 at %2.</source>
        <translation>%1 已於 %2 駁回。</translation>
    </message>
    <message>
        <source>Already returned for changes by %1 at %2.</source>
        <translation>%1 已於 %2 退回修改。</translation>
    </message>
    <message>
        <source>Withdrawn by %1 at %2.</source>
        <translation>%1 已於 %2 撤回。</translation>
    </message>
    <message>
        <source>Already handed on by %1 at %2.</source>
        <translation>%1 已於 %2 轉交。</translation>
    </message>
    <message>
        <source>Already decided by %1 at %2.</source>
        <translation>%1 已於 %2 審批。</translation>
    </message>
    <message>
        <source>You cannot do this on this request. Nothing was changed.</source>
        <translation>你無權對此申請執行此操作，未作任何更改。</translation>
    </message>
    <message>
        <source>This request is no longer shared with you. Nothing was changed.</source>
        <translation>此申請已不再與你共享，未作任何更改。</translation>
    </message>
    <message>
        <source>A reminder was sent a moment ago; try again in a few minutes.</source>
        <translation>剛剛已催辦過，請幾分鐘後再試。</translation>
    </message>
    <message>
        <source>The server refused this (%1). Nothing was changed.</source>
        <translation>伺服器拒絕了此操作（%1），未作任何更改。</translation>
    </message>
    <message>
        <source>This request changed before your action arrived. Nothing was changed.</source>
        <translation>在你的操作送達前，此申請已有變化，未作任何更改。</translation>
    </message>
    <message>
        <source>This space is not open. Nothing was changed; open the space and try again.</source>
        <translation>此空間未開啟，未作任何更改。請開啟空間後再試。</translation>
    </message>
    <message>
        <source>This request is not in this space.</source>
        <translation>此申請不在這個空間中。</translation>
    </message>
    <message>
        <source>Give a reason for rejecting this request. Nothing was sent.</source>
        <translation>請填寫駁回理由。沒有傳送任何內容。</translation>
    </message>
    <message>
        <source>Choose who decides instead. Nothing was sent.</source>
        <translation>請選擇轉交給誰。未發送任何內容。</translation>
    </message>
</context>
<context>
    <name>tandem::app::ApprovalDashboard</name>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>無法計算統計數據：%1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>審批中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>&lt; 1 day</source>
        <translation>不足 1 天</translation>
    </message>
    <message>
        <source>1–3 days</source>
        <translation>1–3 天</translation>
    </message>
    <message>
        <source>3–7 days</source>
        <translation>3–7 天</translation>
    </message>
    <message>
        <source>&gt; 7 days</source>
        <translation>超過 7 天</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>請選擇匯出的檔案。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) exported to %1.</source>
        <translation>
            <numerusform>已匯出 %n 項申請到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::AttachmentFiles</name>
    <message>
        <source>Files can be downloaded only while the space is connected to its server.</source>
        <translation>只有在空間連線至伺服器時才能下載檔案。</translation>
    </message>
    <message>
        <source>Choose a folder on this computer to save the file in.</source>
        <translation>請選擇此電腦上的資料夾來儲存檔案。</translation>
    </message>
    <message>
        <source>No private folder could be made to open the file in.</source>
        <translation>無法建立用於開啟檔案的私人資料夾。</translation>
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
    <name>tandem::app::ConversationBoundary</name>
    <message>
        <source>Not sent as urgent: %1</source>
        <translation>未以緊急訊息傳送：%1</translation>
    </message>
    <message>
        <source>The urgent message was not sent: %1</source>
        <translation>緊急訊息未傳送：%1</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>尚未查看</translation>
    </message>
    <message>
        <source>Seen %1</source>
        <translation>%1 已查看</translation>
    </message>
    <message>
        <source>%1 · Acknowledged %2</source>
        <translation>%1 · %2 已確認</translation>
    </message>
    <message>
        <source>Acknowledged %1</source>
        <translation>%1 已確認</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write it as YYYY-MM-DD, such as 2026-11-25.</source>
        <translation>「%1」不是日期。請寫成 YYYY-MM-DD，例如 2026-11-25。</translation>
    </message>
    <message>
        <source>“%1” is not a time. Write it as HH:MM, such as 09:00.</source>
        <translation>「%1」不是時間。請寫成 HH:MM，例如 09:00。</translation>
    </message>
    <message>
        <source>%1 %2 has already passed. Choose a later time.</source>
        <translation>%1 %2 已經過去。請選擇較後的時間。</translation>
    </message>
    <message>
        <source>A message can be scheduled at most a year ahead.</source>
        <translation>訊息最多可提前一年預約。</translation>
    </message>
    <message>
        <source>This space has no server to keep a scheduled message.</source>
        <translation>此空間沒有伺服器，無法保存預約訊息。</translation>
    </message>
    <message>
        <source>That time has already passed. Choose a later time.</source>
        <translation>該時間已經過去。請選擇較後的時間。</translation>
    </message>
    <message>
        <source>Urgent messages need a server.</source>
        <translation>緊急訊息需要伺服器。</translation>
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
    <message>
        <source>Unknown notification level “%1”: choose all, mentions or muted.</source>
        <translation>未知的通知級別「%1」：請選擇所有、只限提及或靜音。</translation>
    </message>
</context>
<context>
    <name>tandem::app::DigestModel</name>
    <message>
        <source>Mentions</source>
        <translation>提及我的</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>私人訊息</translation>
    </message>
    <message>
        <source>Approvals waiting on you</source>
        <translation>等你審批</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>到期工作</translation>
    </message>
    <message>
        <source>Busiest threads</source>
        <translation>最熱鬧的話題</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未讀</translation>
    </message>
    <message>
        <source>The digest could not be read: %1</source>
        <translation>無法讀取摘要：%1</translation>
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
    <name>tandem::app::OffDuty</name>
    <message>
        <source>Off duty</source>
        <translation>已收工</translation>
    </message>
    <message>
        <source>Off until %1</source>
        <translation>休息至 %1</translation>
    </message>
    <message>
        <source>Off until %1 (your time %2)</source>
        <translation>休息至 %1（你的時間 %2）</translation>
    </message>
    <message>
        <source>Schedule for %1</source>
        <translation>預約於 %1 傳送</translation>
    </message>
    <message>
        <source>Schedule for %1 their time (%2 yours)</source>
        <translation>預約於對方時間 %1 傳送（你的時間 %2）</translation>
    </message>
</context>
<context>
    <name>tandem::app::RequestDetail</name>
    <message>
        <source>Everyone must approve</source>
        <translation>會簽（全部批准）</translation>
    </message>
    <message>
        <source>Any one approver</source>
        <translation>或簽（一人批准即可）</translation>
    </message>
    <message>
        <source>One approver</source>
        <translation>單人審批</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>等待審批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已略過</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未開始</translation>
    </message>
    <message>
        <source>submitted the request</source>
        <translation>提交了申請</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准了</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>駁回了</translation>
    </message>
    <message>
        <source>returned it for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>withdrew the request</source>
        <translation>撤回了申請</translation>
    </message>
    <message>
        <source>delegated the decision</source>
        <translation>轉交了審批</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>發表了評論</translation>
    </message>
    <message>
        <source>sent a reminder</source>
        <translation>發送了提醒</translation>
    </message>
</context>
<context>
    <name>tandem::app::RequestForm</name>
    <message>
        <source>Type a number, such as 12 or 2.5.</source>
        <translation>請輸入數字，例如 12 或 2.5。</translation>
    </message>
    <message>
        <source>Type an amount such as 1,234.50 (at most two decimals).</source>
        <translation>請輸入金額，例如 1,234.50（最多兩位小數）。</translation>
    </message>
    <message>
        <source>Type a date such as %1.</source>
        <translation>請輸入日期，例如 %1。</translation>
    </message>
    <message>
        <source>Type the first and the last day, such as %1.</source>
        <translation>請輸入開始和結束日期，例如 %1。</translation>
    </message>
    <message>
        <source>Give the request a title, such as &quot;Taxi to the Shenzhen office&quot;.</source>
        <translation>請填寫標題，例如「往深圳辦公室的的士費」。</translation>
    </message>
    <message>
        <source>This form cannot be filled in with this version of Tandem (%1 %2).</source>
        <translation>此版本的 Tandem 無法填寫這張表格（%1 %2）。</translation>
    </message>
    <message>
        <source>Choose at least one.</source>
        <translation>請至少選擇一項。</translation>
    </message>
    <message>
        <source>Type the amount.</source>
        <translation>請輸入金額。</translation>
    </message>
    <message>
        <source>Type the date.</source>
        <translation>請輸入日期。</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>請至少選擇一人。</translation>
    </message>
    <message>
        <source>Attach at least one file.</source>
        <translation>請至少加入一個附件。</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>請填寫此項。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>最多 %n 個字元。</numerusform>
        </translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation>至少 %1。</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>最多 %1。</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>請輸入整數。</translation>
    </message>
    <message>
        <source>Choose another currency.</source>
        <translation>請選擇其他貨幣。</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>結束日期早於開始日期。</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>請從選項中選擇。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n, each once.</source>
        <translation>
            <numerusform>最多 %n 項，不可重複。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose people of your organisation.</source>
        <translation>請選擇本機構的人員。</translation>
    </message>
    <message>
        <source>Attach files you have uploaded.</source>
        <translation>請加入你已上載的檔案。</translation>
    </message>
    <message>
        <source>This form has changed since it was opened; open it again.</source>
        <translation>表格在開啟後已更改，請重新開啟。</translation>
    </message>
    <message>
        <source>Use a single line.</source>
        <translation>請只填寫一行。</translation>
    </message>
    <message>
        <source>This answer cannot be sent; change it.</source>
        <translation>此項內容無法提交，請修改。</translation>
    </message>
    <message>
        <source>This request is not in this space any more.</source>
        <translation>此申請已不在這個空間中。</translation>
    </message>
    <message>
        <source>Only the person who asked can change a request.</source>
        <translation>只有申請人可以修改申請。</translation>
    </message>
    <message>
        <source>This request is not waiting for changes any more.</source>
        <translation>此申請已不再等待修改。</translation>
    </message>
    <message>
        <source>This type of request is not in this space any more.</source>
        <translation>這個空間中已沒有此類申請。</translation>
    </message>
    <message>
        <source>%1 returned it for changes.</source>
        <translation>%1 退回了此申請，請修改。</translation>
    </message>
    <message>
        <source>%1 returned it for changes: %2</source>
        <translation>%1 退回了此申請，請修改：%2</translation>
    </message>
    <message>
        <source>A file sent before</source>
        <translation>之前提交的檔案</translation>
    </message>
</context>
<context>
    <name>tandem::app::SpaceBoundaryController</name>
    <message>
        <source>A work space needs some working hours. To stop limiting notifications, add hours on every day, such as 00:00-24:00.</source>
        <translation>工作空間需要設定工作時間。如不想限制通知，請為每天加入時間，例如 00:00-24:00。</translation>
    </message>
    <message>
        <source>The schedule could not be saved: %1</source>
        <translation>無法儲存時間表：%1</translation>
    </message>
    <message>
        <source>Off until %1</source>
        <translation>下班，%1 上班</translation>
    </message>
    <message>
        <source>Off until %1 %2</source>
        <translation>下班，%1 %2 上班</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>The urgent message rule could not be saved: %1</source>
        <translation>無法儲存緊急訊息規則：%1</translation>
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
    <name>tandem::app::TaskController</name>
    <message>
        <source>The task could not be read: %1</source>
        <translation>無法讀取任務：%1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>無法儲存更改：%1</translation>
    </message>
    <message>
        <source>The space is not open yet.</source>
        <translation>空間尚未開啟。</translation>
    </message>
    <message>
        <source>The description is too long (at most %1 characters).</source>
        <translation>描述太長（最多 %1 個字元）。</translation>
    </message>
    <message>
        <source>Unknown status “%1”.</source>
        <translation>未知狀態「%1」。</translation>
    </message>
    <message>
        <source>Priority is none, low, medium or high.</source>
        <translation>優先次序只能是無、低、中或高。</translation>
    </message>
    <message>
        <source>There is no task to change.</source>
        <translation>沒有可修改的任務。</translation>
    </message>
    <message>
        <source>Choose someone to assign.</source>
        <translation>請選擇要指派的人。</translation>
    </message>
    <message>
        <source>Write what the checklist item is.</source>
        <translation>請填寫清單項目的內容。</translation>
    </message>
    <message>
        <source>A checklist item has at most %1 characters.</source>
        <translation>清單項目最多 %1 個字元。</translation>
    </message>
    <message>
        <source>There is no such checklist item.</source>
        <translation>沒有這個清單項目。</translation>
    </message>
    <message>
        <source>Write a comment first.</source>
        <translation>請先寫留言。</translation>
    </message>
    <message>
        <source>A comment has at most %1 characters.</source>
        <translation>留言最多 %1 個字元。</translation>
    </message>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>只能加入此電腦上的檔案作為附件。</translation>
    </message>
    <message>
        <source>This space has no file cache to attach files from.</source>
        <translation>此空間沒有可用於加入附件的檔案快取。</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>沒有這個檔案。</translation>
    </message>
    <message>
        <source>“%1” is not a file that can be read.</source>
        <translation>「%1」不是可讀取的檔案。</translation>
    </message>
    <message numerus="yes">
        <source>A new task takes at most %n file(s); attach more once it exists.</source>
        <translation>
            <numerusform>新任務最多可附加 %n 個檔案；建立後可再附加更多。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::TaskListModel</name>
    <message>
        <source>The tasks could not be read: %1</source>
        <translation>無法讀取任務：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::TaskReminderWatcher</name>
    <message>
        <source>Due %1</source>
        <translation>%1 截止</translation>
    </message>
    <message>
        <source>Was due %1</source>
        <translation>已於 %1 截止</translation>
    </message>
    <message>
        <source>Due now (%1)</source>
        <translation>現在截止（%1）</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>任務：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::TaskText</name>
    <message>
        <source>Open</source>
        <translation>待辦</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>今日 %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>明日 %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>昨日 %1</translation>
    </message>
    <message>
        <source>Give a due date for the time %1, such as 2026-12-01.</source>
        <translation>請為時間 %1 填寫截止日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write the due date as year-month-day, such as 2026-12-01.</source>
        <translation>「%1」不是日期。請按年-月-日填寫截止日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>“%1” is not a time. Write the due time as hours:minutes, such as 17:30.</source>
        <translation>「%1」不是時間。請按時:分填寫截止時間，例如 17:30。</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>請為任務寫個標題。</translation>
    </message>
    <message>
        <source>A task title is one line.</source>
        <translation>任務標題只能有一行。</translation>
    </message>
    <message>
        <source>A task title has at most 256 characters (this one has %1).</source>
        <translation>任務標題最多 256 個字元（目前為 %1 個）。</translation>
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
    <name>tandem::app::WaitingListModel</name>
    <message>
        <source>&lt; 1 h</source>
        <translation>不足 1 小時</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>tandem::approvals</name>
    <message>
        <source>Request</source>
        <translation>申請編號</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>貨幣</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>審結</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>當前步驟</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 個檔案</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::boundary</name>
    <message>
        <source>The saved schedule (%1) cannot be read: %2</source>
        <translation>無法讀取已儲存的時間表（%1）：%2</translation>
    </message>
    <message>
        <source>The saved schedule (%1) is no longer valid: %2</source>
        <translation>已儲存的時間表（%1）不再有效：%2</translation>
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
    <message>
        <source>The opened copy cannot be made private.</source>
        <translation>無法將開啟的副本設為私人。</translation>
    </message>
</context>
<context>
    <name>tandem::schedule</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Choose a time zone, such as Asia/Shanghai.</source>
        <translation>請選擇時區，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Days off: %1</source>
        <translation>休息日：%1</translation>
    </message>
    <message>
        <source>Extra working days: %1</source>
        <translation>補假上班日：%1</translation>
    </message>
    <message>
        <source>Unknown time zone “%1”: use a name such as Asia/Shanghai or Europe/London.</source>
        <translation>未知時區「%1」：請使用 Asia/Shanghai 或 Europe/London 這樣的名稱。</translation>
    </message>
    <message>
        <source>%1: “%2” is not a time range. Write ranges such as 09:00-12:00, separated by commas.</source>
        <translation>%1：「%2」不是時段。請寫成 09:00-12:00 這樣的時段，以逗號分隔。</translation>
    </message>
    <message>
        <source>Days off: “%1” is not a date. Write dates as YYYY-MM-DD, such as 2026-10-01.</source>
        <translation>休息日：「%1」不是日期。請按 YYYY-MM-DD 格式填寫，例如 2026-10-01。</translation>
    </message>
    <message>
        <source>Extra working days: “%1” should be a date and a weekday, such as 2026-10-10 fri.</source>
        <translation>補假上班日：「%1」應為日期加星期，例如 2026-10-10 fri。</translation>
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
    <message>
        <source>Unknown accent &quot;%1&quot;: use one of %2.</source>
        <translation>不明的強調色「%1」：請使用 %2 其中之一。</translation>
    </message>
    <message>
        <source>A space icon must be at most %1 bytes long.</source>
        <translation>空間圖示最多 %1 個位元組。</translation>
    </message>
    <message>
        <source>A space icon cannot contain spaces or control characters.</source>
        <translation>空間圖示不能包含空格或控制字元。</translation>
    </message>
    <message>
        <source>A space icon must be a single character or emoji.</source>
        <translation>空間圖示必須是單一字元或表情符號。</translation>
    </message>
</context>
<context>
    <name>tandem::tasks</name>
    <message>
        <source>Sign in to this space once before changing tasks.</source>
        <translation>請先登入此空間一次，再更改任務。</translation>
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
