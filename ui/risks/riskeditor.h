#pragma once

#include "risks/risk.h"
#include "shell/module.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace vigil {

class HistoryView;
class RatingPicker;

// Creates or edits one risk. Problems are shown beside their fields (after the first attempt
// to save, then as the user types); Save closes only when core accepts the risk.
class RiskEditor : public QDialog
{
    Q_OBJECT

public:
    // risk.id == 0: a new risk.
    RiskEditor(const ModuleContext &context, const Risk &risk, QWidget *parent = nullptr);

    Risk risk() const;
    qint64 savedId() const { return m_savedId; }
    void accept() override;

private:
    void buildRiskTab(QWidget *tab);
    void buildLinksTab(QWidget *tab);
    void fillChoices();
    void load(const Risk &risk);
    void validate();
    void newCatalogueItem(bool control);
    QLabel *problemLabel(const QString &field);

    ModuleContext m_context;
    Risk m_original;
    qint64 m_savedId = 0;
    bool m_showProblems = false;
    QTabWidget *m_tabs;
    QLineEdit *m_title;
    QComboBox *m_category;
    QComboBox *m_threat;
    QLineEdit *m_vulnerability;
    QPlainTextEdit *m_description;
    QComboBox *m_owner;
    QComboBox *m_treatment;
    QPlainTextEdit *m_justification;
    QComboBox *m_status;
    QSpinBox *m_reviewMonths;
    QDateEdit *m_reviewDate;
    RatingPicker *m_inherent;
    RatingPicker *m_residual;
    RatingPicker *m_target;
    QListWidget *m_controls;
    QListWidget *m_assets;
    HistoryView *m_history;
    QHash<QString, QLabel *> m_problems;
};

} // namespace vigil
