#pragma once

#include "report/report.h"
#include "shell/module.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPrinter;

namespace vigil {

// File > Management Review Report: the period and the sections, who prepared it, and the
// archival option; then a preview, the printer, or a PDF. Every way out draws the same
// ReportDocument as `vigil report`.
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    ReportDialog(const ModuleContext &context, QWidget *parent = nullptr);

    ReportOptions options() const;

private:
    void preview();
    void print();
    void savePdf();
    // Draws the report on a printer set to the site's paper; false after saying why.
    bool paint(QPrinter *printer);

    ModuleContext m_context;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QHash<ReportSection, QCheckBox *> m_sections;
    QLineEdit *m_preparedBy;
    QCheckBox *m_archival;
};

} // namespace vigil
