#pragma once

#include <QStringList>
#include <QVariant>

#include <functional>

class QComboBox;
class QDialog;
class QLineEdit;
class QLabel;
class QTableView;
class QWidget;

namespace vigil {

class Database;
struct ExportTable;
struct ModuleContext;

// Small pieces every register page (risks, incidents, actions ...) is made of.

// A combo box for the filter bar, as wide as its longest entry.
QComboBox *filterCombo(const QString &objectName, QWidget *parent);
// Selects the entry with this data, or the first entry.
void selectData(QComboBox *combo, const QVariant &data);
// Applies a register's filter as the user types (150 ms after the last key, not a query per
// keystroke) and at once when one of the combo boxes changes, unless *filling says the page is
// refilling its combo boxes.
void connectFilters(QObject *owner, QLineEdit *search, const QList<QComboBox *> &combos, const bool *filling,
    const std::function<void()> &apply);
// Keeps a page up to date with the file: after changes to any of the entities (tables) it calls
// refresh once, on the next pass of the event loop, however many changes came in one step. A page
// that is not on screen is refreshed when it is shown again, not in the background.
void refreshOnChanges(QWidget *page, Database &db, const QStringList &entities, const std::function<void()> &refresh);
// Ctrl+S and Ctrl+Enter both save a form or editor (Ctrl+Enter reaches past its text boxes).
void addSaveKeys(QWidget *form, const std::function<void()> &save);
// Shows a dialog window-modal without waiting for it; it deletes itself when closed.
void openDialog(QDialog *dialog);
// The red line under a form that says why it cannot be saved; hidden until it has something to say.
QLabel *problemLabel(const QString &objectName, QWidget *parent);
// A register table: whole rows selected, sorting by the header, fixed row height (so a model of
// 100,000 rows never has to measure them), no editing in place.
void setupRegisterTable(QTableView *table, const QString &objectName);

// Export as shown: asks where and in which format (CSV or an Excel workbook; the documents
// folder, a dated name and the format used last suggested), writes the table (replaced only once
// complete) and says in the status bar how many rows went where. A name ending in .csv or .xlsx
// is written in that format; any other gets the extension of the format chosen.
struct RegisterExport
{
    QString dialogTitle;                  // "Export Risk Register"
    QString fileStem;                     // "risk-register": the date and the extension are added
    std::function<ExportTable()> table;   // made only once the user has chosen a file
    std::function<QString(int rows)> done; // "Exported %n risks to %1.", %1 left for the path
};
void exportRegister(const ModuleContext &context, QWidget *parent, const RegisterExport &what);

} // namespace vigil
