// `vigil report`, through the real binary, read back with poppler's pdftotext and pdfinfo.
#include "cli/clitestsupport.h"

#include "actions/correctiveaction.h"
#include "base/clock.h"
#include "kpi/kpi.h"
#include "report/report.h"
#include "site/siteprofile.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace vigil;
using vigil::test::makeDemo;
using vigil::test::requireOneLineFailure;
using vigil::test::Run;
using vigil::test::TempDir;
using vigil::test::vigilRun;

namespace {

QString tool(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    REQUIRE(process.waitForStarted(10000));
    REQUIRE(process.waitForFinished(60000));
    INFO(program.toStdString() << " " << args.join(u' ').toStdString() << ": "
                               << QString::fromUtf8(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The PDF's text with every run of white space as one space: what a reader sees, whatever the
// line breaks (in layout mode: a table row is a line). The fonts set "fi" and "fl" as ligatures, which pdftotext returns as one character.
QString pdfText(const QString &pdf)
{
    return tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
        .replace(QChar(0xFB01), QStringLiteral("fi"))
        .replace(QChar(0xFB02), QStringLiteral("fl"))
        .simplified();
}

const QStringList noDisplay {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY")};

} // namespace

TEST_CASE("vigil report makes the management review PDF with every section and the KPI figures", "[cli][report]")
{
    TempDir dir;
    const QString demo = makeDemo(dir);
    const QString pdf = dir.path(QStringLiteral("review.pdf"));
    // No display and no QT_QPA_PLATFORM from the caller.
    const Run run = vigilRun({QStringLiteral("report"), QStringLiteral("--database"), demo, QStringLiteral("--out"), pdf,
                                 QStringLiteral("--period"), QStringLiteral("2026-10"), QStringLiteral("--prepared-by"),
                                 QStringLiteral("Sam Okoro"), QStringLiteral("--today"), QStringLiteral("2026-11-23")},
        noDisplay);
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    const QString text = pdfText(pdf);
    std::optional<SiteProfile> site;
    {
        auto db = Database::open(demo, OpenMode::ReadOnly);
        site = SiteRepository(*db).load();
    }
    REQUIRE(site);
    CHECK(text.contains(site->name));
    CHECK(text.contains(QStringLiteral("Management review report")));
    CHECK(text.contains(QStringLiteral("October 2026")));
    CHECK(text.contains(QStringLiteral("Prepared by Sam Okoro")));
    CHECK(text.contains(QStringLiteral("Contents")));
    for (ReportSection section : allReportSections) {
        INFO(reportSectionKey(section).toStdString());
        CHECK(text.count(reportSectionTitle(section)) >= 2); // in the contents and as the heading
    }
    CHECK(text.contains(QStringLiteral("Top ten residual risks")));
    CHECK(text.contains(QStringLiteral("Page 2 of")));

    // The figures are `vigil kpi`'s for the same period.
    const Run kpi = vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"), demo, QStringLiteral("--period"),
        QStringLiteral("2026-10"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(kpi.exitCode == 0);
    const QJsonArray kpis = QJsonDocument::fromJson(kpi.out.toUtf8()).object().value(QStringLiteral("kpis")).toArray();
    REQUIRE(kpis.size() == 15);
    int checked = 0;
    for (const QJsonValue &value : kpis) {
        const QJsonObject k = value.toObject();
        INFO(k.value(QStringLiteral("key")).toString().toStdString());
        const std::optional<double> v = k.value(QStringLiteral("value")).isNull()
            ? std::nullopt
            : std::optional<double>(k.value(QStringLiteral("value")).toDouble());
        const QString unit = k.value(QStringLiteral("unit")).toString();
        // Its name, then its value, target and status as the KPI table prints them.
        const QString row = QStringLiteral("%1 %2 %3 %4")
                                .arg(k.value(QStringLiteral("name")).toString(), kpiValueText(v, unit),
                                    kpiValueText(k.value(QStringLiteral("target")).toDouble(), unit))
                                .arg(v ? k.value(QStringLiteral("status")).toString() : QStringLiteral("no value"));
        CHECK(text.contains(row, Qt::CaseInsensitive));
        ++checked;
    }
    CHECK(checked == 15);
    const QJsonObject incidents = kpis.at(0).toObject();
    CHECK(text.contains(QStringLiteral("%1 incidents occurred in the period").arg(incidents.value(QStringLiteral("value")).toInt())));

    // Title, author and subject.
    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QRegularExpression(QStringLiteral("Title:\\s+%1: management review report, October 2026")
                                               .arg(QRegularExpression::escape(site->name)))));
    CHECK(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+595 x 842 pts \\(A4\\)"))));
    const QString meta = tool(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), pdf});
    CHECK(meta.contains(QStringLiteral("<rdf:li>Sam Okoro</rdf:li>")));
    CHECK(meta.contains(QStringLiteral("Security management review for October 2026")));
    CHECK_FALSE(meta.contains(QStringLiteral("pdfaid")));
}

TEST_CASE("vigil report honours the chosen sections, a range of days and the archival option", "[cli][report]")
{
    TempDir dir;
    const QString demo = makeDemo(dir);
    const QString pdf = dir.path(QStringLiteral("incidents.pdf"));
    const Run run = vigilRun({QStringLiteral("report"), QStringLiteral("--database"), demo, QStringLiteral("--out"), pdf,
        QStringLiteral("--from"), QStringLiteral("2026-09-15"), QStringLiteral("--to"), QStringLiteral("2026-10-14"),
        QStringLiteral("--sections"), QStringLiteral("incidents,actions"), QStringLiteral("--archival")});
    REQUIRE(run.exitCode == 0);
    const QString text = pdfText(pdf);
    CHECK(text.contains(reportSectionTitle(ReportSection::Incidents)));
    CHECK(text.contains(reportSectionTitle(ReportSection::Actions)));
    for (ReportSection absent : {ReportSection::Summary, ReportSection::Kpis, ReportSection::Risks, ReportSection::Training,
             ReportSection::OpenPoints}) {
        INFO(reportSectionKey(absent).toStdString());
        CHECK_FALSE(text.contains(reportSectionTitle(absent)));
    }
    CHECK(text.contains(QStringLiteral("15 September 2026 to")));
    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QRegularExpression(QStringLiteral("PDF version:\\s+1\\.4"))));
    CHECK(tool(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), pdf}).contains(QStringLiteral("<pdfaid:part>1</pdfaid:part>")));
}

