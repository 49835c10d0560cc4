#pragma once

#include "shell/module.h"

#include <QDialog>
#include <QList>

#include <memory>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace vigil {

class CatalogueAdapter;
class HistoryView;

// Lists a catalogue (people, threats, controls, assets) with a form for the selected entry.
// Entries are saved through undoable commands; an entry in use is made inactive, not deleted.
class CatalogueDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { People, Threats, Controls, Assets, SiteAreas, IncidentCategories, Posts, Employers, Courses };

    CatalogueDialog(const ModuleContext &context, Kind kind, QWidget *parent = nullptr);
    ~CatalogueDialog() override;

    // Clears the form for a new entry.
    void startNewItem();
    // The id of the entry saved last in this dialog (0: none).
    qint64 lastSavedId() const { return m_lastSavedId; }

private:
    void reload(qint64 select = 0);
    void showEntry();
    void save();
    void toggleActive();
    void updateButtons();
    void showHistory(const QString &uuid);

    ModuleContext m_context;
    std::unique_ptr<CatalogueAdapter> m_adapter;
    QLineEdit *m_filter;
    QCheckBox *m_showInactive;
    QTreeWidget *m_list;
    QFormLayout *m_form;
    QList<QWidget *> m_editors;
    QLabel *m_problem;
    QTabWidget *m_tabs;
    HistoryView *m_history;
    QPushButton *m_save;
    QPushButton *m_toggle;
    qint64 m_currentId = 0;
    bool m_currentActive = true;
    qint64 m_lastSavedId = 0;
};

// A menu of catalogue entries ("&People…" opens the people), each action named for tests.
struct CatalogueMenuEntry
{
    QString title;
    QString objectName;
    CatalogueDialog::Kind kind;
};
QMenu *catalogueMenu(const ModuleContext &context, const QString &title, const QList<CatalogueMenuEntry> &entries,
    QWidget *parent);

} // namespace vigil
