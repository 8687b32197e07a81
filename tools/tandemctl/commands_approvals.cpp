// approvals templates|list|submit|approve|reject|return|withdraw: a work space's approvals
// (docs/approvals.md) through the same sync engine, outbox and store as the app. Every change is queued
// through SpaceSync, sent, and reported with what the server decided (§11.3: the server alone decides); with
// --json these commands are how bots and agents take part.
#include "approvalform.h"
#include "commands.h"
#include "spaceaccess.h"
#include "syncsession.h"
#include "timeformat.h"

#include "approvals/approvalqueries.h"
#include "store/syncstate.h"
#include "sync/spacesync.h"
#include "sync/storewriterapprovals.h"
#include "util/localizedtext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;
using namespace Qt::StringLiterals;

namespace {

// Beyond cli.h's 0, 1 and 2: what the server made of a change.
constexpr int ExitRefused = 3; // the server refused it (its code and reason on stderr)
constexpr int ExitQueued = 4; // the server could not be reached: queued, the next sync sends it

using OpenSpace = SyncedSpace;

// Approvals are a work space's: the hint for a space with no server says so.
Result<OpenSpace> openSpace(Context &context, const QString &spaceName)
{
    return openConnectedSpace(context.profileDirectory(), spaceName, u"work"_s);
}

// Exchanges with the server (offline is fine: what is held is used), queuing `act`'s change first.
SyncOutcome exchange(OpenSpace &s, const std::function<Status(sync::SpaceSync &)> &act = {})
{
    sync::SyncConfig config = syncConfigFor(s.profile, s.entry, s.passphrase);
    config.backfillHistory = false;
    return runSync(*s.store, config, 15000, true, act);
}

template<typename T, typename F> Result<T> read(OpenSpace &s, F fn)
{
    return s.store->read<T>([fn](SpaceStore &st) -> Result<T> { return fn(st.db()); }).result();
}

QString userName(OpenSpace &s, const QString &userId)
{
    auto name = read<QString>(s, [userId](Database &db) { return approvals::storedUserName(db, userId); });
    return name ? *name : userId;
}

QJsonObject requestJson(const approvals::Request &r)
{
    QJsonObject o = approvals::toJson(r);
    o.insert(u"waiting_on"_s, QJsonArray::fromStringList(approvals::waitingOn(r)));
    return o;
}

void printJson(const QJsonValue &v)
{
    out() << QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)
                                           : QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented))
          << Qt::flush;
}

int templatesCommand(Context &context, const Arguments &args)
{
    auto s = openSpace(context, args.positional.at(0));
    if (!s)
        return fail(s.error());
    (void)exchange(*s);
    auto templates = read<QList<approvals::Template>>(*s, approvals::storedTemplates);
    if (!templates)
        return fail(templates.error());
    if (args.isSet(u"json"_s)) {
        QJsonArray all;
        for (const approvals::Template &t : std::as_const(*templates))
            all.append(t.record);
        printJson(all);
        return ExitOk;
    }
    for (const approvals::Template &t : std::as_const(*templates)) {
        // For a person: in their language where the template has it; --json keeps every translation.
        out() << t.id << "  " << localizedText(t.record, "name"_L1) << " (" << t.category << ")\n";
        for (const approvals::FormField &f : t.form)
            out() << "    " << f.id << "  " << f.type << (f.required ? u", required"_s : QString()) << "  "
                  << localizedText(f.definition, "label"_L1) << '\n';
    }
    out().flush();
    return ExitOk;
}

