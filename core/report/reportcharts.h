#pragma once

#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;

namespace vigil {

// A chart for the printed report, drawn as vector graphics. Series are told apart by shade from
// light to dark and by outline, so they read in black and white.
struct ReportChart
{
    enum class Kind {
        StackedBars,    // a bar per category, the series stacked (incidents per month by severity)
        GroupedBars,    // the series side by side (actions raised and completed)
        HorizontalBars, // one series, a bar per category, the longest at the top
        Line,           // one series as a line with its values marked, and a dashed target
        Sparkline,      // a small line with no axes (a KPI's twelve months in a table)
    };
    struct Series
    {
        QString name;
        QList<std::optional<double>> values; // one per category; none: no value (a gap)
    };
    Kind kind = Kind::StackedBars;
    QStringList categories;
    QList<Series> series;
    std::optional<double> target;
    QString unit; // "%" shows the value axis as percentages
};

void paintReportChart(QPainter &painter, const QRectF &rect, const ReportChart &chart, const QFont &font);

} // namespace vigil
