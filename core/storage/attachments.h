#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

struct sqlite3;

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

// An attachment whose stored bytes no longer match the SHA-256 (and size) they are filed under:
// changed outside Vigil, or damaged.
struct AlteredAttachment
{
    qint64 id = 0;
    QString sha256;   // what it is filed under
    QString fileNames; // the names it is attached as ("#12, attached to nothing" when none), for messages
};

// Recomputes every attachment's SHA-256 on the connection (a site file, or a copy being restored)
// and returns those that differ. keepGoing(done, total) is asked after each one; false stops
// (the list is then what was found so far, and *stopped is set). An empty list for a file from
// before attachments; throws Error when the attachments cannot all be read.
QList<AlteredAttachment> alteredAttachments(sqlite3 *db, const std::function<bool(qint64, qint64)> &keepGoing = {},
    bool *stopped = nullptr);

} // namespace vigil
