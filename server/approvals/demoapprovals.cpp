#include "demoapprovals.h"

#include "approvalapply.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace tandem::server::approvals {

using namespace Qt::StringLiterals;

namespace {

constexpr const char *kTemplates = R"([
{"id": "tpl_leave", "name": "Leave", "name_i18n": {"zh_CN": "请假", "zh_HK": "請假"}, "category": "leave", "sla_hours": 24,
 "form": [
  {"id": "leave_type", "type": "single_choice", "label": "Type", "label_i18n": {"zh_CN": "假期类型", "zh_HK": "假期類型"}, "required": true,
   "options": [{"id": "annual", "label": "Annual leave", "label_i18n": {"zh_CN": "年假", "zh_HK": "年假"}}, {"id": "sick", "label": "Sick leave", "label_i18n": {"zh_CN": "病假", "zh_HK": "病假"}},
               {"id": "personal", "label": "Personal leave", "label_i18n": {"zh_CN": "事假", "zh_HK": "事假"}}, {"id": "marriage", "label": "Marriage leave", "label_i18n": {"zh_CN": "婚假", "zh_HK": "婚假"}}]},
  {"id": "period", "type": "date_range", "label": "Period", "label_i18n": {"zh_CN": "请假时间", "zh_HK": "請假時間"}, "required": true},
  {"id": "days", "type": "computed", "label": "Working days", "label_i18n": {"zh_CN": "工作日天数", "zh_HK": "工作日數"}, "formula": "leave_days", "from": "period"},
  {"id": "reason", "type": "long_text", "label": "Reason", "label_i18n": {"zh_CN": "事由", "zh_HK": "事由"}, "max_length": 2000}],
 "flow": {"steps": [
   {"name": "Manager", "name_i18n": {"zh_CN": "直属上级", "zh_HK": "直屬上司"}, "mode": "single", "approvers": [{"manager": 1}]},
   {"name": "HR", "name_i18n": {"zh_CN": "人力资源", "zh_HK": "人力資源"}, "mode": "any", "approvers": [{"role": "hr"}], "when": {"field": "days", "op": "gt", "value": 3}}],
  "cc": [{"role": "hr"}]}},
{"id": "tpl_reimbursement", "name": "Reimbursement", "name_i18n": {"zh_CN": "报销", "zh_HK": "報銷"}, "category": "reimbursement", "sla_hours": 48,
 "amount_field": "amount",
 "form": [
  {"id": "amount", "type": "money", "label": "Amount", "label_i18n": {"zh_CN": "金额", "zh_HK": "金額"}, "required": true, "currencies": ["CNY", "HKD", "USD"]},
  {"id": "expense_type", "type": "single_choice", "label": "Expense", "label_i18n": {"zh_CN": "费用类型", "zh_HK": "費用類別"}, "required": true,
   "options": [{"id": "travel", "label": "Travel", "label_i18n": {"zh_CN": "差旅", "zh_HK": "差旅"}}, {"id": "meals", "label": "Meals", "label_i18n": {"zh_CN": "餐费", "zh_HK": "膳食"}},
               {"id": "equipment", "label": "Equipment", "label_i18n": {"zh_CN": "设备", "zh_HK": "設備"}}, {"id": "other", "label": "Other", "label_i18n": {"zh_CN": "其他", "zh_HK": "其他"}}]},
  {"id": "spent_on", "type": "date", "label": "Date", "label_i18n": {"zh_CN": "日期", "zh_HK": "日期"}, "required": true},
  {"id": "description", "type": "long_text", "label": "Description", "label_i18n": {"zh_CN": "说明", "zh_HK": "說明"}, "required": true},
  {"id": "receipts", "type": "attachments", "label": "Receipts", "label_i18n": {"zh_CN": "票据", "zh_HK": "收據"}, "max": 10}],
 "flow": {"steps": [
   {"name": "Manager", "name_i18n": {"zh_CN": "直属上级", "zh_HK": "直屬上司"}, "mode": "single", "approvers": [{"manager": 1}]},
   {"name": "Finance director", "name_i18n": {"zh_CN": "财务总监", "zh_HK": "財務總監"}, "mode": "single", "approvers": [{"role": "finance_director"}],
    "when": {"field": "amount", "op": "gt", "value": 1000000, "currency": "CNY"}},
   {"name": "Finance", "name_i18n": {"zh_CN": "财务", "zh_HK": "財務"}, "mode": "any", "approvers": [{"role": "finance"}]}]}},
{"id": "tpl_purchase", "name": "Purchase", "name_i18n": {"zh_CN": "采购", "zh_HK": "採購"}, "category": "purchase", "sla_hours": 72, "amount_field": "amount",
 "form": [
  {"id": "item", "type": "text", "label": "Item", "label_i18n": {"zh_CN": "物品", "zh_HK": "物品"}, "required": true, "max_length": 200},
  {"id": "quantity", "type": "number", "label": "Quantity", "label_i18n": {"zh_CN": "数量", "zh_HK": "數量"}, "required": true, "min": 1, "max": 100000, "integer": true},
  {"id": "amount", "type": "money", "label": "Total", "label_i18n": {"zh_CN": "总额", "zh_HK": "總額"}, "required": true},
  {"id": "supplier", "type": "text", "label": "Supplier", "label_i18n": {"zh_CN": "供应商", "zh_HK": "供應商"}},
  {"id": "needed_by", "type": "date", "label": "Needed by", "label_i18n": {"zh_CN": "需用日期", "zh_HK": "需用日期"}},
  {"id": "quotes", "type": "attachments", "label": "Quotes", "label_i18n": {"zh_CN": "报价单", "zh_HK": "報價單"}, "max": 5}],
 "flow": {"steps": [
   {"name": "Manager", "name_i18n": {"zh_CN": "直属上级", "zh_HK": "直屬上司"}, "mode": "single", "approvers": [{"manager": 1}]},
   {"name": "Purchasing and finance", "name_i18n": {"zh_CN": "采购与财务", "zh_HK": "採購及財務"}, "mode": "all", "approvers": [{"role": "purchasing"}, {"role": "finance_director"}]}],
  "cc": [{"role": "finance"}]}},
{"id": "tpl_general", "name": "General request", "name_i18n": {"zh_CN": "通用申请", "zh_HK": "通用申請"}, "category": "general", "sla_hours": 72,
 "form": [
  {"id": "subject", "type": "text", "label": "Subject", "label_i18n": {"zh_CN": "主题", "zh_HK": "主題"}, "required": true},
  {"id": "details", "type": "long_text", "label": "Details", "label_i18n": {"zh_CN": "详情", "zh_HK": "詳情"}, "required": true},
  {"id": "people", "type": "people", "label": "People involved", "label_i18n": {"zh_CN": "相关人员", "zh_HK": "相關人員"}},
  {"id": "files", "type": "attachments", "label": "Files", "label_i18n": {"zh_CN": "附件", "zh_HK": "附件"}}],
 "flow": {"steps": [{"name": "Manager", "name_i18n": {"zh_CN": "直属上级", "zh_HK": "直屬上司"}, "mode": "single", "approvers": [{"manager": 1}]}]}}
])";

