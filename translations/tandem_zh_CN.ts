<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tandem</source>
        <translation>关于 Tandem</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Work and personal messaging, tasks and approvals, kept apart.</source>
        <translation>工作与个人的消息、任务和审批，彼此分开。</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（以 %2 构建）</translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation>使用的库及其许可证</translation>
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
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the About window</source>
        <translation>关闭“关于”窗口</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>%1 of %2 approvals were not sent: %3</source>
        <translation>%2 项审批中有 %1 项未发出：%3</translation>
    </message>
    <message>
        <source>Close approvals</source>
        <translation>关闭审批</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>返回会话</translation>
    </message>
    <message>
        <source>Waiting on me (%1)</source>
        <translation>待我审批（%1）</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>发起申请</translation>
    </message>
    <message>
        <source>My requests (%1 returned)</source>
        <translation>我发起的（%1 项被退回）</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我发起的</translation>
    </message>
</context>
<context>
    <name>BusyView</name>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Opening Tandem…</source>
        <translation>正在打开 Tandem…</translation>
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
        <translation>代码</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Editing your message — Enter saves, Esc cancels</source>
        <translation>正在编辑消息 — Enter 保存，Esc 取消</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>正在上传 %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Waiting to upload…</source>
        <translation>等待上传…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Attach files (or drop them here)</source>
        <translation>添加附件（或拖放到这里）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <source>Insert emoji</source>
        <translation>插入表情</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Save the edit</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Drop to send</source>
        <translation>松开即可发送</translation>
    </message>
    <message>
        <source>People to mention</source>
        <translation>可提及的人</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>More ways to send</source>
        <translation>更多发送方式</translation>
    </message>
    <message>
        <source>Schedule send…</source>
        <translation>定时发送…</translation>
    </message>
    <message>
        <source>Send as urgent… (Ctrl+Shift+Enter)</source>
        <translation>作为紧急消息发送…（Ctrl+Shift+Enter）</translation>
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
            <numerusform>%n条未读</numerusform>
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
        <translation>外部：组织以外的人可以看到这里的内容</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n位成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Members, pinned messages and files (Ctrl+I)</source>
        <translation>成员、置顶消息和文件（Ctrl+I）</translation>
    </message>
    <message>
        <source>Notifications for this conversation</source>
        <translation>此会话的通知</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>所有消息</translation>
    </message>
    <message>
        <source>Mentions and direct messages only</source>
        <translation>仅提及和私信</translation>
    </message>
    <message>
        <source>Muted (badge only)</source>
        <translation>静音（仅显示角标）</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Filter conversations (Ctrl+L)</source>
        <translation>筛选会话（Ctrl+L）</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>筛选会话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>没有与“%1”匹配的会话。</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>还没有会话。</translation>
    </message>
</context>
<context>
    <name>ConversationTasks</name>
    <message>
        <source>Tasks of this conversation</source>
        <translation>此会话的任务</translation>
    </message>
    <message>
        <source>No tasks yet. Make one from a message&apos;s menu.</source>
        <translation>还没有任务。可从消息的菜单中创建。</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Message %1</source>
        <translation>发消息给 %1</translation>
    </message>
    <message>
        <source>Pick a conversation</source>
        <translation>请选择一个会话</translation>
    </message>
    <message>
        <source>Ctrl+K searches everything in this space; F1 lists the shortcuts.</source>
        <translation>Ctrl+K 搜索此空间的全部内容；F1 列出快捷键。</translation>
    </message>
</context>
<context>
    <name>DelegateDialog</name>
    <message>
        <source>Hand “%1” to someone else</source>
        <translation>将“%1”转交他人</translation>
    </message>
    <message>
        <source>Find a person by name</source>
        <translation>按姓名查找</translation>
    </message>
    <message>
        <source>Person to decide instead</source>
        <translation>转交给</translation>
    </message>
    <message>
        <source>%1 decides instead of you.</source>
        <translation>改由 %1 审批。</translation>
    </message>
    <message>
        <source>Choose a person from the list.</source>
        <translation>请从列表中选择一人。</translation>
    </message>
    <message>
        <source>A note for them (optional)</source>
        <translation>给对方的留言（可选）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>转交</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Conversation details</source>
        <translation>会话详情</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Close the details</source>
        <translation>关闭详情</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>成员（%1）</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
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
        <translation>所有者</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Pinned messages</source>
        <translation>置顶消息</translation>
    </message>
    <message>
        <source>Nothing pinned yet.</source>
        <translation>还没有置顶内容。</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>还没有文件。</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>%1, %2, from %3</source>
        <translation>%1，%2，来自 %3</translation>
    </message>
</context>
<context>
    <name>DigestView</name>
    <message>
        <source>While you were away — %1</source>
        <translation>你离开期间 — %1</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>Nothing new: you are all caught up.</source>
        <translation>没有新内容：你已全部看完。</translation>
    </message>
    <message>
        <source>Catch-up digest</source>
        <translation>补看摘要</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n条回复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n条消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n条未读</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Emoji</source>
        <translation>表情</translation>
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
        <translation>%1 · 失败</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>正在上传 %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
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
        <translation>下载失败。点击重试。</translation>
    </message>
    <message>
        <source>%1 · click to download</source>
        <translation>%1 · 点击下载</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>正在上传 %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>无法显示 %1：%2</translation>
    </message>
    <message>
        <source>Cannot show %1.</source>
        <translation>无法显示 %1。</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>无法显示 %1：%2</translation>
    </message>
    <message>
        <source>Cannot show %1.</source>
        <translation>无法显示 %1。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>图片：%1</translation>
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
        <translation>%1 撤回了一条消息</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>（未发送）</translation>
    </message>
    <message>
        <source>(sending)</source>
        <translation>（发送中）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新消息</translation>
    </message>
    <message>
        <source>This message was recalled.</source>
        <translation>此消息已撤回。</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>（已编辑）</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n条回复</numerusform>
        </translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>用 %1 回应</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>在话题中回复</translation>
    </message>
    <message>
        <source>Reply in thread (T)</source>
        <translation>在话题中回复（T）</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Pin to conversation</source>
        <translation>在会话中置顶</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>React</source>
        <translation>表情回应</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认收到</translation>
    </message>
    <message>
        <source>Create task…</source>
        <translation>创建任务…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reaction(s)</source>
        <translation>
            <numerusform>%n 个表情回应</numerusform>
        </translation>
    </message>
    <message>
        <source>read by %1 of %2</source>
        <translation>%2 人中 %1 人已读</translation>
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
        <translation>展开</translation>
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
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n天前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyRequestsList</name>
    <message>
        <source>You have not asked for anything yet. Your requests appear here with where each one stands.</source>
        <translation>你还没有发起过申请。你的申请会显示在这里，并标明各自的进度。</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>发起申请</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我发起的</translation>
    </message>
    <message>
        <source>Returned to you for changes: open it to change and resubmit</source>
        <translation>已退回给你修改：打开后修改并重新提交</translation>
    </message>
    <message>
        <source>Waiting on %1</source>
        <translation>等待 %1 审批</translation>
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
        <translation>%2 回应了 %1</translation>
    </message>
