#include "ui/uitestsupport.h"

#include "risks/ratingpicker.h"
#include "risks/heatmapwidget.h"
#include "risks/riskeditor.h"
#include "risks/riskrepository.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>

using namespace vigil;
using vigil::test::WindowFixture;
using vigil::test::waitForDialog;

namespace {

// Types text as a keyboard (or an input method) would: one key event per character, a
// surrogate pair in one event. QTest::keyClicks only types Latin-1.
void typeText(QWidget *widget, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString character = text.mid(i, length);
        i += length - 1;
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, character);
        QApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, character);
        QApplication::sendEvent(widget, &release);
    }
}

RiskEditor *openSelectedRisk(WindowFixture &f)
{
    auto *table = f.find<QTableView>(QStringLiteral("riskTable"));
    QCoreApplication::processEvents();
    REQUIRE(table->model()->rowCount() == 1);
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Return);
    return waitForDialog<RiskEditor>(f, QStringLiteral("riskEditor"));
}

} // namespace

TEST_CASE("Hostile text typed into the risk editor is saved and shown back unchanged", "[ui][risks][security]")
{
    const QString title = QStringLiteral("'); DROP TABLE risks;-- \"q\" \\ 100% _x_ \u202Eevil\u202C \U0001F600");
    const QString vulnerability = QStringLiteral("' OR '1'='1 zero\u200Dwidth \u200F<b>%1</b>");
    // A long text arrives by pasting, not by typing: 200,000 characters of it.
    QString description = QStringLiteral("Paste: '; DELETE FROM people;--\n\u202E\U0001F469\u200D\U0001F467\\%_\n");
    while (description.size() < 200000)
        description += description;
    description += QStringLiteral("end"); // the editor trims white space at either end

    WindowFixture f;
    f.window->showModule(QStringLiteral("risks"));
    QTest::keyClick(f.window, Qt::Key_N, Qt::ControlModifier);
    auto *editor = waitForDialog<RiskEditor>(f, QStringLiteral("riskEditor"));
    typeText(editor->findChild<QLineEdit *>(QStringLiteral("riskTitle")), title);
    typeText(editor->findChild<QLineEdit *>(QStringLiteral("riskVulnerability")), vulnerability);
    editor->findChild<QPlainTextEdit *>(QStringLiteral("riskDescription"))->setPlainText(description);
    for (const char *rating : {"inherentRating", "residualRating"}) {
        HeatMapWidget *map = editor->findChild<RatingPicker *>(QLatin1String(rating))->matrix();
        QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(2, 2).center());
    }
    // What was typed is what the form holds.
    REQUIRE(editor->risk().title == title);
    REQUIRE(editor->risk().vulnerability == vulnerability);
    const QPointer<RiskEditor> saved = editor;
    editor->findChild<QPushButton *>(QStringLiteral("saveRisk"))->click();
    QCoreApplication::processEvents();
    REQUIRE((saved.isNull() || !saved->isVisible())); // saved and closed
    test::flushDeletes();

    // Closed and opened again, the file and the editor show the same text.
    f.reopen();
    f.window->showModule(QStringLiteral("risks"));
    const QList<RiskRow> rows = RiskRepository(f.window->database()).rows({}, RiskColumn::Reference, Qt::AscendingOrder, 0, 10);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().title == title);
    const Risk stored = RiskRepository(f.window->database()).load(rows.first().id);
    CHECK(stored.title == title);
    CHECK(stored.vulnerability == vulnerability);
    CHECK(stored.description == description);

    editor = openSelectedRisk(f);
    CHECK(editor->findChild<QLineEdit *>(QStringLiteral("riskTitle"))->text() == title);
    CHECK(editor->findChild<QLineEdit *>(QStringLiteral("riskVulnerability"))->text() == vulnerability);
    CHECK(editor->findChild<QPlainTextEdit *>(QStringLiteral("riskDescription"))->toPlainText() == description);
    // Saving it untouched changes nothing.
    editor->findChild<QPushButton *>(QStringLiteral("saveRisk"))->click();
    QCoreApplication::processEvents();
    CHECK(RiskRepository(f.window->database()).load(rows.first().id) == stored);
}