TEST_CASE("vigil report of an empty period says there is nothing to report", "[cli][report]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("empty.vigil"));
    {
        auto db = Database::create(path);
        SiteProfile profile;
        profile.name = QStringLiteral("Quiet Depot");
        profile.paperSize = PaperSize::Letter;
        SiteRepository(*db).save(profile);
    }
    const QString pdf = dir.path(QStringLiteral("empty.pdf"));
    const Run run = vigilRun({QStringLiteral("report"), QStringLiteral("--database"), path, QStringLiteral("--out"), pdf,
        QStringLiteral("--period"), QStringLiteral("2020-01")});
    REQUIRE(run.exitCode == 0);
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("Quiet Depot")));
    CHECK(text.contains(QStringLiteral("No incidents occurred in the period: there is nothing to report.")));
    CHECK(text.contains(QStringLiteral("No risks are open.")));
    CHECK_FALSE(text.contains(QStringLiteral("By month and severity"))); // no empty chart
    CHECK(tool(QStringLiteral("pdfinfo"), {pdf}).contains(QRegularExpression(QStringLiteral("Page size:\\s+612 x 792 pts \\(letter\\)"))));
}

TEST_CASE("vigil report fails with one line and leaves no file behind", "[cli][report]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    // Into a "folder" that is a file: nothing can be written there.
    QFile blocker(dir.path(QStringLiteral("blocker")));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QStringList before = QDir(dir.root()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    const Run unwritable = vigilRun({QStringLiteral("report"), QStringLiteral("--database"), path, QStringLiteral("--out"),
        dir.path(QStringLiteral("blocker/review.pdf"))});
    requireOneLineFailure(unwritable, 1);
    CHECK(unwritable.err.contains(QStringLiteral("cannot be written")));
    CHECK(QDir(dir.root()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot) == before);

    const QStringList base {QStringLiteral("report"), QStringLiteral("--database"), path, QStringLiteral("--out"),
        dir.path(QStringLiteral("r.pdf"))};
    requireOneLineFailure(vigilRun(base + QStringList {QStringLiteral("--from"), QStringLiteral("2026-01-01")}), 2);
    requireOneLineFailure(vigilRun(base + QStringList {QStringLiteral("--sections"), QStringLiteral("risks,budget")}), 2);
    requireOneLineFailure(vigilRun(base + QStringList {QStringLiteral("--period"), QStringLiteral("2026-13")}), 2);
    requireOneLineFailure(vigilRun({QStringLiteral("report"), QStringLiteral("--database"), dir.path(QStringLiteral("none.vigil")),
                              QStringLiteral("--out"), dir.path(QStringLiteral("r.pdf"))}),
        1);
    CHECK_FALSE(QFile::exists(dir.path(QStringLiteral("r.pdf"))));
}

TEST_CASE("A table that breaks across pages repeats its header, and long text wraps", "[cli][report]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    {
        test::PinnedClock pinned(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
        auto db = Database::create(path);
        SiteProfile profile;
        profile.name = QStringLiteral("Long List Yard");
        SiteRepository(*db).save(profile);
        ActionRepository actions(*db);
        for (int i = 1; i <= 90; ++i) {
            CorrectiveAction action;
            action.description = QStringLiteral("Fix fence panel %1: replace every padlock on the perimeter gates with "
                                                "the restricted-key type, log the key holders, and check the register "
                                                "against the gatehouse sign-out sheet weekly until the end of the "
                                                "quarter; report exceptions to the site manager")
                                     .arg(i);
            action.dueDate = QDate(2026, 1, 20);
            actions.create(action);
        }
    }
    const QString pdf = dir.path(QStringLiteral("actions.pdf"));
    const Run run = vigilRun({QStringLiteral("report"), QStringLiteral("--database"), path, QStringLiteral("--out"), pdf,
        QStringLiteral("--period"), QStringLiteral("2026-02"), QStringLiteral("--sections"), QStringLiteral("actions")});
    REQUIRE(run.exitCode == 0);
    const QString text = pdfText(pdf);
    // The forty most overdue of the 90 take more than a page: the header row is on each.
    const int pages = int(text.count(QStringLiteral("Page ")));
    REQUIRE(pages >= 4); // cover, contents, two of actions
    CHECK(text.count(QStringLiteral("Action What Owner Due")) >= 2);
    CHECK(text.contains(QStringLiteral("The first 40 of 90; the register in Vigil lists them all.")));
    for (int i = 1; i <= 40; ++i)
        CHECK(text.contains(QStringLiteral("Fix fence panel %1:").arg(i)));
    CHECK_FALSE(text.contains(QStringLiteral("Fix fence panel 41:")));
    // Each long description is there to its last word, wrapped within its cell.
    CHECK(text.count(QStringLiteral("site manager")) == 40);
}
