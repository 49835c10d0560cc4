#include "attachments.h"

#include "base/clock.h"
#include "base/error.h"
#include "base/images.h"
#include "base/timeformat.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QImageReader>
#include <QLocale>
#include <QMimeDatabase>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Attachments)
};

constexpr int thumbnailPixels = 256;

QByteArray makeThumbnail(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid())
        return {};
    if (size.width() > thumbnailPixels || size.height() > thumbnailPixels)
        reader.setScaledSize(size.scaled(thumbnailPixels, thumbnailPixels, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    return image.isNull() ? QByteArray() : toPng(image);
}

} // namespace

AttachmentStore::AttachmentStore(Database &db)
    : m_db(db)
{
}

void AttachmentStore::requireSize(qint64 bytes, const QString &fileName)
{
    if (bytes > maxAttachmentBytes)
        throw Error(Text::tr("'%1' is %2; attachments can be at most %3.")
                        .arg(fileName, QLocale().formattedDataSize(bytes), QLocale().formattedDataSize(maxAttachmentBytes)));
}

qint64 AttachmentStore::store(const QByteArray &bytes, const QString &fileName)
{
    Q_ASSERT(m_db.inTransaction());
    requireSize(bytes.size(), fileName);
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QVariant existing = scalar(m_db, QStringLiteral("SELECT id FROM attachments WHERE sha256 = ?"), {hash});
    if (!existing.isNull())
        return existing.toLongLong();
    const QString mime = QMimeDatabase().mimeTypeForFileNameAndData(fileName, bytes).name();
    const QByteArray thumbnail = mime.startsWith(QLatin1String("image/")) ? makeThumbnail(bytes) : QByteArray();
    Query q(m_db, QStringLiteral("INSERT INTO attachments (sha256, size, mime_type, data, thumbnail, created_at, "
                                 "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bind(hash).bind(qint64(bytes.size())).bind(mime).bind(bytes)
        .bind(thumbnail.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(thumbnail))
        .bind(toStoredUtc(Clock::current().nowUtc()))
        .bind(m_db.actor())
        .exec();
    return q.lastInsertId();
}

AttachmentInfo AttachmentStore::info(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT sha256, size, mime_type, thumbnail IS NOT NULL FROM attachments WHERE id = ?"));
    q.bind(id).exec();
    AttachmentInfo info;
    if (q.next())
        info = {id, q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toBool()};
    return info;
}

QByteArray AttachmentStore::data(qint64 id) const
{
    return scalar(m_db, QStringLiteral("SELECT data FROM attachments WHERE id = ?"), {id}).toByteArray();
}

QByteArray AttachmentStore::thumbnail(qint64 id) const
{
    return scalar(m_db, QStringLiteral("SELECT thumbnail FROM attachments WHERE id = ?"), {id}).toByteArray();
}

} // namespace vigil
