#pragma once

#include "shell/module.h"

#include <QWidget>

class QListWidget;

namespace vigil {

// An incident's photos and documents: thumbnails, add, open with the system viewer, save a copy.
class AttachmentsView : public QWidget
{
    Q_OBJECT

public:
    AttachmentsView(const ModuleContext &context, QWidget *parent = nullptr);
    void showIncident(qint64 id);

    void addFiles();
    void openSelected();
    void saveSelectedCopy();

private:
    ModuleContext m_context;
    qint64 m_id = 0;
    QListWidget *m_list;
};

// Reads a file the user chose to store in the site file; false (the user told why) when it is
// over the size limit or cannot be read.
bool readFileToStore(const ModuleContext &context, const QString &path, QByteArray *bytes);
// A stored file (an incident's photo, a training certificate) opened with the system viewer from a
// copy in the temporary folder, or saved where the user chooses. Problems go to the host.
void openStoredFile(const ModuleContext &context, qint64 attachmentId, const QString &fileName);
void saveStoredFileCopy(const ModuleContext &context, QWidget *parent, qint64 attachmentId, const QString &fileName);

} // namespace vigil
