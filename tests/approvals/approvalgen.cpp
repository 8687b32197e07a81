#include "approvalgen.h"

#include "approvals/formschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <random>

namespace tandem::approvals::test {

using namespace Qt::StringLiterals;
using store::Statement;

namespace {

constexpr qint64 kHour = 3600000;
constexpr qint64 kDay = 24 * kHour;

// Names as a firm with offices in Shenzhen and Hong Kong has them: most in Chinese, some romanised.
const QStringList kSurnames {
    u"王"_s, u"李"_s, u"张"_s, u"刘"_s, u"陈"_s, u"杨"_s, u"黄"_s, u"赵"_s, u"吴"_s, u"周"_s};
const QStringList kGiven {
    u"芳"_s, u"伟"_s, u"娜"_s, u"敏"_s, u"静"_s, u"磊"_s, u"洋"_s, u"艳"_s, u"勇"_s, u"军"_s, u"晓明"_s};
const QStringList kRomanised {u"Mei Ling Chan"_s, u"Ka Wai Wong"_s, u"Siu Ming Lee"_s, u"Wing Yan Cheung"_s};

// Forms in the format of docs/approvals.md §2 (the `form` array a template record carries), read by
// core/approvals/formschema.h as the server reads them.
QString reimbursementSchema()
{
    return uR"([
{"id":"amount","type":"money","label":"Amount","required":true,"currencies":["CNY","HKD","USD"],"min_minor":1},
{"id":"spent_on","type":"date","label":"Date of expense","required":true},
{"id":"category","type":"single_choice","label":"Category","required":true,"options":[
 {"id":"travel","label":"Travel"},{"id":"meals","label":"Meals"},{"id":"office","label":"Office supplies"}]},
{"id":"reason","type":"long_text","label":"Reason","required":true,"max_length":2000},
{"id":"receipts","type":"attachments","label":"Receipts","max":10}])"_s;
}

QString leaveSchema()
{
    return uR"([
{"id":"kind","type":"single_choice","label":"Leave type","required":true,"options":[
 {"id":"annual","label":"Annual leave"},{"id":"sick","label":"Sick leave"}]},
{"id":"dates","type":"date_range","label":"Dates","required":true},
{"id":"days","type":"computed","label":"Working days","formula":"leave_days","from":"dates"},
{"id":"handover","type":"people","label":"Handover to"},
{"id":"reason","type":"long_text","label":"Reason","max_length":500}])"_s;
}

QString purchaseSchema()
{
    return uR"([
{"id":"item","type":"text","label":"Item","required":true,"max_length":200},
{"id":"quantity","type":"number","label":"Quantity","required":true,"min":1,"max":10000,"integer":true},
{"id":"amount","type":"money","label":"Total","required":true,"currencies":["CNY","HKD","USD"]},
{"id":"tags","type":"multiple_choice","label":"Tags","options":[{"id":"it","label":"IT"},{"id":"urgent","label":"Urgent"}]},
{"id":"quotes","type":"attachments","label":"Quotations"}])"_s;
}

QString travelSchema()
{
    return uR"([
{"id":"destination","type":"text","label":"Destination","required":true},
{"id":"dates","type":"date_range","label":"Dates","required":true},
{"id":"budget","type":"money","label":"Budget","currencies":["CNY","HKD","USD"]}])"_s;
}

QString equipmentSchema()
{
    return uR"([
{"id":"item","type":"single_choice","label":"Equipment","required":true,"options":[
 {"id":"laptop","label":"Laptop"},{"id":"monitor","label":"Monitor"}]},
{"id":"reason","type":"long_text","label":"Reason"}])"_s;
}

