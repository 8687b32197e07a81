#include "corpuswords.h"

namespace tandemctl::corpus {

namespace {

// clang-format off
// Chinese words in rough order of frequency in workplace chat: particles and pronouns first, then
// everyday work words, then the specialised ones. The rank sets each word's Zipf weight.
constexpr WordPair kChinese[] = {
    {u"的", u"的"}, {u"了", u"了"}, {u"我", u"我"}, {u"你", u"你"}, {u"是", u"是"}, {u"在", u"在"},
    {u"我们", u"我們"}, {u"一下", u"一下"}, {u"这个", u"這個"}, {u"吗", u"嗎"}, {u"好的", u"好的"},
    {u"可以", u"可以"}, {u"今天", u"今天"}, {u"明天", u"明天"}, {u"需要", u"需要"}, {u"已经", u"已經"},
    {u"没有", u"沒有"}, {u"大家", u"大家"}, {u"收到", u"收到"}, {u"谢谢", u"謝謝"}, {u"问题", u"問題"},
    {u"会议", u"會議"}, {u"客户", u"客戶"}, {u"时间", u"時間"}, {u"项目", u"項目"}, {u"下午", u"下午"},
    {u"上午", u"上午"}, {u"确认", u"確認"}, {u"安排", u"安排"}, {u"进度", u"進度"}, {u"吧", u"吧"},
    {u"还是", u"還是"}, {u"所以", u"所以"}, {u"但是", u"但是"}, {u"因为", u"因為"}, {u"如果", u"如果"},
    {u"看看", u"看看"}, {u"处理", u"處理"}, {u"跟进", u"跟進"}, {u"讨论", u"討論"}, {u"文档", u"文檔"},
    {u"测试", u"測試"}, {u"上线", u"上線"}, {u"发布", u"發佈"}, {u"版本", u"版本"}, {u"数据", u"數據"},
    {u"报告", u"報告"}, {u"方案", u"方案"}, {u"审批", u"審批"}, {u"报销", u"報銷"}, {u"请假", u"請假"},
    {u"预算", u"預算"}, {u"合同", u"合同"}, {u"发票", u"發票"}, {u"付款", u"付款"}, {u"采购", u"採購"},
    {u"订单", u"訂單"}, {u"产品", u"產品"}, {u"设计", u"設計"}, {u"需求", u"需求"}, {u"开发", u"開發"},
    {u"沟通", u"溝通"}, {u"准备", u"準備"}, {u"提交", u"提交"}, {u"检查", u"檢查"}, {u"更新", u"更新"},
    {u"完成", u"完成"}, {u"开始", u"開始"}, {u"结束", u"結束"}, {u"改到", u"改到"}, {u"推迟", u"推遲"},
    {u"取消", u"取消"}, {u"参加", u"參加"}, {u"负责", u"負責"}, {u"联系", u"聯繫"}, {u"回复", u"回覆"},
    {u"发给", u"發給"}, {u"整理", u"整理"}, {u"同意", u"同意"}, {u"服务器", u"伺服器"}, {u"部署", u"部署"},
    {u"修复", u"修復"}, {u"接口", u"接口"}, {u"用户", u"用戶"}, {u"反馈", u"反饋"}, {u"体验", u"體驗"},
    {u"周报", u"週報"}, {u"月底", u"月底"}, {u"季度", u"季度"}, {u"目标", u"目標"}, {u"考勤", u"考勤"},
    {u"加班", u"加班"}, {u"出差", u"出差"}, {u"机票", u"機票"}, {u"酒店", u"酒店"}, {u"会议室", u"會議室"},
    {u"培训", u"培訓"}, {u"面试", u"面試"}, {u"招聘", u"招聘"}, {u"同事", u"同事"}, {u"经理", u"經理"},
    {u"老板", u"老闆"}, {u"财务", u"財務"}, {u"人事", u"人事"}, {u"法务", u"法務"}, {u"市场", u"市場"},
    {u"销售", u"銷售"}, {u"渠道", u"渠道"}, {u"活动", u"活動"}, {u"推广", u"推廣"}, {u"直播", u"直播"},
    {u"群里", u"群裡"}, {u"消息", u"消息"}, {u"通知", u"通知"}, {u"提醒", u"提醒"}, {u"截止", u"截止"},
    {u"延期", u"延期"}, {u"紧急", u"緊急"}, {u"重要", u"重要"}, {u"优先级", u"優先級"}, {u"风险", u"風險"},
    {u"质量", u"質量"}, {u"性能", u"性能"}, {u"安全", u"安全"}, {u"备份", u"備份"}, {u"监控", u"監控"},
    {u"日志", u"日誌"}, {u"告警", u"告警"}, {u"故障", u"故障"}, {u"回滚", u"回滾"}, {u"灰度", u"灰度"},
    {u"环境", u"環境"}, {u"配置", u"配置"}, {u"权限", u"權限"}, {u"账号", u"賬號"}, {u"密码", u"密碼"},
    {u"登录", u"登錄"}, {u"手机", u"手機"}, {u"电脑", u"電腦"}, {u"网络", u"網絡"}, {u"系统", u"系統"},
    {u"流程", u"流程"}, {u"表格", u"表格"}, {u"附件", u"附件"}, {u"邮件", u"郵件"}, {u"电话", u"電話"},
    {u"视频", u"視頻"}, {u"语音", u"語音"}, {u"红包", u"紅包"}, {u"午饭", u"午飯"}, {u"咖啡", u"咖啡"},
    {u"周末", u"週末"}, {u"假期", u"假期"}, {u"春节", u"春節"}, {u"中秋", u"中秋"}, {u"北京", u"北京"},
    {u"上海", u"上海"}, {u"深圳", u"深圳"}, {u"香港", u"香港"}, {u"台北", u"台北"}, {u"广州", u"廣州"},
    {u"杭州", u"杭州"}, {u"成都", u"成都"}, {u"新加坡", u"新加坡"}, {u"供应商", u"供應商"},
    {u"合作", u"合作"}, {u"签约", u"簽約"}, {u"续约", u"續約"}, {u"折扣", u"折扣"}, {u"样品", u"樣品"},
    {u"发货", u"發貨"}, {u"退款", u"退款"}, {u"投诉", u"投訴"}, {u"售后", u"售後"}, {u"满意", u"滿意"},
    {u"评价", u"評價"}, {u"增长", u"增長"}, {u"下降", u"下降"}, {u"对比", u"對比"}, {u"分析", u"分析"},
    {u"统计", u"統計"}, {u"图表", u"圖表"}, {u"复盘", u"復盤"}, {u"总结", u"總結"}, {u"计划", u"計劃"},
    {u"里程碑", u"里程碑"}, {u"交付", u"交付"}, {u"验收", u"驗收"}, {u"评审", u"評審"}, {u"代码", u"代碼"},
    {u"合并", u"合併"}, {u"分支", u"分支"}, {u"编译", u"編譯"}, {u"打包", u"打包"}, {u"安装", u"安裝"},
    {u"升级", u"升級"}, {u"兼容", u"兼容"}, {u"迁移", u"遷移"}, {u"数据库", u"數據庫"}, {u"缓存", u"緩存"},
    {u"索引", u"索引"}, {u"搜索", u"搜索"}, {u"加密", u"加密"}, {u"同步", u"同步"}, {u"离线", u"離線"},
    {u"在线", u"在線"}, {u"审计", u"審計"}, {u"合规", u"合規"}, {u"隐私", u"隱私"}, {u"物流", u"物流"},
    {u"库存", u"庫存"}, {u"报价", u"報價"}, {u"拒绝", u"拒絕"}, {u"批准", u"批准"},
    {u"知识产权", u"知識產權"}, {u"人工智能", u"人工智能"}, {u"机器学习", u"機器學習"},
    {u"云服务", u"雲服務"}, {u"负载均衡", u"負載均衡"}, {u"高可用", u"高可用"}, {u"容器", u"容器"},
    {u"微服务", u"微服務"},
};

// English words in rough order of frequency in workplace chat.
constexpr const char16_t *const kEnglish[] = {
    u"the", u"to", u"I", u"we", u"is", u"a", u"for", u"on", u"it", u"this", u"and", u"in", u"can", u"you",
    u"be", u"will", u"please", u"thanks", u"ok", u"today", u"tomorrow", u"check", u"meeting", u"team",
    u"update", u"need", u"review", u"release", u"customer", u"let", u"me", u"know", u"after", u"before",
    u"with", u"should", u"just", u"done", u"sure", u"morning", u"afternoon", u"call", u"issue", u"fix",
    u"deploy", u"build", u"test", u"tests", u"report", u"budget", u"invoice", u"contract", u"approval",
    u"deadline", u"schedule", u"design", u"draft", u"doc", u"notes", u"feedback", u"question", u"client",
    u"order", u"payment", u"project", u"plan", u"next", u"week", u"month", u"quarter", u"sprint", u"ticket",
    u"bug", u"server", u"staging", u"production", u"rollback", u"latency", u"dashboard", u"metrics",
    u"onboarding", u"interview", u"candidate", u"offer", u"travel", u"flight", u"hotel", u"expense",
    u"receipt", u"reimbursement", u"leave", u"holiday", u"vacation", u"office", u"room", u"agenda",
    u"minutes", u"slides", u"demo", u"launch", u"marketing", u"campaign", u"pricing", u"discount", u"quote",
    u"supplier", u"shipment", u"delivery", u"warehouse", u"inventory", u"refund", u"complaint", u"support",
    u"escalate", u"priority", u"urgent", u"blocked", u"waiting", u"merged", u"branch", u"commit", u"pipeline",
    u"config", u"permissions", u"password", u"login", u"account", u"database", u"migration", u"index",
    u"search", u"cache", u"backup", u"monitoring", u"alert", u"outage", u"incident", u"postmortem",
    u"security", u"audit", u"compliance", u"privacy", u"legal", u"finance", u"sales", u"partner", u"renewal",
    u"signed", u"shipped", u"approved", u"rejected", u"pending", u"confirmed", u"cancelled", u"moved",
    u"postponed", u"lunch", u"coffee", u"weekend", u"Shanghai", u"Shenzhen", u"Beijing", u"Hong", u"Kong",
    u"Singapore", u"Taipei", u"roadmap", u"milestone", u"retro", u"standup", u"handover", u"successor",
    u"workflow", u"template", u"checklist", u"spreadsheet", u"attachment", u"screenshot", u"recording",
    u"webinar", u"livestream", u"analytics", u"forecast", u"revenue", u"growth", u"churn", u"survey",
    u"kubernetes", u"container", u"microservice", u"failover", u"throughput", u"benchmark",
};

// Terms Chinese speakers drop into Chinese sentences.
constexpr const char16_t *const kTechTerms[] = {
    u"PR", u"API", u"bug", u"deadline", u"release", u"demo", u"OKR", u"KPI", u"deploy", u"review", u"staging",
    u"iOS", u"Android", u"SDK", u"v2.3", u"Excel", u"PPT", u"UI", u"App", u"CRM", u"ERP", u"offer", u"HR",
    u"Q3", u"VPN", u"sprint", u"backlog", u"hotfix", u"roadmap", u"follow up",
};

// A long tail: terms that turn up in about one message in ten thousand each, so that rare searches
// find a handful of messages, as they do in real chat.
constexpr const char16_t *const kRareTerms[] = {
    u"xylograph", u"zeppelin", u"quasar", u"marzipan", u"origami", u"sextant", u"tessellate", u"bonsai",
    u"kaleidoscope", u"nebula", u"量子计算", u"區塊鏈", u"碳中和", u"元宇宙", u"無人機", u"光刻机",
    u"九龍城寨", u"甲骨文", u"敦煌", u"景德镇",
};

constexpr const char16_t *const kSurnames[] = {
    u"wang", u"li", u"zhang", u"liu", u"chen", u"yang", u"huang", u"zhao", u"wu", u"zhou", u"xu", u"sun",
    u"ma", u"zhu", u"hu", u"guo", u"he", u"lin", u"luo", u"gao",
};

constexpr const char16_t *const kSurnameHanzi[] = {
    u"王", u"李", u"张", u"刘", u"陈", u"杨", u"黄", u"赵", u"吴", u"周", u"徐", u"孙", u"马", u"朱", u"胡",
    u"郭", u"何", u"林", u"罗", u"高",
};

constexpr const char16_t *const kGiven[] = {
    u"wei", u"fang", u"min", u"jing", u"lei", u"jun", u"yan", u"hui", u"qiang", u"xin", u"ting", u"hao",
    u"yu", u"bo", u"lan",
};

constexpr const char16_t *const kGivenHanzi[] = {
    u"伟", u"芳", u"敏", u"静", u"磊", u"军", u"艳", u"慧", u"强", u"欣", u"婷", u"浩", u"宇", u"波", u"兰",
};

constexpr const char16_t *const kGroupNames[] = {
    u"产品发布 Launch", u"后端组", u"前端组", u"Design review", u"财务报销", u"銷售部 HK", u"市场活动",
    u"Ops on-call", u"数据平台", u"招聘 Hiring", u"行政通知", u"華南區銷售", u"Mobile team", u"安全与合规",
    u"OKR 对齐", u"客服升级", u"Sprint planning", u"採購審批", u"新人入职 Onboarding", u"午饭搭子",
};

constexpr const char16_t *const kChannelNames[] = {
    u"公告 Announcements", u"全员大群", u"IT 服务台", u"公司新闻", u"Engineering all-hands",
};

constexpr const char16_t *const kCompanies[] = {
    u"港灣貿易", u"华东物流", u"Harbour Trading", u"深蓝科技", u"Golden Dragon Foods", u"台北精密",
    u"远航制造", u"Pacific Retail",
};

constexpr const char16_t *const kChinesePunctuation[] = {
    u"。", u"。", u"。", u"？", u"！", u"～", u"…",
};
// clang-format on

} // namespace

std::span<const WordPair> chineseWords()
{
    return kChinese;
}

std::span<const char16_t *const> englishWords()
{
    return kEnglish;
}

std::span<const char16_t *const> techTerms()
{
    return kTechTerms;
}

std::span<const char16_t *const> rareTerms()
{
    return kRareTerms;
}

std::span<const char16_t *const> surnames()
{
    return kSurnames;
}

std::span<const char16_t *const> surnameHanzi()
{
    return kSurnameHanzi;
}

std::span<const char16_t *const> givenNames()
{
    return kGiven;
}

std::span<const char16_t *const> givenHanzi()
{
    return kGivenHanzi;
}

std::span<const char16_t *const> groupNames()
{
    return kGroupNames;
}

std::span<const char16_t *const> channelNames()
{
    return kChannelNames;
}

std::span<const char16_t *const> companies()
{
    return kCompanies;
}

std::span<const char16_t *const> chinesePunctuation()
{
    return kChinesePunctuation;
}

} // namespace tandemctl::corpus
