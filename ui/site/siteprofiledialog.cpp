#include "siteprofiledialog.h"

#include "site/siteprofileform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

SiteProfileDialog::SiteProfileDialog(std::function<bool(const SiteProfile &)> saveProfile, QWidget *parent)
    : QDialog(parent)
    , m_form(new SiteProfileForm(this))
    , m_save(std::move(saveProfile))
{
    setObjectName(QStringLiteral("siteProfileDialog"));
    setWindowTitle(tr("New Site"));
    auto *intro = new QLabel(tr("<b>This is a new site file.</b> Tell Vigil about the site; you can change "
                                "this later on the Site page."),
        this);
    intro->setWordWrap(true);
    SiteProfile initial;
    initial.paperSize = defaultPaperSize(QLocale());
    m_form->setProfile(initial);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *save = buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("saveSiteProfile"));
    save->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Later"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(m_form, &SiteProfileForm::edited, this, [this, save] { save->setEnabled(m_form->isValid()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SiteProfile SiteProfileDialog::profile() const
{
    return m_form->profile();
}

void SiteProfileDialog::accept()
{
    if (m_form->isValid() && m_save(profile()))
        QDialog::accept();
}

} // namespace vigil
