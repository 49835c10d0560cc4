// The import wizard, driven end to end on the real window.
#include "ui/uitestsupport.h"

#include "import/importwizard.h"
#include "storage/query.h"
#include "testconfig.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>

using namespace vigil;
using vigil::test::WindowFixture;

namespace {

int incidents(WindowFixture &f)
{
    return scalar(f.window->database(), QStringLiteral("SELECT count(*) FROM incidents")).toInt();
}

} // namespace

TEST_CASE("The import wizard maps, checks and imports a spreadsheet's incidents in one undoable step", "[ui][import]")
{
    test::PinnedClock pinned; // 2026-03-14
    WindowFixture f;
    const QString csv = f.dir.path(QStringLiteral("log.csv"));
    {
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("Case No;Date;Details;Type;Priority;Place\r\n"
                   "C-1;03/02/2026 08:15 AM;Cable cut at the gate;THEFT;P1;Gate 2\r\n"
                   "C-2;03/03/2026 10:40 PM;Fence climbed;Trespass / unauthorised entry;P3;North fence\r\n"
                   "C-3;03/04/2026 09:00 AM;Van keys lost;Lost keys;P1;Car park\r\n"
                   "C-4;13/44/2026 09:00 AM;Nonsense date;THEFT;P1;Yard\r\n");
    }
    f.trigger(QStringLiteral("actionImport"));
    auto *wizard = test::waitForDialog<ImportWizard>(f, QStringLiteral("importWizard"));
    wizard->findChild<QLineEdit *>(QStringLiteral("importFile"))->setText(csv);
    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::PreviewPage);
    CHECK(wizard->findChild<QLabel *>(QStringLiteral("importFileFacts"))->text().contains(QStringLiteral("semicolons")));
    CHECK(wizard->findChild<QTableWidget *>(QStringLiteral("importPreview"))->rowCount() == 4);
    test::screenshot(wizard, QStringLiteral("import-preview"));

    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::ColumnsPage);
    // Matched by their names.
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_occurredAt"))->currentText() == QStringLiteral("Date"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_description"))->currentText() == QStringLiteral("Details"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_externalReference"))->currentText() == QStringLiteral("Case No"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_category"))->currentText() == QStringLiteral("Type"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_severity"))->currentText() == QStringLiteral("Priority"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_location"))->currentText() == QStringLiteral("Place"));
    auto *dates = wizard->findChild<QComboBox *>(QStringLiteral("importDateFormat"));
    dates->setCurrentIndex(dates->findData(QStringLiteral("mdy")));
    test::screenshot(wizard, QStringLiteral("import-columns"));

    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::ValuesPage);
    auto *values = wizard->findChild<QTableWidget *>(QStringLiteral("importValues"));
    // THEFT is Theft (names match whatever their case); Lost keys, P1 and P3 are not Vigil's:
    // create Lost keys, P1 is low, P3 high.
    for (int r = 0; r < values->rowCount(); ++r) {
        auto *choice = qobject_cast<QComboBox *>(values->cellWidget(r, 3));
        REQUIRE(choice);
        const QString value = values->item(r, 1)->text();
        if (value == QLatin1String("P1"))
            choice->setCurrentIndex(choice->findData(QStringLiteral("low")));
        else if (value == QLatin1String("P3"))
            choice->setCurrentIndex(choice->findData(QStringLiteral("high")));
        else
            CHECK(value == QStringLiteral("Lost keys")); // left on "create"
    }
    CHECK(values->rowCount() == 3);
    test::screenshot(wizard, QStringLiteral("import-values"));

    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::CheckPage);
    CHECK(wizard->lastCheck().imported == 3);
    CHECK(wizard->lastCheck().invalid == 1);
    CHECK(wizard->findChild<QTableWidget *>(QStringLiteral("importProblems"))->rowCount() == 1);
    CHECK(incidents(f) == 0); // nothing written yet
    const QString profilePath = f.dir.path(QStringLiteral("profile.json"));
    dialogs::setNextFileName(profilePath);
    wizard->findChild<QPushButton *>(QStringLiteral("importSaveProfile"))->click();
    CHECK(ImportProfile::load(profilePath).values.value(QStringLiteral("severity")).value(QStringLiteral("P3")) == QStringLiteral("high"));
    test::screenshot(wizard, QStringLiteral("import-check"));

    // With a problem left, Finish refuses until the user chooses to leave that row out.
    wizard->accept();
    CHECK(wizard->isVisible());
    CHECK(incidents(f) == 0);
    wizard->findChild<QCheckBox *>(QStringLiteral("importSkipInvalid"))->setChecked(true);
    wizard->accept();
    test::flushDeletes();
    f.activate();
    CHECK(incidents(f) == 3);
    CHECK(f.window->undoStack().undoText() == QStringLiteral("Import log.csv"));
    CHECK(scalar(f.window->database(), QStringLiteral("SELECT severity FROM incidents WHERE external_reference = 'C-2'")).toString()
        == QStringLiteral("high"));

    // One step back takes the whole import away; redo brings the same records back.
    f.window->undoStack().undo();
    CHECK(incidents(f) == 0);
    f.window->undoStack().redo();
    CHECK(incidents(f) == 3);
    test::requireHealthy(f.window->database());
}

