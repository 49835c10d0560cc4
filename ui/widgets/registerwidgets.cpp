#include "registerwidgets.h"

#include "base/clock.h"
#include "base/error.h"
#include "io/exporttable.h"
#include "shell/dialogs.h"
#include "shell/module.h"
#include "shell/settings.h"
#include "storage/changenotifier.h"
#include "storage/database.h"

#include <QComboBox>
#include <QDialog>
#include <QEvent>
#include <QShortcut>
#include <QLineEdit>
#include <QTimer>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace vigil {

QComboBox *filterCombo(const QString &objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    // As wide as its entries, up to about 28 characters: long names are shortened in the box.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    combo->setMaximumWidth(combo->fontMetrics().averageCharWidth() * 34);
    return combo;
}

void connectFilters(QObject *owner, QLineEdit *search, const QList<QComboBox *> &combos, const bool *filling,
    const std::function<void()> &apply)
{
    if (search) {
        auto *timer = new QTimer(owner);
        timer->setSingleShot(true);
        timer->setInterval(150);
        QObject::connect(search, &QLineEdit::textChanged, timer, qOverload<>(&QTimer::start));
        QObject::connect(timer, &QTimer::timeout, owner, apply);
    }
    for (QComboBox *combo : combos) {
        QObject::connect(combo, &QComboBox::currentIndexChanged, owner, [filling, apply] {
            if (!filling || !*filling)
                apply();
        });
    }
}

namespace {

// Refreshes its page after changes: once per step, and for a hidden page only once it shows.
class ChangeWatcher : public QObject
{
public:
    ChangeWatcher(QWidget *page, const QStringList &entities, std::function<void()> refresh)
        : QObject(page)
        , m_page(page)
        , m_entities(entities)
        , m_refresh(std::move(refresh))
    {
        page->installEventFilter(this);
    }

    void changed(const QString &entity)
    {
        if (m_pending || (!m_entities.isEmpty() && !m_entities.contains(entity)))
            return;
        m_pending = true;
        QTimer::singleShot(0, this, [this] {
            m_pending = false;
            if (m_page->isVisible())
                m_refresh();
            else
                m_stale = true;
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_page && event->type() == QEvent::Show && m_stale) {
            m_stale = false;
            m_refresh();
        }
        return false;
    }

private:
    QWidget *m_page;
    QStringList m_entities;
    std::function<void()> m_refresh;
    bool m_pending = false;
    bool m_stale = false;
};

} // namespace

void refreshOnChanges(QWidget *page, Database &db, const QStringList &entities, const std::function<void()> &refresh)
{
    auto *watcher = new ChangeWatcher(page, entities, refresh);
    QObject::connect(&db.notifier(), &ChangeNotifier::changed, watcher,
        [watcher](const QString &entity) { watcher->changed(entity); });
}

void addSaveKeys(QWidget *form, const std::function<void()> &save)
{
    for (const QKeySequence &keys : {QKeySequence(QKeySequence::Save), QKeySequence(Qt::CTRL | Qt::Key_Return)})
        QObject::connect(new QShortcut(keys, form), &QShortcut::activated, form, save);
}

void openDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QLabel *problemLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void setupRegisterTable(QTableView *table, const QString &objectName)
{
    table->setObjectName(objectName);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setHighlightSections(false);
}

void exportRegister(const ModuleContext &context, QWidget *parent, const RegisterExport &what)
{
    const QList<std::pair<ExportFormat, QString>> formats {
        {ExportFormat::Csv, QObject::tr("CSV (*.csv)")}, {ExportFormat::Xlsx, QObject::tr("Excel workbook (*.xlsx)")}};
    ExportFormat last = ExportFormat::Csv;
    exportFormatFromKey(Settings::instance().value(Settings::Key::ExportFormat).toString(), &last);
    QStringList filters;
    QString selected;
    for (const auto &[format, filter] : formats) {
        filters.append(filter);
        if (format == last)
            selected = filter;
    }
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("%1-%2.%3")
                                          .arg(what.fileStem, Clock::current().today().toString(Qt::ISODate),
                                              exportFormatKey(last)));
    QString path = dialogs::saveFileName(parent, what.dialogTitle, suggested, filters, &selected);
    if (path.isEmpty())
        return;
    // The name's extension says the format; without one, the format chosen in the dialog adds its own.
    ExportFormat format = last;
    for (const auto &[f, filter] : formats) {
        if (filter == selected)
            format = f;
    }
    // The save dialog asked before choosing an existing file; a name Vigil extends is asked here.
    OutputOptions output {true, context.db.path()};
    if (const std::optional<ExportFormat> named = exportFormatOfPath(path)) {
        format = *named;
    } else {
        path += u'.' + exportFormatKey(format);
        if (QFileInfo::exists(path)
            && dialogs::question(parent, what.dialogTitle,
                   QObject::tr("'%1' already exists. Replace it?").arg(QDir::toNativeSeparators(path)))
                != QMessageBox::Yes)
            return;
    }
    try {
        const ExportTable table = what.table();
        const ExportWritten written = writeExportFile(table, path, format, output);
        Settings::instance().setValue(Settings::Key::ExportFormat, exportFormatKey(format));
        context.host.showStatus(what.done(int(table.rows.size())).arg(QDir::toNativeSeparators(path)));
        if (!written.cutCells.isEmpty())
            dialogs::warning(parent, what.dialogTitle, cutCellsNote(written.cutCells));
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
}

} // namespace vigil
