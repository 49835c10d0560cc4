#pragma once

#include "io/outputfile.h"
#include "kpi/period.h"

#include <QDate>
#include <QList>
#include <QString>

#include <memory>

class QPagedPaintDevice;

namespace vigil {

class Database;

enum class ReportSection { Summary, Kpis, Risks, Incidents, Training, Actions, OpenPoints };
inline constexpr ReportSection allReportSections[] = {ReportSection::Summary, ReportSection::Kpis, ReportSection::Risks,
    ReportSection::Incidents, ReportSection::Training, ReportSection::Actions, ReportSection::OpenPoints};
QString reportSectionKey(ReportSection section); // summary, kpis, risks, ...
bool reportSectionFromKey(const QString &key, ReportSection *section);
QString reportSectionTitle(ReportSection section);

struct ReportOptions
{
    Period period;
    QList<ReportSection> sections {std::begin(allReportSections), std::end(allReportSections)};
    QString preparedBy;
    QDate preparedOn;      // invalid: today
    bool archival = false; // PDF/A-1b
};

// The management review report for a period, laid out for the site's paper size. It is read
// from the file once, laid out for a device (a PDF writer, a printer, a preview) and printed on
// it page by page: cover, contents, the chosen sections, a running header with the site and the
// period, and page numbers. Charts and heat maps are vector drawing.
class ReportDocument
{
public:
    ReportDocument(Database &db, const ReportOptions &options);
    ~ReportDocument();

    // Lays out for the device (its page size and resolution) and paints every page on it.
    void print(QPagedPaintDevice *device);
    // Pages of the last print().
    int pageCount() const;
    QString title() const;
    QString subject() const;
    QString author() const;
    // The site's paper (the site profile's A4 or Letter).
    bool letterPaper() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Writes the report as a PDF at path through writeOutputFile: complete or not at all (a failure
// leaves no file and no partial file), owner-only, never over the site file (db's is always
// refused), another site file, a backup or a non-file, and over an existing file only with
// output.replace. Throws Error with a message naming the path.
void writeReportPdf(Database &db, const ReportOptions &options, const QString &path, const OutputOptions &output = {});

} // namespace vigil