</context>
<context>
    <name>ReadersPopup</name>
    <message>
        <source>Read by %1 of %2</source>
        <translation>%2 人中 %1 人已读</translation>
    </message>
    <message>
        <source>%1, read</source>
        <translation>%1，已读</translation>
    </message>
    <message>
        <source>%1, not yet read</source>
        <translation>%1，未读</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Return “%1” for changes</source>
        <translation>将“%1”退回修改</translation>
    </message>
    <message>
        <source>Reject “%1”</source>
        <translation>驳回“%1”</translation>
    </message>
    <message>
        <source>What should change? The requester sees this.</source>
        <translation>需要修改什么？申请人会看到。</translation>
    </message>
    <message>
        <source>Why? The requester sees this reason.</source>
        <translation>请说明原因，申请人会看到。</translation>
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
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>ReceiptLine</name>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Read by everyone</source>
        <translation>所有人已读</translation>
    </message>
    <message>
        <source>Read by %1 of %2</source>
        <translation>%2 人中 %1 人已读</translation>
    </message>
</context>
<context>
    <name>RequestDetailView</name>
    <message>
        <source>Request details</source>
        <translation>申请详情</translation>
    </message>
    <message>
        <source>Close details</source>
        <translation>关闭详情</translation>
    </message>
    <message>
        <source>This request is not in this space any more.</source>
        <translation>此申请已不在这个空间中。</translation>
    </message>
    <message>
        <source>From %1, submitted %2</source>
        <translation>%1 于 %2 提交</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Copied to %1</source>
        <translation>抄送 %1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>审批步骤</translation>
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
        <translation>处理记录</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 · device %2</source>
        <translation>%1 · 设备 %2</translation>
    </message>
    <message>
        <source>Your action is on its way to the server…</source>
        <translation>你的操作正在发往服务器…</translation>
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
        <translation>提醒尚未审批的人</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Sends the request back to the requester for changes</source>
        <translation>将申请退回申请人修改</translation>
    </message>
    <message>
        <source>Add a comment</source>
        <translation>添加评论</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Opens the request in the form, to change it and send it again</source>
        <translation>在表单中打开此申请，修改后重新提交</translation>
    </message>
    <message>
        <source>Change and resubmit…</source>
        <translation>修改并重新提交…</translation>
    </message>
</context>
<context>
    <name>RequestFormView</name>
    <message>
        <source>Sent. You will see the decision here and in your notifications.</source>
        <translation>已提交。审批结果会显示在这里和通知中。</translation>
    </message>
    <message>
        <source>Type of request</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <source>Choose a type…</source>
        <translation>选择类型…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>What is it for?</source>
        <translation>用途是什么？</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>%1, first day</source>
        <translation>%1，开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>%1, last day</source>
        <translation>%1，结束日期</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Add a person by name</source>
        <translation>按姓名添加人员</translation>
    </message>
    <message>
        <source>Changing a returned request. It goes to its approvers again when you resubmit it.</source>
        <translation>正在修改被退回的申请。重新提交后，它会再次交给审批人。</translation>
    </message>
    <message>
        <source>New request instead</source>
        <translation>改为发起新申请</translation>
    </message>
    <message>
        <source>Resubmit request</source>
        <translation>重新提交申请</translation>
    </message>
</context>
<context>
    <name>ScheduleSendDialog</name>
    <message>
        <source>Schedule send</source>
        <translation>定时发送</translation>
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
        <translation>时间</translation>
    </message>
    <message>
        <source>Time (HH:MM, this computer&apos;s time)</source>
        <translation>时间（HH:MM，本机时间）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>定时</translation>
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
        <translation>工作时间 — %1</translation>
    </message>
    <message>
        <source>Quiet hours — %1</source>
        <translation>免打扰时段 — %1</translation>
    </message>
    <message>
        <source>Outside these hours this space makes no sound, popup or tray alert; what arrives waits for your catch-up digest. Gaps between ranges are breaks.</source>
        <translation>在这些时间之外，此空间不会发出声音、弹窗或托盘提醒；收到的内容会留到补看摘要中。时间段之间的空档为休息时间。</translation>
    </message>
    <message>
        <source>During quiet hours this space only updates its badge.</source>
        <translation>免打扰时段内，此空间只更新角标。</translation>
    </message>
    <message>
        <source>Quiet hours on</source>
        <translation>开启免打扰时段</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
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
        <translation>节假日、请假：2026-10-01, 2026-10-02</translation>
    </message>
    <message>
        <source>Extra working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>date and whose hours it keeps: 2026-10-10 fri</source>
        <translation>日期及按哪天的时间上班：2026-10-10 fri</translation>
    </message>
    <message>
        <source>How much each conversation notifies (all messages, mentions only, muted) is set from the conversation&apos;s header.</source>
        <translation>每个会话的通知方式（所有消息、仅提及、静音）在会话标题栏中设置。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Urgent messages from</source>
        <translation>接受紧急消息的来源</translation>
    </message>
    <message>
        <source>My manager</source>
        <translation>我的上级</translation>
    </message>
    <message>
        <source>Anyone in my team</source>
        <translation>我团队中的任何人</translation>
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
        <translation>谁可以给你发紧急消息</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>每天最多</translation>
    </message>
    <message>
        <source>Urgent messages a day</source>
        <translation>每天的紧急消息数</translation>
    </message>
    <message>
        <source>a day</source>
        <translation>条</translation>
    </message>
</context>
<context>
    <name>ScheduledList</name>
    <message>
        <source>Not scheduled</source>
        <translation>未能定时</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>定于 %1 发送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the message scheduled for %1</source>
        <translation>取消定于 %1 发送的消息</translation>
    </message>
</context>
<context>
    <name>SearchOverlay</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search conversations, people and messages</source>
        <translation>搜索会话、联系人和消息</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”的相关结果。</translation>
    </message>
