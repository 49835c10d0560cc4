#include "importwizard.h"

#include "base/error.h"
#include "commands/importcommands.h"
#include "actions/correctiveaction.h"
#include "import/peopleimport.h"
#include "import/recordimport.h"
#include "people/person.h"
#include "risks/risk.h"
#include "incidents/incidentcatalogues.h"
#include "training/training.h"
#include "shell/dialogs.h"
#include "storage/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

QString fieldTitle(const QString &field)
{
    static const QHash<QString, const char *> titles {
        {QStringLiteral("externalReference"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Source reference")},
        {QStringLiteral("occurredAt"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "When it happened *")},
        {QStringLiteral("reportedAt"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "When it was reported")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Title")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "What happened *")},
        {QStringLiteral("category"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Category")},
        {QStringLiteral("severity"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Severity")},
        {QStringLiteral("location"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Location")},
        {QStringLiteral("reportedBy"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Reported by")},
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Name *")},
        {QStringLiteral("staffNumber"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Staff number")},
        {QStringLiteral("post"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Post")},
        {QStringLiteral("employer"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Employer (empty: own staff)")},
        {QStringLiteral("startDate"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Started on")},
        {QStringLiteral("leftOn"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Left on")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "E-mail")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Phone")},
        {QStringLiteral("person"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Person (staff number or name) *")},
        {QStringLiteral("course"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Course *")},
        {QStringLiteral("completedOn"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Completed on")},
        {QStringLiteral("result"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Result")},
        {QStringLiteral("score"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Score")},
        {QStringLiteral("trainer"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Trainer")},
        {QStringLiteral("expiresOn"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Expires on")},
        {QStringLiteral("notes"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Notes")},
        {QStringLiteral("owner"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Owner (staff number or name)")},
        {QStringLiteral("dueDate"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Due date")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Status")},
        {QStringLiteral("inherentLikelihood"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Inherent likelihood *")},
        {QStringLiteral("inherentImpact"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Inherent impact *")},
        {QStringLiteral("residualLikelihood"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Residual likelihood *")},
        {QStringLiteral("residualImpact"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Residual impact *")},
        {QStringLiteral("treatment"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Treatment")},
        {QStringLiteral("reviewDate"), QT_TRANSLATE_NOOP("vigil::ImportWizard", "Review date")},
    };
    return QCoreApplication::translate("vigil::ImportWizard", titles.value(field, ""));
}

// Header names that mean a field, squeezed to lower-case letters and digits.
const QHash<QString, QStringList> &synonyms()
{
    static const QHash<QString, QStringList> names {
        {QStringLiteral("externalReference"),
            {QStringLiteral("reference"), QStringLiteral("ref"), QStringLiteral("incidentnumber"), QStringLiteral("number"),
                QStringLiteral("externalreference"), QStringLiteral("caseno"), QStringLiteral("casenumber"), QStringLiteral("id")}},
        {QStringLiteral("occurredAt"),
            {QStringLiteral("occurred"), QStringLiteral("occurredat"), QStringLiteral("occurredstart"), QStringLiteral("when"),
                QStringLiteral("incidentdate"), QStringLiteral("date"), QStringLiteral("datetime"), QStringLiteral("time")}},
        {QStringLiteral("reportedAt"),
            {QStringLiteral("reported"), QStringLiteral("reportedat"), QStringLiteral("reporteddatetime"), QStringLiteral("reportdate")}},
        {QStringLiteral("title"), {QStringLiteral("title"), QStringLiteral("summary"), QStringLiteral("subject")}},
        {QStringLiteral("description"),
            {QStringLiteral("description"), QStringLiteral("details"), QStringLiteral("natureofincident"), QStringLiteral("nature"),
                QStringLiteral("narrative"), QStringLiteral("what")}},
        {QStringLiteral("category"),
            {QStringLiteral("category"), QStringLiteral("type"), QStringLiteral("incidenttype"), QStringLiteral("offense"),
                QStringLiteral("offence")}},
        {QStringLiteral("severity"), {QStringLiteral("severity"), QStringLiteral("priority"), QStringLiteral("grade")}},
        {QStringLiteral("location"), {QStringLiteral("location"), QStringLiteral("where"), QStringLiteral("place")}},
        {QStringLiteral("reportedBy"), {QStringLiteral("reportedby"), QStringLiteral("reporter")}},
        {QStringLiteral("name"), {QStringLiteral("name"), QStringLiteral("fullname"), QStringLiteral("person"), QStringLiteral("employee")}},
        {QStringLiteral("staffNumber"),
            {QStringLiteral("staffnumber"), QStringLiteral("staffno"), QStringLiteral("employeeid"), QStringLiteral("employeenumber"),
                QStringLiteral("payroll")}},
        {QStringLiteral("post"), {QStringLiteral("post"), QStringLiteral("role"), QStringLiteral("position"), QStringLiteral("jobtitle")}},
        {QStringLiteral("employer"), {QStringLiteral("employer"), QStringLiteral("company"), QStringLiteral("contractor")}},
        {QStringLiteral("startDate"), {QStringLiteral("startdate"), QStringLiteral("started"), QStringLiteral("joined"), QStringLiteral("start")}},
        {QStringLiteral("leftOn"), {QStringLiteral("lefton"), QStringLiteral("left"), QStringLiteral("leavingdate"), QStringLiteral("enddate")}},
        {QStringLiteral("email"), {QStringLiteral("email"), QStringLiteral("mail")}},
        {QStringLiteral("phone"), {QStringLiteral("phone"), QStringLiteral("mobile"), QStringLiteral("telephone")}},
        {QStringLiteral("person"), {QStringLiteral("person"), QStringLiteral("staffnumber"), QStringLiteral("staffno"), QStringLiteral("name"),
                                       QStringLiteral("employee"), QStringLiteral("trainee")}},
        {QStringLiteral("course"), {QStringLiteral("course"), QStringLiteral("training"), QStringLiteral("coursename")}},
        {QStringLiteral("completedOn"), {QStringLiteral("completedon"), QStringLiteral("completed"), QStringLiteral("date"),
                                            QStringLiteral("datecompleted"), QStringLiteral("completiondate")}},
        {QStringLiteral("result"), {QStringLiteral("result"), QStringLiteral("outcome")}},
        {QStringLiteral("score"), {QStringLiteral("score"), QStringLiteral("mark")}},
        {QStringLiteral("trainer"), {QStringLiteral("trainer"), QStringLiteral("instructor")}},
        {QStringLiteral("expiresOn"), {QStringLiteral("expireson"), QStringLiteral("expires"), QStringLiteral("expiry"), QStringLiteral("validuntil")}},
        {QStringLiteral("notes"), {QStringLiteral("notes"), QStringLiteral("comments")}},
        {QStringLiteral("owner"), {QStringLiteral("owner"), QStringLiteral("assignedto"), QStringLiteral("responsible")}},
        {QStringLiteral("dueDate"), {QStringLiteral("duedate"), QStringLiteral("due"), QStringLiteral("deadline")}},
        {QStringLiteral("status"), {QStringLiteral("status"), QStringLiteral("state")}},
        {QStringLiteral("inherentLikelihood"), {QStringLiteral("inherentlikelihood"), QStringLiteral("likelihoodinherent"), QStringLiteral("likelihood")}},
        {QStringLiteral("inherentImpact"), {QStringLiteral("inherentimpact"), QStringLiteral("impactinherent"), QStringLiteral("impact")}},
        {QStringLiteral("residualLikelihood"), {QStringLiteral("residuallikelihood"), QStringLiteral("likelihoodresidual")}},
        {QStringLiteral("residualImpact"), {QStringLiteral("residualimpact"), QStringLiteral("impactresidual")}},
        {QStringLiteral("treatment"), {QStringLiteral("treatment"), QStringLiteral("response")}},
        {QStringLiteral("reviewDate"), {QStringLiteral("reviewdate"), QStringLiteral("review"), QStringLiteral("nextreview")}},
    };
    return names;
}

QString squeezed(QString text)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]"));
    return text.toLower().remove(other);
}

constexpr char createIt[] = "\x01create";

bool isPeople(const QString &kind)
{
    return kind == QLatin1String("people");
}

QStringList fieldsOf(const QString &kind)
{
    if (isPeople(kind))
        return peopleImportFields();
    if (kind == QLatin1String("training"))
        return trainingImportFields();
    if (kind == QLatin1String("actions"))
        return actionImportFields();
    if (kind == QLatin1String("risks"))
        return riskImportFields();
    return incidentImportFields();
}

QStringList requiredOf(const QString &kind)
{
    if (isPeople(kind))
        return {QStringLiteral("name")};
    if (kind == QLatin1String("training"))
        return {QStringLiteral("person"), QStringLiteral("course"), QStringLiteral("completedOn")};
    if (kind == QLatin1String("actions"))
        return {QStringLiteral("description")};
    if (kind == QLatin1String("risks"))
        return {QStringLiteral("title"), QStringLiteral("inherentLikelihood"), QStringLiteral("inherentImpact"),
            QStringLiteral("residualLikelihood"), QStringLiteral("residualImpact")};
    return {QStringLiteral("occurredAt"), QStringLiteral("description")};
}

// The date field whose column shows what the dates look like.
QString dateFieldOf(const QString &kind)
{
    if (isPeople(kind))
        return QStringLiteral("startDate");
    if (kind == QLatin1String("training"))
        return QStringLiteral("completedOn");
    if (kind == QLatin1String("actions"))
        return QStringLiteral("dueDate");
    if (kind == QLatin1String("risks"))
        return QStringLiteral("reviewDate");
    return QStringLiteral("occurredAt");
}

ImportSummary runImport(Database &db, const QString &kind, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options)
{
    if (isPeople(kind))
        return importPeople(db, table, profile, options);
    if (kind == QLatin1String("training"))
        return importTraining(db, table, profile, options);
    if (kind == QLatin1String("actions"))
        return importActions(db, table, profile, options);
    if (kind == QLatin1String("risks"))
        return importRisks(db, table, profile, options);
    return importIncidents(db, table, profile, options);
}

} // namespace

ImportWizard::ImportWizard(const ModuleContext &context, QWidget *parent)
    : QWizard(parent)
    , m_context(context)
    , m_file(new QLineEdit(this))
    , m_sheet(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_fileFacts(new QLabel(this))
    , m_preview(new QTableWidget(this))
    , m_columnForm(new QFormLayout)
    , m_dateFormat(new QComboBox(this))
    , m_dateNote(new QLabel(this))
    , m_values(new QTableWidget(this))
    , m_checkSummary(new QLabel(this))
    , m_problems(new QTableWidget(this))
    , m_skipInvalid(new QCheckBox(tr("Import only the &valid rows"), this))
    , m_updateDuplicates(new QCheckBox(tr("&Update records already in Vigil instead of skipping them"), this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(860, 600);

    // 1. The file and what it holds.
    auto *filePage = new QWizardPage(this);
    filePage->setTitle(tr("Choose the file"));
    filePage->setSubTitle(tr("A CSV file (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or an Excel workbook."));
    m_file->setObjectName(QStringLiteral("importFile"));
    auto *browse = new QPushButton(tr("&Browse…"), filePage);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = dialogs::openFileName(this, tr("Import"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
            tr("CSV files and workbooks (*.csv *.txt *.xlsx);;All files (*)"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    // A workbook's sheets, once its name is typed or chosen.
    m_sheet->setObjectName(QStringLiteral("importSheet"));
    m_sheet->setEnabled(false);
    connect(m_file, &QLineEdit::textChanged, this, [this](const QString &path) {
        m_sheet->clear();
        QStringList sheets;
        if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) && QFileInfo(path).isFile()) {
            try {
                sheets = xlsxSheetNames(path);
            } catch (const Error &) {
                // Said when the page is left: the file cannot be read.
            }
        }
        m_sheet->addItems(sheets);
        m_sheet->setEnabled(sheets.size() > 1);
    });
    m_kind->setObjectName(QStringLiteral("importKind"));
    m_kind->addItem(tr("Incidents"), QStringLiteral("incidents"));
    m_kind->addItem(tr("Risks"), QStringLiteral("risks"));
    m_kind->addItem(tr("People (staff and contractors)"), QStringLiteral("people"));
    m_kind->addItem(tr("Training records"), QStringLiteral("training"));
    m_kind->addItem(tr("Corrective actions"), QStringLiteral("actions"));
    auto *loadProfileButton = new QPushButton(tr("&Load a Saved Profile…"), filePage);
    loadProfileButton->setObjectName(QStringLiteral("importLoadProfile"));
    connect(loadProfileButton, &QPushButton::clicked, this, &ImportWizard::loadProfile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *fileForm = new QFormLayout(filePage);
    fileForm->addRow(tr("&File:"), fileRow);
    fileForm->addRow(tr("&Sheet:"), m_sheet);
    fileForm->addRow(tr("&Holds:"), m_kind);
    fileForm->addRow(QString(), loadProfileButton);
    auto *kindsNote = new QLabel(tr("Import people before their training records, and before the risks and actions they own."), filePage);
    kindsNote->setWordWrap(true);
    fileForm->addRow(QString(), kindsNote);
    setPage(FilePage, filePage);

    // 2. The first rows, as read.
    auto *previewPage = new QWizardPage(this);
    previewPage->setTitle(tr("Preview"));
    previewPage->setSubTitle(tr("The first rows of the file, as Vigil reads them."));
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fileFacts->setObjectName(QStringLiteral("importFileFacts"));
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->addWidget(m_fileFacts);
    previewLayout->addWidget(m_preview, 1);
    setPage(PreviewPage, previewPage);

    // 3. Columns to fields.
    auto *columnsPage = new QWizardPage(this);
    columnsPage->setTitle(tr("Columns"));
    columnsPage->setSubTitle(tr("Which column holds each of Vigil's fields (matched by their names; * is needed)."));
    m_dateFormat->setObjectName(QStringLiteral("importDateFormat"));
    m_dateFormat->addItem(tr("Found from the file"), QStringLiteral("auto"));
    for (DateFormat f : allDateFormats)
        m_dateFormat->addItem(dateFormatTitle(f), dateFormatKey(f));
    m_dateNote->setWordWrap(true);
    m_dateNote->setObjectName(QStringLiteral("importDateNote"));
    QStringList everyField = incidentImportFields() + riskImportFields() + peopleImportFields() + trainingImportFields()
        + actionImportFields();
    everyField.removeDuplicates();
    for (const QString &field : std::as_const(everyField)) {
        auto *combo = new QComboBox(columnsPage);
        combo->setObjectName(QStringLiteral("importColumn_%1").arg(field));
        m_columns.insert(field, combo);
        m_columnForm->addRow(fieldTitle(field), combo);
    }
    m_columnForm->addRow(tr("&Dates are:"), m_dateFormat);
    m_columnForm->addRow(QString(), m_dateNote);
    columnsPage->setLayout(m_columnForm);
    setPage(ColumnsPage, columnsPage);

    // 4. Values Vigil does not know.
    auto *valuesPage = new QWizardPage(this);
    valuesPage->setTitle(tr("Values"));
    valuesPage->setSubTitle(tr("Values of the file that are not Vigil's: map each to one of Vigil's, or create it."));
    m_values->setObjectName(QStringLiteral("importValues"));
    m_values->setColumnCount(4);
    m_values->setHorizontalHeaderLabels({tr("Field"), tr("Value in the file"), tr("Rows"), tr("In Vigil")});
    m_values->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_values->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *valuesLayout = new QVBoxLayout(valuesPage);
    valuesLayout->addWidget(m_values);
    setPage(ValuesPage, valuesPage);

    // 5. Every problem, before anything is written.
    auto *checkPage = new QWizardPage(this);
    checkPage->setTitle(tr("Check"));
    checkPage->setSubTitle(tr("Nothing has been written yet. Finish imports the file in one step that Undo takes back."));
    checkPage->setFinalPage(true);
    m_checkSummary->setObjectName(QStringLiteral("importCheckSummary"));
    m_checkSummary->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setColumnCount(4);
    m_problems->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Value"), tr("Problem")});
    m_problems->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_skipInvalid->setObjectName(QStringLiteral("importSkipInvalid"));
    m_updateDuplicates->setObjectName(QStringLiteral("importUpdateDuplicates"));
    auto *saveProblemsButton = new QPushButton(tr("Save Problems as &CSV…"), checkPage);
    saveProblemsButton->setObjectName(QStringLiteral("importSaveProblems"));
    connect(saveProblemsButton, &QPushButton::clicked, this, &ImportWizard::saveProblems);
    auto *saveProfileButton = new QPushButton(tr("Save &Profile…"), checkPage);
    saveProfileButton->setObjectName(QStringLiteral("importSaveProfile"));
    connect(saveProfileButton, &QPushButton::clicked, this, &ImportWizard::saveProfile);
    connect(m_updateDuplicates, &QCheckBox::toggled, this, &ImportWizard::runCheck);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(saveProblemsButton);
    buttons->addWidget(saveProfileButton);
    buttons->addStretch(1);
    auto *checkLayout = new QVBoxLayout(checkPage);
    checkLayout->addWidget(m_checkSummary);
    checkLayout->addWidget(m_problems, 1);
    checkLayout->addWidget(m_skipInvalid);
    checkLayout->addWidget(m_updateDuplicates);
    checkLayout->addLayout(buttons);
    setPage(CheckPage, checkPage);
}

bool ImportWizard::validateCurrentPage()
{
    switch (currentId()) {
    case FilePage:
        return readFile();
    case ColumnsPage:
        for (const QString &required : requiredOf(m_kind->currentData().toString())) {
            if (m_columns.value(required)->currentIndex() <= 0 && m_loaded.defaults.value(required).isEmpty()) {
                m_context.host.showError(tr("Choose the column for \"%1\".").arg(fieldTitle(required).remove(QStringLiteral(" *"))));
                return false;
            }
        }
        return true;
    default:
        return true;
    }
}

bool ImportWizard::readFile()
{
    try {
        m_table = readSourceFile(m_file->text().trimmed(), m_sheet->currentText());
    } catch (const Error &e) {
        m_context.host.showError(e.message());
        return false;
    }
    return true;
}

void ImportWizard::initializePage(int id)
{
    switch (id) {
    case PreviewPage: {
        if (m_table.delimiter.isNull())
            m_fileFacts->setText(tr("%n rows in %1 (%2).", nullptr, int(m_table.rows.size())).arg(m_table.fileName, m_table.encoding));
        else
            m_fileFacts->setText(tr("%n rows in %1, read as %2, fields separated by %3.", nullptr, int(m_table.rows.size()))
                                     .arg(m_table.fileName, m_table.encoding,
                                         m_table.delimiter == u'\t' ? tr("tabs")
                                             : m_table.delimiter == u';' ? tr("semicolons")
                                                                         : tr("commas")));
        m_preview->clear();
        m_preview->setColumnCount(int(m_table.headers.size()));
        m_preview->setHorizontalHeaderLabels(m_table.headers);
        const int shown = int(std::min<qsizetype>(m_table.rows.size(), 20));
        m_preview->setRowCount(shown);
        for (int r = 0; r < shown; ++r) {
            for (int c = 0; c < m_table.headers.size(); ++c)
                m_preview->setItem(r, c, new QTableWidgetItem(m_table.rows.at(r).value(c).left(200)));
        }
        break;
    }
    case ColumnsPage:
        fillColumns();
        break;
    case ValuesPage:
        fillValues();
        break;
    case CheckPage:
        runCheck();
        break;
    default:
        break;
    }
}

void ImportWizard::fillColumns()
{
    const QStringList fields = fieldsOf(m_kind->currentData().toString());
    for (auto it = m_columns.begin(); it != m_columns.end(); ++it) {
        QComboBox *combo = it.value();
        m_columnForm->setRowVisible(combo, fields.contains(it.key()));
        combo->clear();
        combo->addItem(tr("(none)"), QString());
        for (const QString &header : std::as_const(m_table.headers))
            combo->addItem(header, header);
        // A loaded profile's choice, else the header whose name means the field.
        int chosen = combo->findData(m_loaded.columns.value(it.key()));
        if (chosen <= 0) {
            for (const QString &name : synonyms().value(it.key())) {
                for (int i = 1; i < combo->count() && chosen <= 0; ++i) {
                    if (squeezed(combo->itemText(i)) == name)
                        chosen = i;
                }
            }
        }
        combo->setCurrentIndex(std::max(chosen, 0));
    }
    // Two fields from one column is a mistake the matching can make ("date" for both times).
    QSet<QString> taken;
    for (const QString &field : fields) {
        QComboBox *combo = m_columns.value(field);
        if (combo->currentIndex() > 0 && taken.contains(combo->currentData().toString()))
            combo->setCurrentIndex(0);
        taken.insert(combo->currentData().toString());
    }
    const int format = m_dateFormat->findData(m_loaded.dateFormat);
    m_dateFormat->setCurrentIndex(std::max(format, 0));
    // What the dates look like: say so when they could be read two ways.
    QStringList values;
    const QString dateField = dateFieldOf(m_kind->currentData().toString());
    const qsizetype column = m_table.headers.indexOf(m_columns.value(dateField)->currentData().toString());
    for (const QStringList &row : std::as_const(m_table.rows))
        values.append(row.value(column));
    const QList<DateFormat> fitting = column >= 0 ? dateFormatsFitting(values) : QList<DateFormat> {};
    if (fitting.contains(DateFormat::MonthFirst) && fitting.contains(DateFormat::DayFirst))
        m_dateNote->setText(tr("These dates could be month first or day first (03/04/2025): choose which."));
    else if (!fitting.isEmpty())
        m_dateNote->setText(tr("The dates read as %1.").arg(dateFormatTitle(fitting.first())));
    else
        m_dateNote->setText(column >= 0 ? tr("Some of these are not dates in any format Vigil knows; those rows will be listed.")
                                        : QString());
}

ImportProfile ImportWizard::profile() const
{
    ImportProfile p = m_loaded;
    p.kind = m_kind->currentData().toString();
    p.columns.clear();
    const QStringList fields = fieldsOf(p.kind);
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        if (fields.contains(it.key()) && it.value()->currentIndex() > 0)
            p.columns.insert(it.key(), it.value()->currentData().toString());
    }
    p.dateFormat = m_dateFormat->currentData().toString();
    for (int r = 0; r < m_values->rowCount(); ++r) {
        const auto *choice = qobject_cast<QComboBox *>(m_values->cellWidget(r, 3));
        if (!choice || !m_values->item(r, 0) || !m_values->item(r, 1))
            continue; // the note that every value is known
        const QString field = m_values->item(r, 0)->data(Qt::UserRole).toString();
        const QString value = m_values->item(r, 1)->text();
        const QString target = choice->currentData().toString();
        if (target == QLatin1String(createIt)) {
            if (!p.createMissing.contains(field))
                p.createMissing.append(field);
        } else if (!target.isEmpty()) {
            p.values[field].insert(value, target);
        }
    }
    p.updateDuplicates = m_updateDuplicates->isChecked();
    return p;
}

void ImportWizard::fillValues()
{
    // A dry run of the mapping so far lists what Vigil does not know.
    m_values->setRowCount(0);
    ImportProfile asked = profile();
    asked.createMissing.clear();
    ImportOptions dry;
    dry.dryRun = true;
    ImportSummary found;
    try {
        found = runImport(m_context.db, asked.kind, m_table, asked, dry);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
        return;
    }
    QHash<QString, QStringList> known; // field -> Vigil's names
    for (const IncidentCategory &c : CategoryRepository(m_context.db).list())
        known[QStringLiteral("category")].append(c.name);
    for (const Post &post : PostRepository(m_context.db).list())
        known[QStringLiteral("post")].append(post.name);
    for (const Employer &employer : EmployerRepository(m_context.db).list())
        known[QStringLiteral("employer")].append(employer.name);
    for (const Course &course : CourseRepository(m_context.db).list())
        known[QStringLiteral("course")].append(course.name);
    for (const UnknownValue &u : std::as_const(found.unknown)) {
        const int r = m_values->rowCount();
        m_values->insertRow(r);
        auto *field = new QTableWidgetItem(fieldTitle(u.field).remove(QStringLiteral(" *")));
        field->setData(Qt::UserRole, u.field);
        m_values->setItem(r, 0, field);
        m_values->setItem(r, 1, new QTableWidgetItem(u.value));
        m_values->setItem(r, 2, new QTableWidgetItem(QString::number(u.count)));
        auto *choice = new QComboBox(m_values);
        choice->setObjectName(QStringLiteral("importValue_%1").arg(r));
        if (known.contains(u.field) || u.field == QLatin1String("category") || u.field == QLatin1String("post")
            || u.field == QLatin1String("employer") || u.field == QLatin1String("course")) {
            choice->addItem(tr("Create \"%1\"").arg(u.value), QLatin1String(createIt));
            for (const QString &name : known.value(u.field))
                choice->addItem(name, name);
        } else {
            choice->addItem(tr("(choose)"), QString());
            if (u.field == QLatin1String("severity")) {
                for (Severity s : allSeverities)
                    choice->addItem(severityTitle(s), severityKey(s));
            } else if (u.field == QLatin1String("result")) {
                for (TrainingResult result : allTrainingResults)
                    choice->addItem(trainingResultTitle(result), trainingResultKey(result));
            } else if (u.field == QLatin1String("status") && m_kind->currentData().toString() == QLatin1String("risks")) {
                for (RiskStatus s : {RiskStatus::Open, RiskStatus::InTreatment, RiskStatus::Accepted, RiskStatus::Closed})
                    choice->addItem(riskStatusTitle(s), riskStatusKey(s));
            } else if (u.field == QLatin1String("status")) {
                for (ActionStatus s : allActionStatuses)
                    choice->addItem(actionStatusTitle(s), actionStatusKey(s));
            } else if (u.field == QLatin1String("treatment")) {
                for (Treatment t : {Treatment::Avoid, Treatment::Reduce, Treatment::Transfer, Treatment::Accept})
                    choice->addItem(treatmentTitle(t), treatmentKey(t));
            } else {
                // People are not created here: import them first.
                for (const Person &p : PeopleRepository(m_context.db).list())
                    choice->addItem(p.name, p.name);
            }
        }
        m_values->setCellWidget(r, 3, choice);
    }
    if (found.unknown.isEmpty()) {
        m_values->insertRow(0);
        m_values->setItem(0, 1, new QTableWidgetItem(tr("Every value is one of Vigil's.")));
    }
    m_values->resizeColumnsToContents();
}

void ImportWizard::runCheck()
{
    // Only incidents are updated from a file: other records' duplicates are skipped.
    const bool people = m_kind->currentData().toString() != QLatin1String("incidents");
    if (people && m_updateDuplicates->isChecked()) {
        const QSignalBlocker blocker(m_updateDuplicates);
        m_updateDuplicates->setChecked(false);
    }
    m_updateDuplicates->setEnabled(!people);
    ImportOptions dry;
    dry.dryRun = true;
    dry.skipInvalid = true;
    try {
        m_check = runImport(m_context.db, m_kind->currentData().toString(), m_table, profile(), dry);
    } catch (const Error &e) {
        m_checkSummary->setText(e.message());
        m_problems->setRowCount(0);
        return;
    }
    m_checkSummary->setText(tr("Read %1 rows: %2 to import, %3 to update, %4 already in Vigil (skipped), %5 with problems. "
                               "Dates read as %6.")
                                .arg(m_check.read)
                                .arg(m_check.imported)
                                .arg(m_check.updated)
                                .arg(m_check.duplicates)
                                .arg(m_check.invalid)
                                .arg(dateFormatTitle(m_check.dateFormat)));
    m_problems->setRowCount(int(m_check.problems.size()));
    for (int r = 0; r < m_check.problems.size(); ++r) {
        const ImportProblem &p = m_check.problems.at(r);
        m_problems->setItem(r, 0, new QTableWidgetItem(QString::number(p.row)));
        m_problems->setItem(r, 1, new QTableWidgetItem(p.column));
        m_problems->setItem(r, 2, new QTableWidgetItem(p.value));
        m_problems->setItem(r, 3, new QTableWidgetItem(p.reason));
    }
    m_skipInvalid->setEnabled(!m_check.problems.isEmpty());
}

void ImportWizard::accept()
{
    if (!m_check.problems.isEmpty() && !m_skipInvalid->isChecked()) {
        m_context.host.showError(tr("%n rows have problems: correct the file and try again, or import only the valid rows.",
            nullptr, m_check.invalid));
        return;
    }
    QProgressDialog progress(tr("Importing %1…").arg(m_table.fileName), tr("Cancel"), 0, 100, this);
    progress.setObjectName(QStringLiteral("importProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    ImportOptions options;
    options.skipInvalid = true;
    options.progress = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    ImportSummary summary;
    if (!commands::importRecords(m_context, m_kind->currentData().toString(), m_table, profile(), options, &summary))
        return; // the host said why; nothing was written
    progress.setValue(progress.maximum());
    m_context.host.showStatus(tr("Imported %1 %2 from %3 (%4 updated, %5 skipped as duplicates, %6 with problems left out).")
                                  .arg(summary.imported)
                                  .arg(m_kind->currentText().toLower(), m_table.fileName)
                                  .arg(summary.updated)
                                  .arg(summary.duplicates)
                                  .arg(summary.invalid));
    QWizard::accept();
}

void ImportWizard::loadProfile()
{
    const QString path = dialogs::openFileName(this, tr("Load Import Profile"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), tr("Import profiles (*.json)"));
    if (path.isEmpty())
        return;
    try {
        m_loaded = ImportProfile::load(path);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
        return;
    }
    m_updateDuplicates->setChecked(m_loaded.updateDuplicates);
    m_context.host.showStatus(tr("Loaded the profile %1.").arg(QFileInfo(path).fileName()));
}

void ImportWizard::saveProfile()
{
    const QString path = dialogs::saveFileName(this, tr("Save Import Profile"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(tr("incident-import.json")),
        tr("Import profiles (*.json)"));
    if (path.isEmpty())
        return;
    try {
        profile().save(path);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
        return;
    }
    m_context.host.showStatus(tr("Saved the profile to %1.").arg(QDir::toNativeSeparators(path)));
}

void ImportWizard::saveProblems()
{
    const QString path = dialogs::saveFileName(this, tr("Save Problems"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(tr("import-problems.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(problemsCsv(m_check.problems)) < 0 || !file.commit()) {
        m_context.host.showError(tr("The problems could not be saved to '%1': %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    m_context.host.showStatus(tr("Saved %n problems to %1.", nullptr, int(m_check.problems.size())).arg(QDir::toNativeSeparators(path)));
}

} // namespace vigil