TEST_CASE("The import wizard reads a workbook written by LibreOffice", "[ui][import][xlsx]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    f.trigger(QStringLiteral("actionImport"));
    auto *wizard = test::waitForDialog<ImportWizard>(f, QStringLiteral("importWizard"));
    wizard->findChild<QLineEdit *>(QStringLiteral("importFile"))->setText(QStringLiteral(VIGIL_TEST_DATA_DIR "/libreoffice-incidents.xlsx"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importSheet"))->count() == 1);
    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::PreviewPage);
    CHECK(wizard->findChild<QLabel *>(QStringLiteral("importFileFacts"))->text().contains(QStringLiteral("Excel workbook")));
    wizard->next();
    wizard->next();
    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::CheckPage);
    CHECK(wizard->lastCheck().imported == 3);
    CHECK(wizard->lastCheck().invalid == 0);
    wizard->accept();
    test::flushDeletes();
    f.activate();
    CHECK(incidents(f) == 3);
}

TEST_CASE("The import wizard adds people, creating the posts it does not know, in one undoable step", "[ui][import][people]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    const QString csv = f.dir.path(QStringLiteral("staff.csv"));
    {
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("Full name,Staff no,Role,Company,Start date\n"
                   "Lee Whitfield,S-101,Gate officer,,2025-03-01\n"
                   "Priya Raman,S-102,Control room operator,Northguard Ltd,2025-06-01\n");
    }
    const auto people = [&] { return scalar(f.window->database(), QStringLiteral("SELECT count(*) FROM people")).toInt(); };
    const int before = people();
    f.trigger(QStringLiteral("actionImport"));
    auto *wizard = test::waitForDialog<ImportWizard>(f, QStringLiteral("importWizard"));
    wizard->findChild<QLineEdit *>(QStringLiteral("importFile"))->setText(csv);
    auto *kind = wizard->findChild<QComboBox *>(QStringLiteral("importKind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("people")));
    wizard->next();
    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::ColumnsPage);
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_name"))->currentText() == QStringLiteral("Full name"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_staffNumber"))->currentText() == QStringLiteral("Staff no"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_post"))->currentText() == QStringLiteral("Role"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_employer"))->currentText() == QStringLiteral("Company"));
    CHECK(wizard->findChild<QComboBox *>(QStringLiteral("importColumn_startDate"))->currentText() == QStringLiteral("Start date"));
    wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::ValuesPage);
    // Two posts and a company Vigil does not know yet, each left on "create".
    CHECK(wizard->findChild<QTableWidget *>(QStringLiteral("importValues"))->rowCount() == 3);
    wizard->next();
    CHECK(wizard->lastCheck().imported == 2);
    CHECK_FALSE(wizard->findChild<QCheckBox *>(QStringLiteral("importUpdateDuplicates"))->isEnabled());
    wizard->accept();
    test::flushDeletes();
    f.activate();
    CHECK(people() == before + 2);
    f.window->undoStack().undo();
    CHECK(people() == before);
    f.window->undoStack().redo();
    CHECK(people() == before + 2);
    test::requireHealthy(f.window->database());
}

TEST_CASE("An import that meets a full disk says so, keeps the wizard open and imports once there is room", "[ui][import][fault]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    const QString csv = f.dir.path(QStringLiteral("big.csv"));
    QByteArray rows = "Case No,Date,Details,Type,Priority,Place\n";
    for (int row = 0; row < 1500; ++row)
        rows += QStringLiteral("D-%1,2026-03-%2 08:15,Row %1 of a log bigger than the disk,Theft,low,Gate %3\n")
                    .arg(row)
                    .arg(1 + row % 12, 2, 10, QLatin1Char('0'))
                    .arg(row % 5)
                    .toUtf8();
    test::writeFile(csv, rows);
    f.trigger(QStringLiteral("actionImport"));
    auto *wizard = test::waitForDialog<ImportWizard>(f, QStringLiteral("importWizard"));
    wizard->findChild<QLineEdit *>(QStringLiteral("importFile"))->setText(csv);
    for (int page = 0; page < 4; ++page)
        wizard->next();
    REQUIRE(wizard->currentId() == ImportWizard::CheckPage);
    REQUIRE(wizard->lastCheck().imported == 1500);

    // The disk is full: SQLite may not grow the file any more.
    Database &db = f.window->database();
    execute(db, QStringLiteral("PRAGMA max_page_count = %1").arg(scalar(db, QStringLiteral("PRAGMA page_count")).toInt()));
    dialogs::takeShownMessages();
    wizard->accept();
    const QStringList messages = dialogs::takeShownMessages();
    REQUIRE(messages.size() == 1);
    CHECK(messages.at(0).contains(QStringLiteral("disk is full")));
    CHECK(wizard->isVisible()); // the mapping is still there to try again
    CHECK(incidents(f) == 0);
    CHECK(f.window->undoStack().count() == 0);
    test::requireHealthy(db);

    // Space again: the same Finish imports everything.
    execute(db, QStringLiteral("PRAGMA max_page_count = 1073741823"));
    wizard->accept();
    test::flushDeletes();
    f.activate();
    CHECK(incidents(f) == 1500);
    CHECK(f.window->undoStack().count() == 1);
}
