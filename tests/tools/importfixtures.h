// The JSON Lines files the tandemctl tests import (the format is described in
// tools/tandemctl/importer.h), and what a reader should find in them.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

namespace tandemctl::test {

// A work space's week: three people, a group and a direct chat, messages in Simplified Chinese,
// Traditional Chinese and English. Two messages hold 会议 (m1, m3); two others hold only look-alikes
// that a search for 会议 must not find: the Traditional 會議 (m5), and 会 and 议 apart (m6).
inline QList<QByteArray> workLines()
{
    return {
        R"({"type":"user","id":"u-li","user_name":"li.wei","display_name":"李伟"})",
        R"({"type":"user","id":"u-ann","user_name":"ann","display_name":"Ann Smith"})",
        R"({"type":"user","id":"u-wang","user_name":"wang.fang","display_name":"王芳"})",
        R"({"type":"conversation","id":"c-plan","kind":"group","name":"规划 Planning",)"
        R"("members":["u-li","u-ann","u-wang"],"created_at":"2025-06-02T09:00:00Z"})",
        R"({"type":"conversation","id":"c-ann","kind":"direct","members":["u-li","u-ann"],)"
        R"("created_at":1748854800000})",
        R"({"type":"message","id":"m1","conversation_id":"c-plan","sender_id":"u-li",)"
        R"("body":"明天上午十点开会议，讨论发布计划","created_at":"2025-06-02T10:00:00Z"})",
        R"({"type":"message","id":"m2","conversation_id":"c-plan","sender_id":"u-ann",)"
        R"("body":"The release meeting moves to Thursday.","created_at":1748858700000})",
        R"({"type":"message","id":"m3","conversation_id":"c-ann","sender_id":"u-ann",)"
        R"("body":"Can you book 会议室 B for the demo?","created_at":1748859000000})",
        R"({"type":"message","id":"m4","conversation_id":"c-ann","sender_id":"u-li",)"
        R"("body":"好的，我来订","created_at":1748859060000})",
        R"({"type":"message","id":"m5","conversation_id":"c-plan","sender_id":"u-wang",)"
        R"("body":"會議紀錄已上傳","created_at":1748859100000})",
        R"({"type":"message","id":"m6","conversation_id":"c-plan","sender_id":"u-li",)"
        R"("body":"会后再议，先吃饭","created_at":1748859200000})",
    };
}

// What workLines() holds.
constexpr qint64 kWorkUsers = 3;
constexpr qint64 kWorkConversations = 2;
constexpr qint64 kWorkMessages = 6;
// The lines up to and including m2: three users, two conversations, two messages (m1 and m2).
constexpr qsizetype kWorkLinesThroughM2 = 7;

// A personal space: one family group whose only message holds 会议 too, so a search of either space
// shows which space answered.
inline QList<QByteArray> personalLines()
{
    return {
        R"({"type":"user","id":"u-mom","user_name":"mom","display_name":"妈妈"})",
        R"({"type":"conversation","id":"c-family","kind":"group","name":"家人 Family",)"
        R"("created_at":1748854800000})",
        R"({"type":"message","id":"p1","conversation_id":"c-family","sender_id":"u-mom",)"
        R"("body":"周末家庭会议，记得带照片","created_at":1748941200000})",
    };
}

// A message line that the importer refuses: it has no "body".
inline QByteArray messageWithoutBody()
{
    return R"({"type":"message","id":"m-bad","conversation_id":"c-plan","sender_id":"u-li",)"
           R"("created_at":1748858800000})";
}

// Writes `lines`, each ending with a newline. False when the file cannot be written.
inline bool writeLines(const QString &path, const QList<QByteArray> &lines)
{
    QByteArray bytes;
    for (const QByteArray &line : lines)
        bytes += line + '\n';
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace tandemctl::test
