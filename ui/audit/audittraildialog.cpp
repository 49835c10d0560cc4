#include "audittraildialog.h"

#include "audit/audittrailmodel.h"
#include "base/timeformat.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "widgets/historyview.h"
#include "widgets/optionaldate.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

AuditTrailDialog::AuditTrailDialog(const ModuleContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_model(new AuditTrailModel(context.db, context.host.modules(), this))
    , m_record(new QLineEdit(this))
    , m_person(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("auditTrailDialog"));
    setWindowTitle(tr("Audit Trail"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);

    m_record->setObjectName(QStringLiteral("auditFilterRecord"));
    m_record->setPlaceholderText(tr("Reference, name or title"));
    m_record->setClearButtonEnabled(true);
    m_person->setObjectName(QStringLiteral("auditFilterPerson"));
    m_type->setObjectName(QStringLiteral("auditFilterType"));
    m_action->setObjectName(QStringLiteral("auditFilterAction"));
    m_from->setObjectName(QStringLiteral("auditFilterFrom"));
    m_to->setObjectName(QStringLiteral("auditFilterTo"));
    m_count->setObjectName(QStringLiteral("auditCount"));

    m_person->addItem(tr("Anyone"));
    m_type->addItem(tr("Any record"));
    try {
        AuditLog log(context.db);
        for (const QString &actor : log.actors())
            m_person->addItem(actor, actor);
        QList<std::pair<QString, QString>> types;
        for (const QString &entity : log.entities())
            types.append({m_model->entityTitle(entity), entity});
        std::sort(types.begin(), types.end(),
            [](const auto &a, const auto &b) { return a.first.localeAwareCompare(b.first) < 0; });
        for (const auto &[title, entity] : types)
            m_type->addItem(title, entity);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
    m_action->addItem(tr("Any action"));
    for (AuditAction action : {AuditAction::Create, AuditAction::Update, AuditAction::Retire, AuditAction::Reinstate,
             AuditAction::Delete})
        m_action->addItem(auditActionTitle(action), auditActionKey(action));
    for (QDateEdit *edit : {m_from, m_to}) {
        makeDateOptional(edit, tr("any day"));
        setOptionalDate(edit, {});
    }

    auto *filters = new QGridLayout;
    auto addFilter = [&](int row, int column, const QString &label, QWidget *editor) {
        auto *title = new QLabel(label, this);
        title->setBuddy(editor);
        filters->addWidget(title, row, column * 2);
        filters->addWidget(editor, row, column * 2 + 1);
    };
    addFilter(0, 0, tr("&Record:"), m_record);
    addFilter(0, 1, tr("T&ype:"), m_type);
    addFilter(0, 2, tr("&Action:"), m_action);
    addFilter(1, 0, tr("&Person:"), m_person);
    addFilter(1, 1, tr("&From:"), m_from);
    addFilter(1, 2, tr("&To:"), m_to);
    filters->setColumnStretch(1, 2);
    filters->setColumnStretch(3, 1);
    filters->setColumnStretch(5, 1);
    auto *clear = new QPushButton(tr("&Clear Filters"), this);
    clear->setObjectName(QStringLiteral("auditFilterClear"));
    filters->addWidget(clear, 1, 6);

    setupRegisterTable(m_table, QStringLiteral("auditTable"));
    m_table->setSortingEnabled(false); // newest first, always: the order of the trail
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AuditTrailModel::When, 130);
    m_table->setColumnWidth(AuditTrailModel::Who, 110);
    m_table->setColumnWidth(AuditTrailModel::Action, 150);
    m_table->setColumnWidth(AuditTrailModel::RecordType, 130);
    m_table->setColumnWidth(AuditTrailModel::Record, 220);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Return in a filter applies it; it must not close the window.
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    clear->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(1100, 640);

    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &AuditTrailDialog::applyFilter);
    connect(m_record, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_record, &QLineEdit::returnPressed, this, &AuditTrailDialog::applyFilter);
    for (QComboBox *combo : {m_person, m_type, m_action})
        connect(combo, &QComboBox::currentIndexChanged, this, &AuditTrailDialog::applyFilter);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &AuditTrailDialog::applyFilter);
    connect(clear, &QPushButton::clicked, this, &AuditTrailDialog::clearFilter);
    connect(m_model, &AuditTrailModel::readFailed, this, [this](const QString &message) { m_context.host.showError(message); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditTrailDialog::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditTrailDialog::updateCount);
    // New entries appear at the top as they are written.
    connect(&context.db.notifier(), &ChangeNotifier::changed, this, [this](const QString &entity) {
        if (entity == QLatin1String("audit_log"))
            applyFilter();
    });
    applyFilter();
}

void AuditTrailDialog::applyFilter()
{
    m_typing->stop();
    AuditFilter filter;
    filter.record = m_record->text().trimmed();
    filter.actor = m_person->currentData().toString();
    filter.entity = m_type->currentData().toString();
    filter.action = m_action->currentData().toString();
    // The dates are the user's days: from the start of the first to the end of the last.
    const QDate from = optionalDate(m_from);
    const QDate to = optionalDate(m_to);
    if (from.isValid())
        filter.fromUtc = toStoredUtc(from.startOfDay());
    if (to.isValid())
        filter.toUtc = toStoredUtc(to.addDays(1).startOfDay());
    m_model->setFilter(filter);
}

void AuditTrailDialog::clearFilter()
{
    for (QWidget *w : std::initializer_list<QWidget *> {m_record, m_person, m_type, m_action, m_from, m_to})
        w->blockSignals(true);
    m_record->clear();
    m_person->setCurrentIndex(0);
    m_type->setCurrentIndex(0);
    m_action->setCurrentIndex(0);
    setOptionalDate(m_from, {});
    setOptionalDate(m_to, {});
    for (QWidget *w : std::initializer_list<QWidget *> {m_record, m_person, m_type, m_action, m_from, m_to})
        w->blockSignals(false);
    applyFilter();
}

void AuditTrailDialog::updateCount()
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        m_count->setText(tr("No entries match."));
    else if (m_model->canFetchMore({}))
        m_count->setText(tr("The newest %n entries; more load as you scroll.", nullptr, rows));
    else
        m_count->setText(tr("%n entries.", nullptr, rows));
}

} // namespace vigil