</context>
<context>
    <name>SendPrompt</name>
    <message>
        <source>%1 is off duty</source>
        <translation>%1 已下班</translation>
    </message>
    <message>
        <source>They are off duty</source>
        <translation>对方已下班</translation>
    </message>
    <message>
        <source>%1. Scheduled, the server delivers the message then, even if this computer is off.</source>
        <translation>%1。定时发送时，服务器会在那时送达消息，即使这台电脑已关机。</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Esc cancels: nothing is sent.</source>
        <translation>按 Esc 取消：不会发送任何内容。</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Search conversations, people and messages</source>
        <translation>搜索会话、联系人和消息</translation>
    </message>
    <message>
        <source>Switch space</source>
        <translation>切换空间</translation>
    </message>
    <message>
        <source>Previous or next conversation</source>
        <translation>上一个或下一个会话</translation>
    </message>
    <message>
        <source>Next conversation with unread messages</source>
        <translation>下一个有未读消息的会话</translation>
    </message>
    <message>
        <source>Filter the conversation list</source>
        <translation>筛选会话列表</translation>
    </message>
    <message>
        <source>Jump to the first unread message</source>
        <translation>跳到第一条未读消息</translation>
    </message>
    <message>
        <source>Show or hide the details</source>
        <translation>显示或隐藏详情</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Edit your last message</source>
        <translation>编辑你的上一条消息</translation>
    </message>
    <message>
        <source>Mention someone (Tab or Enter completes)</source>
        <translation>提及某人（Tab 或 Enter 补全）</translation>
    </message>
    <message>
        <source>On a selected message: thread, edit, recall</source>
        <translation>对选中的消息：话题、编辑、撤回</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>消息操作</translation>
    </message>
    <message>
        <source>Close the thread, the details, or this list</source>
        <translation>关闭话题、详情或此列表</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>此列表</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>关于 Tandem</translation>
    </message>
    <message>
        <source>About Tandem: version and licences</source>
        <translation>关于 Tandem：版本和许可证</translation>
    </message>
    <message>
        <source>Approvals: what waits on me, my team, a new request</source>
        <translation>审批：待我审批、我的团队、发起申请</translation>
    </message>
</context>
<context>
    <name>SpaceEditDialog</name>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
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
        <translation>红色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Slate</source>
        <translation>石板灰</translation>
    </message>
    <message>
        <source>Edit space</source>
        <translation>编辑空间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Space name</source>
        <translation>空间名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Colour of the space&apos;s kind</source>
        <translation>空间类型的颜色</translation>
    </message>
    <message>
        <source>Icon (one character or emoji; empty for the initial)</source>
        <translation>图标（一个字符或表情符号；留空则用首字母）</translation>
    </message>
    <message>
        <source>Space icon</source>
        <translation>空间图标</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SpaceRail</name>
    <message>
        <source>Spaces</source>
        <translation>空间</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>键盘快捷键（F1）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Focus mode</source>
        <translation>专注模式</translation>
    </message>
    <message>
        <source>Focus mode is on: only this space shows badges and notifications</source>
        <translation>专注模式已开启：只有此空间显示角标和通知</translation>
    </message>
    <message>
        <source>Focus mode: show only this space</source>
        <translation>专注模式：只显示此空间</translation>
    </message>
    <message>
        <source>Catch-up digest</source>
        <translation>补看摘要</translation>
    </message>
    <message>
        <source>Catch-up digest: what happened while you were away</source>
        <translation>补看摘要：你离开期间发生了什么</translation>
    </message>
    <message>
        <source>Schedule and notifications</source>
        <translation>时间表与通知</translation>
    </message>
    <message>
        <source>Schedule and notifications of this space</source>
        <translation>此空间的时间表与通知</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Approvals (Ctrl+Shift+P)</source>
        <translation>审批（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Tasks: mine, assigned by me, due today, overdue (Ctrl+Shift+T)</source>
        <translation>任务：我的、我分配的、今天到期、已逾期（Ctrl+Shift+T）</translation>
    </message>
</context>
<context>
    <name>SpaceTile</name>
    <message numerus="yes">
        <source>%1 space, %n unread</source>
        <translation>
            <numerusform>%1空间，%n条未读</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 space</source>
        <translation>%1空间</translation>
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
        <translation>编辑空间…</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>Connected as %1</source>
        <translation>已以 %1 身份连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Offline: changes are kept and sent when back</source>
        <translation>离线：更改已保留，恢复连接后发送</translation>
    </message>
    <message>
        <source>Signed out: sign in again</source>
        <translation>已退出登录：请重新登录</translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>On this computer only</source>
        <translation>仅在本机</translation>
    </message>
</context>
<context>
    <name>SystemNotice</name>
    <message>
        <source>%1 has taken over this conversation from %2</source>
        <extracomment>A system notice in a conversation: %1 the successor, %2 the person who handed it over.</extracomment>
        <translation>%1 已接手此会话（原负责人：%2）</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>任务：%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
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
        <translation>无优先级</translation>
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
        <translation>任务</translation>
    </message>
    <message>
        <source>From a message in this conversation</source>
        <translation>来自此会话中的一条消息</translation>
    </message>
    <message>
        <source>From a message in %1: “%2”</source>
        <translation>来自 %1 中的消息：“%2”</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>Open the message this task was made from</source>
        <translation>打开创建此任务的消息</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Details, links, what done looks like</source>
        <translation>细节、链接、完成标准</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
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
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Due time (hours:minutes; 18:00 when empty)</source>
        <translation>截止时间（时:分；留空则为 18:00）</translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Assign %1</source>
        <translation>指派给 %1</translation>
    </message>
    <message>
        <source>Create task</source>
        <translation>创建任务</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>Add an item and press Enter</source>
        <translation>添加一项后按 Enter</translation>
    </message>
    <message>
        <source>New checklist item</source>
        <translation>新的清单项</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Write a comment and press Enter</source>
        <translation>写评论后按 Enter</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>新评论</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>由 %1 创建</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Remove the file “%1”</source>
        <translation>移除文件“%1”</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Attach a file to this task</source>
        <translation>为此任务添加文件</translation>
    </message>
    <message>
        <source>Attach files to the task</source>
        <translation>为任务添加文件</translation>
    </message>
    <message>
        <source>Attach a file to the new task</source>
        <translation>为新任务附加文件</translation>
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
        <translation>我的任务</translation>
    </message>
    <message>
        <source>Assigned by me</source>
        <translation>我分配的</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>此会话</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Close tasks</source>
        <translation>关闭任务</translation>
    </message>
    <message>
        <source>Task views</source>
        <translation>任务视图</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>没有逾期的任务。</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有到期的任务。</translation>
    </message>
    <message>
        <source>No tasks here. Create one with New task, or from a message&apos;s menu.</source>
        <translation>这里没有任务。可点“新建任务”，或从消息的菜单中创建。</translation>
    </message>
