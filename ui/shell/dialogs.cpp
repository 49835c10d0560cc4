#include "dialogs.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QQueue>
#include <QRegularExpression>

namespace vigil::dialogs {
namespace {

struct TestState
{
    bool on = false;
    QQueue<QMessageBox::StandardButton> answers;
    QQueue<QString> fileNames;
    QQueue<QString> texts;
    QStringList shown;
};

TestState &test()
{
    static TestState state;
    return state;
}

void show(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    if (test().on) {
        test().shown.append(text);
        return;
    }
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.exec();
}

QString fileName(const std::function<QString()> &ask)
{
    if (test().on)
        return test().fileNames.isEmpty() ? QString() : test().fileNames.dequeue();
    return ask();
}

} // namespace

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    if (test().on) {
        test().shown.append(text);
        return test().answers.isEmpty() ? defaultButton : test().answers.dequeue();
    }
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void information(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Information, title, text);
}

void warning(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Warning, title, text);
}

void critical(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Critical, title, text);
}

QString askText(QWidget *parent, const QString &title, const QString &label, const QString &text, bool *ok)
{
    if (test().on) {
        test().shown.append(label);
        const QString answer = test().texts.isEmpty() ? QString() : test().texts.dequeue();
        *ok = !answer.isNull();
        return answer;
    }
    return QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, ok);
}

QString openFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    return fileName([&] { return QFileDialog::getOpenFileName(parent, caption, dir, filter); });
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    return fileName([&] { return QFileDialog::getSaveFileName(parent, caption, dir, filter); });
}

QString existingFolder(QWidget *parent, const QString &caption, const QString &dir)
{
    return fileName([&] { return QFileDialog::getExistingDirectory(parent, caption, dir); });
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &path, const QStringList &filters,
    QString *selectedFilter)
{
    return fileName([&] {
        // The extension each filter names: "Excel workbook (*.xlsx)" -> "xlsx".
        auto suffixOf = [](const QString &filter) {
            return QRegularExpression(QStringLiteral("\\*\\.(\\w+)")).match(filter).captured(1);
        };
        QStringList suffixes;
        for (const QString &filter : filters)
            suffixes.append(suffixOf(filter));
        QFileDialog dialog(parent, caption);
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setFileMode(QFileDialog::AnyFile);
        dialog.setNameFilters(filters);
        const QString first = filters.contains(*selectedFilter) ? *selectedFilter : filters.value(0);
        dialog.selectNameFilter(first);
        dialog.setDefaultSuffix(suffixOf(first));
        const QFileInfo suggested(path);
        dialog.setDirectory(suggested.absolutePath());
        dialog.selectFile(suggested.fileName());
        // The name follows the format: picking "Excel workbook (*.xlsx)" turns report.csv into report.xlsx.
        QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog, [&](const QString &filter) {
            const QString suffix = suffixOf(filter);
            const QStringList chosen = dialog.selectedFiles();
            if (suffix.isEmpty() || chosen.isEmpty())
                return;
            dialog.setDefaultSuffix(suffix);
            const QFileInfo name(chosen.first());
            if (name.fileName().isEmpty() || name.isDir())
                return;
            const QString base = suffixes.contains(name.suffix(), Qt::CaseInsensitive) ? name.completeBaseName() : name.fileName();
            dialog.selectFile(base + u'.' + suffix);
        });
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return QString();
        *selectedFilter = dialog.selectedNameFilter();
        return dialog.selectedFiles().first();
    });
}

void setTestMode(bool on)
{
    test() = TestState();
    test().on = on;
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    test().answers.enqueue(answer);
}

void setNextFileName(const QString &fileName)
{
    test().fileNames.enqueue(fileName);
}

void setNextText(const QString &text)
{
    test().texts.enqueue(text);
}

QStringList takeShownMessages()
{
    return std::exchange(test().shown, {});
}

} // namespace vigil::dialogs