int listCommand(Context &context, const Arguments &args)
{
    auto s = openSpace(context, args.positional.at(0));
    if (!s)
        return fail(s.error());
    const QStringList states {u"pending"_s, u"approved"_s, u"rejected"_s, u"returned"_s, u"withdrawn"_s};
    approvals::RequestFilter filter;
    filter.state = args.value(u"state"_s);
    if (!filter.state.isEmpty() && !states.contains(filter.state))
        return usageError(
            u"--state is one of %1."_s.arg(states.join(u", "_s)), u"tandemctl approvals list --help"_s);
    if (args.isSet(u"waiting-on-me"_s))
        filter.waitingOn = s->account.userId;
    if (args.isSet(u"mine"_s))
        filter.requester = s->account.userId;
    (void)exchange(*s);
    auto rows = read<QList<approvals::Request>>(
        *s, [filter](Database &db) { return approvals::storedRequests(db, filter); });
    if (!rows)
        return fail(rows.error());
    if (args.isSet(u"json"_s)) {
        QJsonArray all;
        for (const approvals::Request &r : std::as_const(*rows))
            all.append(requestJson(r));
        printJson(all);
        return ExitOk;
    }
    for (const approvals::Request &r : std::as_const(*rows)) {
        out() << r.id << "  [" << r.state << "] " << r.title << "  by " << userName(*s, r.requesterId);
        QStringList waiting;
        for (const QString &u : approvals::waitingOn(r))
            waiting << userName(*s, u);
        if (!waiting.isEmpty())
            out() << "  waiting on " << waiting.join(u", "_s);
        out() << '\n';
    }
    out().flush();
    return ExitOk;
}

// "already approved by Chen at 10:42", from the request as the store holds it after the exchange (the
// server sent its current record with or before the refusal); empty when the store cannot say.
QString explainConflict(OpenSpace &s, const QString &requestId, int step)
{
    auto held = read<std::optional<approvals::Request>>(
        s, [requestId](Database &db) { return approvals::storedRequest(db, requestId); });
    if (!held || !*held)
        return {};
    const approvals::Request &r = **held;
    if (r.isFinal() && !r.decidedBy.isEmpty() && r.decidedAt > 0)
        return u"already %1 by %2 at %3"_s.arg(
            r.state, userName(s, r.decidedBy), formatLocalTime(r.decidedAt));
    const approvals::Approver *settler = nullptr;
    for (const approvals::Step &st : r.steps)
        if (st.position == step)
            for (const approvals::Approver &a : st.approvers)
                if ((a.decision == u"approved"_s || a.decision == u"rejected"_s)
                    && (!settler || a.decidedAt >= settler->decidedAt))
                    settler = &a;
    if (settler)
        return u"already %1 by %2 at %3"_s.arg(
            settler->decision, userName(s, settler->userId), formatLocalTime(settler->decidedAt));
    if (r.state != u"pending"_s)
        return u"the request is %1"_s.arg(r.state);
    return {};
}

// Sends one queued approval change and reports what the server decided: applied (0), refused (3, with
// the server's code and reason), or still queued because the server was not reached (4).
int deliver(OpenSpace &s, const Arguments &args, const QString &verb,
    const std::function<QFuture<Result<sync::QueuedMutation>>(sync::SpaceSync &)> &queue,
    const QString &requestId = {}, int step = -1)
{
    std::optional<sync::QueuedMutation> queued;
    const SyncOutcome outcome = exchange(s, [&](sync::SpaceSync &engine) -> Status {
        // The outbox row is committed before the engine connects: nothing is sent that is not on disk.
        auto r = queue(engine).result();
        if (!r)
            return r.error();
        queued = *r;
        return {};
    });
    if (outcome.notStarted)
        return fail(*outcome.notStarted);
    const QString mutationId = queued->mutationId;
    if (queued->entityId.isEmpty())
        queued->entityId = requestId;
    auto rows = read<QList<sync::PendingApprovalAction>>(s, sync::pendingApprovalActions);
    if (!rows)
        return fail(rows.error());
    std::optional<sync::PendingApprovalAction> row;
    for (const auto &a : std::as_const(*rows))
        if (a.mutationId == mutationId)
            row = a;
    const bool json = args.isSet(u"json"_s);
    QJsonObject report {{u"request_id"_s, queued->entityId}, {u"mutation_id"_s, mutationId}};
    if (row && row->state == u"rejected"_s) {
        QString message
            = row->errorCode == u"state_conflict"_s ? explainConflict(s, queued->entityId, step) : QString();
        if (message.isEmpty())
            message = row->errorMessage;
        report.insert(u"result"_s, u"refused"_s);
        report.insert(u"code"_s, row->errorCode);
        report.insert(u"reason"_s, row->errorMessage);
        report.insert(u"message"_s, message);
        if (json)
            printJson(report);
        err() << row->errorCode << ": " << message << Qt::endl;
        return ExitRefused;
    }
    if (row) {
        report.insert(u"result"_s, u"queued"_s);
        if (json)
            printJson(report);
        else
            out() << "Queued " << queued->entityId << "; the next \"tandemctl sync\" sends it." << Qt::endl;
        return ExitQueued;
    }
    auto held = read<std::optional<approvals::Request>>(
        s, [id = queued->entityId](Database &db) { return approvals::storedRequest(db, id); });
    report.insert(u"result"_s, u"applied"_s);
    if (held && *held) {
        report.insert(u"state"_s, (*held)->state);
        report.insert(u"version"_s, (*held)->version);
        report.insert(u"waiting_on"_s, QJsonArray::fromStringList(approvals::waitingOn(**held)));
    }
    if (json) {
        printJson(report);
    } else {
        out() << verb << ' ' << queued->entityId;
        if (held && *held)
            out() << "; the request is " << (*held)->state;
        out() << '.' << Qt::endl;
    }
    return ExitOk;
}