</context>
<context>
    <name>TeamDashboard</name>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>From (YYYY-MM-DD)</source>
        <translation>起始（年-月-日）</translation>
    </message>
    <message>
        <source>Submitted from</source>
        <translation>提交日期起</translation>
    </message>
    <message>
        <source>To (YYYY-MM-DD)</source>
        <translation>截止（年-月-日）</translation>
    </message>
    <message>
        <source>Submitted until</source>
        <translation>提交日期止</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Requests by state</source>
        <translation>按状态统计</translation>
    </message>
    <message>
        <source>Pending, by age</source>
        <translation>待审批时长</translation>
    </message>
    <message>
        <source>Time to decision</source>
        <translation>审批用时</translation>
    </message>
    <message>
        <source>Median %1 over %2 decisions</source>
        <translation>%2 项审结，中位用时 %1</translation>
    </message>
    <message>
        <source>No decisions yet</source>
        <translation>尚无审结的申请</translation>
    </message>
    <message>
        <source>By type</source>
        <translation>按类型统计</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 pending · %2 approved · %3 rejected</source>
        <translation>%1 待审批 · %2 已同意 · %3 已驳回</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>超时（SLA）</translation>
    </message>
    <message>
        <source>%1 (within %2 h)</source>
        <translation>%1（时限 %2 小时）</translation>
    </message>
    <message>
        <source>%1 overdue now · %2 decided late</source>
        <translation>%1 项正超时 · %2 项审结超时</translation>
    </message>
    <message>
        <source>Slowest steps (median)</source>
        <translation>最慢的步骤（中位数）</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1，第 %2 步</translation>
    </message>
    <message>
        <source>Throughput per week</source>
        <translation>每周处理量</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>关闭话题</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>在话题中回复</translation>
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
        <translation>消息</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>跳到最新消息</translation>
    </message>
    <message>
        <source>↑ Jump to first unread (Ctrl+J)</source>
        <translation>↑ 跳到第一条未读（Ctrl+J）</translation>
    </message>
    <message>
        <source>No replies yet.</source>
        <translation>还没有回复。</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>还没有消息。打个招呼吧！</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Unlock Tandem</source>
        <translation>解锁 Tandem</translation>
    </message>
    <message>
        <source>Your spaces are encrypted on this computer. Enter your passphrase to open them.</source>
        <translation>你的空间在本机上是加密的。请输入密码短语以打开。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>UrgentConfirm</name>
    <message>
        <source>Send as urgent?</source>
        <translation>作为紧急消息发送？</translation>
    </message>
    <message>
        <source>An urgent message breaks through the recipient&apos;s off hours, quiet hours and focus, and reminds them every few minutes until they acknowledge it. Their own rules decide whether you may, and how many a day; if not, it is not sent and you are told why.</source>
        <translation>紧急消息会穿透对方的下班时间、免打扰时段和专注模式，并每隔几分钟提醒一次，直到对方确认收到。是否允许你发送、每天可发几条，由对方自己的规则决定；不允许时不会发送，并告诉你原因。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Send as urgent</source>
        <translation>作为紧急消息发送</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Approve selected (%1)</source>
        <translation>批量同意（%1）</translation>
    </message>
    <message>
        <source>Nothing waits on you. Requests that need your decision appear here, oldest first.</source>
        <translation>没有待你审批的申请。需要你决定的申请会按时间先后显示在这里。</translation>
    </message>
    <message>
        <source>Requests waiting on me</source>
        <translation>待我审批的申请</translation>
    </message>
    <message>
        <source>%1 from %2, waiting %3</source>
        <translation>%2 的%1，已等待 %3</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>选择 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · step %3</source>
        <translation>%1 · %2 · 第 %3 步</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>Past the time this type of request should take</source>
        <translation>已超过此类申请的处理时限</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Each request is approved with your name, this device and the time, as if you had approved it on its own. The server decides what happens next.</source>
        <translation>每项申请都会以你的名义、本设备和当前时间分别审批同意，与逐项同意相同。后续流程由服务器决定。</translation>
    </message>
    <message>
        <source>Comment for all (optional)</source>
        <translation>统一审批意见（可选）</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>同意 %1 项</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n request(s)?</source>
        <translation>
            <numerusform>同意 %n 项申请？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <source>Requests submitted and decided per week</source>
        <translation>每周提交和审结的申请</translation>
    </message>
    <message>
        <source>%1: %2 submitted, %3 decided</source>
        <translation>%1：提交 %2，审结 %3</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>审结</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to Tandem</source>
        <translation>欢迎使用 Tandem</translation>
    </message>
    <message>
        <source>Work and personal messages, tasks and approvals, kept apart: each space has its own account, its own encrypted store and its own hours.</source>
        <translation>工作与个人的消息、任务和审批，彼此分开：每个空间都有自己的账号、自己的加密存储和自己的时间安排。</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <source>Starts a server on this computer with Demo Co, its people and their history, and signs you in as Alice. Nothing leaves your machine.</source>
        <translation>在本机启动一个包含 Demo Co、其成员及历史记录的服务器，并以 Alice 的身份登录。任何数据都不会离开你的电脑。</translation>
    </message>
    <message>
        <source>Start the demo</source>
        <translation>开始演示</translation>
    </message>
    <message>
        <source>Starts a local demo server and signs in as Alice</source>
        <translation>启动本地演示服务器并以 Alice 的身份登录</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空间</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Space name</source>
        <translation>空间名称</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Passphrase for this computer&apos;s encrypted store</source>
        <translation>本机加密存储的密码短语</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次输入密码短语</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>tandem::app::AppController</name>
    <message>
        <source>Starting the demo server…</source>
        <translation>正在启动演示服务器…</translation>
    </message>
    <message>
        <source>The folder %1 holds spaces that are not the demo&apos;s. Start the demo with another --profile folder.</source>
        <translation>文件夹 %1 中有不属于演示的空间。请用另一个 --profile 文件夹启动演示。</translation>
    </message>
    <message>
        <source>Opening the demo spaces…</source>
        <translation>正在打开演示空间…</translation>
    </message>
    <message>
        <source>Signing in to the demo as alice…</source>
        <translation>正在以 alice 身份登录演示…</translation>
    </message>
    <message>
        <source>Setting up the demo spaces…</source>
        <translation>正在设置演示空间…</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, like wss://chat.example.com.</source>
        <translation>请输入服务器地址，例如 wss://chat.example.com。</translation>
    </message>
    <message>
        <source>Enter your user name on %1.</source>
        <translation>请输入你在 %1 上的用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Choose whether this is a work or a personal space.</source>
        <translation>请选择这是工作空间还是个人空间。</translation>
    </message>
    <message>
        <source>Choose a passphrase: it protects the messages kept on this computer.</source>
        <translation>请设置密码短语：它保护保存在本机上的消息。</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>Setting up “%1”…</source>
        <translation>正在设置“%1”…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>请输入密码短语。</translation>
    </message>
    <message>
        <source>Unlocking your spaces…</source>
        <translation>正在解锁你的空间…</translation>
    </message>
    <message>
        <source>That passphrase does not open your spaces. Check it and try again.</source>
        <translation>此密码短语无法打开你的空间。请检查后重试。</translation>
    </message>
    <message>
        <source>No space could be opened.</source>
        <translation>无法打开任何空间。</translation>
    </message>
    <message>
        <source>Some spaces could not be opened: %1</source>
        <translation>部分空间无法打开：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::ApprovalActions</name>
    <message>
        <source>This request changed before your action arrived; it is %1 now. Nothing was changed.</source>
        <translation>在你的操作送达前，此申请已变为“%1”，未做任何更改。</translation>
    </message>
    <message>
        <source>Already approved by %1 at %2.</source>
        <translation>%1 已于 %2 同意。</translation>
    </message>
    <message>
        <source>Already rejected by %1 at %2.</source>
        <translation>%1 已于 %2 驳回。</translation>
    </message>
    <message>
        <source>Already returned for changes by %1 at %2.</source>
        <translation>%1 已于 %2 退回修改。</translation>
    </message>
    <message>
        <source>Withdrawn by %1 at %2.</source>
        <translation>%1 已于 %2 撤回。</translation>
    </message>
    <message>
        <source>Already handed on by %1 at %2.</source>
        <translation>%1 已于 %2 转交。</translation>
    </message>
    <message>
        <source>Already decided by %1 at %2.</source>
        <translation>%1 已于 %2 审批。</translation>
    </message>
    <message>
        <source>You cannot do this on this request. Nothing was changed.</source>
        <translation>你无权对此申请执行此操作，未做任何更改。</translation>
    </message>
    <message>
        <source>This request is no longer shared with you. Nothing was changed.</source>
        <translation>此申请已不再与你共享，未做任何更改。</translation>
    </message>
    <message>
        <source>A reminder was sent a moment ago; try again in a few minutes.</source>
        <translation>刚刚已催办过，请几分钟后再试。</translation>
    </message>
    <message>
        <source>The server refused this (%1). Nothing was changed.</source>
        <translation>服务器拒绝了此操作（%1），未做任何更改。</translation>
    </message>
    <message>
        <source>This request changed before your action arrived. Nothing was changed.</source>
        <translation>在你的操作送达前，此申请已发生变化，未做任何更改。</translation>
    </message>
    <message>
        <source>This space is not open. Nothing was changed; open the space and try again.</source>
        <translation>此空间未打开，未做任何更改。请打开空间后重试。</translation>
    </message>
    <message>
        <source>This request is not in this space.</source>
        <translation>此申请不在这个空间中。</translation>
    </message>
    <message>
        <source>Give a reason for rejecting this request. Nothing was sent.</source>
        <translation>请填写驳回理由。未发送任何内容。</translation>
    </message>
    <message>
        <source>Choose who decides instead. Nothing was sent.</source>
        <translation>请选择转交给谁。未发送任何内容。</translation>
    </message>
