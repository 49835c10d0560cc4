#include "riskeditor.h"

#include "base/clock.h"
#include "base/error.h"
#include "catalogues/cataloguedialog.h"
#include "commands/riskcommands.h"
#include "people/person.h"
#include "risks/criteriarepository.h"
#include "risks/ratingpicker.h"
#include "risks/riskcatalogues.h"
#include "risks/riskrepository.h"
#include "widgets/historyview.h"
#include "widgets/optionaldate.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {


QPlainTextEdit *textBox(QWidget *parent, const QString &objectName, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 10);
    return edit;
}

QList<qint64> checkedIds(const QListWidget *list)
{
    QList<qint64> ids;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids.append(list->item(i)->data(Qt::UserRole).toLongLong());
    }
    return ids;
}

} // namespace

RiskEditor::RiskEditor(const ModuleContext &context, const Risk &risk, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_original(risk)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("riskEditor"));
    setWindowTitle(risk.id ? tr("%1 – %2").arg(risk.reference, risk.title) : tr("New Risk"));

    auto *riskTab = new QWidget(m_tabs);
    auto *linksTab = new QWidget(m_tabs);
    m_history = new HistoryView(context.db, m_tabs);
    buildRiskTab(riskTab);
    buildLinksTab(linksTab);
    m_tabs->addTab(riskTab, tr("&Risk"));
    m_tabs->addTab(linksTab, tr("&Controls and Assets"));
    m_tabs->addTab(m_history, tr("&History"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveRisk"));
    buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Save (Ctrl+S or Ctrl+Enter)"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RiskEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addSaveKeys(this, [this] { accept(); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);

    fillChoices();
    load(risk);
    // Named as the form names them, not by stored id or key.
    m_history->showRecord(risk.uuid, riskFieldTitle, [this](const QString &field, const QVariant &value) -> QString {
        if (field == QLatin1String("owner_id") || field == QLatin1String("threat_id")) {
            QComboBox *combo = field == QLatin1String("owner_id") ? m_owner : m_threat;
            const int index = combo->findData(value.toLongLong());
            return index > 0 ? combo->itemText(index) : QString();
        }
        if (field == QLatin1String("status")) {
            RiskStatus status;
            return riskStatusFromKey(value.toString(), &status) ? riskStatusTitle(status) : QString();
        }
        if (field == QLatin1String("treatment")) {
            Treatment treatment;
            return treatmentFromKey(value.toString(), &treatment) ? treatmentTitle(treatment) : QString();
        }
        return {};
    });
    m_title->setFocus();
    resize(QSize(980, 700).boundedTo(parent ? parent->window()->size() * 0.95 : QSize(980, 700)));
}

QLabel *RiskEditor::problemLabel(const QString &field)
{
    QLabel *label = vigil::problemLabel(field + QStringLiteral("Problem"), this);
    m_problems.insert(field, label);
    return label;
}

void RiskEditor::buildRiskTab(QWidget *tab)
{
    m_title = new QLineEdit(tab);
    m_title->setObjectName(QStringLiteral("riskTitle"));
    m_title->setPlaceholderText(tr("What could happen, in a few words"));
    m_category = new QComboBox(tab);
    m_category->setObjectName(QStringLiteral("riskCategory"));
    m_category->setEditable(true);
    m_category->setInsertPolicy(QComboBox::NoInsert);
    m_threat = new QComboBox(tab);
    m_threat->setObjectName(QStringLiteral("riskThreat"));
    m_threat->setEditable(true);
    m_threat->setInsertPolicy(QComboBox::NoInsert);
    m_threat->completer()->setFilterMode(Qt::MatchContains);
    m_threat->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_vulnerability = new QLineEdit(tab);
    m_vulnerability->setObjectName(QStringLiteral("riskVulnerability"));
    m_vulnerability->setPlaceholderText(tr("The weakness the threat would exploit"));
    m_description = textBox(tab, QStringLiteral("riskDescription"), 3);
    m_owner = new QComboBox(tab);
    m_owner->setObjectName(QStringLiteral("riskOwner"));
    m_treatment = new QComboBox(tab);
    m_treatment->setObjectName(QStringLiteral("riskTreatment"));
    for (Treatment t : {Treatment::Reduce, Treatment::Avoid, Treatment::Transfer, Treatment::Accept})
        m_treatment->addItem(treatmentTitle(t), int(t));
    m_justification = textBox(tab, QStringLiteral("riskJustification"), 2);
    m_justification->setPlaceholderText(tr("Required when the risk is accepted: why it is tolerable"));
    m_status = new QComboBox(tab);
    m_status->setObjectName(QStringLiteral("riskStatus"));
    for (RiskStatus s : {RiskStatus::Open, RiskStatus::InTreatment, RiskStatus::Accepted, RiskStatus::Closed})
        m_status->addItem(riskStatusTitle(s), int(s));
    m_reviewMonths = new QSpinBox(tab);
    m_reviewMonths->setObjectName(QStringLiteral("riskReviewMonths"));
    m_reviewMonths->setRange(0, 60);
    m_reviewMonths->setSpecialValueText(tr("No fixed frequency"));
    m_reviewMonths->setSuffix(tr(" months"));
    m_reviewDate = new QDateEdit(tab);
    m_reviewDate->setObjectName(QStringLiteral("riskReviewDate"));
    makeDateOptional(m_reviewDate, tr("Not set"));
    auto *nextReview = new QPushButton(tr("From &today"), tab);
    nextReview->setToolTip(tr("Set the next review to today plus the review frequency"));
    connect(nextReview, &QPushButton::clicked, this, [this] {
        const int months = m_reviewMonths->value() > 0 ? m_reviewMonths->value() : 12;
        m_reviewDate->setDate(Clock::current().today().addMonths(months));
    });
    auto *reviewRow = new QHBoxLayout;
    reviewRow->addWidget(m_reviewDate, 1);
    reviewRow->addWidget(nextReview);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(QString(), problemLabel(QStringLiteral("title")));
    form->addRow(tr("Cate&gory:"), m_category);
    form->addRow(tr("T&hreat:"), m_threat);
    form->addRow(tr("&Vulnerability:"), m_vulnerability);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("Trea&tment:"), m_treatment);
    form->addRow(tr("&Justification:"), m_justification);
    form->addRow(QString(), problemLabel(QStringLiteral("justification")));
    form->addRow(tr("&Status:"), m_status);
    form->addRow(QString(), problemLabel(QStringLiteral("status")));
    form->addRow(tr("Review &every:"), m_reviewMonths);
    form->addRow(QString(), problemLabel(QStringLiteral("reviewMonths")));
    auto *reviewLabel = new QLabel(tr("&Next review:"), tab);
    reviewLabel->setBuddy(m_reviewDate);
    form->addRow(reviewLabel, reviewRow);

    m_inherent = new RatingPicker(tr("Inherent (no controls)"), false, tab);
    m_inherent->setObjectName(QStringLiteral("inherentRating"));
    m_residual = new RatingPicker(tr("Residual (controls in place)"), false, tab);
    m_residual->setObjectName(QStringLiteral("residualRating"));
    m_target = new RatingPicker(tr("Target (after planned controls)"), true, tab);
    m_target->setObjectName(QStringLiteral("targetRating"));
    auto *ratings = new QVBoxLayout;
    ratings->setSpacing(10);
    ratings->addWidget(m_inherent);
    ratings->addWidget(problemLabel(QStringLiteral("inherent")));
    ratings->addWidget(m_residual);
    ratings->addWidget(problemLabel(QStringLiteral("residual")));
    ratings->addWidget(m_target);
    ratings->addWidget(problemLabel(QStringLiteral("target")));
    ratings->addStretch();

    auto *formColumn = new QVBoxLayout;
    formColumn->addLayout(form);
    formColumn->addStretch();
    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(formColumn, 3);
    layout->addSpacing(16);
    layout->addLayout(ratings, 2);

    for (QLineEdit *edit : {m_title, m_vulnerability})
        connect(edit, &QLineEdit::textEdited, this, &RiskEditor::validate);
    for (QPlainTextEdit *edit : {m_description, m_justification})
        connect(edit, &QPlainTextEdit::textChanged, this, &RiskEditor::validate);
    for (QComboBox *combo : {m_treatment, m_status, m_owner})
        connect(combo, &QComboBox::currentIndexChanged, this, &RiskEditor::validate);
    connect(m_reviewMonths, &QSpinBox::valueChanged, this, &RiskEditor::validate);
    for (RatingPicker *picker : {m_inherent, m_residual, m_target})
        connect(picker, &RatingPicker::ratingChanged, this, &RiskEditor::validate);
}

