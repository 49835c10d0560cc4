#include "cataloguedialog.h"

#include "base/error.h"
#include "widgets/optionaldate.h"
#include "catalogues/catalogueadapters.h"
#include "people/person.h"
#include "training/trainingrepository.h"
#include "widgets/historyview.h"
#include "widgets/registerwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

std::unique_ptr<CatalogueAdapter> adapterFor(CatalogueDialog::Kind kind)
{
    switch (kind) {
    case CatalogueDialog::Kind::People:
        return peopleCatalogue();
    case CatalogueDialog::Kind::Threats:
        return threatCatalogue();
    case CatalogueDialog::Kind::Controls:
        return controlCatalogue();
    case CatalogueDialog::Kind::SiteAreas:
        return areaCatalogue();
    case CatalogueDialog::Kind::IncidentCategories:
        return incidentCategoryCatalogue();
    case CatalogueDialog::Kind::Posts:
        return postCatalogue();
    case CatalogueDialog::Kind::Employers:
        return employerCatalogue();
    case CatalogueDialog::Kind::Courses:
        return courseCatalogue();
    case CatalogueDialog::Kind::Assets:
        break;
    }
    return assetCatalogue();
}

} // namespace

CatalogueDialog::CatalogueDialog(const ModuleContext &context, Kind kind, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_adapter(adapterFor(kind))
    , m_filter(new QLineEdit(this))
    , m_showInactive(new QCheckBox(tr("Show &inactive"), this))
    , m_list(new QTreeWidget(this))
    , m_form(new QFormLayout)
    , m_problem(problemLabel(QStringLiteral("catalogueProblem"), this))
    , m_tabs(new QTabWidget(this))
    , m_history(new HistoryView(context.db, this))
{
    setObjectName(QStringLiteral("catalogueDialog"));
    setWindowTitle(m_adapter->windowTitle());
    m_filter->setObjectName(QStringLiteral("catalogueFilter"));
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("catalogueList"));
    m_list->setHeaderLabels(m_adapter->columns());
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(0, Qt::AscendingOrder);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);

    // The form: one editor per field, built from the adapter's description.
    QList<QPair<QString, QVariant>> people {{tr("(nobody)"), 0}};
    for (const Person &person : PeopleRepository(context.db).list())
        people.append({person.name, person.id});
    for (const CatalogueField &field : m_adapter->fields(context)) {
        QWidget *editor = nullptr;
        switch (field.type) {
        case CatalogueField::Type::Line:
            editor = new QLineEdit(this);
            break;
        case CatalogueField::Type::Text: {
            auto *text = new QPlainTextEdit(this);
            text->setTabChangesFocus(true);
            text->setFixedHeight(text->fontMetrics().lineSpacing() * 4 + 10);
            editor = text;
            break;
        }
        case CatalogueField::Type::Number: {
            auto *spin = new QSpinBox(this);
            spin->setRange(field.minimum, field.maximum);
            editor = spin;
            break;
        }
        case CatalogueField::Type::Choice:
        case CatalogueField::Type::Person: {
            auto *combo = new QComboBox(this);
            for (const auto &[title, value] : field.type == CatalogueField::Type::Person ? people : field.choices)
                combo->addItem(title, value);
            editor = combo;
            break;
        }
        case CatalogueField::Type::Date: {
            auto *date = new QDateEdit(this);
            makeDateOptional(date, tr("Not set"));
            editor = date;
            break;
        }
        }
        editor->setObjectName(QStringLiteral("field_%1").arg(field.key));
        editor->setProperty("fieldKey", field.key);
        m_form->addRow(field.label, editor);
        m_editors.append(editor);
    }
    m_problem->hide();

    auto *newButton = new QPushButton(tr("&New"), this);
    newButton->setObjectName(QStringLiteral("catalogueNew"));
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("catalogueSave"));
    m_save->setDefault(true);
    m_toggle = new QPushButton(this);
    m_toggle->setObjectName(QStringLiteral("catalogueToggleActive"));
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(newButton);
    formButtons->addWidget(m_toggle);
    formButtons->addStretch();
    if (kind == Kind::People) {
        // The people register as the list shows it (its filter, leavers when shown).
        auto *exportButton = new QPushButton(tr("E&xport…"), this);
        exportButton->setObjectName(QStringLiteral("catalogueExport"));
        exportButton->setToolTip(tr("Export the people listed to CSV or Excel (%1)")
                                     .arg(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText)));
        connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_E), this), &QShortcut::activated, exportButton, &QPushButton::click);
        connect(exportButton, &QPushButton::clicked, this, [this] {
            QSet<qint64> shown;
            for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
                const QTreeWidgetItem *item = m_list->topLevelItem(i);
                if (!item->isHidden())
                    shown.insert(item->data(0, Qt::UserRole).toLongLong());
            }
            exportRegister(m_context, this,
                {tr("Export People"), tr("people"), [this, shown] { return peopleExportTable(m_context.db, shown); },
                    [](int rows) { return tr("Exported %n people to %1.", nullptr, rows); }});
        });
        formButtons->addWidget(exportButton);
    }
    formButtons->addWidget(m_save);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_showInactive);
    leftLayout->addLayout(filterRow);
    leftLayout->addWidget(m_list);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(m_form);
    rightLayout->addWidget(m_problem);
    rightLayout->addLayout(formButtons);
    rightLayout->addStretch(1);
    m_tabs->setObjectName(QStringLiteral("catalogueTabs"));
    m_tabs->addTab(right, tr("&Details"));
    m_tabs->addTab(m_history, tr("Histor&y"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);
    resize(960, 600);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_list->topLevelItem(i);
            bool match = false;
            for (int c = 0; c < m_list->columnCount() && !match; ++c)
                match = item->text(c).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
        }
    });
    connect(m_showInactive, &QCheckBox::toggled, this, [this] { reload(m_currentId); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CatalogueDialog::showEntry);
    connect(newButton, &QPushButton::clicked, this, &CatalogueDialog::startNewItem);
    connect(m_save, &QPushButton::clicked, this, &CatalogueDialog::save);
    connect(m_toggle, &QPushButton::clicked, this, &CatalogueDialog::toggleActive);
    reload();
}