</context>
<context>
    <name>tandem::app::ApprovalDashboard</name>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>无法计算统计数据：%1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
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
        <translation>不到 1 天</translation>
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
        <translation>超过 7 天</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择导出的文件。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 项申请到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::AttachmentFiles</name>
    <message>
        <source>Files can be downloaded only while the space is connected to its server.</source>
        <translation>只有在空间连接到服务器时才能下载文件。</translation>
    </message>
    <message>
        <source>Choose a folder on this computer to save the file in.</source>
        <translation>请选择本机上的文件夹来保存文件。</translation>
    </message>
    <message>
        <source>No private folder could be made to open the file in.</source>
        <translation>无法创建用于打开文件的私有文件夹。</translation>
    </message>
</context>
<context>
    <name>tandem::app::AttachmentImageProvider</name>
    <message>
        <source>The picture is %1×%2 pixels: too large to preview. Open it instead.</source>
        <translation>图片为 %1×%2 像素，太大无法预览。请直接打开。</translation>
    </message>
    <message>
        <source>The picture cannot be read.</source>
        <translation>无法读取图片。</translation>
    </message>
    <message>
        <source>This file is not a picture Tandem can show, or it is damaged.</source>
        <translation>此文件不是 Tandem 能显示的图片，或已损坏。</translation>
    </message>
    <message>
        <source>The picture is damaged: its size cannot be read.</source>
        <translation>图片已损坏：无法读取其尺寸。</translation>
    </message>
    <message>
        <source>The picture is damaged and cannot be shown (%1).</source>
        <translation>图片已损坏，无法显示（%1）。</translation>
    </message>
    <message>
        <source>The space of this picture is not open.</source>
        <translation>此图片所在的空间未打开。</translation>
    </message>
    <message>
        <source>%1 is not a picture.</source>
        <translation>%1 不是图片。</translation>
    </message>
    <message>
        <source>%1 is too large to preview (%2 MB). Open it instead.</source>
        <translation>%1 太大，无法预览（%2 MB）。请直接打开。</translation>
    </message>
    <message>
        <source>The picture is not downloaded yet.</source>
        <translation>图片尚未下载。</translation>
    </message>
    <message>
        <source>The cached copy of %1 is damaged.</source>
        <translation>%1 的缓存副本已损坏。</translation>
    </message>
    <message>
        <source>Not a picture address: %1</source>
        <translation>不是图片地址：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::ComposerController</name>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>只能添加本机上的文件作为附件。</translation>
    </message>
</context>
<context>
    <name>tandem::app::ConversationBoundary</name>
    <message>
        <source>Not sent as urgent: %1</source>
        <translation>未作为紧急消息发送：%1</translation>
    </message>
    <message>
        <source>The urgent message was not sent: %1</source>
        <translation>紧急消息未发送：%1</translation>
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
        <translation>%1 · %2 已确认</translation>
    </message>
    <message>
        <source>Acknowledged %1</source>
        <translation>%1 已确认</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write it as YYYY-MM-DD, such as 2026-11-25.</source>
        <translation>“%1”不是日期。请写成 YYYY-MM-DD，例如 2026-11-25。</translation>
    </message>
    <message>
        <source>“%1” is not a time. Write it as HH:MM, such as 09:00.</source>
        <translation>“%1”不是时间。请写成 HH:MM，例如 09:00。</translation>
    </message>
    <message>
        <source>%1 %2 has already passed. Choose a later time.</source>
        <translation>%1 %2 已经过去。请选择更晚的时间。</translation>
    </message>
    <message>
        <source>A message can be scheduled at most a year ahead.</source>
        <translation>消息最多可提前一年定时。</translation>
    </message>
    <message>
        <source>This space has no server to keep a scheduled message.</source>
        <translation>此空间没有服务器，无法保存定时消息。</translation>
    </message>
    <message>
        <source>That time has already passed. Choose a later time.</source>
        <translation>该时间已经过去。请选择更晚的时间。</translation>
    </message>
    <message>
        <source>Urgent messages need a server.</source>
        <translation>紧急消息需要服务器。</translation>
    </message>