void RiskEditor::buildLinksTab(QWidget *tab)
{
    auto makeList = [&](const QString &objectName, const QString &title, const QString &hint, bool control) {
        auto *box = new QGroupBox(title, tab);
        auto *filter = new QLineEdit(box);
        filter->setPlaceholderText(tr("Filter"));
        filter->setClearButtonEnabled(true);
        auto *list = new QListWidget(box);
        list->setObjectName(objectName);
        auto *add = new QPushButton(control ? tr("New Co&ntrol…") : tr("New A&sset…"), box);
        auto *note = new QLabel(hint, box);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        auto *layout = new QVBoxLayout(box);
        layout->addWidget(note);
        layout->addWidget(filter);
        layout->addWidget(list, 1);
        layout->addWidget(add, 0, Qt::AlignLeft);
        connect(filter, &QLineEdit::textChanged, list, [list](const QString &text) {
            for (int i = 0; i < list->count(); ++i)
                list->item(i)->setHidden(!list->item(i)->text().contains(text, Qt::CaseInsensitive));
        });
        connect(add, &QPushButton::clicked, this, [this, control] { newCatalogueItem(control); });
        return std::pair {box, list};
    };
    auto [controlsBox, controls] = makeList(QStringLiteral("riskControls"), tr("Controls"),
        tr("Tick the controls that act on this risk. Implemented ones are its existing controls, planned ones its "
           "planned controls."),
        true);
    auto [assetsBox, assets] = makeList(QStringLiteral("riskAssets"), tr("Affected assets"),
        tr("Tick what the risk would harm."), false);
    m_controls = controls;
    m_assets = assets;
    auto *layout = new QHBoxLayout(tab);
    layout->addWidget(controlsBox);
    layout->addWidget(assetsBox);
}

