#pragma once

#include "training/trainingtab.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace vigil {

class TrainingRecordModel;

// Every training record, paged from SQL, filtered by course, post, employer and text.
class RecordsTab : public TrainingTab
{
    Q_OBJECT

public:
    RecordsTab(const ModuleContext &context, QWidget *parent);

    TrainingRecordModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    void refresh(const QDate &asOf) override;
    void fillChoices() override;
    void openCurrent() override;
    void deleteCurrent() override;
    RegisterExport registerExport() override;
    QLineEdit *searchBox() const override { return m_search; }

private:
    void reload();

    TrainingRecordModel *m_model;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_course;
    QComboBox *m_post;
    QComboBox *m_employer;
    QCheckBox *m_leavers;
    QLabel *m_count;
};

// Certifications running out within 30, 60 or 90 days of the day, soonest first.
class ExpiringTab : public TrainingTab
{
    Q_OBJECT

public:
    ExpiringTab(const ModuleContext &context, QWidget *parent);

    void setDays(int days);
    void refresh(const QDate &asOf) override;
    void openCurrent() override;
    RegisterExport registerExport() override;

private:
    void reload();
    void open(const QTreeWidgetItem *item);

    QComboBox *m_days;
    QCheckBox *m_requiredOnly;
    QTreeWidget *m_list;
    QLabel *m_count;
};

// For a post and a day: who is cleared, and for the others why not. The day follows the page's
// as-of date and can be moved on its own.
class ReadinessTab : public TrainingTab
{
    Q_OBJECT

public:
    ReadinessTab(const ModuleContext &context, QWidget *parent);

    void refresh(const QDate &asOf) override;
    void fillChoices() override;
    void openCurrent() override;
    RegisterExport registerExport() override;

private:
    void reload();
    void open(const QTreeWidgetItem *item);

    QComboBox *m_post;
    QDateEdit *m_date;
    QCheckBox *m_everyone;
    QTreeWidget *m_list;
    QLabel *m_count;
};

// Planned sessions (and, on request, held and cancelled ones); a planned one opens to be changed
// or recorded as done.
class SessionsTab : public TrainingTab
{
    Q_OBJECT

public:
    SessionsTab(const ModuleContext &context, QWidget *parent);

    void refresh(const QDate &asOf) override;
    void openCurrent() override;
    void deleteCurrent() override;
    RegisterExport registerExport() override;

private:
    void reload();
    void open(const QTreeWidgetItem *item);

    QCheckBox *m_past;
    QTreeWidget *m_list;
};

} // namespace vigil