</context>
<context>
    <name>tandem::app::ConversationController</name>
    <message>
        <source>That message is not in this conversation.</source>
        <translation>该消息不在此会话中。</translation>
    </message>
    <message>
        <source>Files can be downloaded only while the space is connected to its server.</source>
        <translation>只有在空间连接到服务器时才能下载文件。</translation>
    </message>
    <message>
        <source>Choose a folder on this computer to save the file in.</source>
        <translation>请选择本机上的文件夹来保存文件。</translation>
    </message>
    <message>
        <source>This space has no file cache.</source>
        <translation>此空间没有文件缓存。</translation>
    </message>
    <message>
        <source>That file is not in this conversation.</source>
        <translation>该文件不在此会话中。</translation>
    </message>
    <message>
        <source>No private folder could be made to open the file in.</source>
        <translation>无法创建用于打开文件的私有文件夹。</translation>
    </message>
</context>
<context>
    <name>tandem::app::ConversationListModel</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Away until %1</source>
        <translation>离开，直到 %1</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Busy until %1</source>
        <translation>忙碌，直到 %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在输入…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n人正在输入…</numerusform>
        </translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>消息已删除</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Unknown notification level “%1”: choose all, mentions or muted.</source>
        <translation>未知的通知级别“%1”：请选择所有、仅提及或静音。</translation>
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
        <translation>私信</translation>
    </message>
    <message>
        <source>Approvals waiting on you</source>
        <translation>等你审批</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>到期任务</translation>
    </message>
    <message>
        <source>Busiest threads</source>
        <translation>最热闹的话题</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>The digest could not be read: %1</source>
        <translation>无法读取摘要：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::LanguageSettings</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>tandem::app::OffDuty</name>
    <message>
        <source>Off duty</source>
        <translation>已下班</translation>
    </message>
    <message>
        <source>Off until %1</source>
        <translation>休息至 %1</translation>
    </message>
    <message>
        <source>Off until %1 (your time %2)</source>
        <translation>休息至 %1（你的时间 %2）</translation>
    </message>
    <message>
        <source>Schedule for %1</source>
        <translation>安排在 %1 发送</translation>
    </message>
    <message>
        <source>Schedule for %1 their time (%2 yours)</source>
        <translation>安排在对方时间 %1 发送（你的时间 %2）</translation>
    </message>
</context>
<context>
    <name>tandem::app::RequestDetail</name>
    <message>
        <source>Everyone must approve</source>
        <translation>会签（全部同意）</translation>
    </message>
    <message>
        <source>Any one approver</source>
        <translation>或签（一人同意即可）</translation>
    </message>
    <message>
        <source>One approver</source>
        <translation>单人审批</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>submitted the request</source>
        <translation>提交了申请</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>同意了</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>驳回了</translation>
    </message>
    <message>
        <source>returned it for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>withdrew the request</source>
        <translation>撤回了申请</translation>
    </message>
    <message>
        <source>delegated the decision</source>
        <translation>转交了审批</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>发表了评论</translation>
    </message>
    <message>
        <source>sent a reminder</source>
        <translation>发送了催办</translation>
    </message>
</context>
<context>
    <name>tandem::app::RequestForm</name>
    <message>
        <source>Type a number, such as 12 or 2.5.</source>
        <translation>请输入数字，例如 12 或 2.5。</translation>
    </message>
    <message>
        <source>Type an amount such as 1,234.50 (at most two decimals).</source>
        <translation>请输入金额，例如 1,234.50（最多两位小数）。</translation>
    </message>
    <message>
        <source>Type a date such as %1.</source>
        <translation>请输入日期，例如 %1。</translation>
    </message>
    <message>
        <source>Type the first and the last day, such as %1.</source>
        <translation>请输入开始和结束日期，例如 %1。</translation>
    </message>
    <message>
        <source>Give the request a title, such as &quot;Taxi to the Shenzhen office&quot;.</source>
        <translation>请填写标题，例如“去深圳办公室的打车费”。</translation>
    </message>
    <message>
        <source>This form cannot be filled in with this version of Tandem (%1 %2).</source>
        <translation>此版本的 Tandem 无法填写这张表单（%1 %2）。</translation>
    </message>
    <message>
        <source>Choose at least one.</source>
        <translation>请至少选择一项。</translation>
    </message>
    <message>
        <source>Type the amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>Type the date.</source>
        <translation>请输入日期。</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>请至少选择一人。</translation>
    </message>
    <message>
        <source>Attach at least one file.</source>
        <translation>请至少添加一个附件。</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>请填写此项。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>最多 %n 个字符。</numerusform>
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
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Choose another currency.</source>
        <translation>请选择其他币种。</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>请从选项中选择。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n, each once.</source>
        <translation>
            <numerusform>最多 %n 项，不可重复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose people of your organisation.</source>
        <translation>请选择本组织的人员。</translation>
    </message>
    <message>
        <source>Attach files you have uploaded.</source>
        <translation>请添加你已上传的文件。</translation>
    </message>
    <message>
        <source>This form has changed since it was opened; open it again.</source>
        <translation>表单在打开后已更改，请重新打开。</translation>
    </message>
    <message>
        <source>Use a single line.</source>
        <translation>请只填写一行。</translation>
    </message>
    <message>
        <source>This answer cannot be sent; change it.</source>
        <translation>此项内容无法提交，请修改。</translation>
    </message>
    <message>
        <source>This request is not in this space any more.</source>
        <translation>此申请已不在这个空间中。</translation>
    </message>
    <message>
        <source>Only the person who asked can change a request.</source>
        <translation>只有申请人可以修改申请。</translation>
    </message>
    <message>
        <source>This request is not waiting for changes any more.</source>
        <translation>此申请已不再等待修改。</translation>
    </message>
    <message>
        <source>This type of request is not in this space any more.</source>
        <translation>这个空间中已没有此类申请。</translation>
    </message>
    <message>
        <source>%1 returned it for changes.</source>
        <translation>%1 退回了此申请，请修改。</translation>
    </message>
    <message>
        <source>%1 returned it for changes: %2</source>
        <translation>%1 退回了此申请，请修改：%2</translation>
    </message>
    <message>
        <source>A file sent before</source>
        <translation>之前提交的文件</translation>
    </message>
</context>
<context>
    <name>tandem::app::SpaceBoundaryController</name>
    <message>
        <source>A work space needs some working hours. To stop limiting notifications, add hours on every day, such as 00:00-24:00.</source>
        <translation>工作空间需要设置工作时间。如不想限制通知，请为每天添加时间，例如 00:00-24:00。</translation>
    </message>
    <message>
        <source>The schedule could not be saved: %1</source>
        <translation>无法保存时间表：%1</translation>
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
        <translation>无法保存紧急消息规则：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::SpaceSession</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>已是最新。</translation>
    </message>
    <message>
        <source>Offline: cannot reach %1. Messages you send wait here and go out once it is back.</source>
        <translation>离线：无法连接 %1。你发送的消息会在此等候，恢复连接后发出。</translation>
    </message>
    <message>
        <source>Sign in again to keep this space in sync.</source>
        <translation>请重新登录以保持此空间同步。</translation>
    </message>
    <message>
        <source>Sync stopped.</source>
        <translation>同步已停止。</translation>
    </message>
    <message>
        <source>This space is kept on this computer only.</source>
        <translation>此空间仅保存在本机。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
