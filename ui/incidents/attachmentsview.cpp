#include "attachmentsview.h"

#include "base/error.h"
#include "commands/incidentcommands.h"
#include "incidents/incidentrepository.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "storage/attachments.h"
#include "widgets/displaytext.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil {

AttachmentsView::AttachmentsView(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_list(new QListWidget(this))
{
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(128, 128));
    m_list->setGridSize(QSize(168, 176));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    auto *add = new QPushButton(themedIcon(QStringLiteral("image")), tr("&Add Files…"), this);
    add->setObjectName(QStringLiteral("addAttachment"));
    auto *open = new QPushButton(tr("&Open"), this);
    open->setObjectName(QStringLiteral("openAttachment"));
    auto *save = new QPushButton(tr("Save a &Copy…"), this);
    save->setObjectName(QStringLiteral("saveAttachment"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(open);
    buttons->addWidget(save);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &AttachmentsView::addFiles);
    connect(open, &QPushButton::clicked, this, &AttachmentsView::openSelected);
    connect(save, &QPushButton::clicked, this, &AttachmentsView::saveSelectedCopy);
    connect(m_list, &QListWidget::itemActivated, this, &AttachmentsView::openSelected);
}

void AttachmentsView::showIncident(qint64 id)
{
    m_id = id;
    m_list->clear();
    try {
        AttachmentStore store(m_context.db);
        const QLocale locale;
        for (const IncidentAttachment &a : IncidentRepository(m_context.db).attachments(id)) {
            QIcon icon = themedIcon(QStringLiteral("file-new"));
            if (a.hasThumbnail) {
                const QImage thumbnail = QImage::fromData(store.thumbnail(a.attachmentId));
                if (!thumbnail.isNull())
                    icon = QIcon(QPixmap::fromImage(thumbnail));
            }
            auto *item = new QListWidgetItem(icon, tr("%1\n%2").arg(a.fileName, locale.formattedDataSize(a.size)), m_list);
            item->setData(Qt::UserRole, a.attachmentId);
            item->setData(Qt::UserRole + 1, a.fileName);
            item->setToolTip(tr("Added %1 by %2").arg(shortDateTime(a.addedAt), a.addedBy));
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
}

void AttachmentsView::addFiles()
{
    const QString path = dialogs::openFileName(this, tr("Attach a File"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation), tr("All files (*)"));
    if (path.isEmpty() || m_id == 0)
        return;
    QByteArray bytes;
    if (readFileToStore(m_context, path, &bytes))
        commands::addIncidentAttachment(m_context, m_id, QFileInfo(path).fileName(), bytes);
}

void AttachmentsView::openSelected()
{
    if (QListWidgetItem *item = m_list->currentItem())
        openStoredFile(m_context, item->data(Qt::UserRole).toLongLong(), item->data(Qt::UserRole + 1).toString());
}

void AttachmentsView::saveSelectedCopy()
{
    if (QListWidgetItem *item = m_list->currentItem())
        saveStoredFileCopy(m_context, this, item->data(Qt::UserRole).toLongLong(), item->data(Qt::UserRole + 1).toString());
}

bool readFileToStore(const ModuleContext &context, const QString &path, QByteArray *bytes)
{
    const QFileInfo info(path);
    try {
        // Checked before reading: a 4 GB video is refused without reading it into memory.
        AttachmentStore::requireSize(info.size(), info.fileName());
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        context.host.showError(AttachmentsView::tr("'%1' cannot be read: %2").arg(info.fileName(), file.errorString()));
        return false;
    }
    *bytes = file.readAll();
    return true;
}

void openStoredFile(const ModuleContext &context, qint64 attachmentId, const QString &fileName)
{
    try {
        // A copy in the temporary folder, named by content, opened with the system viewer.
        const AttachmentInfo info = AttachmentStore(context.db).info(attachmentId);
        const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation)).filePath(QStringLiteral("vigil-attachments"));
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(info.sha256.left(12) + u'-' + QFileInfo(fileName).fileName());
        if (!QFileInfo::exists(path)) {
            QSaveFile out(path);
            const QByteArray bytes = AttachmentStore(context.db).data(attachmentId);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
                context.host.showError(AttachmentsView::tr("The file could not be prepared for viewing: %1").arg(out.errorString()));
                return;
            }
        }
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            context.host.showError(
                AttachmentsView::tr("No program on this computer opens '%1'; save a copy instead.").arg(QFileInfo(path).fileName()));
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
}

void saveStoredFileCopy(const ModuleContext &context, QWidget *parent, qint64 attachmentId, const QString &fileName)
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(fileName);
    const QString path = dialogs::saveFileName(parent, AttachmentsView::tr("Save a Copy"), suggested, AttachmentsView::tr("All files (*)"));
    if (path.isEmpty())
        return;
    try {
        QSaveFile out(path);
        const QByteArray bytes = AttachmentStore(context.db).data(attachmentId);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            context.host.showError(
                AttachmentsView::tr("'%1' could not be written: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
            return;
        }
        context.host.showStatus(AttachmentsView::tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
}

} // namespace vigil
