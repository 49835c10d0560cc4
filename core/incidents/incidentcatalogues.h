#pragma once

#include "storage/catalogue.h"

namespace vigil {

// A part of the site (Gatehouse, Yard, Warehouse aisle 12 ...), chosen when logging an incident.
struct SiteArea
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString description;
    bool active = true;
    bool operator==(const SiteArea &) const = default;
};

// A category (parentId 0) or a subcategory of the incident catalogue.
struct IncidentCategory
{
    qint64 id = 0;
    QString uuid;
    QString name;
    qint64 parentId = 0;
    QString description;
    QString source; // where a built-in entry came from
    bool active = true;
    bool operator==(const IncidentCategory &) const = default;
};

template<>
struct CatalogueTraits<SiteArea>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const SiteArea &area);
    static void read(SiteArea &area, const Query &q, int first);
    static QString problem(const SiteArea &area);
};

template<>
struct CatalogueTraits<IncidentCategory>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const IncidentCategory &category);
    static void read(IncidentCategory &category, const Query &q, int first);
    static QString problem(const IncidentCategory &category);
};

using AreaRepository = Catalogue<SiteArea>;
using CategoryRepository = Catalogue<IncidentCategory>;

// The built-in catalogue: DOMAIN.md's categories, their subcategories partly from the VERIS
// physical and environmental action varieties.
struct CategorySeed
{
    const char *name;
    QList<std::pair<const char *, bool>> subcategories; // name, taken from VERIS
};
const QList<CategorySeed> &builtInIncidentCategories();

} // namespace vigil