CatalogueDialog::~CatalogueDialog() = default;

void CatalogueDialog::reload(qint64 select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QTreeWidgetItem *selected = nullptr;
    for (const CatalogueEntry &entry : m_adapter->entries(m_context, m_showInactive->isChecked())) {
        QStringList cells = entry.cells;
        if (!entry.active)
            cells[0] = tr("%1 (inactive)").arg(cells.at(0));
        auto *item = new QTreeWidgetItem(m_list, cells);
        item->setData(0, Qt::UserRole, entry.id);
        item->setData(0, Qt::UserRole + 1, entry.values);
        item->setData(0, Qt::UserRole + 2, entry.active);
        item->setData(0, Qt::UserRole + 3, entry.uuid);
        if (!entry.active)
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
        if (entry.id == select)
            selected = item;
    }
    if (selected) {
        m_list->setCurrentItem(selected);
        showEntry();
    } else if (m_currentId == 0) {
        updateButtons();
    }
    m_filter->setText(m_filter->text()); // re-apply the filter to the new rows
    emit m_filter->textChanged(m_filter->text());
}

void CatalogueDialog::showEntry()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_currentId = item->data(0, Qt::UserRole).toLongLong();
    m_currentActive = item->data(0, Qt::UserRole + 2).toBool();
    const QVariantMap values = item->data(0, Qt::UserRole + 1).toMap();
    for (QWidget *editor : std::as_const(m_editors)) {
        const QVariant value = values.value(editor->property("fieldKey").toString());
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->setText(value.toString());
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            text->setPlainText(value.toString());
        else if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(value.toInt());
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentIndex(qMax(0, combo->findData(value)));
        else if (auto *date = qobject_cast<QDateEdit *>(editor))
            setOptionalDate(date, value.toDate());
    }
    m_problem->clear();
    m_problem->hide();
    updateButtons();
    showHistory(item->data(0, Qt::UserRole + 3).toString());
}

