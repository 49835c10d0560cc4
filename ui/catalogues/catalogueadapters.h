#pragma once

#include "shell/module.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace vigil {

// One field of a catalogue entry's form.
struct CatalogueField
{
    enum class Type { Line, Text, Choice, Person, Number, Date }; // Date: a QDate, invalid for none
    QString key;
    QString label;
    Type type = Type::Line;
    QList<QPair<QString, QVariant>> choices; // Choice: title and value
    int minimum = 0;
    int maximum = 0;
};

struct CatalogueEntry
{
    qint64 id = 0;
    bool active = true;
    QString uuid;       // for its history
    QStringList cells;  // what the list shows
    QVariantMap values; // what the form edits, by field key
};

// What the catalogue dialog needs to know about one catalogue.
class CatalogueAdapter
{
public:
    virtual ~CatalogueAdapter() = default;
    virtual QString windowTitle() const = 0;
    virtual QString table() const = 0; // where the entries are kept: their audit trail's entity
    virtual QStringList columns() const = 0;
    virtual QList<CatalogueField> fields(const ModuleContext &context) const = 0;
    virtual QList<CatalogueEntry> entries(const ModuleContext &context, bool includeInactive) const = 0;
    // Saves through the undo stack; nothing when refused (the user has been told).
    virtual std::optional<qint64> save(const ModuleContext &context, qint64 id, bool active,
        const QVariantMap &values) const = 0;
};

std::unique_ptr<CatalogueAdapter> peopleCatalogue();
std::unique_ptr<CatalogueAdapter> postCatalogue();
std::unique_ptr<CatalogueAdapter> employerCatalogue();
std::unique_ptr<CatalogueAdapter> courseCatalogue();
std::unique_ptr<CatalogueAdapter> threatCatalogue();
std::unique_ptr<CatalogueAdapter> controlCatalogue();
std::unique_ptr<CatalogueAdapter> assetCatalogue();
std::unique_ptr<CatalogueAdapter> areaCatalogue();
std::unique_ptr<CatalogueAdapter> incidentCategoryCatalogue();

} // namespace vigil