Result<QString> resolveUser(OpenSpace &s, const QString &nameOrId)
{
    return userIdIn(*s.store, nameOrId);
}

// A returned request of the account's, to resubmit: its template and its form are the base of the new
// one. Refused, with the reason, when it is not the account's or not returned.
Result<approvals::Request> returnedRequest(OpenSpace &s, const QString &requestId)
{
    auto held = read<std::optional<approvals::Request>>(
        s, [requestId](Database &db) { return approvals::storedRequest(db, requestId); });
    if (!held)
        return held.error();
    if (!*held)
        return Error::make(ErrorCode::NotFound, u"This space has no request %1."_s.arg(requestId));
    if ((*held)->requesterId != s.account.userId)
        return Error::make(ErrorCode::Invalid, u"Only its requester resubmits a request."_s);
    if ((*held)->state != u"returned"_s)
        return Error::make(ErrorCode::Invalid,
            u"The request is %1: only a request returned for changes is resubmitted."_s.arg((*held)->state));
    return **held;
}

int submitCommand(Context &context, const Arguments &args)
{
    const QString resubmit = args.value(u"resubmit"_s);
    QString templateId = args.value(u"template"_s);
    if (templateId.isEmpty() && resubmit.isEmpty())
        return usageError(u"Name the template with --template ID (see \"tandemctl approvals templates\")."_s,
            u"tandemctl approvals submit --help"_s);
    QJsonObject base;
    if (args.values.contains(u"form"_s)) {
        auto file = readFormFile(args.value(u"form"_s));
        if (!file)
            return fail(file.error());
        base = *file;
    }
    auto s = openSpace(context, args.positional.at(0));
    if (!s)
        return fail(s.error());
    (void)exchange(*s); // the templates (and a returned request) as the server has them now
    if (!resubmit.isEmpty()) {
        auto returned = returnedRequest(*s, resubmit);
        if (!returned)
            return fail(returned.error());
        if (!templateId.isEmpty() && templateId != returned->templateId)
            return fail(u"Request %1 is a \"%2\" request; a resubmission keeps its template."_s.arg(
                resubmit, returned->templateId));
        templateId = returned->templateId;
        if (!args.values.contains(u"form"_s))
            base = returned->form;
    }
    auto tpl = read<std::optional<approvals::Template>>(
        *s, [templateId](Database &db) { return approvals::storedTemplate(db, templateId); });
    if (!tpl)
        return fail(tpl.error());
    if (!*tpl)
        return fail(
            u"This space has no template \"%1\"; \"tandemctl approvals templates %2\" lists them."_s.arg(
                templateId, args.positional.at(0)));
    if (!resubmit.isEmpty() && !args.values.contains(u"form"_s))
        for (const approvals::FormField &f : (*tpl)->form)
            if (f.type == u"computed"_s)
                base.remove(f.id); // the server's, worked out again
    auto form = buildForm(**tpl, base, args.repeated.value(u"field"_s),
        [&](const QString &who) { return resolveUser(*s, who); });
    if (!form)
        return fail(form.error());
    auto holidays = read<QSet<QDate>>(*s, approvals::storedHolidays);
    if (!holidays)
        return fail(holidays.error());
    approvals::FormContext check;
    check.holidays = *holidays;
    check.isUser = [&](const QString &id) { return bool(resolveUser(*s, id)); };
    const auto checked = approvals::validateForm(**tpl, *form, check);
    if (const auto *problem = std::get_if<approvals::FormProblem>(&checked))
        return fail(u"The form is not valid: %1. Nothing was sent."_s.arg(describeProblem(**tpl, *problem)));
    const QString title = args.value(u"title"_s);
    return deliver(*s, args, resubmit.isEmpty() ? u"Submitted"_s : u"Resubmitted"_s,
        [&](sync::SpaceSync &e) { return e.submitApproval(templateId, *form, title, {}, resubmit); });
}

