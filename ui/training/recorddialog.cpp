#include "recorddialog.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/trainingcommands.h"
#include "incidents/attachmentsview.h"
#include "people/person.h"
#include "shell/dialogs.h"
#include "storage/attachments.h"
#include "storage/database.h"
#include "training/trainingrepository.h"
#include "widgets/historyview.h"
#include "widgets/optionaldate.h"
#include "widgets/registerwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vigil {

TrainingRecordDialog::TrainingRecordDialog(const ModuleContext &context, const TrainingRecord &record, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_original(record)
    , m_person(new QComboBox(this))
    , m_course(new QComboBox(this))
    , m_completed(new QDateEdit(this))
    , m_result(new QComboBox(this))
    , m_score(new QSpinBox(this))
    , m_trainer(new QLineEdit(this))
    , m_expiryByHand(new QCheckBox(tr("Set &by hand"), this))
    , m_expires(new QDateEdit(this))
    , m_expiryNote(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
    , m_certificate(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_openCertificate(new QPushButton(tr("&Open"), this))
    , m_saveCertificate(new QPushButton(tr("Save a &Copy…"), this))
    , m_removeCertificate(new QPushButton(tr("Re&move"), this))
    , m_problem(problemLabel(QStringLiteral("recordProblem"), this))
    , m_history(new HistoryView(context.db, this))
{
    setObjectName(QStringLiteral("trainingRecordDialog"));
    setWindowTitle(record.id ? tr("Training Record") : tr("Record Training"));
    m_person->setObjectName(QStringLiteral("recordPerson"));
    m_course->setObjectName(QStringLiteral("recordCourse"));
    m_completed->setObjectName(QStringLiteral("recordCompleted"));
    m_result->setObjectName(QStringLiteral("recordResult"));
    m_score->setObjectName(QStringLiteral("recordScore"));
    m_trainer->setObjectName(QStringLiteral("recordTrainer"));
    m_expiryByHand->setObjectName(QStringLiteral("recordExpiryByHand"));
    m_expires->setObjectName(QStringLiteral("recordExpires"));
    m_notes->setObjectName(QStringLiteral("recordNotes"));

    try {
        m_person->addItem(tr("(choose a person)"), 0);
        const QHash<qint64, QString> labels = personLabels(context.db);
        for (const Person &p : PeopleRepository(context.db).list(true)) {
            if (p.active || p.id == record.personId)
                m_person->addItem(p.active ? labels.value(p.id) : tr("%1 (left)").arg(p.name), p.id);
        }
        m_course->addItem(tr("(choose a course)"), 0);
        for (const Course &c : CourseRepository(context.db).list(true)) {
            if (c.active || c.id == record.courseId)
                m_course->addItem(c.name, c.id);
        }
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
    m_person->setEditable(true); // type part of a name
    m_person->setInsertPolicy(QComboBox::NoInsert);
    m_course->setEditable(true);
    m_course->setInsertPolicy(QComboBox::NoInsert);
    m_completed->setCalendarPopup(true);
    for (TrainingResult r : allTrainingResults)
        m_result->addItem(trainingResultTitle(r), int(r));
    m_score->setRange(-1, 100);
    m_score->setSpecialValueText(tr("No score"));
    m_score->setSuffix(tr(" %"));
    m_trainer->setPlaceholderText(tr("Name or company"));
    makeDateOptional(m_expires, tr("Never"));
    m_expiryNote->setObjectName(QStringLiteral("recordExpiryNote"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 3 + 12);
    m_certificate->setObjectName(QStringLiteral("recordCertificate"));
    m_preview->setObjectName(QStringLiteral("recordCertificatePreview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumHeight(0);

    auto *attach = new QPushButton(tr("&Attach…"), this);
    attach->setObjectName(QStringLiteral("recordAttachCertificate"));
    m_openCertificate->setObjectName(QStringLiteral("recordOpenCertificate"));
    m_saveCertificate->setObjectName(QStringLiteral("recordSaveCertificate"));
    m_removeCertificate->setObjectName(QStringLiteral("recordRemoveCertificate"));
    auto *certificateButtons = new QHBoxLayout;
    certificateButtons->addWidget(m_certificate, 1);
    certificateButtons->addWidget(attach);
    certificateButtons->addWidget(m_openCertificate);
    certificateButtons->addWidget(m_saveCertificate);
    certificateButtons->addWidget(m_removeCertificate);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expires, 1);
    expiryRow->addWidget(m_expiryByHand);

    auto *formPage = new QWidget(this);
    auto *form = new QFormLayout(formPage);
    form->addRow(tr("&Person:"), m_person);
    form->addRow(tr("Co&urse:"), m_course);
    form->addRow(tr("Co&mpleted on:"), m_completed);
    form->addRow(tr("&Result:"), m_result);
    form->addRow(tr("&Score:"), m_score);
    form->addRow(tr("&Trainer:"), m_trainer);
    auto *expiresLabel = new QLabel(tr("&Expires:"), this);
    expiresLabel->setBuddy(m_expires);
    form->addRow(expiresLabel, expiryRow);
    form->addRow(QString(), m_expiryNote);
    form->addRow(tr("&Notes:"), m_notes);
    form->addRow(tr("Certificate:"), certificateButtons);
    form->addRow(QString(), m_preview);
    form->addRow(QString(), m_problem);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(formPage, tr("Re&cord"));
    tabs->addTab(m_history, tr("&History"));
    if (record.id == 0)
        tabs->setTabEnabled(1, false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveRecord"));
    if (record.id) {
        QPushButton *remove = buttons->addButton(tr("&Delete…"), QDialogButtonBox::DestructiveRole);
        remove->setObjectName(QStringLiteral("deleteRecord"));
        connect(remove, &QPushButton::clicked, this, &TrainingRecordDialog::deleteRecord);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &TrainingRecordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addSaveKeys(this, [this] { accept(); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);

    selectData(m_person, record.personId);
    selectData(m_course, record.courseId);
    m_completed->setDate(record.completedOn.isValid() ? record.completedOn : Clock::current().today());
    selectData(m_result, int(record.result));
    m_score->setValue(record.score ? qRound(*record.score) : -1);
    m_trainer->setText(record.trainer);
    m_expiryByHand->setChecked(record.expirySetByHand);
    setOptionalDate(m_expires, record.expiresOn);
    m_notes->setPlainText(record.notes);
    if (record.id)
        // Named as the form names them, not by stored id or key.
        m_history->showRecord(record.uuid, trainingFieldTitle, [this](const QString &field, const QVariant &value) -> QString {
            if (field == QLatin1String("person_id") || field == QLatin1String("course_id")) {
                QComboBox *combo = field == QLatin1String("person_id") ? m_person : m_course;
                const int index = combo->findData(value.toLongLong());
                return index > 0 ? combo->itemText(index) : QString();
            }
            if (field == QLatin1String("result")) {
                TrainingResult result;
                return trainingResultFromKey(value.toString(), &result) ? trainingResultTitle(result) : QString();
            }
            if (field == QLatin1String("expiry_set_by_hand"))
                return value.toBool() ? tr("Yes") : tr("No");
            return {};
        });
    showCertificate();
    updateExpiry();

    connect(m_course, &QComboBox::currentIndexChanged, this, &TrainingRecordDialog::updateExpiry);
    connect(m_completed, &QDateEdit::dateChanged, this, &TrainingRecordDialog::updateExpiry);
    connect(m_expiryByHand, &QCheckBox::toggled, this, &TrainingRecordDialog::updateExpiry);
    connect(attach, &QPushButton::clicked, this, &TrainingRecordDialog::chooseCertificate);
    connect(m_openCertificate, &QPushButton::clicked, this, [this] {
        openStoredFile(m_context, m_original.certificateId, m_original.certificateName);
    });
    connect(m_saveCertificate, &QPushButton::clicked, this, [this] {
        saveStoredFileCopy(m_context, this, m_original.certificateId, m_original.certificateName);
    });
    connect(m_removeCertificate, &QPushButton::clicked, this, [this] {
        m_pendingName.clear();
        m_pendingBytes.clear();
        m_certificateChanged = m_original.certificateId > 0;
        showCertificate();
    });
    (record.personId ? static_cast<QWidget *>(m_course) : m_person)->setFocus();
    if (record.personId && record.courseId)
        m_completed->setFocus();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

// The expiry follows the course's validity unless the user set it by hand.
void TrainingRecordDialog::updateExpiry()
{
    m_expires->setEnabled(m_expiryByHand->isChecked());
    if (m_expiryByHand->isChecked()) {
        m_expiryNote->setText(tr("The course's validity no longer applies to this record."));
        return;
    }
    std::optional<Course> course;
    try {
        course = CourseRepository(m_context.db).load(m_course->currentData().toLongLong());
    } catch (const Error &) {
    }
    if (!course) {
        m_expiryNote->clear();
        return;
    }
    setOptionalDate(m_expires, expiryFor(m_completed->date(), course->validityMonths));
    m_expiryNote->setText(course->validityMonths
            ? tr("%1 is valid for %n months.", nullptr, *course->validityMonths).arg(course->name)
            : tr("%1 never expires.").arg(course->name));
}

void TrainingRecordDialog::showCertificate()
{
    const bool stored = m_original.certificateId > 0 && !m_certificateChanged;
    const bool pending = !m_pendingName.isEmpty();
    m_openCertificate->setEnabled(stored);
    m_saveCertificate->setEnabled(stored);
    m_removeCertificate->setEnabled(stored || pending);
    m_preview->clear();
    m_preview->hide();
    if (pending) {
        m_certificate->setText(tr("%1 (stored when you save)").arg(m_pendingName));
        const QImage image = QImage::fromData(m_pendingBytes);
        if (!image.isNull()) {
            m_preview->setPixmap(QPixmap::fromImage(image.scaled(320, 200, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            m_preview->show();
        }
        return;
    }
    if (!stored) {
        m_certificate->setText(m_certificateChanged ? tr("None (removed when you save)") : tr("None"));
        return;
    }
    m_certificate->setText(m_original.certificateName);
    try {
        const QImage thumbnail = QImage::fromData(AttachmentStore(m_context.db).thumbnail(m_original.certificateId));
        if (!thumbnail.isNull()) {
            m_preview->setPixmap(QPixmap::fromImage(thumbnail.scaled(320, 200, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            m_preview->show();
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
}

void TrainingRecordDialog::chooseCertificate()
{
    const QString path = dialogs::openFileName(this, tr("Attach a Certificate"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)"));
    if (path.isEmpty())
        return;
    QByteArray bytes;
    if (!readFileToStore(m_context, path, &bytes))
        return;
    m_pendingName = QFileInfo(path).fileName();
    m_pendingBytes = bytes;
    m_certificateChanged = true;
    showCertificate();
}

TrainingRecord TrainingRecordDialog::record() const
{
    TrainingRecord r = m_original;
    r.personId = m_person->currentData().toLongLong();
    r.courseId = m_course->currentData().toLongLong();
    r.completedOn = m_completed->date();
    r.result = TrainingResult(m_result->currentData().toInt());
    r.score = m_score->value() >= 0 ? std::optional<double>(m_score->value()) : std::nullopt;
    r.trainer = m_trainer->text().trimmed();
    r.expirySetByHand = m_expiryByHand->isChecked();
    r.expiresOn = optionalDate(m_expires);
    r.notes = m_notes->toPlainText().trimmed();
    return r;
}

void TrainingRecordDialog::accept()
{
    const TrainingRecord edited = record();
    QString problem;
    try {
        problem = TrainingRepository(m_context.db).problem(edited);
    } catch (const Error &e) {
        problem = e.message();
    }
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    // The record and its certificate: one step for Undo.
    const commands::CertificateChange certificate {m_certificateChanged, m_pendingName, m_pendingBytes};
    if (edited.id == 0) {
        const std::optional<qint64> id = commands::createTrainingRecord(m_context, edited, certificate);
        if (!id)
            return;
        m_savedId = *id;
    } else {
        if (!commands::editTrainingRecord(m_context, m_original, edited, certificate))
            return;
        m_savedId = edited.id;
    }
    QDialog::accept();
}

void TrainingRecordDialog::deleteRecord()
{
    const auto answer = dialogs::question(this, tr("Delete Training Record"),
        tr("Delete this record for good? Do this only for a record entered by mistake; a failed attempt is kept "
           "with the result Failed. You can undo the delete with Ctrl+Z."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes && commands::deleteTrainingRecord(m_context, m_original.id))
        QDialog::reject();
}

} // namespace vigil
