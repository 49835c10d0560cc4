#pragma once

#include "risks/riskcriteria.h"
#include "shell/module.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTreeWidget;

namespace vigil {

class HeatMapWidget;

// Edits the risk criteria (sizes, step labels, levels, the level of every cell), shows how
// every existing rating would map, and adopts them as a new version in one undoable step.
class CriteriaDialog : public QDialog
{
    Q_OBJECT

public:
    CriteriaDialog(const ModuleContext &context, QWidget *parent = nullptr);

    RiskCriteria criteria() const;
    void setCriteria(const RiskCriteria &criteria);
    // The preview page, as the user sees it before applying.
    void showPreview();
    bool applied() const { return m_applied; }

private:
    QWidget *buildEditPage();
    QWidget *buildPreviewPage();
    void resize(int likelihood, int impact);
    void readTables();
    void fillTables();
    void addLevel();
    void removeLevel();
    void apply();
    void updateMatrix();

    ModuleContext m_context;
    RiskCriteria m_current;
    RiskCriteria m_edited;
    QStackedWidget *m_pages;
    QLineEdit *m_name;
    QSpinBox *m_likelihoodCount;
    QSpinBox *m_impactCount;
    QTableWidget *m_likelihood;
    QTableWidget *m_impact;
    QTableWidget *m_levels;
    HeatMapWidget *m_matrix;
    QLabel *m_problem;
    QPushButton *m_preview;
    QLabel *m_summary;
    QTreeWidget *m_mappings;
    QTreeWidget *m_changes;
    bool m_applied = false;
    bool m_filling = false;
};

} // namespace vigil