// approve, reject, withdraw: the step is the one the account acts in (the active one when it is an
// approver there, else the latest that lists it), so that the server's answer names what happened.
int actCommand(Context &context, const Arguments &args, const QString &verb)
{
    QString text = args.value(u"comment"_s);
    if (verb == u"reject"_s || verb == u"return"_s) {
        if (args.values.contains(u"reason"_s))
            text = args.value(u"reason"_s);
        if (text.trimmed().isEmpty())
            return usageError(verb == u"reject"_s ? u"A rejection needs a reason: --reason TEXT."_s
                                                  : u"Say what to change: --reason TEXT."_s,
                u"tandemctl approvals %1 --help"_s.arg(verb));
    }
    auto s = openSpace(context, args.positional.at(0));
    if (!s)
        return fail(s.error());
    const QString requestId = args.positional.at(1);
    (void)exchange(*s);
    auto held = read<std::optional<approvals::Request>>(
        *s, [requestId](Database &db) { return approvals::storedRequest(db, requestId); });
    if (!held)
        return fail(held.error());
    if (!*held)
        return fail(Error::make(ErrorCode::NotFound,
            u"There is no approval request %1 in this space that this account can see."_s.arg(requestId)));
    const approvals::Request &r = **held;
    approvals::ApprovalMutation m;
    m.kind = u"approval."_s + verb;
    m.requestId = requestId;
    m.text = text;
    if (verb == u"withdraw"_s) {
        if (r.state == u"returned"_s)
            m.expectedState = r.state;
    } else {
        const QString self = s->account.userId;
        const int active = r.activeStep();
        for (const approvals::Step &st : r.steps)
            if (st.approver(self) && m.step != active)
                m.step = st.position;
        if (m.step < 0)
            m.step = active >= 0 ? active : 0; // the server says why this account cannot act
    }
    const QString done = verb == u"approve"_s ? u"Approved"_s
        : verb == u"reject"_s                 ? u"Rejected"_s
        : verb == u"return"_s                 ? u"Returned"_s
                                              : u"Withdrew"_s;
    return deliver(
        *s, args, done, [m](sync::SpaceSync &e) { return e.actOnApproval(m); }, requestId, m.step);
}

const char *kActHelp
    = "Syncs, then queues the action through the outbox and sends it; the server alone decides\n"
      "(docs/approvals.md section 5).\n\n"
      "Exit codes: 0 applied; 1 a local problem (no such space or request); 2 wrong arguments;\n"
      "3 refused by the server, with its code and the reason on stderr (e.g. \"state_conflict: already\n"
      "approved by Chen Wei at 2025-12-01 10:42\"); 4 queued because the server could not be reached\n"
      "(the next \"tandemctl sync\" sends it).\n\n"
      "With --json: {\"request_id\", \"mutation_id\", \"result\" (applied, refused or queued), and when\n"
      "applied \"state\", \"version\", \"waiting_on\" (user ids); when refused \"code\", \"reason\" (the\n"
      "server's) and \"message\"}.";

} // namespace

