#include "kpi.h"

#include <QLocale>

#include "base/enumnames.h"
#include "base/timeformat.h"
#include "storage/database.h"

#include <QCoreApplication>

#include <cmath>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Kpi)
};

constexpr EnumName<KpiSource> sources[] = {
    {KpiSource::Computed, "computed", QT_TRANSLATE_NOOP("vigil::Kpi", "Computed")},
    {KpiSource::Manual, "manual", QT_TRANSLATE_NOOP("vigil::Kpi", "Entered by hand")},
};

constexpr EnumName<KpiDirection> directions[] = {
    {KpiDirection::HigherIsBetter, "higher", QT_TRANSLATE_NOOP("vigil::Kpi", "Higher is better")},
    {KpiDirection::LowerIsBetter, "lower", QT_TRANSLATE_NOOP("vigil::Kpi", "Lower is better")},
};

constexpr EnumName<KpiFrequency> frequencies[] = {
    {KpiFrequency::Month, "month", QT_TRANSLATE_NOOP("vigil::Kpi", "Monthly")},
    {KpiFrequency::Quarter, "quarter", QT_TRANSLATE_NOOP("vigil::Kpi", "Quarterly")},
    {KpiFrequency::Year, "year", QT_TRANSLATE_NOOP("vigil::Kpi", "Yearly")},
};

constexpr EnumName<KpiStatus> statuses[] = {
    {KpiStatus::Unknown, "unknown", QT_TRANSLATE_NOOP("vigil::Kpi", "No value")},
    {KpiStatus::Red, "red", QT_TRANSLATE_NOOP("vigil::Kpi", "Red")},
    {KpiStatus::Amber, "amber", QT_TRANSLATE_NOOP("vigil::Kpi", "Amber")},
    {KpiStatus::Green, "green", QT_TRANSLATE_NOOP("vigil::Kpi", "Green")},
};

// The kind of period a value of the frequency is entered for.
Period::Kind periodKind(KpiFrequency frequency)
{
    switch (frequency) {
    case KpiFrequency::Quarter:
        return Period::Kind::Quarter;
    case KpiFrequency::Year:
        return Period::Kind::Year;
    case KpiFrequency::Month:
        break;
    }
    return Period::Kind::Month;
}

} // namespace

QString kpiSourceKey(KpiSource source)
{
    return enumKey(sources, source);
}

bool kpiSourceFromKey(const QString &key, KpiSource *source)
{
    return enumFromKey(sources, key, source);
}

QString kpiDirectionKey(KpiDirection direction)
{
    return enumKey(directions, direction);
}

bool kpiDirectionFromKey(const QString &key, KpiDirection *direction)
{
    return enumFromKey(directions, key, direction);
}

QString kpiFrequencyKey(KpiFrequency frequency)
{
    return enumKey(frequencies, frequency);
}

bool kpiFrequencyFromKey(const QString &key, KpiFrequency *frequency)
{
    return enumFromKey(frequencies, key, frequency);
}

QString kpiStatusKey(KpiStatus status)
{
    return enumKey(statuses, status);
}

QString kpiStatusTitle(KpiStatus status)
{
    return QCoreApplication::translate("vigil::Kpi", enumName(statuses, status).title);
}

KpiStatus kpiStatus(const Kpi &kpi, std::optional<double> value)
{
    if (!value || !kpi.target || std::isnan(*value))
        return KpiStatus::Unknown;
    // How far short of the target the value falls (zero or less: on target).
    const double shortfall = kpi.direction == KpiDirection::HigherIsBetter ? *kpi.target - *value : *value - *kpi.target;
    if (shortfall <= 0)
        return KpiStatus::Green;
    if (shortfall <= kpi.amberBand)
        return KpiStatus::Amber;
    return KpiStatus::Red;
}

QString CatalogueTraits<Kpi>::table()
{
    return QStringLiteral("kpis");
}

QStringList CatalogueTraits<Kpi>::columns()
{
    return {QStringLiteral("key"), QStringLiteral("description"), QStringLiteral("unit"), QStringLiteral("source"),
        QStringLiteral("target"), QStringLiteral("direction"), QStringLiteral("amber_band"), QStringLiteral("owner_id"),
        QStringLiteral("frequency"), QStringLiteral("sort_order")};
}

