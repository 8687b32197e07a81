// Attachment bytes (docs/protocol.md §8): metadata in the store, bytes in files under
// DATA/attachments/ named by the server (never by client input). Each call answers with the frame to
// send: upload_state / download_chunk, or an error frame with the request's rid.
#pragma once

#include "serverstore.h"

#include "protocol/clientframes.h"

#include <QJsonObject>

namespace tandem::server {

class AttachmentService
{
public:
    AttachmentService(ServerStore &store, QString directory);

    Result<QJsonObject> begin(
        const QString &userId, const protocol::UploadBeginFrame &f, const protocol::Limits &limits);
    Result<QJsonObject> chunk(
        const QString &userId, const protocol::UploadChunkFrame &f, const protocol::Limits &limits);
    Result<QJsonObject> download(
        const QString &userId, const protocol::DownloadFrame &f, const protocol::Limits &limits);

private:
    QString path(const AttachmentRow &row) const;
    Status save(const AttachmentRow &row);

    ServerStore &m_store;
    QString m_directory;
};

} // namespace tandem::server