QList<Command> approvalsCommands()
{
    QList<Command> commands;
    const OptionSpec json {u"json"_s, QString(), u"Print JSON."_s};
    const OptionSpec comment {u"comment"_s, u"TEXT"_s, u"A comment kept in the audit trail."_s};
    commands.append(Command {u"approvals templates"_s, u"SPACE [--json]"_s,
        u"List the approval templates a work space offers."_s,
        u"Syncs for a few seconds (offline: what is held), then lists the templates with their form\n"
        "fields. With --json: an array of the template records (docs/protocol.md section 6.11):\n"
        "{\"id\", \"name\", \"category\", \"form\" (the field definitions), \"flow\", ...}."_s,
        {json}, 1, 1, templatesCommand});
    commands.append(Command {u"approvals list"_s,
        u"SPACE [--waiting-on-me] [--mine] [--state STATE] [--json]"_s, u"List approval requests."_s,
        u"Syncs, then lists the requests this account sees, newest first. Filters combine:\n"
        "--waiting-on-me the pending ones whose active step waits on this account, --mine the ones it\n"
        "submitted, --state one of pending, approved, rejected, returned, withdrawn.\n\n"
        "With --json: an array of request records (docs/protocol.md section 6.11: \"id\", \"template_id\",\n"
        "\"requester_id\", \"title\", \"form\", \"state\", \"version\", \"steps\" with their approvers and\n"
        "decisions, \"current_step\", \"decided_by\", \"decided_at\", ...) plus \"waiting_on\" (user ids)."_s,
        {{u"waiting-on-me"_s, QString(), u"Pending requests waiting on me."_s},
            {u"mine"_s, QString(), u"Requests I submitted."_s},
            {u"state"_s, u"STATE"_s, u"Only requests in this state."_s}, json},
        1, 1, listCommand});
    commands.append(Command {u"approvals submit"_s,
        u"SPACE --template ID|--resubmit REQUEST_ID [--field NAME=VALUE]... [--form FILE.json] [--title T] "
        "[--json]"_s,
        u"Submit an approval request, or resubmit one returned for changes."_s,
        u"Fills the template's form from --form (a JSON object of field id to value) and each --field,\n"
        "checks it against the template as the server will (nothing is sent when it is not valid), then\n"
        "queues and sends it. Values: text as typed; number 12.5; money \"128.50 CNY\"; date 2025-12-01;\n"
        "date_range 2025-12-01..2025-12-03; a choice by option id or label; lists comma-separated;\n"
        "people by user name or id; or any value as JSON. Computed fields are the server's.\n"
        "--resubmit sends a request of yours that was returned for changes again, under its own id: its\n"
        "template, and its form as sent unless --form replaces it; each --field changes one answer.\n\n"_s
            + QString::fromLatin1(kActHelp),
        {{u"template"_s, u"ID"_s, u"The template (see approvals templates)."_s},
            {u"resubmit"_s, u"REQUEST_ID"_s, u"A returned request of yours, to send again."_s},
            {u"field"_s, u"NAME=VALUE"_s, u"A form field; repeat for each."_s},
            {u"form"_s, u"FILE"_s, u"A JSON file with the form's fields."_s},
            {u"title"_s, u"T"_s, u"The title (default: the template's name)."_s}, json},
        1, 1, submitCommand});
    commands.append(Command {u"approvals approve"_s, u"SPACE REQUEST_ID [--comment TEXT] [--json]"_s,
        u"Approve a request waiting on you."_s, QString::fromLatin1(kActHelp), {comment, json}, 2, 2,
        [](Context &c, const Arguments &a) { return actCommand(c, a, u"approve"_s); }});
    commands.append(Command {u"approvals reject"_s, u"SPACE REQUEST_ID --reason TEXT [--json]"_s,
        u"Reject a request waiting on you (a reason is required)."_s, QString::fromLatin1(kActHelp),
        {{u"reason"_s, u"TEXT"_s, u"Why (required; --comment is the same)."_s}, comment, json}, 2, 2,
        [](Context &c, const Arguments &a) { return actCommand(c, a, u"reject"_s); }});
    commands.append(Command {u"approvals return"_s, u"SPACE REQUEST_ID --reason TEXT [--json]"_s,
        u"Return a request waiting on you to its requester for changes (a reason is required)."_s,
        QString::fromLatin1(kActHelp),
        {{u"reason"_s, u"TEXT"_s, u"What to change (required; --comment is the same)."_s}, comment, json}, 2,
        2, [](Context &c, const Arguments &a) { return actCommand(c, a, u"return"_s); }});
    commands.append(Command {u"approvals withdraw"_s, u"SPACE REQUEST_ID [--comment TEXT] [--json]"_s,
        u"Withdraw a request you submitted (pending or returned)."_s, QString::fromLatin1(kActHelp),
        {comment, json}, 2, 2,
        [](Context &c, const Arguments &a) { return actCommand(c, a, u"withdraw"_s); }});
    return commands;
}

} // namespace tandemctl
