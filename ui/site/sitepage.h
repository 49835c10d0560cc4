#pragma once

#include "shell/module.h"
#include "site/siteprofile.h"

#include <QWidget>

class QPushButton;

namespace vigil {

class HistoryView;
class SiteProfileForm;

// The Site module's page: the profile the reports and the window title are made from.
class SitePage : public QWidget
{
    Q_OBJECT

public:
    SitePage(const ModuleContext &context, QWidget *parent = nullptr);

    bool hasUnsavedChanges() const;
    bool save();
    void discard();
    // Save, discard or stay when there are unsaved edits; false to stay.
    bool confirmClose();

private:
    // Reads the saved profile; replaces the form's contents only when keepEdits is false.
    void reload(bool keepEdits = false);
    void updateButtons();
    void showHistory();

    ModuleContext m_context;
    SiteProfileForm *m_form;
    QPushButton *m_save;
    QPushButton *m_discard;
    HistoryView *m_history;
    SiteProfile m_saved;
};

} // namespace vigil
