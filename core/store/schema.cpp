#include "schema.h"

#include "database.h"
#include "searchscope.h"
#include "searchtokenizer.h"

namespace tandem::store {

namespace {

// Version 1: the space, its people and its conversations, messages with everything hanging off them,
// the outbox and the sync cursors. Times are milliseconds since the Unix epoch, UTC.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE space_info (
    key   TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;
CREATE TABLE accounts (
    id          TEXT PRIMARY KEY,      -- the account's user id on its server
    server_url  TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    device_id   TEXT,
    is_self     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    user_name     TEXT NOT NULL,
    display_name  TEXT NOT NULL DEFAULT '',
    organisation  TEXT,
    is_external   INTEGER NOT NULL DEFAULT 0,
    is_bot        INTEGER NOT NULL DEFAULT 0,
    manager_id    TEXT,
    time_zone     TEXT,
    updated_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX users_by_name ON users(user_name);
CREATE TABLE conversations (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('direct', 'group', 'channel')),
    name             TEXT NOT NULL DEFAULT '',
    topic            TEXT NOT NULL DEFAULT '',
    is_external      INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    last_message_at  INTEGER NOT NULL DEFAULT 0,
    unread_count     INTEGER NOT NULL DEFAULT 0,
    mention_count    INTEGER NOT NULL DEFAULT 0,
    notify_level     TEXT NOT NULL DEFAULT 'all' CHECK (notify_level IN ('all', 'mentions', 'muted')),
    pinned           INTEGER NOT NULL DEFAULT 0,
    archived         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_by_activity ON conversations(last_message_at DESC);
CREATE TABLE members (
    conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id          TEXT NOT NULL,
    role             TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
    joined_at        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;
CREATE INDEX members_by_user ON members(user_id);
CREATE TABLE messages (
    rowid            INTEGER PRIMARY KEY,   -- local order of arrival; also the full-text row id
    id               TEXT NOT NULL UNIQUE,  -- the server's id, or the client id while unsent
    conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq              INTEGER,               -- the server's sequence number; NULL while unsent
    sender_id        TEXT NOT NULL,
    thread_root_id   TEXT,                  -- the message this one replies to in a thread
    reply_to_id      TEXT,                  -- a quoted reply in the main timeline
    body             TEXT NOT NULL,
    format           TEXT NOT NULL DEFAULT 'markdown' CHECK (format IN ('plain', 'markdown')),
    created_at       INTEGER NOT NULL,
    edited_at        INTEGER,
    deleted_at       INTEGER,               -- recalled: body is emptied, the row stays for order
    client_id        TEXT,                  -- the mutation id that created it (local echo match)
    send_state       INTEGER NOT NULL DEFAULT 0 -- 0 stored on server, 1 sending, 2 failed
);
CREATE INDEX messages_timeline ON messages(conversation_id, created_at, rowid);
CREATE INDEX messages_thread ON messages(thread_root_id) WHERE thread_root_id IS NOT NULL;
CREATE INDEX messages_by_sender ON messages(sender_id, created_at);
CREATE TABLE message_mentions (
    message_rowid  INTEGER NOT NULL REFERENCES messages(rowid) ON DELETE CASCADE,
    user_id        TEXT NOT NULL,
    PRIMARY KEY (message_rowid, user_id)
) WITHOUT ROWID;
CREATE INDEX mentions_by_user ON message_mentions(user_id);
CREATE TABLE reactions (
    message_id  TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    emoji       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
) WITHOUT ROWID;
CREATE TABLE read_receipts (
    conversation_id  TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    up_to_seq        INTEGER NOT NULL,   -- everything at or below this sequence number is read
    read_at          INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;
CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    message_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    mime_type    TEXT NOT NULL DEFAULT 'application/octet-stream',
    size_bytes   INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    local_path   TEXT,                 -- encrypted cache file, when downloaded
    state        TEXT NOT NULL DEFAULT 'remote' CHECK (state IN ('remote', 'uploading', 'downloading', 'cached', 'failed'))
);
CREATE INDEX attachments_by_message ON attachments(message_id);
CREATE TABLE drafts (
    conversation_id  TEXT PRIMARY KEY,
    thread_root_id   TEXT,
    body             TEXT NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE TABLE pins (
    conversation_id  TEXT NOT NULL,
    message_id       TEXT NOT NULL,
    pinned_by        TEXT NOT NULL,
    pinned_at        INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, message_id)
) WITHOUT ROWID;
CREATE TABLE saved_items (
    message_id  TEXT PRIMARY KEY,
    saved_at    INTEGER NOT NULL
);
-- Mutations not yet answered by the server, in the order they were made. The row is written in the
-- same transaction as the local echo, before anything is sent.
CREATE TABLE outbox (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    mutation_id    TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    payload        TEXT NOT NULL,        -- JSON, sent verbatim on every attempt
    created_at     INTEGER NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
    error_code     TEXT,
    error_message  TEXT
);
CREATE TABLE sync_cursors (
    stream  TEXT PRIMARY KEY,   -- the server's stream name within this space
    epoch   TEXT NOT NULL,      -- a new epoch means the history must be fetched again
    seq     INTEGER NOT NULL    -- last applied sequence number
) WITHOUT ROWID;
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT
) WITHOUT ROWID;
)sql";

// Version 2: full-text search over message bodies. Contentless (the text lives in messages) with
// contentless_delete so edits and recalls can remove rows. The tokenizer is ours (searchtokenizer.h);
// the scope column holds the conversation, sender and month tokens that filters use (searchscope.h).
constexpr std::string_view kV2 = R"sql(
CREATE VIRTUAL TABLE message_fts USING fts5(body, scope, content='', contentless_delete=1, tokenize='tandem');
INSERT INTO message_fts(rowid, body, scope)
    SELECT rowid, body, tandem_search_scope(conversation_id, sender_id, created_at) FROM messages
    WHERE deleted_at IS NULL;
)sql";

// Version 3: tasks, and approval requests with their steps, approvers and audit trail.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE tasks (
    id                 TEXT PRIMARY KEY,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    priority           INTEGER NOT NULL DEFAULT 0,
    due_at             INTEGER,
    created_by         TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    conversation_id    TEXT,
    source_message_id  TEXT,
    field_clocks       TEXT NOT NULL DEFAULT '{}'  -- per-field hybrid logical clocks for merging
);
CREATE INDEX tasks_by_due ON tasks(status, due_at);
CREATE INDEX tasks_by_conversation ON tasks(conversation_id) WHERE conversation_id IS NOT NULL;
CREATE TABLE task_assignees (
    task_id  TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL,
    PRIMARY KEY (task_id, user_id)
) WITHOUT ROWID;
CREATE INDEX task_assignees_by_user ON task_assignees(user_id);
CREATE TABLE task_checklist (
    task_id   TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    done      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, position)
) WITHOUT ROWID;
CREATE TABLE task_comments (
    id          TEXT PRIMARY KEY,
    task_id     TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    author_id   TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX task_comments_by_task ON task_comments(task_id, created_at);
CREATE TABLE approval_templates (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    category    TEXT NOT NULL DEFAULT 'custom',
    form_schema TEXT NOT NULL,       -- JSON form definition
    flow        TEXT NOT NULL,       -- JSON flow definition
    sla_hours   INTEGER,
    updated_at  INTEGER NOT NULL
);
CREATE TABLE approval_requests (
    id             TEXT PRIMARY KEY,
    template_id    TEXT NOT NULL,
    requester_id   TEXT NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    form_data      TEXT NOT NULL,    -- JSON answers
    state          TEXT NOT NULL CHECK (state IN ('draft', 'pending', 'approved', 'rejected', 'returned', 'withdrawn')),
    current_step   INTEGER NOT NULL DEFAULT 0,
    amount_minor   INTEGER,          -- money in minor units, for dashboards
    currency       TEXT,
    submitted_at   INTEGER,
    decided_at     INTEGER,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX approval_requests_by_state ON approval_requests(state, submitted_at);
CREATE INDEX approval_requests_by_requester ON approval_requests(requester_id, submitted_at);
CREATE TABLE approval_steps (
    request_id  TEXT NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    mode        TEXT NOT NULL CHECK (mode IN ('single', 'all', 'any')),
    state       TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'active', 'approved', 'rejected', 'skipped')),
    started_at  INTEGER,
    decided_at  INTEGER,
    PRIMARY KEY (request_id, position)
) WITHOUT ROWID;
CREATE TABLE approval_step_approvers (
    request_id  TEXT NOT NULL,
    position    INTEGER NOT NULL,
    user_id     TEXT NOT NULL,
    decision    TEXT CHECK (decision IN ('approved', 'rejected', 'delegated')),
    decided_at  INTEGER,
    PRIMARY KEY (request_id, position, user_id),
    FOREIGN KEY (request_id, position) REFERENCES approval_steps(request_id, position) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX approvers_by_user ON approval_step_approvers(user_id, decision);
CREATE TABLE approval_actions (
    id          TEXT PRIMARY KEY,
    request_id  TEXT NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
    actor_id    TEXT NOT NULL,
    action      TEXT NOT NULL,      -- submit, approve, reject, return, withdraw, delegate, comment, remind
    comment     TEXT NOT NULL DEFAULT '',
    device_id   TEXT,
    at          INTEGER NOT NULL
);
CREATE INDEX approval_actions_by_request ON approval_actions(request_id, at);
CREATE TABLE approval_cc (
    request_id  TEXT NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL,
    PRIMARY KEY (request_id, user_id)
) WITHOUT ROWID;
)sql";

