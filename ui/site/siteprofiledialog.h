#pragma once

#include "site/siteprofile.h"

#include <QDialog>

#include <functional>

namespace vigil {

class SiteProfileForm;

// Asked once, when a new site file is opened for the first time.
class SiteProfileDialog : public QDialog
{
    Q_OBJECT

public:
    // save is called on Save; the dialog closes only when it returns true.
    explicit SiteProfileDialog(std::function<bool(const SiteProfile &)> save, QWidget *parent = nullptr);
    SiteProfile profile() const;
    void accept() override;

private:
    SiteProfileForm *m_form;
    std::function<bool(const SiteProfile &)> m_save;
};

} // namespace vigil
