#pragma once

#include "shell/module.h"
#include "training/training.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace vigil {

class HistoryView;

// One training record: who, which course, when, the result, the expiry (from the course's
// validity unless set by hand) and the certificate, with its history. Saves through the undo
// stack; a certificate chosen for a new record is stored in the same step.
class TrainingRecordDialog : public QDialog
{
    Q_OBJECT

public:
    TrainingRecordDialog(const ModuleContext &context, const TrainingRecord &record, QWidget *parent = nullptr);

    TrainingRecord record() const; // as the form shows it
    qint64 savedId() const { return m_savedId; }
    void accept() override;

private:
    void updateExpiry();
    void showCertificate();
    void chooseCertificate();
    void deleteRecord();

    ModuleContext m_context;
    TrainingRecord m_original;
    QComboBox *m_person;
    QComboBox *m_course;
    QDateEdit *m_completed;
    QComboBox *m_result;
    QSpinBox *m_score;
    QLineEdit *m_trainer;
    QCheckBox *m_expiryByHand;
    QDateEdit *m_expires;
    QLabel *m_expiryNote;
    QPlainTextEdit *m_notes;
    QLabel *m_certificate;
    QLabel *m_preview;
    QPushButton *m_openCertificate;
    QPushButton *m_saveCertificate;
    QPushButton *m_removeCertificate;
    QLabel *m_problem;
    HistoryView *m_history;
    // A certificate chosen but not stored yet (a new record), or a removal pending.
    QString m_pendingName;
    QByteArray m_pendingBytes;
    bool m_certificateChanged = false;
    qint64 m_savedId = 0;
};

} // namespace vigil