// Version 4: what the sync protocol carries that versions 1-3 have no place for (docs/protocol.md
// Appendix B). New tables only, so that the tables of earlier versions keep their exact definitions;
// side tables hang off their parent row and go with it.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE organisations (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL
);
CREATE TABLE user_state (
    user_id      TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    deactivated  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE conversation_state (
    conversation_id   TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
    created_by        TEXT,
    last_cseq         INTEGER NOT NULL DEFAULT 0,  -- the highest cseq known, from records and messages
    history_complete  INTEGER NOT NULL DEFAULT 0   -- every older message is held (backfill done)
) WITHOUT ROWID;
CREATE TABLE message_state (
    message_id            TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    deleted_by            TEXT,
    urgent                INTEGER NOT NULL DEFAULT 0,
    thread_reply_count    INTEGER NOT NULL DEFAULT 0,
    thread_last_reply_at  INTEGER
) WITHOUT ROWID;
CREATE INDEX messages_by_cseq ON messages(conversation_id, seq) WHERE seq IS NOT NULL;
CREATE INDEX messages_by_client_id ON messages(client_id) WHERE client_id IS NOT NULL;
CREATE INDEX reactions_by_user ON reactions(user_id);
CREATE TABLE devices (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    platform      TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_seen_at  INTEGER,
    revoked_at    INTEGER
);
CREATE TABLE presence (
    user_id     TEXT PRIMARY KEY,
    status      TEXT NOT NULL,
    off_until   INTEGER,
    time_zone   TEXT,
    text        TEXT,
    updated_at  INTEGER NOT NULL
);
-- Snapshot pages as they arrive; applied together once the last page is here (protocol §3.8).
CREATE TABLE snapshot_staging (
    page     INTEGER PRIMARY KEY,
    stream   TEXT NOT NULL,
    epoch    TEXT NOT NULL,
    at_seq   INTEGER NOT NULL,
    records  TEXT NOT NULL      -- the page's records, as JSON
);
)sql";