</context>
<context>
    <name>tandem::app::TaskController</name>
    <message>
        <source>The task could not be read: %1</source>
        <translation>无法读取任务：%1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>无法保存更改：%1</translation>
    </message>
    <message>
        <source>The space is not open yet.</source>
        <translation>空间尚未打开。</translation>
    </message>
    <message>
        <source>The description is too long (at most %1 characters).</source>
        <translation>描述太长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>Unknown status “%1”.</source>
        <translation>未知状态“%1”。</translation>
    </message>
    <message>
        <source>Priority is none, low, medium or high.</source>
        <translation>优先级只能是无、低、中或高。</translation>
    </message>
    <message>
        <source>There is no task to change.</source>
        <translation>没有可修改的任务。</translation>
    </message>
    <message>
        <source>Choose someone to assign.</source>
        <translation>请选择要指派的人。</translation>
    </message>
    <message>
        <source>Write what the checklist item is.</source>
        <translation>请填写清单项的内容。</translation>
    </message>
    <message>
        <source>A checklist item has at most %1 characters.</source>
        <translation>清单项最多 %1 个字符。</translation>
    </message>
    <message>
        <source>There is no such checklist item.</source>
        <translation>没有这个清单项。</translation>
    </message>
    <message>
        <source>Write a comment first.</source>
        <translation>请先写评论。</translation>
    </message>
    <message>
        <source>A comment has at most %1 characters.</source>
        <translation>评论最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>只能添加本机上的文件作为附件。</translation>
    </message>
    <message>
        <source>This space has no file cache to attach files from.</source>
        <translation>此空间没有可用于添加附件的文件缓存。</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>没有这个文件。</translation>
    </message>
    <message>
        <source>“%1” is not a file that can be read.</source>
        <translation>“%1”不是可读取的文件。</translation>
    </message>
    <message numerus="yes">
        <source>A new task takes at most %n file(s); attach more once it exists.</source>
        <translation>
            <numerusform>新任务最多可附加 %n 个文件；创建后可再附加更多。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::TaskListModel</name>
    <message>
        <source>The tasks could not be read: %1</source>
        <translation>无法读取任务：%1</translation>
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
        <translation>已于 %1 截止</translation>
    </message>
    <message>
        <source>Due now (%1)</source>
        <translation>现在截止（%1）</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>任务：%1</translation>
    </message>
</context>
<context>
    <name>tandem::app::TaskText</name>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
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
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>明天 %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <source>Give a due date for the time %1, such as 2026-12-01.</source>
        <translation>请为时间 %1 填写截止日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write the due date as year-month-day, such as 2026-12-01.</source>
        <translation>“%1”不是日期。请按年-月-日填写截止日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>“%1” is not a time. Write the due time as hours:minutes, such as 17:30.</source>
        <translation>“%1”不是时间。请按时:分填写截止时间，例如 17:30。</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>请给任务写个标题。</translation>
    </message>
    <message>
        <source>A task title is one line.</source>
        <translation>任务标题只能有一行。</translation>
    </message>
    <message>
        <source>A task title has at most 256 characters (this one has %1).</source>
        <translation>任务标题最多 256 个字符（当前为 %1 个）。</translation>
    </message>
</context>
<context>
    <name>tandem::app::TimelineModel</name>
    <message>
        <source>The message could not be sent.</source>
        <translation>消息无法发送。</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>此消息已删除。</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1等%n人</numerusform>
        </translation>
    </message>
    <message>
        <source>That message is not in this conversation.</source>
        <translation>该消息不在此会话中。</translation>
    </message>
</context>
<context>
    <name>tandem::app::TrayIcon</name>
    <message>
        <source>Show Tandem</source>
        <translation>显示 Tandem</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Tandem: unread messages</source>
        <translation>Tandem：有未读消息</translation>
    </message>
</context>
<context>
    <name>tandem::app::WaitingListModel</name>
    <message>
        <source>&lt; 1 h</source>
        <translation>不到 1 小时</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
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
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>审结</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::boundary</name>
    <message>
        <source>The saved schedule (%1) cannot be read: %2</source>
        <translation>无法读取已保存的时间表（%1）：%2</translation>
    </message>
    <message>
        <source>The saved schedule (%1) is no longer valid: %2</source>
        <translation>已保存的时间表（%1）不再有效：%2</translation>
    </message>
</context>
<context>
    <name>tandem::files</name>
    <message>
        <source>The cached file %1 is damaged.</source>
        <translation>缓存文件 %1 已损坏。</translation>
    </message>
    <message>
        <source>The file is not in the cache.</source>
        <translation>该文件不在缓存中。</translation>
    </message>
    <message>
        <source>The downloaded file does not match its SHA-256; it will be downloaded again.</source>
        <translation>下载的文件与其 SHA-256 不符，将重新下载。</translation>
    </message>
    <message>
        <source>This space has no file cache to send files from.</source>
        <translation>此空间没有可用于发送文件的文件缓存。</translation>
    </message>
    <message>
        <source>The opened copy cannot be made private.</source>
        <translation>无法将打开的副本设为私有。</translation>
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
        <translation>请选择时区，例如 Asia/Shanghai。</translation>
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
        <translation>调休上班日：%1</translation>
    </message>
    <message>
        <source>Unknown time zone “%1”: use a name such as Asia/Shanghai or Europe/London.</source>
        <translation>未知时区“%1”：请使用 Asia/Shanghai 或 Europe/London 这样的名称。</translation>
    </message>
    <message>
        <source>%1: “%2” is not a time range. Write ranges such as 09:00-12:00, separated by commas.</source>
        <translation>%1：“%2”不是时间段。请写成 09:00-12:00 这样的时间段，用逗号分隔。</translation>
    </message>
    <message>
        <source>Days off: “%1” is not a date. Write dates as YYYY-MM-DD, such as 2026-10-01.</source>
        <translation>休息日：“%1”不是日期。请按 YYYY-MM-DD 格式填写，例如 2026-10-01。</translation>
    </message>
    <message>
        <source>Extra working days: “%1” should be a date and a weekday, such as 2026-10-10 fri.</source>
        <translation>调休上班日：“%1”应为日期加星期，例如 2026-10-10 fri。</translation>
    </message>
