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
#include <QScopeGuard>

#include <sqlite3.h>

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

QList<AlteredAttachment> alteredAttachments(sqlite3 *db, const std::function<bool(qint64, qint64)> &keepGoing,
    bool *stopped)
{
    QList<AlteredAttachment> altered;
    if (stopped)
        *stopped = false;
    const auto prepare = [db](const char *sql) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
            sqlite3_finalize(statement);
            return static_cast<sqlite3_stmt *>(nullptr);
        }
        return statement;
    };
    sqlite3_stmt *count = prepare("SELECT count(*) FROM attachments");
    if (!count)
        return altered; // a file from before attachments
    const qint64 total = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : 0;
    sqlite3_finalize(count);
    sqlite3_stmt *rows = prepare(
        "SELECT a.id, a.sha256, a.size, a.data, (SELECT group_concat(file_name, ', ') FROM incident_attachments l "
        "WHERE l.attachment_id = a.id) FROM attachments a ORDER BY a.id");
    if (!rows)
        rows = prepare("SELECT id, sha256, size, data, NULL FROM attachments ORDER BY id");
    const auto finish = qScopeGuard([rows] { sqlite3_finalize(rows); });
    qint64 done = 0;
    int step = SQLITE_DONE;
    while (rows && (step = sqlite3_step(rows)) == SQLITE_ROW) {
        const auto text = [rows](int column) {
            return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(rows, column)));
        };
        const QByteArray data(static_cast<const char *>(sqlite3_column_blob(rows, 3)), sqlite3_column_bytes(rows, 3));
        const QString filed = text(1);
        const QString actual = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        if (actual != filed || data.size() != sqlite3_column_int64(rows, 2)) {
            const qint64 id = sqlite3_column_int64(rows, 0);
            const QString names = text(4);
            altered.append({id, filed, names.isEmpty() ? Text::tr("#%1, attached to nothing").arg(id) : names});
        }
        if (keepGoing && !keepGoing(++done, total)) {
            if (stopped)
                *stopped = true;
            return altered;
        }
    }
    // A read that failed part-way (a damaged page, a busy file) is no pass.
    if (step != SQLITE_DONE)
        throw Error(Text::tr("The attachments could not all be read to check them: %1")
                        .arg(QString::fromUtf8(sqlite3_errmsg(db))));
    return altered;
}

} // namespace vigil
