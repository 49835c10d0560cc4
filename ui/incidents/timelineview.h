#pragma once

#include "shell/module.h"

#include <QWidget>

class QPlainTextEdit;
class QTreeWidget;

namespace vigil {

// An incident's timeline, newest last, with a box to add a note and a way to correct an entry
// (entries are never edited: a correction is a later entry pointing at the earlier one).
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    TimelineView(const ModuleContext &context, QWidget *parent = nullptr);
    void showIncident(qint64 id);

private:
    void addNote();
    void correctSelected();

    ModuleContext m_context;
    qint64 m_id = 0;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_note;
};

} // namespace vigil