</context>
<context>
    <name>tandem::send</name>
    <message>
        <source>There is no unsent message %1.</source>
        <translation>没有未发送的消息 %1。</translation>
    </message>
    <message>
        <source>The message %1 is still being sent.</source>
        <translation>消息 %1 仍在发送中。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; the server takes files up to %3.</source>
        <translation>%1 大小为 %2 字节；服务器最多接受 %3 字节的文件。</translation>
    </message>
    <message>
        <source>The message is %1 bytes long; the limit is %2.</source>
        <translation>消息长度为 %1 字节；上限为 %2。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message>
        <source>There is no failed message %1.</source>
        <translation>没有发送失败的消息 %1。</translation>
    </message>
</context>
<context>
    <name>tandem::signin</name>
    <message>
        <source>The server did not accept the Tandem protocol.</source>
        <translation>服务器不接受 Tandem 协议。</translation>
    </message>
    <message>
        <source>The server %1 closed the connection (%2).</source>
        <translation>服务器 %1 关闭了连接（%2）。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2.</source>
        <translation>无法连接服务器 %1：%2。</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>服务器 %1 未及时响应。</translation>
    </message>
    <message>
        <source>The server sent a malformed frame.</source>
        <translation>服务器发送了格式错误的数据帧。</translation>
    </message>
    <message>
        <source>The server sent a malformed login answer (%1).</source>
        <translation>服务器返回的登录应答格式错误（%1）。</translation>
    </message>
    <message>
        <source>The server sent a malformed error.</source>
        <translation>服务器返回的错误格式不正确。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server refused the login: %1 (%2).</source>
        <translation>服务器拒绝登录：%1（%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 may not sync a space %2 on %3; its spaces: %4.</source>
        <translation>%1 无权同步 %3 上的空间 %2；其空间：%4。</translation>
    </message>
    <message>
        <source>%1 has no %2 space on %3; its spaces: %4.</source>
        <translation>%1 在 %3 上没有 %2 空间；其空间：%4。</translation>
    </message>
    <message>
        <source>%1 has several %2 spaces on %3; %4: %5.</source>
        <translation>%1 在 %3 上有多个 %2 空间；%4：%5。</translation>
    </message>
    <message>
        <source>%1 Check them and try again.</source>
        <translation>%1 请检查后重试。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1.</source>
        <translation>无法连接服务器 %1。</translation>
    </message>
    <message>
        <source>%1 Check the address and that the server runs.</source>
        <translation>%1 请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address.</source>
        <translation>“%1”不是服务器地址。</translation>
    </message>
    <message>
        <source>Unencrypted ws:// is only allowed to this computer; use wss:// for %1.</source>
        <translation>未加密的 ws:// 只能用于本机；连接 %1 请使用 wss://。</translation>
    </message>
    <message>
        <source>A server address starts with wss:// (not &quot;%1&quot;).</source>
        <translation>服务器地址以 wss:// 开头（而不是“%1”）。</translation>
    </message>
</context>
<context>
    <name>tandem::store</name>
    <message>
        <source>There is no space named &quot;%1&quot; in %2.</source>
        <translation>%2 中没有名为“%1”的空间。</translation>
    </message>
    <message>
        <source>A space name must have 1 to 64 characters.</source>
        <translation>空间名称须为 1 到 64 个字符。</translation>
    </message>
    <message>
        <source>A space named &quot;%1&quot; exists already.</source>
        <translation>名为“%1”的空间已存在。</translation>
    </message>
    <message>
        <source>Wrong passphrase: use this profile&apos;s passphrase for the new space too.</source>
        <translation>密码短语错误：新空间也请使用此配置文件的密码短语。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>The database of space &quot;%1&quot; is damaged or was replaced (%2).</source>
        <translation>空间“%1”的数据库已损坏或被替换（%2）。</translation>
    </message>
    <message>
        <source>The space is not open.</source>
        <translation>该空间未打开。</translation>
    </message>
    <message>
        <source>Unknown accent &quot;%1&quot;: use one of %2.</source>
        <translation>未知的强调色“%1”：请使用 %2 之一。</translation>
    </message>
    <message>
        <source>A space icon must be at most %1 bytes long.</source>
        <translation>空间图标最多 %1 个字节。</translation>
    </message>
    <message>
        <source>A space icon cannot contain spaces or control characters.</source>
        <translation>空间图标不能包含空格或控制字符。</translation>
    </message>
    <message>
        <source>A space icon must be a single character or emoji.</source>
        <translation>空间图标必须是单个字符或表情符号。</translation>
    </message>
</context>
<context>
    <name>tandem::tasks</name>
    <message>
        <source>Sign in to this space once before changing tasks.</source>
        <translation>请先登录此空间一次，再更改任务。</translation>
    </message>
</context>
<context>
    <name>tandem::unlock</name>
    <message>
        <source>A passphrase is needed to protect the space (no keychain is available). Set TANDEM_PASSPHRASE or enter one.</source>
        <translation>需要密码短语来保护此空间（没有可用的钥匙串）。请设置 TANDEM_PASSPHRASE 或输入一个密码短语。</translation>
    </message>
    <message>
        <source>The space&apos;s key file %1 is missing.</source>
        <translation>空间的密钥文件 %1 不见了。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a Tandem key file.</source>
        <translation>%1 太大，不可能是 Tandem 密钥文件。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a Tandem key file.</source>
        <translation>%1 已损坏或不是 Tandem 密钥文件。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Tandem.</source>
        <translation>%1 由较新版本的 Tandem 写入。</translation>
    </message>
    <message>
        <source>%1 names no space.</source>
        <translation>%1 未指明任何空间。</translation>
    </message>
    <message>
        <source>%1 uses a key derivation this version does not know.</source>
        <translation>%1 使用了此版本不支持的密钥派生方式。</translation>
    </message>
    <message>
        <source>%1 asks for key derivation settings out of range.</source>
        <translation>%1 要求的密钥派生参数超出范围。</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 已损坏。</translation>
    </message>
    <message>
        <source>%1 holds no way to unlock the space.</source>
        <translation>%1 中没有任何解锁此空间的方式。</translation>
    </message>
    <message>
        <source>The key of space &quot;%1&quot; is in the OS keychain, which cannot be read: %2</source>
        <translation>空间“%1”的密钥保存在系统钥匙串中，但无法读取：%2</translation>
    </message>
    <message>
        <source>Space &quot;%1&quot; is locked: a passphrase is needed (set TANDEM_PASSPHRASE or enter it).</source>
        <translation>空间“%1”已锁定：需要密码短语（设置 TANDEM_PASSPHRASE 或直接输入）。</translation>
    </message>
    <message>
        <source>Wrong passphrase for space &quot;%1&quot;.</source>
        <translation>空间“%1”的密码短语错误。</translation>
    </message>
    <message>
        <source>The new passphrase is empty.</source>
        <translation>新密码短语为空。</translation>
    </message>
</context>
</TS>
