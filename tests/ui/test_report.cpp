#include "ui/uitestsupport.h"

#include "report/reportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPushButton>
#include <QTimer>

using namespace vigil;
using vigil::test::WindowFixture;

TEST_CASE("File > Management Review Report saves the chosen sections as a PDF", "[ui][report]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    f.trigger(QStringLiteral("actionReport"));
    auto *dialog = test::waitForDialog<ReportDialog>(f, QStringLiteral("reportDialog"));
    CHECK(dialog->findChild<QComboBox *>(QStringLiteral("reportPeriod"))->currentText() == QStringLiteral("Last month"));
    dialog->findChild<QCheckBox *>(QStringLiteral("reportSection_training"))->setChecked(false);
    dialog->findChild<QCheckBox *>(QStringLiteral("reportSection_kpis"))->setChecked(false);
    dialog->findChild<QCheckBox *>(QStringLiteral("reportSection_summary"))->setChecked(false); // it names training too
    dialog->findChild<QCheckBox *>(QStringLiteral("reportSection_openpoints"))->setChecked(false);
    test::screenshot(dialog, QStringLiteral("report-dialog"));
    CHECK(dialog->options().period == Period::month(2026, 2));
    CHECK(dialog->options().sections.size() == 3);

    const QString pdf = f.dir.path(QStringLiteral("review.pdf"));
    dialogs::setNextFileName(pdf);
    dialog->findChild<QPushButton *>(QStringLiteral("reportSavePdf"))->click();
    test::flushDeletes();
    REQUIRE(QFile::exists(pdf));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(30000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput()).simplified();
    CHECK(content.contains(QStringLiteral("Harbour Cold Store")));
    CHECK(content.contains(QStringLiteral("February 2026")));
    CHECK(content.contains(reportSectionTitle(ReportSection::Incidents)));
    CHECK_FALSE(content.contains(reportSectionTitle(ReportSection::Training)));
    CHECK_FALSE(content.contains(reportSectionTitle(ReportSection::Kpis)));
    f.activate();
}

TEST_CASE("The report's preview shows its pages", "[ui][report]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    f.trigger(QStringLiteral("actionReport"));
    auto *dialog = test::waitForDialog<ReportDialog>(f, QStringLiteral("reportDialog"));
    int pages = 0;
    // The preview is modal: look at it once it is up, then close it.
    QTimer::singleShot(0, dialog, [&] {
        REQUIRE(QTest::qWaitFor([&] { return dialog->findChild<QPrintPreviewDialog *>() != nullptr; }, 10000));
        auto *preview = dialog->findChild<QPrintPreviewDialog *>();
        auto *widget = preview->findChild<QPrintPreviewWidget *>();
        REQUIRE(widget);
        REQUIRE(QTest::qWaitFor([&] { return widget->pageCount() > 0; }, 10000));
        pages = widget->pageCount();
        test::screenshot(preview, QStringLiteral("report-preview"));
        preview->reject();
    });
    dialog->findChild<QPushButton *>(QStringLiteral("reportPreview"))->click();
    CHECK(pages >= 9); // cover, contents and a page for each of the seven sections
    dialog->reject();
    test::flushDeletes();
    f.activate();
}