QString uuid(int n)
{
    return u"0199a000-0000-7000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
}

QJsonObject money(qint64 minor, const char *currency = "CNY")
{
    return {{u"amount_minor"_s, double(minor)}, {u"currency"_s, QLatin1StringView(currency)}};
}

} // namespace

QList<QJsonObject> demoTemplates()
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(QByteArray(kTemplates)).array())
        out << v.toObject();
    return out;
}

Status seedDemoApprovals(ServerStore &store, qint64 now, const DemoMutate &mutate)
{
    TANDEM_TRY(store.begin());
    auto put = [&]() -> Status {
        TANDEM_TRY(store.setUserRoles(u"u_chen"_s, {u"finance_director"_s}));
        TANDEM_TRY(store.setUserRoles(u"u_hui"_s, {u"finance"_s}));
        TANDEM_TRY(store.setUserRoles(u"u_grace"_s, {u"hr"_s}));
        TANDEM_TRY(store.setUserRoles(u"u_frank"_s, {u"purchasing"_s}));
        TANDEM_TRY(store.setHolidays(u"org_demo"_s,
            {u"2025-10-01"_s, u"2025-10-02"_s, u"2025-10-03"_s, u"2025-12-25"_s, u"2026-01-01"_s,
                u"2026-02-17"_s, u"2026-02-18"_s, u"2026-02-19"_s, u"2026-05-01"_s}));
        auto touched = putTemplates(store, u"org_demo"_s, demoTemplates(), now);
        if (!touched)
            return touched.error();
        return {};
    };
    if (auto s = put(); !s) {
        store.rollback();
        return s;
    }
    TANDEM_TRY(store.commit());

    const qint64 hour = 3600LL * 1000;
    qint64 at = now;
    auto step = [&](const QString &user, const char *kind, QJsonObject payload) {
        at += hour;
        return mutate(user, QLatin1StringView(kind), payload, at);
    };
    auto submit = [&](int n, const QString &user, const char *tpl, const QJsonObject &form) {
        return step(user, "approval.submit",
            {{u"request_id"_s, uuid(n)}, {u"template_id"_s, QLatin1StringView(tpl)}, {u"form"_s, form}});
    };
    auto decide = [&](int n, const QString &user, const char *kind, int stepNo, const QString &reason = {}) {
        QJsonObject p {{u"request_id"_s, uuid(n)}, {u"step"_s, stepNo}};
        if (!reason.isEmpty())
            p.insert(u"reason"_s, reason);
        return step(user, kind, p);
    };
    const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
    auto range = [&](int from, int to) {
        return QJsonObject {{u"start"_s, today.addDays(from).toString(Qt::ISODate)},
            {u"end"_s, today.addDays(to).toString(Qt::ISODate)}};
    };
    // Dana's leave waits for Alice; Eve's large reimbursement too, then goes to the finance director.
    TANDEM_TRY(submit(1, u"u_dana"_s, "tpl_leave",
        {{u"leave_type"_s, u"annual"_s}, {u"period"_s, range(14, 18)},
            {u"reason"_s, u"Family visit in Lisbon"_s}}));
    TANDEM_TRY(submit(2, u"u_eve"_s, "tpl_reimbursement",
        {{u"amount"_s, money(1280000)}, {u"expense_type"_s, u"travel"_s},
            {u"spent_on"_s, today.addDays(-6).toString(Qt::ISODate)},
            {u"description"_s, u"Shanghai customer visit: flights and hotel"_s}}));
    // Bob's small reimbursement went through manager and finance.
    TANDEM_TRY(submit(3, u"u_bob"_s, "tpl_reimbursement",
        {{u"amount"_s, money(56000)}, {u"expense_type"_s, u"meals"_s},
            {u"spent_on"_s, today.addDays(-9).toString(Qt::ISODate)},
            {u"description"_s, u"Team lunch after the launch"_s}}));
    TANDEM_TRY(decide(3, u"u_alice"_s, "approval.approve", 0));
    TANDEM_TRY(decide(3, u"u_hui"_s, "approval.approve", 2));
    // Frank's purchase: Alice agreed, the finance director did not.
    TANDEM_TRY(submit(4, u"u_frank"_s, "tpl_purchase",
        {{u"item"_s, u"Standing desks"_s}, {u"quantity"_s, 6}, {u"amount"_s, money(4200000)},
            {u"supplier"_s, u"Kunlun Trading"_s}}));
    TANDEM_TRY(decide(4, u"u_alice"_s, "approval.approve", 0));
    TANDEM_TRY(decide(
        4, u"u_chen"_s, "approval.reject", 1, u"Not in this quarter's budget; ask again in January."_s));
    // Grace's request came back for more detail.
    TANDEM_TRY(submit(5, u"u_grace"_s, "tpl_general",
        {{u"subject"_s, u"New onboarding checklist"_s},
            {u"details"_s, u"Replace the paper checklist with a shared one."_s}}));
    TANDEM_TRY(decide(5, u"u_alice"_s, "approval.return", 0, u"Please add who owns each item."_s));
    // Chen changed his mind about a day off.
    TANDEM_TRY(
        submit(6, u"u_chen"_s, "tpl_leave", {{u"leave_type"_s, u"personal"_s}, {u"period"_s, range(3, 3)}}));
    TANDEM_TRY(step(u"u_chen"_s, "approval.withdraw", {{u"request_id"_s, uuid(6)}}));
    // Hui's purchase waits in a parallel-all step: purchasing agreed, the finance director has not yet.
    TANDEM_TRY(submit(7, u"u_hui"_s, "tpl_purchase",
        {{u"item"_s, u"Receipt scanner"_s}, {u"quantity"_s, 1}, {u"amount"_s, money(329900)}}));
    TANDEM_TRY(decide(7, u"u_alice"_s, "approval.approve", 0));
    TANDEM_TRY(decide(7, u"u_frank"_s, "approval.approve", 1));
    return {};
}

} // namespace tandem::server::approvals
