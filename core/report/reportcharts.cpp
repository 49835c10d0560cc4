#include "reportcharts.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Report)
};

// Light to dark: apart in grey as well as in colour.
const QColor shades[] = {QColor(0xc6, 0xdb, 0xef), QColor(0x6b, 0xae, 0xd6), QColor(0x21, 0x71, 0xb5), QColor(0x08, 0x30, 0x6b)};

QColor shade(qsizetype index, qsizetype count)
{
    if (count <= 1)
        return shades[2];
    if (count == 2)
        return index == 0 ? shades[0] : shades[2];
    return shades[std::min<qsizetype>(index, 3)];
}

// A round step for an axis from 0 to at least top: 1, 2 or 5 times a power of ten, and never
// under 1 (counts are whole).
double niceStep(double top, int ticks)
{
    const double raw = std::max(top, double(ticks)) / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= raw)
            return m * power;
    }
    return 10 * power;
}

QString number(double value, const QString &unit)
{
    const QString text = std::abs(value - std::round(value)) < 1e-9 ? QString::number(qint64(std::round(value)))
                                                                     : QString::number(value, 'f', 1);
    return unit == QLatin1String("%") ? text + unit : text;
}

struct Frame
{
    QRectF plot;
    QRectF legend;
    double low = 0;
    double high = 1;
    double y(double value) const { return plot.bottom() - (value - low) / (high - low) * plot.height(); }
};