std::vector<GenTemplate> templates()
{
    return {
        {u"tpl-leave"_s, u"Leave"_s, u"leave"_s, 24, false, {{u"single"_s, u"manager"_s}}, leaveSchema()},
        {u"tpl-reimburse"_s, u"Reimbursement"_s, u"reimbursement"_s, 48, true,
            {{u"single"_s, u"manager"_s}, {u"any"_s, u"finance"_s}}, reimbursementSchema()},
        {u"tpl-purchase"_s, u"Purchase"_s, u"purchase"_s, 72, true,
            {{u"single"_s, u"manager"_s}, {u"all"_s, u"directors"_s}, {u"any"_s, u"finance"_s}},
            purchaseSchema()},
        {u"tpl-travel"_s, u"Business trip"_s, u"general"_s, 0, true, {{u"single"_s, u"manager"_s}},
            travelSchema()},
        {u"tpl-equipment"_s, u"Equipment"_s, u"custom"_s, 120, false,
            {{u"single"_s, u"manager"_s}, {u"any"_s, u"finance"_s}}, equipmentSchema()},
    };
}

// Weighted pick of a template: leave and reimbursements are what people file most.
int pickTemplate(std::mt19937_64 &rng)
{
    static const std::discrete_distribution<int> weights {30, 35, 15, 12, 8};
    auto d = weights;
    return d(rng);
}

QJsonObject money(qint64 minor, const QString &currency)
{
    return {{u"amount_minor"_s, double(minor)}, {u"currency"_s, currency}};
}

