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

} // namespace vigil
