#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace vigil::dialogs {

// Every message box and file dialog of Vigil goes through here, so that tests can answer them
// in advance (KeePassXC's MessageBox::setNextAnswer idea) instead of blocking on a modal window.

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
    QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
    QMessageBox::StandardButton defaultButton = QMessageBox::No);
void information(QWidget *parent, const QString &title, const QString &text);
void warning(QWidget *parent, const QString &title, const QString &text);
void critical(QWidget *parent, const QString &title, const QString &text);

// Asks for a line of text; empty with *ok false when cancelled.
QString askText(QWidget *parent, const QString &title, const QString &label, const QString &text, bool *ok);

QString openFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);
QString saveFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);
// A folder (the queued file name in test mode).
QString existingFolder(QWidget *parent, const QString &caption, const QString &dir);
// A save dialog offering several formats ("CSV (*.csv)", "Excel workbook (*.xlsx)"): starts on
// *selectedFilter (when it is one of filters) and path, changes the name's extension when another
// format is picked, and sets *selectedFilter to the format chosen. In test mode *selectedFilter
// is left as it was.
QString saveFileName(QWidget *parent, const QString &caption, const QString &path, const QStringList &filters,
    QString *selectedFilter);

// Test seams. With test mode on, messages are recorded instead of shown, questions take the
// queued answer (or their default), and file dialogs return the queued name (or nothing).
void setTestMode(bool on);
void setNextAnswer(QMessageBox::StandardButton answer);
void setNextFileName(const QString &fileName);
void setNextText(const QString &text); // a null QString answers Cancel
QStringList takeShownMessages();

} // namespace vigil::dialogs