// Version 5: tasks merged field by field (docs/protocol.md §11.2, §11.4). A deleted task is a field
// like any other, so its row stays (with its clocks) and queries skip it; like version 4, a new side
// table rather than a changed one. tasks.field_clocks holds the whole merged task record: every field's
// value and timestamp, checklist item ids included.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE task_state (
    task_id  TEXT PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
    deleted  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
)sql";

// Version 6: what the approvals protocol (docs/protocol.md §6.11) carries beyond the version 3 tables:
// the request's version (records only move forward) and who decided, step names, delegation targets,
// an action's step, people and resulting state (as JSON), and the organisation's holidays for
// previewing computed leave days.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE approval_requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE approval_requests ADD COLUMN decided_by TEXT;
ALTER TABLE approval_steps ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE approval_step_approvers ADD COLUMN delegated_to TEXT;
ALTER TABLE approval_actions ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
CREATE TABLE approval_holidays (
    day  TEXT PRIMARY KEY  -- YYYY-MM-DD
) WITHOUT ROWID;
)sql";

// Version 7: a server-authored notice's `system` object (docs/protocol.md §6.2, §6.12), so that the
// client shows its own translated sentence instead of the English body. A side table, like version 4:
// the kind (to pick the sentence) and the whole object as JSON (its user ids, and kinds added later).
constexpr std::string_view kV7 = R"sql(
CREATE TABLE message_system (
    message_id  TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    data        TEXT NOT NULL  -- the system object, as JSON
) WITHOUT ROWID;
)sql";

