#pragma once

// The report's layout, shared by the file that builds and prints the document (reportdocument.cpp)
// and the one that writes its sections (reportsections.cpp). Not part of the report's API.
#include "report/report.h"
#include "report/reportcharts.h"
#include "report/reportdata.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextObjectInterface>

#include <algorithm>
#include <functional>

class QPagedPaintDevice;
class QTextTable;

namespace vigil::report {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Report)
};

constexpr int objectType = QTextFormat::UserObject + 1;
constexpr int objectIndex = QTextFormat::UserProperty + 1;

// Draws the report's charts where the text layout puts them: each object is a painting function
// and a size, looked up by the index its character carries.
class ObjectHandler : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    using Paint = std::function<void(QPainter &, const QRectF &)>;

    int add(const QSizeF &size, Paint paint)
    {
        m_objects.append({size, std::move(paint)});
        return int(m_objects.size() - 1);
    }
    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        return m_objects.value(format.property(objectIndex).toInt()).size;
    }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        const int index = format.property(objectIndex).toInt();
        if (index >= 0 && index < m_objects.size() && m_objects.at(index).paint)
            m_objects.at(index).paint(*painter, rect);
    }

private:
    struct Object
    {
        QSizeF size;
        Paint paint;
    };
    QList<Object> m_objects;
};

inline QString statusWord(KpiStatus status)
{
    return status == KpiStatus::Unknown ? Text::tr("No value") : kpiStatusTitle(status);
}

inline QString periodText(const Period &p)
{
    const QLocale locale;
    switch (p.kind()) {
    case Period::Kind::Month:
        return locale.toString(p.first(), QStringLiteral("MMMM yyyy"));
    case Period::Kind::Quarter:
        return Text::tr("Q%1 %2").arg((p.first().month() - 1) / 3 + 1).arg(p.first().year());
    case Period::Kind::Year:
        return QString::number(p.first().year());
    case Period::Kind::Custom:
        break;
    }
    return Text::tr("%1 to %2").arg(locale.toString(p.first(), QLocale::LongFormat), locale.toString(p.last(), QLocale::LongFormat));
}

inline bool allZero(const QList<KpiCount> &counts)
{
    return std::all_of(counts.begin(), counts.end(), [](const KpiCount &c) { return c.count == 0; });
}

} // namespace vigil::report

namespace vigil {

struct ReportDocument::Private
{
    ReportOptions options;
    ReportData data;
    int pages = 0;

    // Built per print(): the device decides the resolution and the page.
    double dpi = 72;
    QTextDocument *doc = nullptr;
    report::ObjectHandler *objects = nullptr;
    QTextCursor cursor;
    double width = 0; // of the text area, device pixels
    QFont font;
    QList<std::pair<QString, QTextBlock>> contents; // section headings, for the table of contents
    QTextTable *contentsTable = nullptr;
    QPaintDevice *device = nullptr;

    // Points in the device's pixels (drawing, object sizes) ...
    double pt(double points) const { return points * dpi / 72.0; }
    QString siteName() const { return data.site.name.isEmpty() ? report::Text::tr("Unnamed site") : data.site.name; }
    // ... and in the text layout's units for its margins, padding and fixed widths, which it
    // scales to the device itself (from 96 per inch).
    static double len(double points) { return points * 96.0 / 72.0; }
    QFont sized(double points, bool bold = false) const
    {
        QFont f = font;
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    void build();
    void cover();
    void heading(const QString &text, int level);
    void paragraph(const QString &text, bool quiet = false);
    void bullet(const QString &text);
    void spacer();
    QTextCharFormat cellFormat(bool bold) const;
    QTextTable *gridTable(const QStringList &headers, int bodyRows, const QList<QTextLength> &widths);
    void table(const ReportTable &table, const QString &emptyText);
    void object(double heightRatio, report::ObjectHandler::Paint paint);
    void chart(const ReportChart &chart, double heightRatio = 0.42);

    void summary();
    void kpis();
    void risks();
    void incidents();
    void training();
    void actions();
    void openPoints();
    void paint(QPagedPaintDevice *target, const QRectF &body, double band);
};

} // namespace vigil
