#pragma once

#include "site/siteprofile.h"

#include <QDialog>

namespace vigil {

class SiteProfileForm;

// Asked once, when a new site file is opened for the first time.
class SiteProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SiteProfileDialog(QWidget *parent = nullptr);
    SiteProfile profile() const;

private:
    SiteProfileForm *m_form;
};

} // namespace vigil