// Version 8: what the manager dashboard copies of each request (approvals/dashboardqueries.cpp), in one
// covering index, so that its team copy reads the narrow index instead of every request's page with its
// title and form: a quarter of the pages to decrypt (100,000 requests: 1,506 pages instead of 5,834).
constexpr std::string_view kV8 = R"sql(
CREATE INDEX approval_requests_for_dashboard
    ON approval_requests(requester_id, state, template_id, submitted_at, decided_at, id);
)sql";

// Version 9: the translations of a template's and a step's name (`name_i18n`, docs/approvals.md §2.3),
// as the JSON object the server sent, picked from by tandem_localized() (store/localizedfunction.h).
constexpr std::string_view kV9 = R"sql(
ALTER TABLE approval_templates ADD COLUMN name_i18n TEXT NOT NULL DEFAULT '{}';
ALTER TABLE approval_steps ADD COLUMN name_i18n TEXT NOT NULL DEFAULT '{}';
)sql";

// Version 10: the same columns keyed by id, for the dashboard's requests that reach me as an approver
// from outside my reports: looked up by id in this narrow index instead of the wide table. With it the
// team copy seeks instead of testing every request (100,000 requests: 31 ms instead of 37-47).
constexpr std::string_view kV10 = R"sql(
CREATE INDEX approval_requests_by_id_for_dashboard
    ON approval_requests(id, requester_id, state, template_id, submitted_at, decided_at);
)sql";

// Version 11: the steps that are active now, in a partial index (a few hundred rows, where approval_steps
// keeps every step ever), so that "waiting on me" tests my undecided approver rows against it instead of
// reading a page of approval_steps for each: most undecided rows belong to steps that never became active
// (later steps of rejected, withdrawn or returned requests), and their number grows with history.
// The dashboard's team copy now scans approval_requests_by_id_for_dashboard in id order (see
// approvals/dashboardqueries.cpp), so the requester-ordered index of version 8 has no reader left.
constexpr std::string_view kV11 = R"sql(
DROP INDEX approval_requests_for_dashboard;
CREATE INDEX approval_steps_active ON approval_steps(request_id, position, started_at) WHERE state = 'active';
)sql";