QVariantMap CatalogueTraits<Kpi>::fields(const Kpi &kpi)
{
    return {{QStringLiteral("key"), kpi.key.isEmpty() ? QVariant() : QVariant(kpi.key)},
        {QStringLiteral("description"), kpi.description.trimmed()}, {QStringLiteral("unit"), kpi.unit.trimmed()},
        {QStringLiteral("source"), kpiSourceKey(kpi.source)},
        {QStringLiteral("target"), kpi.target ? QVariant(*kpi.target) : QVariant()},
        {QStringLiteral("direction"), kpiDirectionKey(kpi.direction)}, {QStringLiteral("amber_band"), kpi.amberBand},
        {QStringLiteral("owner_id"), idOrNull(kpi.ownerId)},
        {QStringLiteral("frequency"), kpiFrequencyKey(kpi.frequency)}, {QStringLiteral("sort_order"), kpi.sortOrder}};
}

void CatalogueTraits<Kpi>::read(Kpi &kpi, const Query &q, int first)
{
    kpi.key = q.value(first).toString();
    kpi.description = q.value(first + 1).toString();
    kpi.unit = q.value(first + 2).toString();
    kpiSourceFromKey(q.value(first + 3).toString(), &kpi.source);
    if (!q.value(first + 4).isNull())
        kpi.target = q.value(first + 4).toDouble();
    kpiDirectionFromKey(q.value(first + 5).toString(), &kpi.direction);
    kpi.amberBand = q.value(first + 6).toDouble();
    kpi.ownerId = q.value(first + 7).toLongLong();
    kpiFrequencyFromKey(q.value(first + 8).toString(), &kpi.frequency);
    kpi.sortOrder = q.value(first + 9).toInt();
}

QString CatalogueTraits<Kpi>::problem(const Kpi &kpi)
{
    if (kpi.name.trimmed().isEmpty())
        return Text::tr("A KPI needs a name.");
    if (kpi.source == KpiSource::Computed && kpi.key.isEmpty())
        return Text::tr("A computed KPI needs the key of its computation.");
    if (kpi.amberBand < 0 || std::isnan(kpi.amberBand))
        return Text::tr("A KPI's amber band cannot be negative.");
    if (kpi.target && std::isnan(*kpi.target))
        return Text::tr("A KPI's target must be a number.");
    return {};
}

int kpiFrequencyMonths(KpiFrequency frequency)
{
    switch (frequency) {
    case KpiFrequency::Quarter:
        return 3;
    case KpiFrequency::Year:
        return 12;
    case KpiFrequency::Month:
        break;
    }
    return 1;
}

QString kpiValueText(std::optional<double> value, const QString &unit)
{
    if (!value)
        return QStringLiteral("–");
    const bool whole = std::abs(*value) >= 100 || std::abs(*value - std::round(*value)) < 0.05;
    const QString number = QLocale().toString(*value, 'f', whole ? 0 : 1);
    if (unit == QLatin1String("%"))
        return number + unit;
    return unit.isEmpty() ? number : Text::tr("%1 %2").arg(number, unit);
}

std::optional<Period> entryPeriod(const Kpi &kpi, const Period &period)
{
    const Period entered = Period::containing(periodKind(kpi.frequency), period.first());
    if (period.last() > entered.last())
        return std::nullopt;
    return entered;
}

QList<Kpi> activeKpis(Database &db)
{
    QList<Kpi> kpis = KpiRepository(db).list();
    std::stable_sort(kpis.begin(), kpis.end(), [](const Kpi &a, const Kpi &b) { return a.sortOrder < b.sortOrder; });
    return kpis;
}

