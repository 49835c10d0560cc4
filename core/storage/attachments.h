#pragma once

#include <QByteArray>
#include <QString>

namespace vigil {

class Database;

constexpr qint64 maxAttachmentBytes = 50 * 1024 * 1024;

struct AttachmentInfo
{
    qint64 id = 0;
    QString sha256;
    qint64 size = 0;
    QString mimeType;
    bool hasThumbnail = false;
};

// Photos and documents kept inside the site file, once per content (addressed by SHA-256), so a
// copy of the file is a complete copy of the evidence. Images keep a small PNG thumbnail.
class AttachmentStore
{
public:
    explicit AttachmentStore(Database &db);

    // Stores the content unless the same bytes are already there; returns its id. Must run in
    // the caller's transaction. Throws Error for content over the size limit.
    qint64 store(const QByteArray &bytes, const QString &fileName);

    AttachmentInfo info(qint64 id) const;
    QByteArray data(qint64 id) const;
    QByteArray thumbnail(qint64 id) const;

    // Throws Error with a message naming the file when it is larger than the limit.
    static void requireSize(qint64 bytes, const QString &fileName);

private:
    Database &m_db;
};

} // namespace vigil