// Version 12: two reads that ran on every open of a conversation, and grew with the space instead.
// - The urgent messages, in a partial index (urgent messages are rare by design: the policy limits
//   them). A conversation's urgent marks and the reminder of unacknowledged ones start from it; without
//   it they read every message of the conversation, or of the space, to find none.
// - A mention carries its message's conversation and seq, so that unread mentions are counted from
//   the index alone (mentions_unread), for one conversation or all. Before, each of the account's
//   mentions, however old, read its message's row: every open, and every refresh of one conversation's
//   summary, read them all. Triggers keep the copies true when a message gets its seq or moves; a
//   recalled message mentions nobody (the sync writer already removed its mentions; the trigger makes
//   it hold for every writer), and the rows of messages recalled before now go here.
constexpr std::string_view kV12 = R"sql(
ALTER TABLE message_mentions ADD COLUMN conversation_id TEXT;
ALTER TABLE message_mentions ADD COLUMN seq INTEGER;
DELETE FROM message_mentions
    WHERE (SELECT m.deleted_at FROM messages m WHERE m.rowid = message_mentions.message_rowid) IS NOT NULL;
UPDATE message_mentions SET (conversation_id, seq)
    = (SELECT m.conversation_id, m.seq FROM messages m WHERE m.rowid = message_mentions.message_rowid);
CREATE TRIGGER mentions_follow_message AFTER UPDATE OF conversation_id, seq ON messages BEGIN
    UPDATE message_mentions SET conversation_id = new.conversation_id, seq = new.seq
        WHERE message_rowid = new.rowid;
END;
CREATE TRIGGER mentions_leave_recalled AFTER UPDATE OF deleted_at ON messages
    WHEN new.deleted_at IS NOT NULL BEGIN
    DELETE FROM message_mentions WHERE message_rowid = new.rowid;
END;
DROP INDEX mentions_by_user;
CREATE INDEX mentions_unread ON message_mentions(user_id, conversation_id, seq);
CREATE INDEX message_state_urgent ON message_state(message_id) WHERE urgent = 1;
)sql";

constexpr std::array<Migration, 12> kMigrationList {{
    {1, kV1},
    {2, kV2},
    {3, kV3},
    {4, kV4},
    {5, kV5},
    {6, kV6},
    {7, kV7},
    {8, kV8},
    {9, kV9},
    {10, kV10},
    {11, kV11},
    {12, kV12},
}};

constexpr bool migrationsInOrder()
{
    for (size_t i = 0; i < kMigrationList.size(); ++i)
        if (kMigrationList[i].version != int(i) + 1)
            return false;
    return true;
}
static_assert(migrationsInOrder(), "migrations must be numbered 1, 2, 3... with no gap");
static_assert(kMigrationList.back().version == kSchemaVersion, "kSchemaVersion must name the last migration");

} // namespace

const std::array<Migration, 12> kMigrations = kMigrationList;

Status migrate(Database &db, int target)
{
    auto current = db.queryInt("PRAGMA user_version");
    if (!current)
        return current.error();
    if (*current > kSchemaVersion)
        return Error::make(ErrorCode::TooNew,
            QStringLiteral("This space was written by a newer version of Tandem (schema %1; this "
                           "version reads up to %2). Update Tandem to open it.")
                .arg(*current)
                .arg(kSchemaVersion));
    // The index migration needs our tokenizer and scope function on this connection.
    if (*current < target && target >= 2) {
        TANDEM_TRY(registerSearchTokenizer(db.handle()));
        TANDEM_TRY(registerSearchScopeFunction(db.handle()));
    }
    for (const Migration &m : kMigrations) {
        if (m.version <= *current || m.version > target)
            continue;
        Transaction tx(db);
        TANDEM_TRY(tx.begin(Durability::PowerLoss));
        if (auto s = db.exec(m.sql); !s)
            return Error::make(s.error().code,
                QStringLiteral("Upgrading the space to schema %1 failed: %2")
                    .arg(m.version)
                    .arg(s.error().message));
        TANDEM_TRY(db.exec("PRAGMA user_version=" + std::to_string(m.version)));
        TANDEM_TRY(tx.commit());
    }
    return {};
}

} // namespace tandem::store
