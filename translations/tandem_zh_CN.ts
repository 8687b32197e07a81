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
        <source>%1 at %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>%1, %2, from %3</source>
        <translation>%1，%2，来自 %3</translation>
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
        <source>Protects the data on this computer</source>
        <translation>保护本机上的数据</translation>
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
    <message>
        <source>The opened copy cannot be made private.</source>
        <translation>无法将打开的副本设为私有。</translation>
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
        <source>Off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>Off duty until %1</source>
        <translation>下班，%1 上班</translation>
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
</context>
<context>
    <name>tandem::app::LanguageSettings</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
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
