#pragma once

#include <QDialog>

namespace vigil {

// Version, the Qt and SQLite it runs on, licences and credits for shipped data.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace vigil
