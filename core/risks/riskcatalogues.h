#pragma once

#include "storage/catalogue.h"

#include <QString>

namespace vigil {

// What might cause harm: the threat catalogue, seeded from the ENISA threat taxonomy and
// editable (entries can be added, changed, or made inactive).
struct Threat
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString category;
    QString description;
    QString source; // where a built-in entry came from; empty for the site's own
    bool active = true;
    bool operator==(const Threat &) const = default;
};

enum class ControlType { Preventive, Detective, Corrective, Deterrent };
enum class ControlStatus { Planned, Implemented, Ineffective };
QString controlTypeKey(ControlType type);
QString controlTypeTitle(ControlType type);
bool controlTypeFromKey(const QString &key, ControlType *type);
QString controlStatusKey(ControlStatus status);
QString controlStatusTitle(ControlStatus status);
bool controlStatusFromKey(const QString &key, ControlStatus *status);

// A measure that changes a risk: existing controls are the implemented ones a risk is linked
// to, planned controls the planned ones.
struct Control
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString description;
    ControlType type = ControlType::Preventive;
    ControlStatus status = ControlStatus::Planned;
    qint64 ownerId = 0;
    bool active = true;
    bool operator==(const Control &) const = default;
};

// Something worth protecting; criticality runs from 1 (low) to 5 (critical).
struct Asset
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString category;
    QString location;
    int criticality = 3;
    qint64 ownerId = 0;
    bool active = true;
    bool operator==(const Asset &) const = default;
};

template<>
struct CatalogueTraits<Threat>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Threat &threat);
    static void read(Threat &threat, const Query &q, int first);
    static QString problem(const Threat &threat);
};

template<>
struct CatalogueTraits<Control>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Control &control);
    static void read(Control &control, const Query &q, int first);
    static QString problem(const Control &control);
};

template<>
struct CatalogueTraits<Asset>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Asset &asset);
    static void read(Asset &asset, const Query &q, int first);
    static QString problem(const Asset &asset);
};

using ThreatRepository = Catalogue<Threat>;
using ControlRepository = Catalogue<Control>;
using AssetRepository = Catalogue<Asset>;

// Reads the ENISA threat taxonomy (MISP JSON, as shipped in resources/catalogues) into threats,
// keeping ENISA's UUIDs so that every site's built-in threats share their identity.
QList<Threat> readEnisaThreats(const QByteArray &json);

} // namespace vigil
