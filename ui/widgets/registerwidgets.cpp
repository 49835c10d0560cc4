#include "registerwidgets.h"

#include "base/clock.h"
#include "base/error.h"
#include "io/exporttable.h"
#include "shell/dialogs.h"
#include "shell/module.h"

#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QTimer>
#include <QDir>
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

void exportCsv(const ModuleContext &context, QWidget *parent, const CsvExport &what)
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("%1-%2.csv").arg(what.fileStem, Clock::current().today().toString(Qt::ISODate)));
    const QString path = dialogs::saveFileName(parent, what.dialogTitle, suggested, QObject::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    try {
        const ExportTable table = what.table();
        writeCsvFile(table, path);
        context.host.showStatus(what.done(int(table.rows.size())).arg(QDir::toNativeSeparators(path)));
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
}

} // namespace vigil
