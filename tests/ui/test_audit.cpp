// The audit trail in the window: Help > Verify Records, View > Audit Trail and a record's History.
#include "ui/uitestsupport.h"

#include "audit/audittraildialog.h"
#include "audit/audittrailmodel.h"
#include "audit/verifydialog.h"
#include "catalogues/cataloguedialog.h"
#include "storage/auditlog.h"
#include "widgets/historyview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace vigil;
using vigil::test::WindowFixture;

namespace {

VerifyRecordsDialog *verify(WindowFixture &f)
{
    f.trigger(QStringLiteral("actionVerifyRecords"));
    auto *dialog = test::waitForDialog<VerifyRecordsDialog>(f, QStringLiteral("verifyRecordsDialog"));
    for (int waited = 0; dialog->isRunning() && waited < 60000; waited += 20)
        QTest::qWait(20);
    REQUIRE_FALSE(dialog->isRunning());
    QCoreApplication::processEvents();
    return dialog;
}

QStringList lines(const QListWidget *list)
{
    QStringList text;
    for (int i = 0; i < list->count(); ++i)
        text.append(list->item(i)->text());
    return text;
}

CatalogueDialog *openPeople(WindowFixture &f)
{
    auto *dialog = new CatalogueDialog(ModuleContext {f.window->database(), f.window->undoStack(), *f.window},
        CatalogueDialog::Kind::People, f.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void savePerson(CatalogueDialog *dialog, const QString &name)
{
    auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("field_name"));
    REQUIRE(field);
    field->setText(name);
    dialog->findChild<QPushButton *>(QStringLiteral("catalogueSave"))->click();
    QCoreApplication::processEvents();
}

} // namespace

TEST_CASE("Help > Verify Records says a sound file is sound and names an entry edited behind Vigil's back", "[ui][audit]")
{
    WindowFixture f;
    VerifyRecordsDialog *dialog = verify(f);
    auto *headline = dialog->findChild<QLabel *>(QStringLiteral("verifyHeadline"));
    auto *details = dialog->findChild<QListWidget *>(QStringLiteral("verifyDetails"));
    REQUIRE(headline);
    REQUIRE(details);
    INFO(lines(details).join(u'\n').toStdString());
    CHECK(headline->text().contains(QStringLiteral("All records verified")));
    CHECK(lines(details).join(u'\n').contains(QStringLiteral("audit chain: ")));
    CHECK_FALSE(dialog->findChild<QPushButton *>(QStringLiteral("verifyCancel"))->isEnabled());
    test::screenshot(dialog, QStringLiteral("verify-sound"));
    dialog->reject();
    test::flushDeletes();

    // With a SQLite tool, beside the open window: a change's reason rewritten, the safeguard back.
    REQUIRE(test::rawSql(f.path, QStringLiteral("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET context = "
                                                "'approved' WHERE id = 3; CREATE TRIGGER audit_log_no_update BEFORE "
                                                "UPDATE ON audit_log\nBEGIN\n    SELECT RAISE(ABORT, 'the audit "
                                                "trail is append-only');\nEND")));
    dialog = verify(f);
    headline = dialog->findChild<QLabel *>(QStringLiteral("verifyHeadline"));
    details = dialog->findChild<QListWidget *>(QStringLiteral("verifyDetails"));
    INFO(lines(details).join(u'\n').toStdString());
    CHECK(headline->text().startsWith(QStringLiteral("1 problem")));
    REQUIRE(details->count() > 0);
    CHECK(details->item(0)->text().startsWith(QStringLiteral("audit chain: entry #3 (")));
    CHECK(details->item(0)->text().contains(QStringLiteral("altered")));
    test::screenshot(dialog, QStringLiteral("verify-tampered"));
    dialog->reject();
    test::flushDeletes();
}

TEST_CASE("View > Audit Trail lists the newest first and filters by record, person, type, action and day", "[ui][audit]")
{
    WindowFixture f;
    CatalogueDialog *people = openPeople(f);
    f.window->database().setActor(QStringLiteral("j.okafor"));
    people->startNewItem();
    savePerson(people, QStringLiteral("Dana Okafor"));
    savePerson(people, QStringLiteral("Dana Okafor-Reid"));
    f.window->database().setActor(QStringLiteral("m.berg"));
    people->startNewItem();
    savePerson(people, QStringLiteral("Lee Chan"));
    people->reject();
    test::flushDeletes();

    f.trigger(QStringLiteral("actionAuditTrail"));
    QCoreApplication::processEvents();
    auto *dialog = f.window->findChild<AuditTrailDialog *>(QStringLiteral("auditTrailDialog"));
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    CHECK(!f.find<QAction>(QStringLiteral("actionAuditTrail"))->shortcut().isEmpty());
    AuditTrailModel *model = dialog->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto column = [&](int row, int col) { return model->index(row, col).data().toString(); };

    // Newest first: Lee Chan's creation, then the rename, with the old and new name.
    REQUIRE(model->rowCount() > 3);
    CHECK(column(0, AuditTrailModel::Record) == QStringLiteral("Lee Chan"));
    CHECK(column(0, AuditTrailModel::Who) == QStringLiteral("m.berg"));
    CHECK(column(1, AuditTrailModel::Changes).contains(QStringLiteral("Dana Okafor → Dana Okafor-Reid")));

    auto *record = dialog->findChild<QLineEdit *>(QStringLiteral("auditFilterRecord"));
    record->setText(QStringLiteral("okafor"));
    QTest::keyClick(record, Qt::Key_Return);
    REQUIRE(model->rowCount() == 2);
    CHECK(column(0, AuditTrailModel::Record) == QStringLiteral("Dana Okafor-Reid"));
    CHECK(column(1, AuditTrailModel::Action) == auditActionTitle(AuditAction::Create));
    test::screenshot(dialog, QStringLiteral("audit-trail-record"));

    auto *action = dialog->findChild<QComboBox *>(QStringLiteral("auditFilterAction"));
    action->setCurrentIndex(action->findData(QStringLiteral("update")));
    REQUIRE(model->rowCount() == 1);
    CHECK(column(0, AuditTrailModel::Changes).contains(QStringLiteral("Dana Okafor-Reid")));

    dialog->findChild<QPushButton *>(QStringLiteral("auditFilterClear"))->click();
    CHECK(record->text().isEmpty());
    CHECK(model->rowCount() > 3);
    CHECK(column(0, AuditTrailModel::Record) == QStringLiteral("Lee Chan"));
    auto *person = dialog->findChild<QComboBox *>(QStringLiteral("auditFilterPerson"));
    person->setCurrentIndex(person->findData(QStringLiteral("m.berg")));
    REQUIRE(model->rowCount() == 1);
    CHECK(column(0, AuditTrailModel::Record) == QStringLiteral("Lee Chan"));
    person->setCurrentIndex(0);

    auto *type = dialog->findChild<QComboBox *>(QStringLiteral("auditFilterType"));
    const int peopleType = type->findData(QStringLiteral("people"));
    REQUIRE(peopleType > 0);
    type->setCurrentIndex(peopleType);
    CHECK(model->rowCount() == 3);
    CHECK(column(0, AuditTrailModel::RecordType) == type->itemText(peopleType));

    // Days are the user's: from tomorrow nothing, up to today everything of that type.
    auto *from = dialog->findChild<QDateEdit *>(QStringLiteral("auditFilterFrom"));
    const QDate today = QDate::currentDate();
    from->setDate(today.addDays(1));
    CHECK(model->rowCount() == 0);
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("auditCount"))->text() == QStringLiteral("No entries match."));
    from->setDate(today.addDays(-1));
    dialog->findChild<QDateEdit *>(QStringLiteral("auditFilterTo"))->setDate(today.addDays(1));
    CHECK(model->rowCount() == 3);

    // A change made while the viewer is open shows at the top.
    type->setCurrentIndex(0);
    people = openPeople(f);
    people->startNewItem();
    savePerson(people, QStringLiteral("Sam Ortiz"));
    people->reject();
    test::flushDeletes();
    CHECK(column(0, AuditTrailModel::Record) == QStringLiteral("Sam Ortiz"));
    dialog->close();
    test::flushDeletes();
}