void RiskEditor::fillChoices()
{
    Database &db = m_context.db;
    const QString category = m_category->currentText();
    m_category->clear();
    QStringList categories = RiskRepository(db).categories();
    for (const QString &standard : {tr("Theft and crime"), tr("Intrusion"), tr("Violence and threats"), tr("Fire"),
             tr("Safety"), tr("Natural hazard"), tr("Utilities"), tr("Security systems"), tr("Information security"),
             tr("Fraud"), tr("Access control"), tr("Personnel"), tr("Compliance")}) {
        if (!categories.contains(standard, Qt::CaseInsensitive))
            categories.append(standard);
    }
    categories.sort(Qt::CaseInsensitive);
    m_category->addItems(categories);
    m_category->setCurrentText(category);

    m_threat->clear();
    m_threat->addItem(tr("(none)"), 0);
    for (const Threat &threat : ThreatRepository(db).list()) {
        m_threat->addItem(QStringLiteral("%1 – %2").arg(threat.category, threat.name), threat.id);
        m_threat->setItemData(m_threat->count() - 1, threat.description, Qt::ToolTipRole);
    }
    m_owner->clear();
    m_owner->addItem(tr("(nobody yet)"), 0);
    const QHash<qint64, QString> labels = personLabels(db);
    for (const Person &person : PeopleRepository(db).list())
        m_owner->addItem(labels.value(person.id), person.id);

    const QList<qint64> controls = checkedIds(m_controls);
    const QList<qint64> assets = checkedIds(m_assets);
    m_controls->clear();
    for (const Control &control : ControlRepository(db).list()) {
        auto *item = new QListWidgetItem(tr("%1 – %2, %3").arg(control.name, controlStatusTitle(control.status),
                                             controlTypeTitle(control.type).toLower()),
            m_controls);
        item->setData(Qt::UserRole, control.id);
        item->setCheckState(controls.contains(control.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_assets->clear();
    for (const Asset &asset : AssetRepository(db).list()) {
        auto *item = new QListWidgetItem(asset.location.isEmpty() ? asset.name : tr("%1 (%2)").arg(asset.name, asset.location),
            m_assets);
        item->setData(Qt::UserRole, asset.id);
        item->setCheckState(assets.contains(asset.id) ? Qt::Checked : Qt::Unchecked);
    }
}

void RiskEditor::load(const Risk &risk)
{
    RiskCriteria criteria;
    try {
        criteria = risk.criteriaId ? RiskCriteriaRepository(m_context.db).byId(risk.criteriaId)
                                   : RiskCriteriaRepository(m_context.db).current();
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
    for (RatingPicker *picker : {m_inherent, m_residual, m_target})
        picker->setCriteria(criteria);
    m_title->setText(risk.title);
    m_category->setCurrentText(risk.category);
    selectData(m_threat, risk.threatId);
    m_vulnerability->setText(risk.vulnerability);
    m_description->setPlainText(risk.description);
    // An inactive owner still shows, so a save does not silently drop them.
    if (risk.ownerId && m_owner->findData(risk.ownerId) < 0) {
        if (const auto person = PeopleRepository(m_context.db).load(risk.ownerId))
            m_owner->addItem(tr("%1 (inactive)").arg(person->name), person->id);
    }
    selectData(m_owner, risk.ownerId);
    selectData(m_treatment, int(risk.treatment));
    m_justification->setPlainText(risk.justification);
    selectData(m_status, int(risk.status));
    m_reviewMonths->setValue(risk.reviewMonths);
    setOptionalDate(m_reviewDate, risk.reviewDate);
    m_inherent->setRating(risk.inherent);
    m_residual->setRating(risk.residual);
    m_target->setRating(risk.target);
    for (QListWidget *list : {m_controls, m_assets}) {
        const QList<qint64> &ids = list == m_controls ? risk.controlIds : risk.assetIds;
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(ids.contains(list->item(i)->data(Qt::UserRole).toLongLong()) ? Qt::Checked
                                                                                                       : Qt::Unchecked);
    }
    validate();
}

Risk RiskEditor::risk() const
{
    Risk r = m_original;
    r.title = m_title->text().trimmed();
    r.category = m_category->currentText().trimmed();
    r.threatId = m_threat->currentData().toLongLong();
    // A typed threat name that matches no entry is not kept silently.
    if (m_threat->currentIndex() < 0 || m_threat->itemText(m_threat->currentIndex()) != m_threat->currentText())
        r.threatId = 0;
    r.vulnerability = m_vulnerability->text().trimmed();
    r.description = m_description->toPlainText().trimmed();
    r.ownerId = m_owner->currentData().toLongLong();
    r.treatment = Treatment(m_treatment->currentData().toInt());
    r.justification = m_justification->toPlainText().trimmed();
    r.status = RiskStatus(m_status->currentData().toInt());
    r.reviewMonths = m_reviewMonths->value();
    r.reviewDate = optionalDate(m_reviewDate);
    r.inherent = m_inherent->rating();
    r.residual = m_residual->rating();
    r.target = m_target->rating();
    r.controlIds = checkedIds(m_controls);
    r.assetIds = checkedIds(m_assets);
    return r;
}

void RiskEditor::validate()
{
    QList<FieldProblem> problems;
    try {
        problems = RiskRepository(m_context.db).problems(risk());
    } catch (const Error &e) {
        problems.append({QStringLiteral("title"), e.message()});
    }
    for (QLabel *label : std::as_const(m_problems))
        label->hide();
    m_justification->setEnabled(m_treatment->currentData().toInt() == int(Treatment::Accept)
        || !m_justification->toPlainText().isEmpty());
    if (!m_showProblems)
        return;
    for (const FieldProblem &problem : problems) {
        if (QLabel *label = m_problems.value(problem.field)) {
            label->setText(problem.message);
            label->show();
        }
    }
}

void RiskEditor::accept()
{
    m_showProblems = true;
    validate();
    const Risk edited = risk();
    const QList<FieldProblem> problems = RiskRepository(m_context.db).problems(edited);
    if (!problems.isEmpty()) {
        m_tabs->setCurrentIndex(0);
        if (QLabel *label = m_problems.value(problems.first().field))
            label->setFocus();
        return;
    }
    if (edited.id == 0) {
        const std::optional<qint64> id = commands::createRisk(m_context, edited);
        if (!id)
            return;
        m_savedId = *id;
    } else {
        if (!commands::editRisk(m_context, m_original, edited))
            return;
        m_savedId = edited.id;
    }
    QDialog::accept();
}

void RiskEditor::newCatalogueItem(bool control)
{
    CatalogueDialog dialog(m_context, control ? CatalogueDialog::Kind::Controls : CatalogueDialog::Kind::Assets, this);
    dialog.startNewItem();
    dialog.exec();
    fillChoices();
    // What was just created is what the user wants ticked.
    if (dialog.lastSavedId() > 0) {
        QListWidget *list = control ? m_controls : m_assets;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toLongLong() == dialog.lastSavedId())
                list->item(i)->setCheckState(Qt::Checked);
        }
    }
}

} // namespace vigil
