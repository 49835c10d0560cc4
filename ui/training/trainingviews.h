#pragma once

#include "shell/module.h"

#include <QDate>
#include <QDialog>

class QLabel;
class QTreeWidget;

namespace vigil {

// Everything about one person's training on a day: what their post needs and where they stand,
// every record they have (double-click to open), and the selected record's certificate.
class PersonTrainingDialog : public QDialog
{
    Q_OBJECT

public:
    PersonTrainingDialog(const ModuleContext &context, qint64 personId, const QDate &asOf, QWidget *parent = nullptr);

private:
    void reload();
    void showPreview();
    void openRecord(qint64 recordId, qint64 courseId);

    ModuleContext m_context;
    qint64 m_personId;
    QDate m_asOf;
    QLabel *m_heading;
    QTreeWidget *m_standing;
    QTreeWidget *m_records;
    QLabel *m_preview;
};

// One course on a day: who must hold it and does not (due), and every record of it.
class CourseTrainingDialog : public QDialog
{
    Q_OBJECT

public:
    CourseTrainingDialog(const ModuleContext &context, qint64 courseId, const QDate &asOf, QWidget *parent = nullptr);

private:
    void reload();

    ModuleContext m_context;
    qint64 m_courseId;
    QDate m_asOf;
    QLabel *m_heading;
    QTreeWidget *m_due;
    QTreeWidget *m_holders;
};

// A list of the training views: one row per line, columns fitted to their contents; sortable
// lists stretch their last column, the others their first.
QTreeWidget *trainingList(const QString &objectName, const QStringList &headers, QWidget *parent, bool sortable = true);

// Opens the record, or a new one for the person and course; shared by the page and the views.
void openTrainingRecord(const ModuleContext &context, QWidget *parent, qint64 recordId, qint64 personId, qint64 courseId,
    const QDate &completedOn = {});

} // namespace vigil
