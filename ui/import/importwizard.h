#pragma once

#include "import/incidentimport.h"
#include "shell/module.h"

#include <QWizard>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace vigil {

// File > Import: pick the file and what it holds, see its first rows, map its columns to Vigil's
// fields (matched by header names, editable), map the values Vigil does not know, see every
// problem before anything is written, then import in one undoable step with a progress bar
// that can cancel. The mapping can be saved as a profile for next month's file.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePage, PreviewPage, ColumnsPage, ValuesPage, CheckPage };

    ImportWizard(const ModuleContext &context, QWidget *parent = nullptr);

    // The mapping as it stands (for saving, and for tests).
    ImportProfile profile() const;
    const ImportSummary &lastCheck() const { return m_check; }

    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void accept() override;

private:
    bool readFile();
    void fillColumns();
    void fillValues();
    void runCheck();
    void loadProfile();
    void saveProfile();
    void saveProblems();

    ModuleContext m_context;
    SourceTable m_table;
    ImportProfile m_loaded; // a profile the user loaded, applied when the columns page opens
    ImportSummary m_check;

    QLineEdit *m_file;
    QComboBox *m_sheet;
    QComboBox *m_kind;
    QLabel *m_fileFacts;
    QTableWidget *m_preview;
    QFormLayout *m_columnForm;
    QHash<QString, QComboBox *> m_columns; // field -> header choice
    QComboBox *m_dateFormat;
    QLabel *m_dateNote;
    QTableWidget *m_values;
    QLabel *m_checkSummary;
    QTableWidget *m_problems;
    QCheckBox *m_skipInvalid;
    QCheckBox *m_updateDuplicates;
};

} // namespace vigil
