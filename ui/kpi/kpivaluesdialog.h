#pragma once

#include "kpi/kpi.h"
#include "shell/module.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QSpinBox;
class QTableWidget;

namespace vigil {

// The entry grid for manual KPIs: a row per manual KPI, a column per month of the chosen year.
// A quarterly KPI's cell spans its quarter's three months and a yearly one the whole year;
// months still to come cannot be filled in. Edits in several years are kept until Save, which
// enters them all as one undoable step; an emptied cell takes its value away.
class KpiValuesDialog : public QDialog
{
    Q_OBJECT

public:
    KpiValuesDialog(const ModuleContext &context, int year, QWidget *parent = nullptr);

    void accept() override;

private:
    struct Cell
    {
        qint64 kpiId = 0;
        QDate start;
    };
    void fill();
    void cellEdited(int row, int column);
    // The number in a cell's text; nothing for an empty cell, false when it is not a number.
    static bool parse(const QString &text, std::optional<double> *value);

    ModuleContext m_context;
    QList<Kpi> m_kpis;
    QSpinBox *m_year;
    QTableWidget *m_table;
    QLabel *m_problem;
    bool m_filling = false;
    // Edits not yet saved, by KPI and period start: the text as typed.
    QHash<std::pair<qint64, QDate>, QString> m_edits;
};

} // namespace vigil