// Axes, grid and legend; returns where the data goes.
Frame drawFrame(QPainter &p, const QRectF &rect, const ReportChart &c, double low, double high, const QFont &font)
{
    const QFontMetricsF fm(font, p.device());
    const double step = niceStep(high - low, 4);
    Frame f;
    f.low = c.unit == QLatin1String("%") ? std::max(0.0, std::floor(low / step) * step) : 0;
    f.high = std::max(f.low + step, std::ceil(high / step) * step);
    const QString widest = number(f.high, c.unit);
    const double left = fm.horizontalAdvance(widest) + fm.height() * 0.6;
    const bool legend = c.series.size() > 1 || c.target;
    const double legendHeight = legend ? fm.height() * 1.6 : 0;
    f.plot = QRectF(rect.left() + left, rect.top() + fm.height() * 0.6, rect.width() - left - fm.height() * 0.4,
        rect.height() - fm.height() * 2.0 - legendHeight);
    f.legend = QRectF(rect.left(), rect.bottom() - legendHeight, rect.width(), legendHeight);
    p.setFont(font);
    const QPen grid(QColor(0xc8, 0xc8, 0xc8), 0);
    for (double v = f.low; v <= f.high + step / 2; v += step) {
        p.setPen(grid);
        p.drawLine(QPointF(f.plot.left(), f.y(v)), QPointF(f.plot.right(), f.y(v)));
        p.setPen(Qt::black);
        p.drawText(QRectF(rect.left(), f.y(v) - fm.height() / 2, left - fm.height() * 0.3, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, number(v, c.unit));
    }
    p.setPen(QPen(Qt::black, 0));
    p.drawLine(f.plot.bottomLeft(), f.plot.bottomRight());
    // Category labels, every one when they fit, else every second or third.
    const double slot = f.plot.width() / std::max<qsizetype>(c.categories.size(), 1);
    double widestLabel = 0;
    for (const QString &name : c.categories)
        widestLabel = std::max(widestLabel, fm.horizontalAdvance(name));
    const int every = std::max(1, int(std::ceil((widestLabel + fm.height() * 0.3) / slot)));
    for (qsizetype i = 0; i < c.categories.size(); i += every)
        p.drawText(QRectF(f.plot.left() + i * slot - slot, f.plot.bottom() + fm.height() * 0.2, slot * 3, fm.height()),
            Qt::AlignHCenter | Qt::AlignTop, c.categories.at(i));
    return f;
}

void drawLegend(QPainter &p, const QRectF &area, const ReportChart &c, const QFont &font)
{
    const QFontMetricsF fm(font, p.device());
    const double box = fm.height() * 0.7;
    double x = area.left() + fm.height();
    const double y = area.center().y();
    p.setFont(font);
    for (qsizetype s = 0; s < c.series.size(); ++s) {
        const QRectF swatch(x, y - box / 2, box, box);
        if (c.kind == ReportChart::Kind::Line) {
            p.setPen(QPen(shade(s, c.series.size()), box / 3));
            p.drawLine(QPointF(swatch.left(), y), QPointF(swatch.right(), y));
        } else {
            p.setPen(QPen(Qt::black, 0));
            p.setBrush(shade(s, c.series.size()));
            p.drawRect(swatch);
        }
        x += box * 1.4;
        p.setPen(Qt::black);
        p.drawText(QPointF(x, y + fm.ascent() / 2 - fm.descent() / 2), c.series.at(s).name);
        x += fm.horizontalAdvance(c.series.at(s).name) + fm.height() * 1.2;
    }
    if (c.target) {
        p.setPen(QPen(Qt::black, box / 5, Qt::DashLine));
        p.drawLine(QPointF(x, y), QPointF(x + box * 1.5, y));
        x += box * 2;
        p.setPen(Qt::black);
        const QString text = Text::tr("Target %1").arg(number(*c.target, c.unit));
        p.drawText(QPointF(x, y + fm.ascent() / 2 - fm.descent() / 2), text);
    }
    p.setBrush(Qt::NoBrush);
}

void paintBars(QPainter &p, const QRectF &rect, const ReportChart &c, const QFont &font)
{
    const bool stacked = c.kind == ReportChart::Kind::StackedBars;
    double top = 0;
    for (qsizetype i = 0; i < c.categories.size(); ++i) {
        double sum = 0;
        for (const ReportChart::Series &s : c.series) {
            const double v = s.values.value(i).value_or(0);
            sum = stacked ? sum + v : std::max(sum, v);
        }
        top = std::max(top, sum);
    }
    const Frame f = drawFrame(p, rect, c, 0, top, font);
    const double slot = f.plot.width() / std::max<qsizetype>(c.categories.size(), 1);
    const double barWidth = slot * 0.7 / (stacked ? 1 : std::max<qsizetype>(c.series.size(), 1));
    p.setPen(QPen(Qt::black, 0));
    for (qsizetype i = 0; i < c.categories.size(); ++i) {
        double base = 0;
        for (qsizetype s = 0; s < c.series.size(); ++s) {
            const double v = c.series.at(s).values.value(i).value_or(0);
            const double x = f.plot.left() + i * slot + slot * 0.15 + (stacked ? 0 : s * barWidth);
            if (v > 0) {
                p.setBrush(shade(s, c.series.size()));
                p.drawRect(QRectF(QPointF(x, f.y(base + v)), QPointF(x + barWidth, f.y(base))));
            }
            if (stacked)
                base += v;
        }
    }
    p.setBrush(Qt::NoBrush);
    drawLegend(p, f.legend, c, font);
}

void paintHorizontal(QPainter &p, const QRectF &rect, const ReportChart &c, const QFont &font)
{
    const QFontMetricsF fm(font, p.device());
    double widest = 0;
    double top = 1;
    const ReportChart::Series &s = c.series.first();
    for (qsizetype i = 0; i < c.categories.size(); ++i) {
        widest = std::max(widest, fm.horizontalAdvance(c.categories.at(i)));
        top = std::max(top, s.values.value(i).value_or(0));
    }
    widest = std::min(widest, rect.width() * 0.4);
    const QRectF plot(rect.left() + widest + fm.height() * 0.5, rect.top(), rect.width() - widest - fm.height() * 3,
        rect.height());
    const double row = plot.height() / std::max<qsizetype>(c.categories.size(), 1);
    p.setFont(font);
    for (qsizetype i = 0; i < c.categories.size(); ++i) {
        const double v = s.values.value(i).value_or(0);
        const QRectF band(plot.left(), plot.top() + i * row, plot.width(), row);
        p.setPen(Qt::black);
        p.drawText(QRectF(rect.left(), band.top(), widest, row), Qt::AlignRight | Qt::AlignVCenter,
            fm.elidedText(c.categories.at(i), Qt::ElideRight, widest));
        const QRectF bar(band.left(), band.top() + row * 0.15, band.width() * v / top, row * 0.7);
        p.setPen(QPen(Qt::black, 0));
        p.setBrush(shade(1, 3));
        p.drawRect(bar);
        p.drawText(QRectF(bar.right() + fm.height() * 0.3, band.top(), fm.height() * 3, row), Qt::AlignLeft | Qt::AlignVCenter,
            number(v, c.unit));
    }
    p.setBrush(Qt::NoBrush);
}

void paintLine(QPainter &p, const QRectF &rect, const ReportChart &c, const QFont &font, bool axes)
{
    // From the data (and the target): a sparkline of 300 to 650 hours uses its whole height.
    double low = c.target.value_or(std::numeric_limits<double>::max());
    double high = c.target.value_or(std::numeric_limits<double>::lowest());
    bool any = false;
    for (const ReportChart::Series &s : c.series) {
        for (const std::optional<double> &v : s.values) {
            if (!v)
                continue;
            low = std::min(low, *v);
            high = std::max(high, *v);
            any = true;
        }
    }
    if (!any && !c.target)
        return;
    Frame f;
    if (axes) {
        f = drawFrame(p, rect, c, low, c.unit == QLatin1String("%") ? std::max(high, 100.0) : high, font);
    } else {
        f.plot = rect.adjusted(1, 2, -1, -2);
        f.low = low;
        f.high = high > low ? high : low + 1;
    }
    const double slot = f.plot.width() / std::max<qsizetype>(c.categories.size(), 1);
    if (c.target) {
        p.setPen(QPen(Qt::black, std::max(1.0, f.plot.height() / 120), Qt::DashLine));
        p.drawLine(QPointF(f.plot.left(), f.y(*c.target)), QPointF(f.plot.right(), f.y(*c.target)));
    }
    const QFontMetricsF fm(font, p.device());
    for (qsizetype s = 0; s < c.series.size(); ++s) {
        const double width = axes ? fm.height() / 5 : std::max(1.0, f.plot.height() / 14);
        QPainterPath path;
        bool drawing = false;
        QList<QPointF> points;
        for (qsizetype i = 0; i < c.series.at(s).values.size(); ++i) {
            const std::optional<double> v = c.series.at(s).values.at(i);
            if (!v) {
                drawing = false;
                continue;
            }
            const QPointF at(f.plot.left() + (i + 0.5) * slot, f.y(*v));
            drawing ? path.lineTo(at) : path.moveTo(at);
            drawing = true;
            points.append(at);
        }
        p.setPen(QPen(axes ? shade(s, c.series.size()) : QColor(Qt::black), width));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setBrush(Qt::black);
        for (const QPointF &at : std::as_const(points))
            p.drawEllipse(at, width * 1.1, width * 1.1);
        if (axes) {
            p.setFont(font);
            for (qsizetype i = 0, k = 0; i < c.series.at(s).values.size(); ++i) {
                if (!c.series.at(s).values.at(i))
                    continue;
                const QPointF at = points.at(k++);
                p.drawText(QRectF(at.x() - slot, at.y() - fm.height() * 1.3, slot * 2, fm.height()), Qt::AlignCenter,
                    number(*c.series.at(s).values.at(i), {}));
            }
        }
    }
    p.setBrush(Qt::NoBrush);
    if (axes)
        drawLegend(p, f.legend, c, font);
}

} // namespace

void paintReportChart(QPainter &painter, const QRectF &rect, const ReportChart &chart, const QFont &font)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    switch (chart.kind) {
    case ReportChart::Kind::StackedBars:
    case ReportChart::Kind::GroupedBars:
        paintBars(painter, rect, chart, font);
        break;
    case ReportChart::Kind::HorizontalBars:
        if (!chart.series.isEmpty())
            paintHorizontal(painter, rect, chart, font);
        break;
    case ReportChart::Kind::Line:
        paintLine(painter, rect, chart, font, true);
        break;
    case ReportChart::Kind::Sparkline:
        paintLine(painter, rect, chart, font, false);
        break;
    }
    painter.restore();
}

} // namespace vigil
