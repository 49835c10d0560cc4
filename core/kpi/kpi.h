#pragma once

#include "io/exporttable.h"
#include "kpi/period.h"
#include "storage/catalogue.h"

#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace vigil {

enum class KpiSource { Computed, Manual };
enum class KpiDirection { HigherIsBetter, LowerIsBetter };
enum class KpiFrequency { Month, Quarter, Year };
// Red, amber, green against the target; Unknown when there is no value (or no target).
enum class KpiStatus { Unknown, Red, Amber, Green };

QString kpiSourceKey(KpiSource source);
bool kpiSourceFromKey(const QString &key, KpiSource *source);
QString kpiDirectionKey(KpiDirection direction);
bool kpiDirectionFromKey(const QString &key, KpiDirection *direction);
QString kpiFrequencyKey(KpiFrequency frequency);
bool kpiFrequencyFromKey(const QString &key, KpiFrequency *frequency);
// How many calendar months a period of the frequency spans: 1, 3 or 12.
int kpiFrequencyMonths(KpiFrequency frequency);
QString kpiStatusKey(KpiStatus status);
QString kpiStatusTitle(KpiStatus status);

// A KPI's definition. A computed KPI names its built-in computation by key; a manual one is
// read from the values entered per period.
struct Kpi
{
    qint64 id = 0;
    QString uuid;
    QString key; // computed KPIs (and built-in manual ones); empty for a KPI the user added
    QString name;
    QString description;
    QString unit;
    KpiSource source = KpiSource::Manual;
    std::optional<double> target;
    KpiDirection direction = KpiDirection::HigherIsBetter;
    double amberBand = 0; // how far on the wrong side of the target is still amber
    qint64 ownerId = 0;
    KpiFrequency frequency = KpiFrequency::Month;
    int sortOrder = 0;
    bool active = true;
    bool operator==(const Kpi &) const = default;
};

// Green on or beyond the target in the KPI's direction, amber up to amberBand short of it,
// red beyond; Unknown without a value or a target.
KpiStatus kpiStatus(const Kpi &kpi, std::optional<double> value);

template<>
struct CatalogueTraits<Kpi>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Kpi &kpi);
    static void read(Kpi &kpi, const Query &q, int first);
    static QString problem(const Kpi &kpi);
};

using KpiRepository = Catalogue<Kpi>;

// A KPI value as people read it: "93.1%", "262 hours", "9 incidents" (whole numbers from 100
// up or when whole, otherwise one decimal); "–" for no value.
QString kpiValueText(std::optional<double> value, const QString &unit);

// The period a manual KPI's value is entered for when `period` is asked for: the period of the
// KPI's frequency that holds it (a quarterly audit score for one of its months); nothing when
// `period` is longer (a monthly count has no one value for a quarter).
std::optional<Period> entryPeriod(const Kpi &kpi, const Period &period);

// The list of active KPIs in their display order (sort_order, then name).
QList<Kpi> activeKpis(Database &db);

// Every manual KPI value entered, for export: KPI, key, period ("2026-03", "2026-Q1", "2026") and
// its first day, value, unit, note, and who entered and last changed it when; KPIs in their
// display order (inactive ones included), each one's periods oldest first.
ExportTable kpiValuesExportTable(Database &db);

// Values of manual KPIs, one per KPI and period (keyed by the period's first day).
class KpiValueRepository
{
public:
    explicit KpiValueRepository(Database &db);

    std::optional<double> value(qint64 kpiId, const QDate &periodStart) const;
    QString note(qint64 kpiId, const QDate &periodStart) const;
    // Enters or changes the value for the period, in one transaction with its audit entry.
    void setValue(qint64 kpiId, const QDate &periodStart, double value, const QString &note = {});
    // Takes the value away; nothing when there is none.
    void clear(qint64 kpiId, const QDate &periodStart);
    // The same, returning the row taken away (empty when none) for restore(): an undone entry
    // comes back as the same record.
    QVariantMap remove(qint64 kpiId, const QDate &periodStart);
    void restore(const QVariantMap &row);

private:
    qint64 find(qint64 kpiId, const QDate &periodStart) const;
    Database &m_db;
};

} // namespace vigil