void CatalogueDialog::showHistory(const QString &uuid)
{
    // Fields are named as the module that owns the table names them, else as the form does;
    // a stored reference (post_id) reads as the choice the form offers for it.
    auto editorFor = [this](const QString &field) -> QWidget * {
        for (QWidget *editor : std::as_const(m_editors)) {
            const QString key = editor->property("fieldKey").toString();
            if (field == key || field == key + QStringLiteral("_id"))
                return editor;
        }
        return nullptr;
    };
    const QString entity = m_adapter->table();
    auto fieldTitle = [this, entity, editorFor](const QString &field) {
        for (const Module *module : m_context.host.modules()) {
            const QString title = module->fieldTitle(entity, field);
            if (!title.isEmpty())
                return title;
        }
        if (QWidget *editor = editorFor(field)) {
            if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(editor)))
                return label->text().remove(u'&').remove(u':');
        }
        return field;
    };
    auto valueText = [editorFor](const QString &field, const QVariant &value) -> QString {
        if (auto *combo = qobject_cast<QComboBox *>(editorFor(field))) {
            const int index = combo->findData(value);
            if (index >= 0)
                return combo->itemText(index);
        }
        return {};
    };
    try {
        m_history->showRecord(uuid, fieldTitle, valueText);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
}

void CatalogueDialog::startNewItem()
{
    m_list->setCurrentItem(nullptr);
    m_currentId = 0;
    m_currentActive = true;
    for (QWidget *editor : std::as_const(m_editors)) {
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->clear();
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            text->clear();
        else if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(spin->minimum() == 1 && spin->maximum() == 5 ? 3 : spin->minimum());
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentIndex(0);
        else if (auto *date = qobject_cast<QDateEdit *>(editor))
            setOptionalDate(date, {});
    }
    m_problem->clear();
    m_problem->hide();
    updateButtons();
    showHistory({});
    if (!m_editors.isEmpty())
        m_editors.first()->setFocus();
}

void CatalogueDialog::save()
{
    QVariantMap values;
    for (QWidget *editor : std::as_const(m_editors)) {
        const QString key = editor->property("fieldKey").toString();
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            values.insert(key, line->text().trimmed());
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            values.insert(key, text->toPlainText().trimmed());
        else if (auto *spin = qobject_cast<QSpinBox *>(editor))
            values.insert(key, spin->value());
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            values.insert(key, combo->currentData());
        else if (auto *date = qobject_cast<QDateEdit *>(editor))
            values.insert(key, optionalDate(date));
    }
    if (values.value(QStringLiteral("name")).toString().isEmpty()) {
        m_problem->setText(tr("A name is needed."));
        m_problem->show();
        return;
    }
    const std::optional<qint64> id = m_adapter->save(m_context, m_currentId, m_currentActive, values);
    if (!id)
        return;
    m_lastSavedId = *id;
    m_problem->clear();
    m_problem->hide();
    reload(*id);
}

void CatalogueDialog::toggleActive()
{
    if (m_currentId == 0)
        return;
    QTreeWidgetItem *item = m_list->currentItem();
    const QVariantMap values = item ? item->data(0, Qt::UserRole + 1).toMap() : QVariantMap();
    if (m_adapter->save(m_context, m_currentId, !m_currentActive, values)) {
        m_currentActive = !m_currentActive;
        if (!m_currentActive && !m_showInactive->isChecked())
            m_showInactive->setChecked(true); // keep the entry in view
        reload(m_currentId);
    }
}

void CatalogueDialog::updateButtons()
{
    m_toggle->setEnabled(m_currentId > 0);
    m_toggle->setText(m_currentActive ? tr("Make &Inactive") : tr("Make &Active"));
    m_toggle->setToolTip(tr("Inactive entries stay on the records that use them but are not offered for new ones."));
    m_save->setText(m_currentId > 0 ? tr("&Save") : tr("&Add"));
}

QMenu *catalogueMenu(const ModuleContext &context, const QString &title, const QList<CatalogueMenuEntry> &entries,
    QWidget *parent)
{
    auto *menu = new QMenu(title, parent);
    for (const CatalogueMenuEntry &entry : entries) {
        QAction *action = menu->addAction(entry.title);
        action->setObjectName(entry.objectName);
        const CatalogueDialog::Kind kind = entry.kind;
        QObject::connect(action, &QAction::triggered, parent, [context, kind, parent] {
            CatalogueDialog dialog(context, kind, parent);
            dialog.exec();
        });
    }
    return menu;
}

} // namespace vigil