ExportTable kpiValuesExportTable(Database &db)
{
    ExportTable table;
    table.title = Text::tr("KPI values");
    table.headers = {Text::tr("KPI"), Text::tr("Key"), Text::tr("Period"), Text::tr("Period start"), Text::tr("Value"),
        Text::tr("Unit"), Text::tr("Note"), Text::tr("Entered"), Text::tr("Entered by"), Text::tr("Changed"),
        Text::tr("Changed by")};
    Query q(db, QStringLiteral("SELECT k.name, k.key, k.frequency, v.period_start, v.value, k.unit, v.note, v.created_at, "
                               "v.created_by, v.updated_at, v.updated_by FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id "
                               "ORDER BY k.sort_order, k.name COLLATE NOCASE, k.id, v.period_start"));
    q.exec();
    while (q.next()) {
        KpiFrequency frequency = KpiFrequency::Month;
        kpiFrequencyFromKey(q.value(2).toString(), &frequency);
        const QDate start = fromStoredDate(q.value(3).toString());
        const QDateTime entered = fromStoredUtc(q.value(7).toString());
        const QDateTime changed = fromStoredUtc(q.value(9).toString());
        table.rows.append({q.value(0).toString(), q.value(1).toString(),
            start.isValid() ? QVariant(Period::containing(periodKind(frequency), start).key()) : QVariant(q.value(3).toString()),
            start.isValid() ? QVariant(start) : QVariant(), q.value(4).toDouble(), q.value(5).toString(),
            q.value(6).toString(), entered.isValid() ? QVariant(entered) : QVariant(), q.value(8).toString(),
            changed.isValid() ? QVariant(changed) : QVariant(), q.value(10).toString()});
    }
    return table;
}

KpiValueRepository::KpiValueRepository(Database &db)
    : m_db(db)
{
}

qint64 KpiValueRepository::find(qint64 kpiId, const QDate &periodStart) const
{
    return scalar(m_db, QStringLiteral("SELECT id FROM kpi_values WHERE kpi_id = ? AND period_start = ?"),
        {kpiId, toStoredDate(periodStart)})
        .toLongLong();
}

std::optional<double> KpiValueRepository::value(qint64 kpiId, const QDate &periodStart) const
{
    const QVariant v = scalar(m_db, QStringLiteral("SELECT value FROM kpi_values WHERE kpi_id = ? AND period_start = ?"),
        {kpiId, toStoredDate(periodStart)});
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

QString KpiValueRepository::note(qint64 kpiId, const QDate &periodStart) const
{
    return scalar(m_db, QStringLiteral("SELECT note FROM kpi_values WHERE kpi_id = ? AND period_start = ?"),
        {kpiId, toStoredDate(periodStart)})
        .toString();
}

void KpiValueRepository::setValue(qint64 kpiId, const QDate &periodStart, double value, const QString &note)
{
    if (std::isnan(value) || std::isinf(value))
        throw Error(Text::tr("A KPI value must be a number."));
    if (!periodStart.isValid())
        throw Error(Text::tr("A KPI value needs the period it is for."));
    Transaction tx(m_db);
    RecordStore store(m_db, QStringLiteral("kpi_values"));
    const QVariantMap fields = {{QStringLiteral("value"), value}, {QStringLiteral("note"), note.trimmed()}};
    if (const qint64 id = find(kpiId, periodStart)) {
        store.update(id, fields);
    } else {
        QVariantMap all = fields;
        all.insert(QStringLiteral("kpi_id"), kpiId);
        all.insert(QStringLiteral("period_start"), toStoredDate(periodStart));
        store.insert(all);
    }
    tx.commit();
}

void KpiValueRepository::clear(qint64 kpiId, const QDate &periodStart)
{
    remove(kpiId, periodStart);
}

QVariantMap KpiValueRepository::remove(qint64 kpiId, const QDate &periodStart)
{
    const qint64 id = find(kpiId, periodStart);
    if (!id)
        return {};
    Transaction tx(m_db);
    RecordStore store(m_db, QStringLiteral("kpi_values"));
    const QVariantMap row = store.row(id);
    store.remove(id);
    tx.commit();
    return row;
}

void KpiValueRepository::restore(const QVariantMap &row)
{
    Transaction tx(m_db);
    RecordStore(m_db, QStringLiteral("kpi_values")).reinsert(row, Text::tr("entry undone"));
    tx.commit();
}

} // namespace vigil
