#include "reportdialog.h"

#include "base/clock.h"
#include "base/error.h"
#include "shell/dialogs.h"
#include "storage/database.h"
#include "widgets/periodchoice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace vigil {
ReportDialog::ReportDialog(const ModuleContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_preparedBy(new QLineEdit(this))
    , m_archival(new QCheckBox(tr("&Archival PDF (PDF/A-1b)"), this))
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Management Review Report"));
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    fillPeriodChoices(m_period);
    const QDate today = Clock::current().today();
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setEnabled(false);
    }
    m_from->setDate(QDate(today.year(), today.month(), 1).addMonths(-1));
    m_to->setDate(QDate(today.year(), today.month(), 1).addDays(-1));
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = isCustomPeriod(m_period);
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
    });
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    range->addStretch(1);

    m_preparedBy->setObjectName(QStringLiteral("reportPreparedBy"));
    m_preparedBy->setText(context.db.actor());
    m_archival->setObjectName(QStringLiteral("reportArchival"));
    m_archival->setToolTip(tr("For keeping: fonts embedded and the document described in the PDF/A way."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Period:"), m_period);
    form->addRow(QString(), range);
    form->addRow(tr("Prepared &by:"), m_preparedBy);

    auto *sections = new QGroupBox(tr("Sections"), this);
    auto *sectionLayout = new QVBoxLayout(sections);
    for (ReportSection section : allReportSections) {
        auto *box = new QCheckBox(reportSectionTitle(section), sections);
        box->setObjectName(QStringLiteral("reportSection_%1").arg(reportSectionKey(section)));
        box->setChecked(true);
        sectionLayout->addWidget(box);
        m_sections.insert(section, box);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *preview = buttons->addButton(tr("Pre&view…"), QDialogButtonBox::ActionRole);
    preview->setObjectName(QStringLiteral("reportPreview"));
    QPushButton *print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    print->setObjectName(QStringLiteral("reportPrint"));
    QPushButton *save = buttons->addButton(tr("&Save PDF…"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("reportSavePdf"));
    save->setDefault(true);
    connect(preview, &QPushButton::clicked, this, &ReportDialog::preview);
    connect(print, &QPushButton::clicked, this, &ReportDialog::print);
    connect(save, &QPushButton::clicked, this, &ReportDialog::savePdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(sections);
    layout->addWidget(m_archival);
    layout->addWidget(buttons);
}

ReportOptions ReportDialog::options() const
{
    ReportOptions o;
    const QDate today = Clock::current().today();
    o.period = chosenPeriod(m_period, m_from->date(), m_to->date(), today);
    o.sections.clear();
    for (ReportSection section : allReportSections) {
        if (m_sections.value(section)->isChecked())
            o.sections.append(section);
    }
    o.preparedBy = m_preparedBy->text().trimmed();
    o.archival = m_archival->isChecked();
    return o;
}

bool ReportDialog::paint(QPrinter *printer)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        ReportDocument report(m_context.db, options());
        printer->setPageSize(QPageSize(report.letterPaper() ? QPageSize::Letter : QPageSize::A4));
        printer->setPageMargins(QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter);
        printer->setDocName(report.title());
        report.print(printer);
    } catch (const Error &e) {
        QGuiApplication::restoreOverrideCursor();
        m_context.host.showError(e.message());
        return false;
    }
    QGuiApplication::restoreOverrideCursor();
    return true;
}

void ReportDialog::preview()
{
    if (options().sections.isEmpty()) {
        m_context.host.showError(tr("Choose at least one section."));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Report Preview"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) { paint(p); });
    dialog.exec();
}

void ReportDialog::print()
{
    if (options().sections.isEmpty()) {
        m_context.host.showError(tr("Choose at least one section."));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        paint(&printer);
}

void ReportDialog::savePdf()
{
    const ReportOptions o = options();
    if (o.sections.isEmpty()) {
        m_context.host.showError(tr("Choose at least one section."));
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(tr("management-review-%1.pdf").arg(o.period.key()));
    const QString path = dialogs::saveFileName(this, tr("Save Report as PDF"), suggested, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        writeReportPdf(m_context.db, o, path, OutputOptions {true, {}}); // the save dialog asked before replacing
    } catch (const Error &e) {
        QGuiApplication::restoreOverrideCursor();
        m_context.host.showError(e.message());
        return;
    }
    QGuiApplication::restoreOverrideCursor();
    m_context.host.showStatus(tr("Saved the report for %1 to %2.").arg(o.period.key(), QDir::toNativeSeparators(path)));
    accept();
}

} // namespace vigil
