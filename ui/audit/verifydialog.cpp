#include "verifydialog.h"

#include "storage/database.h"
#include "storage/healthcheck.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

namespace vigil {

VerifyRecordsDialog::VerifyRecordsDialog(const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_step(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_headline(new QLabel(this))
    , m_details(new QListWidget(this))
{
    setObjectName(QStringLiteral("verifyRecordsDialog"));
    setWindowTitle(tr("Verify Records"));
    auto *intro = new QLabel(tr("Checks %1 without changing it: the file's integrity, its structure, every record "
                                "against the audit trail, and the audit trail's seals, entry by entry.")
                                 .arg(QFileInfo(path).fileName()),
        this);
    intro->setWordWrap(true);
    m_step->setObjectName(QStringLiteral("verifyStep"));
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_headline->setObjectName(QStringLiteral("verifyHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_details->setObjectName(QStringLiteral("verifyDetails"));
    m_details->setWordWrap(true);
    m_details->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("verifyCancel"));
    m_again = buttons->addButton(tr("Check &Again"), QDialogButtonBox::ActionRole);
    m_again->setObjectName(QStringLiteral("verifyAgain"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("verifyClose"));
    connect(m_cancel, &QPushButton::clicked, this, &VerifyRecordsDialog::cancel);
    connect(m_again, &QPushButton::clicked, this, &VerifyRecordsDialog::start);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_step);
    layout->addWidget(m_progress);
    layout->addWidget(m_headline);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

VerifyRecordsDialog::~VerifyRecordsDialog()
{
    // The worker posts to this dialog: it must be gone first.
    if (m_thread) {
        *m_stop = true;
        m_thread->wait();
    }
}

bool VerifyRecordsDialog::isRunning() const
{
    return m_thread != nullptr;
}

void VerifyRecordsDialog::start()
{
    if (m_thread)
        return;
    m_details->clear();
    m_headline->clear();
    m_step->setText(tr("Starting…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancel->setDefault(true);
    m_again->setEnabled(false);

    m_stop = std::make_shared<std::atomic_bool>(false);
    auto report = std::make_shared<HealthReport>();
    const QString path = m_path;
    const std::shared_ptr<std::atomic_bool> stop = m_stop;
    // The worker opens a read-only connection of its own: a connection belongs to one thread,
    // and the window may go on saving while the check runs (it sees the file as it was when
    // each step began).
    m_thread = QThread::create([this, path, stop, report] {
        QElapsedTimer sinceReport;
        sinceReport.start();
        const HealthProgress progress = [&](const QString &step, qint64 done, qint64 total) {
            if (sinceReport.elapsed() >= 50 || done == total) {
                sinceReport.restart();
                QMetaObject::invokeMethod(
                    this, [this, step, done, total] { showProgress(step, done, total); }, Qt::QueuedConnection);
            }
            return !*stop;
        };
        try {
            const std::unique_ptr<Database> db = Database::open(path, OpenMode::Inspect);
            *report = checkHealth(*db, progress);
        } catch (const Error &e) {
            report->problems.append(e.message());
        }
    });
    connect(m_thread, &QThread::finished, this, [this, report] {
        m_thread->deleteLater();
        m_thread = nullptr;
        showReport(*report);
        emit checkFinished();
    });
    m_thread->start(QThread::LowPriority);
}

void VerifyRecordsDialog::showProgress(const QString &step, qint64 done, qint64 total)
{
    if (!m_thread)
        return;
    m_step->setText(step);
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
}

void VerifyRecordsDialog::showReport(const HealthReport &report)
{
    m_progress->hide();
    m_step->clear();
    m_cancel->setEnabled(false);
    m_again->setEnabled(true);
    m_close->setDefault(true);
    if (report.cancelled) {
        m_headline->setText(tr("The check was stopped before the end; nothing is claimed about what it did not reach."));
    } else if (report.healthy()) {
        m_headline->setText(tr("All records verified: the file is sound and the audit trail is intact."));
    } else {
        m_headline->setText(tr("%n problems found. The file may have been changed outside Vigil or damaged; keep a "
                               "copy of it as it is, and compare it with a backup.",
            nullptr, int(report.problems.size())));
    }
    const QIcon problemIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon passedIcon = style()->standardIcon(QStyle::SP_DialogApplyButton);
    for (const QString &line : report.problems)
        new QListWidgetItem(problemIcon, line, m_details);
    for (const QString &line : report.passed)
        new QListWidgetItem(passedIcon, line, m_details);
}

void VerifyRecordsDialog::cancel()
{
    if (!m_thread)
        return;
    *m_stop = true;
    m_step->setText(tr("Stopping…"));
    m_cancel->setEnabled(false);
}

void VerifyRecordsDialog::reject()
{
    cancel();
    QDialog::reject();
}

} // namespace vigil