TEST_CASE("The audit trail reads a page at a time as the list scrolls", "[ui][audit]")
{
    WindowFixture f;
    AuditTrailModel model(f.window->database(), f.window->modules());
    model.setFilter({});
    const qint64 total = AuditLog(f.window->database()).count();
    REQUIRE(total > AuditTrailModel::pageSize); // the built-in catalogues
    CHECK(model.rowCount() == AuditTrailModel::pageSize);
    CHECK(model.canFetchMore({}));
    while (model.canFetchMore({}))
        model.fetchMore({});
    CHECK(model.rowCount() == total);
    // Ids run down without a gap or a repeat across the pages.
    for (int row = 1; row < model.rowCount(); ++row)
        REQUIRE(model.entryAt(row)->id == model.entryAt(row - 1)->id - 1);
}

TEST_CASE("A person's History tab shows a rename made in the people list", "[ui][audit][people]")
{
    WindowFixture f;
    CatalogueDialog *dialog = openPeople(f);
    dialog->startNewItem();
    savePerson(dialog, QStringLiteral("Dana Okafor"));
    savePerson(dialog, QStringLiteral("Dana Okafor-Reid"));
    auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("catalogueTabs"));
    REQUIRE(tabs);
    tabs->setCurrentIndex(1);
    auto *history = dialog->findChild<QTreeWidget *>(QStringLiteral("historyTree"));
    REQUIRE(history);
    REQUIRE(history->topLevelItemCount() == 2);
    QTreeWidgetItem *rename = history->topLevelItem(0); // newest first
    CHECK(rename->text(2) == QStringLiteral("Changed"));
    REQUIRE(rename->childCount() == 1);
    CHECK(rename->child(0)->text(2) == QStringLiteral("Name"));
    CHECK(rename->child(0)->text(3) == QStringLiteral("Dana Okafor"));
    CHECK(rename->child(0)->text(4) == QStringLiteral("Dana Okafor-Reid"));
    CHECK(history->topLevelItem(1)->text(2) == QStringLiteral("Created"));
    test::screenshot(dialog, QStringLiteral("person-history"));

    // A new entry has no history yet.
    dialog->startNewItem();
    CHECK(history->topLevelItem(0)->text(2) == QStringLiteral("Not saved yet."));
    dialog->reject();
    test::flushDeletes();
}
