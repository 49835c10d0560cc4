#pragma once

#include "site/siteprofile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vigil {

// The fields of the site profile, shared by the Site page and the first-start dialog.
// Problems are shown beside the field as the user types, not after Save.
class SiteProfileForm : public QWidget
{
    Q_OBJECT

public:
    explicit SiteProfileForm(QWidget *parent = nullptr);

    void setProfile(const SiteProfile &profile);
    SiteProfile profile() const;
    bool isValid() const;

signals:
    void edited();

private:
    void chooseLogo();
    void setLogo(const QByteArray &png);
    void validate();

    QLineEdit *m_name;
    QLabel *m_nameProblem;
    QPlainTextEdit *m_address;
    QLabel *m_logoPreview;
    QLabel *m_logoProblem;
    QPushButton *m_removeLogo;
    QComboBox *m_paper;
    QByteArray m_logo;
    QString m_uuid;
};

} // namespace vigil