// The answers of a request, as the employee filled the template's form in (docs/approvals.md §2), around the
// day it was submitted. A generator of its own per request, so the flow's randomness does not shift.
void fillForm(GenRequest &r, qint64 submittedAt, quint64 seed)
{
    std::mt19937_64 rng(seed);
    const auto pick = [&rng](const QStringList &from) {
        return from.at(qsizetype(std::uniform_int_distribution<int>(0, int(from.size()) - 1)(rng)));
    };
    const QDate day = QDateTime::fromMSecsSinceEpoch(submittedAt, Qt::UTC).date();
    const auto range = [&](int from, int days) {
        return QJsonObject {{u"start"_s, day.addDays(from).toString(Qt::ISODate)},
            {u"end"_s, day.addDays(from + days - 1).toString(Qt::ISODate)}};
    };
    QJsonObject a;
    if (r.templateId == u"tpl-leave"_s) {
        a = {{u"kind"_s, pick({u"annual"_s, u"annual"_s, u"sick"_s})},
            {u"dates"_s, range(7, 1 + int(rng() % 5))},
            {u"reason"_s, pick({u"家里有事"_s, u"Family visit in Guangzhou"_s, u"看病复诊"_s})}};
    } else if (r.templateId == u"tpl-reimburse"_s) {
        a = {{u"amount"_s, money(r.amountMinor, r.currency)},
            {u"spent_on"_s, day.addDays(-2).toString(Qt::ISODate)},
            {u"category"_s, pick({u"travel"_s, u"meals"_s, u"office"_s})},
            {u"reason"_s,
                pick(
                    {u"客户拜访打车费"_s, u"Team lunch with the Hong Kong client"_s, u"购买打印纸和墨盒"_s})},
            {u"receipts"_s,
                QJsonArray {
                    u"0199b000-0000-7000-8000-%1"_s.arg(seed % 1000000000000ULL, 12, 10, QChar(u'0'))}}};
    } else if (r.templateId == u"tpl-purchase"_s) {
        const qint64 quantity = 1 + qint64(rng() % 5);
        const qint64 unit = std::max<qint64>(100, r.amountMinor / quantity);
        r.amountMinor = unit * quantity;
        a = {{u"item"_s, pick({u"ThinkPad X1 笔记本"_s, u"Standing desks"_s, u"会议室投影仪"_s})},
            {u"quantity"_s, double(quantity)}, {u"amount"_s, money(r.amountMinor, r.currency)},
            {u"tags"_s, QJsonArray {u"it"_s}}};
    } else if (r.templateId == u"tpl-travel"_s) {
        a = {{u"destination"_s, pick({u"深圳"_s, u"Hong Kong"_s, u"上海"_s})}, {u"dates"_s, range(3, 2)},
            {u"budget"_s, money(r.amountMinor, r.currency)}};
    } else {
        a = {{u"item"_s, pick({u"laptop"_s, u"monitor"_s})},
            {u"reason"_s, u"The old one is five years old."_s}};
    }
    if (r.templateId == u"tpl-leave"_s) {
        // What the server adds at submit (docs/approvals.md §2), without holidays here.
        const QJsonObject dates = a.value(u"dates"_s).toObject();
        a.insert(u"days"_s,
            leaveDays(parseDate(dates.value(u"start"_s).toString()),
                parseDate(dates.value(u"end"_s).toString()), {}));
    }
    r.formData = QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

GenData generateApprovals(const GenOptions &o)
{
    std::mt19937_64 rng(o.seed);
    const auto uniform
        = [&rng](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    const auto chance = [&](double p) { return uniform(0, 1) < p; };
    GenData data;
    data.templates = templates();

    // The organisation: a CEO, three directors, four managers each, twelve employees per manager, and
    // three finance officers under the third director. `me` is the first director: the chain below me is
    // two levels deep.
    int counter = 0;
    const auto person = [&](const QString &managerId) {
        GenUser u;
        u.id = u"u%1"_s.arg(counter, 4, 10, QChar(u'0'));
        u.userName = u"user%1"_s.arg(counter);
        u.displayName = counter % 7 == 3
            ? kRomanised.at(counter % kRomanised.size())
            : kSurnames.at(counter % kSurnames.size()) + kGiven.at(counter / 3 % kGiven.size());
        u.managerId = managerId;
        ++counter;
        data.users.push_back(u);
        return u.id;
    };
    const QString ceo = person({});
    QStringList directors, managers, finance;
    for (int d = 0; d < 3; ++d)
        directors << person(ceo);
    for (const QString &d : std::as_const(directors))
        for (int m = 0; m < 4; ++m)
            managers << person(d);
    for (const QString &m : std::as_const(managers))
        for (int e = 0; e < 12; ++e)
            person(m);
    for (int f = 0; f < 3; ++f)
        finance << person(directors.at(2));
    data.me = directors.at(0);
    QHash<QString, QString> managerOf;
    for (const GenUser &u : data.users)
        managerOf.insert(u.id, u.managerId.isEmpty() ? u.id : u.managerId);

    const auto duration = [&](const QString &role) {
        const double meanHours = role == u"manager"_s ? 14 : role == u"finance"_s ? 26 : 34;
        double h = std::exponential_distribution<double>(1.0 / meanHours)(rng) + 0.05;
        if (chance(0.08)) // the request that sat in someone's queue over a holiday
            h *= 5;
        return qint64(h * kHour);
    };

    data.requests.reserve(size_t(o.requests));
    for (int i = 0; i < o.requests; ++i) {
        const GenTemplate &tpl = data.templates.at(size_t(pickTemplate(rng)));
        GenRequest r;
        r.id = u"req-%1"_s.arg(i, 6, 10, QChar(u'0'));
        r.templateId = tpl.id;
        r.requesterId
            = data.users.at(size_t(std::uniform_int_distribution<int>(1, int(data.users.size()) - 1)(rng)))
                  .id;
        r.title = tpl.name + u" #"_s + QString::number(i);
        if (tpl.hasAmount) {
            r.hasAmount = true;
            r.amountMinor = qint64(
                std::exp(uniform(std::log(2000), std::log(tpl.id == u"tpl-purchase"_s ? 5e6 : 3e5))));
            const double c = uniform(0, 1);
            r.currency = c < 0.8 ? u"CNY"_s : c < 0.95 ? u"HKD"_s : u"USD"_s;
        }
        if (chance(0.01)) {
            r.state = u"draft"_s;
            fillForm(r, o.nowMs, o.seed ^ quint64(i));
            data.requests.push_back(std::move(r));
            continue;
        }
        r.submittedAt = o.nowMs - qint64(uniform(0, double(o.days) * kDay));
        fillForm(r, r.submittedAt, o.seed ^ quint64(i));
        r.state = u"approved"_s;
        qint64 t = r.submittedAt;
        bool ended = false;
        for (size_t p = 0; p < tpl.steps.size(); ++p) {
            const GenStepDef &def = tpl.steps.at(p);
            GenStep s;
            s.position = int(p) + 1;
            s.mode = def.mode;
            if (ended) {
                s.state = r.state == u"pending"_s ? u"waiting"_s : u"skipped"_s;
                for (const QString &a : def.approverRole == u"manager"_s
                        ? QStringList {managerOf.value(r.requesterId)}
                        : def.approverRole == u"finance"_s ? finance
                                                           : directors.mid(0, 2))
                    s.approvers.push_back({a, {}, 0});
                r.steps.push_back(std::move(s));
                continue;
            }
            r.currentStep = s.position;
            s.startedAt = t;
            QStringList approvers = def.approverRole == u"manager"_s
                ? QStringList {managerOf.value(r.requesterId)}
                : def.approverRole == u"finance"_s ? finance
                                                   : directors.mid(0, 2);
            std::vector<qint64> at;
            for (qsizetype k = 0; k < approvers.size(); ++k)
                at.push_back(t + duration(def.approverRole));
            const bool reject = chance(0.07);
            const bool giveBack = !reject && chance(0.04); // returned for changes, or withdrawn
            qint64 decidedAt = 0;
            int decider = -1;
            if (def.mode == u"all"_s) {
                decidedAt = *std::max_element(at.begin(), at.end());
            } else {
                decider = int(std::min_element(at.begin(), at.end()) - at.begin());
                decidedAt = at.at(size_t(decider));
            }
            for (qsizetype k = 0; k < approvers.size(); ++k) {
                GenApprover a {approvers.at(k), {}, 0};
                const qint64 when = at.at(size_t(k));
                const bool counts = def.mode == u"all"_s || k == decider;
                if (counts && when <= o.nowMs && !giveBack) {
                    const bool last = when == decidedAt;
                    a.decision = reject && last ? u"rejected"_s : u"approved"_s;
                    a.decidedAt = when;
                }
                s.approvers.push_back(a);
            }
            if (decidedAt > o.nowMs) {
                s.state = u"active"_s;
                r.state = u"pending"_s;
                ended = true;
            } else if (giveBack) {
                s.state = u"skipped"_s;
                r.state = chance(0.5) ? u"returned"_s : u"withdrawn"_s;
                r.decidedAt = decidedAt;
                ended = true;
            } else if (reject) {
                s.state = u"rejected"_s;
                s.decidedAt = decidedAt;
                r.state = u"rejected"_s;
                r.decidedAt = decidedAt;
                ended = true;
            } else {
                s.state = u"approved"_s;
                s.decidedAt = decidedAt;
                t = decidedAt;
            }
            r.steps.push_back(std::move(s));
        }
        if (!ended)
            r.decidedAt = t;
        data.requests.push_back(std::move(r));
    }
    return data;
}

Status writeApprovals(store::SpaceStore &store, const GenData &data, bool actions)
{
    auto &db = store.db();
    store::Transaction tx(db);
    TANDEM_TRY(tx.begin());
    const auto prepare = [&db](std::string_view sql) { return db.prepare(sql); };
    auto users = prepare("INSERT OR REPLACE INTO users (id, user_name, display_name, manager_id, updated_at) "
                         "VALUES (?1, ?2, ?3, ?4, 0)");
    auto tpls = prepare("INSERT OR REPLACE INTO approval_templates (id, name, category, form_schema, flow, "
                        "sla_hours, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)");
    auto reqs
        = prepare("INSERT INTO approval_requests (id, template_id, requester_id, title, form_data, state, "
                  "current_step, amount_minor, currency, submitted_at, decided_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    auto steps
        = prepare("INSERT INTO approval_steps (request_id, position, mode, state, started_at, decided_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    auto approvers = prepare("INSERT INTO approval_step_approvers (request_id, position, user_id, decision, "
                             "decided_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    auto acts
        = prepare("INSERT INTO approval_actions (id, request_id, actor_id, action, comment, device_id, at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, 'dev-gen', ?6)");
    auto cc = prepare("INSERT INTO approval_cc (request_id, user_id) VALUES (?1, ?2)");
    for (auto *st : {&users, &tpls, &reqs, &steps, &approvers, &acts, &cc})
        if (!*st)
            return st->error();
    const auto optional = [](Statement &st, int index, qint64 v) -> Statement & {
        return v == 0 ? st.bindNull(index) : st.bind(index, v);
    };
    for (const GenUser &u : data.users)
        TANDEM_TRY(users->bind(1, u.id)
                       .bind(2, u.userName)
                       .bind(3, u.displayName)
                       .bindOptional(4, u.managerId.isEmpty() ? QString() : u.managerId)
                       .exec());
    for (const GenTemplate &t : data.templates) {
        QJsonArray flow;
        for (const GenStepDef &s : t.steps)
            flow.append(QJsonObject {{u"name"_s, s.approverRole}, {u"mode"_s, s.mode},
                {u"approvers"_s,
                    QJsonArray {s.approverRole == u"manager"_s
                            ? QJsonObject {{u"manager"_s, 1}}
                            : QJsonObject {{u"role"_s, s.approverRole}}}}});
        const QString flowJson = QString::fromUtf8(
            QJsonDocument(QJsonObject {{u"steps"_s, flow}}).toJson(QJsonDocument::Compact));
        tpls->bind(1, t.id).bind(2, t.name).bind(3, t.category).bind(4, t.formSchema).bind(5, flowJson);
        TANDEM_TRY(optional(*tpls, 6, t.slaHours).exec());
    }
    for (const GenRequest &r : data.requests) {
        reqs->bind(1, r.id).bind(2, r.templateId).bind(3, r.requesterId).bind(4, r.title).bind(5, r.formData);
        reqs->bind(6, r.state).bind(7, r.currentStep);
        if (r.hasAmount)
            reqs->bind(8, r.amountMinor).bind(9, r.currency);
        else
            reqs->bindNull(8).bindNull(9);
        optional(*reqs, 10, r.submittedAt);
        optional(*reqs, 11, r.decidedAt);
        TANDEM_TRY(reqs->bind(12, std::max(r.submittedAt, r.decidedAt)).exec());
        int n = 0;
        const auto action = [&](const QString &actor, const char *kind, qint64 at, const QString &comment) {
            return acts->bind(1, u"%1-a%2"_s.arg(r.id).arg(n++))
                .bind(2, r.id)
                .bind(3, actor)
                .bind(4, QString::fromLatin1(kind))
                .bind(5, comment)
                .bind(6, at)
                .exec();
        };
        if (actions && r.submittedAt != 0)
            TANDEM_TRY(action(r.requesterId, "submit", r.submittedAt, {}));
        for (const GenStep &s : r.steps) {
            steps->bind(1, r.id).bind(2, s.position).bind(3, s.mode).bind(4, s.state);
            optional(*steps, 5, s.startedAt);
            TANDEM_TRY(optional(*steps, 6, s.decidedAt).exec());
            for (const GenApprover &a : s.approvers) {
                approvers->bind(1, r.id)
                    .bind(2, s.position)
                    .bind(3, a.userId)
                    .bindOptional(4, a.decision.isEmpty() ? QString() : a.decision);
                TANDEM_TRY(optional(*approvers, 5, a.decidedAt).exec());
                if (actions && !a.decision.isEmpty())
                    TANDEM_TRY(
                        action(a.userId, a.decision == u"approved"_s ? "approve" : "reject", a.decidedAt,
                            a.decision == u"approved"_s ? QString() : u"Please attach the receipts."_s));
            }
        }
        if (actions && (r.state == u"returned"_s || r.state == u"withdrawn"_s))
            TANDEM_TRY(
                action(r.requesterId, r.state == u"returned"_s ? "return" : "withdraw", r.decidedAt, {}));
        if (r.templateId == u"tpl-purchase"_s && !data.users.empty())
            TANDEM_TRY(cc->bind(1, r.id).bind(2, data.users.front().id).exec());
    }
    return tx.commit();
}

} // namespace tandem::approvals::test
