#include "cli.h"

#include "base/error.h"
#include "base/translations.h"
#include "io/csv.h"
#include "kpi/kpiengine.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

// Values to two decimals: what a person reads and what a roll-up adds up.
double rounded(double value)
{
    return std::round(value * 100.0) / 100.0;
}

QString number(std::optional<double> value)
{
    if (!value)
        return {};
    QString text = QString::number(rounded(*value), 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

QJsonValue jsonNumber(std::optional<double> value)
{
    return value ? QJsonValue(rounded(*value)) : QJsonValue(QJsonValue::Null);
}

QString asJson(const Period &period, const QList<KpiResult> &results)
{
    QJsonArray kpis;
    for (const KpiResult &r : results) {
        kpis.append(QJsonObject {{QStringLiteral("uuid"), r.kpi.uuid}, {QStringLiteral("key"), r.kpi.key},
            {QStringLiteral("name"), r.kpi.name}, {QStringLiteral("unit"), r.kpi.unit},
            {QStringLiteral("source"), kpiSourceKey(r.kpi.source)},
            {QStringLiteral("direction"), kpiDirectionKey(r.kpi.direction)},
            {QStringLiteral("target"), jsonNumber(r.target)}, {QStringLiteral("amber_band"), rounded(r.amberBand)},
            {QStringLiteral("value"), jsonNumber(r.value)}, {QStringLiteral("status"), kpiStatusKey(r.status)},
            {QStringLiteral("previous"), jsonNumber(r.previous)},
            {QStringLiteral("previous_status"), kpiStatusKey(r.previousStatus)}});
    }
    const Period previous = period.previous();
    const QJsonObject document {{QStringLiteral("period"), period.key()},
        {QStringLiteral("first"), period.first().toString(Qt::ISODate)},
        {QStringLiteral("last"), period.last().toString(Qt::ISODate)}, {QStringLiteral("previous_period"), previous.key()},
        {QStringLiteral("kpis"), kpis}};
    return QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)).trimmed();
}

// Exactly as the CSV export files are: every row ends in CRLF, the last included.
QByteArray asCsv(const QList<KpiResult> &results)
{
    QList<QStringList> rows {{QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("unit"),
        QStringLiteral("source"), QStringLiteral("direction"), QStringLiteral("target"), QStringLiteral("value"),
        QStringLiteral("status"), QStringLiteral("previous"), QStringLiteral("previous_status")}};
    for (const KpiResult &r : results) {
        rows.append({r.kpi.key, r.kpi.name, r.kpi.unit, kpiSourceKey(r.kpi.source), kpiDirectionKey(r.kpi.direction),
            number(r.target), number(r.value), kpiStatusKey(r.status), number(r.previous),
            kpiStatusKey(r.previousStatus)});
    }
    return csvDocument(rows);
}

// For a person at a terminal: one KPI per line, status in words so colour is never needed.
QString asText(const Period &period, const QList<KpiResult> &results)
{
    QList<QStringList> rows {{Text::tr("KPI"), Text::tr("Value"), Text::tr("Target"), Text::tr("Status"),
        Text::tr("Previous (%1)").arg(period.previous().key())}};
    for (const KpiResult &r : results) {
        // As the dashboard shows them ("93.1%", "262 hours").
        const auto shown = [&](std::optional<double> v) { return kpiValueText(v, r.kpi.unit); };
        rows.append({r.kpi.name, shown(r.value), shown(r.target), kpiStatusTitle(r.status), shown(r.previous)});
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    QStringList lines {Text::tr("KPIs for %1 (%2 to %3)")
                           .arg(period.key(), period.first().toString(Qt::ISODate), period.last().toString(Qt::ISODate))};
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i == 0 ? row.at(i).leftJustified(widths[i] + 2) : row.at(i).rightJustified(widths[i] + 2);
        while (line.endsWith(u' '))
            line.chop(1);
        lines.append(line);
    }
    return lines.join(u'\n');
}

} // namespace

int runKpi(int argc, char *argv[])
{
    quietQtMessages();
    QCoreApplication app(argc, argv);
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Prints every active KPI of the site file for a period: its value, "
                                              "target, red/amber/green status and the previous period's value. "
                                              "Reads the site file only; works while it is open in Vigil."));
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to read."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("period"),
        Text::tr("The period: a month (2026-03), a quarter (2026-Q1) or a year (2026)."), QStringLiteral("PERIOD")});
    parser.addOption({QStringLiteral("format"),
        Text::tr("How to print: text (the default, for people), json or csv (for scripts)."), QStringLiteral("FORMAT"),
        QStringLiteral("text")});
    int code = Success;
    if (!parse(parser, QStringLiteral("kpi"), arguments(argc, argv, 1),
            {QStringLiteral("database"), QStringLiteral("period")}, &code))
        return code;

    const QString periodText = parser.value(QStringLiteral("period"));
    const std::optional<Period> period = Period::parse(periodText);
    if (!period)
        return fail(QStringLiteral("kpi"),
            Text::tr("'%1' is not a period; use YYYY-MM, YYYY-Qn or YYYY.").arg(periodText), UsageError);
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("csv"))
        return fail(QStringLiteral("kpi"), Text::tr("unknown format '%1'; use text, json or csv.").arg(format),
            UsageError);

    try {
        const std::unique_ptr<Database> db = Database::open(parser.value(QStringLiteral("database")), OpenMode::ReadOnly);
        const QList<KpiResult> results = KpiEngine(*db).results(*period);
        if (format == QLatin1String("json"))
            printOut(asJson(*period, results));
        else if (format == QLatin1String("csv"))
            printBytes(asCsv(results));
        else
            printOut(asText(*period, results));
    } catch (const Error &e) {
        return fail(QStringLiteral("kpi"), e.message(), Failure);
    }
    return Success;
}

} // namespace vigil::cli
