#include "riskcatalogues.h"

#include "base/enumnames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::RiskCatalogues)
};

constexpr EnumName<ControlType> controlTypes[] = {
    {ControlType::Preventive, "preventive", QT_TRANSLATE_NOOP("vigil::RiskCatalogues", "Preventive")},
    {ControlType::Detective, "detective", QT_TRANSLATE_NOOP("vigil::RiskCatalogues", "Detective")},
    {ControlType::Corrective, "corrective", QT_TRANSLATE_NOOP("vigil::RiskCatalogues", "Corrective")},
    {ControlType::Deterrent, "deterrent", QT_TRANSLATE_NOOP("vigil::RiskCatalogues", "Deterrent")},
};

constexpr EnumName<ControlStatus> controlStatuses[] = {
    {ControlStatus::Planned, "planned", QT_TRANSLATE_NOOP("vigil::RiskCatalogues", "Planned")},
    {ControlStatus::Implemented, "implemented", QT_TRANSLATE_NOOP("vigil::RiskCatalogues", "Implemented")},
    {ControlStatus::Ineffective, "ineffective", QT_TRANSLATE_NOOP("vigil::RiskCatalogues", "Ineffective")},
};

// "Physical attack (deliberate/intentional)." -> "Physical attack"
QString categoryTitle(const QString &expanded)
{
    QString title = expanded;
    const qsizetype paren = title.indexOf(u'(');
    if (paren > 0)
        title = title.left(paren);
    title = title.trimmed();
    while (title.endsWith(u'.'))
        title.chop(1);
    return title.replace(QStringLiteral("/ "), QStringLiteral(" / ")).simplified();
}

} // namespace

QString controlTypeKey(ControlType type)
{
    return enumKey(controlTypes, type);
}

QString controlTypeTitle(ControlType type)
{
    return Text::tr(enumName(controlTypes, type).title);
}

bool controlTypeFromKey(const QString &key, ControlType *type)
{
    return enumFromKey(controlTypes, key, type);
}

QString controlStatusKey(ControlStatus status)
{
    return enumKey(controlStatuses, status);
}

QString controlStatusTitle(ControlStatus status)
{
    return Text::tr(enumName(controlStatuses, status).title);
}

bool controlStatusFromKey(const QString &key, ControlStatus *status)
{
    return enumFromKey(controlStatuses, key, status);
}

QString CatalogueTraits<Threat>::table()
{
    return QStringLiteral("threats");
}

QStringList CatalogueTraits<Threat>::columns()
{
    return {QStringLiteral("category"), QStringLiteral("description"), QStringLiteral("source")};
}

QVariantMap CatalogueTraits<Threat>::fields(const Threat &threat)
{
    return {{QStringLiteral("category"), threat.category.trimmed()},
        {QStringLiteral("description"), threat.description.trimmed()}, {QStringLiteral("source"), threat.source}};
}

void CatalogueTraits<Threat>::read(Threat &threat, const Query &q, int first)
{
    threat.category = q.value(first).toString();
    threat.description = q.value(first + 1).toString();
    threat.source = q.value(first + 2).toString();
}

QString CatalogueTraits<Threat>::problem(const Threat &threat)
{
    return threat.name.trimmed().isEmpty() ? Text::tr("A threat needs a name.") : QString();
}

QString CatalogueTraits<Control>::table()
{
    return QStringLiteral("controls");
}

QStringList CatalogueTraits<Control>::columns()
{
    return {QStringLiteral("description"), QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("owner_id")};
}

QVariantMap CatalogueTraits<Control>::fields(const Control &control)
{
    return {{QStringLiteral("description"), control.description.trimmed()},
        {QStringLiteral("type"), controlTypeKey(control.type)}, {QStringLiteral("status"), controlStatusKey(control.status)},
        {QStringLiteral("owner_id"), idOrNull(control.ownerId)}};
}

void CatalogueTraits<Control>::read(Control &control, const Query &q, int first)
{
    control.description = q.value(first).toString();
    controlTypeFromKey(q.value(first + 1).toString(), &control.type);
    controlStatusFromKey(q.value(first + 2).toString(), &control.status);
    control.ownerId = q.value(first + 3).toLongLong();
}

QString CatalogueTraits<Control>::problem(const Control &control)
{
    return control.name.trimmed().isEmpty() ? Text::tr("A control needs a name.") : QString();
}

QString CatalogueTraits<Asset>::table()
{
    return QStringLiteral("assets");
}

QStringList CatalogueTraits<Asset>::columns()
{
    return {QStringLiteral("category"), QStringLiteral("location"), QStringLiteral("criticality"),
        QStringLiteral("owner_id")};
}

QVariantMap CatalogueTraits<Asset>::fields(const Asset &asset)
{
    return {{QStringLiteral("category"), asset.category.trimmed()}, {QStringLiteral("location"), asset.location.trimmed()},
        {QStringLiteral("criticality"), asset.criticality}, {QStringLiteral("owner_id"), idOrNull(asset.ownerId)}};
}

void CatalogueTraits<Asset>::read(Asset &asset, const Query &q, int first)
{
    asset.category = q.value(first).toString();
    asset.location = q.value(first + 1).toString();
    asset.criticality = q.value(first + 2).toInt();
    asset.ownerId = q.value(first + 3).toLongLong();
}

QString CatalogueTraits<Asset>::problem(const Asset &asset)
{
    if (asset.name.trimmed().isEmpty())
        return Text::tr("An asset needs a name.");
    if (asset.criticality < 1 || asset.criticality > 5)
        return Text::tr("Criticality runs from 1 (low) to 5 (critical).");
    return {};
}

QList<Threat> readEnisaThreats(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QHash<QString, QString> categories;
    for (const QJsonValue &predicate : root.value(QStringLiteral("predicates")).toArray()) {
        const QJsonObject object = predicate.toObject();
        categories.insert(object.value(QStringLiteral("value")).toString(),
            categoryTitle(object.value(QStringLiteral("expanded")).toString()));
    }
    QList<Threat> threats;
    for (const QJsonValue &group : root.value(QStringLiteral("values")).toArray()) {
        const QJsonObject object = group.toObject();
        const QString category = categories.value(object.value(QStringLiteral("predicate")).toString());
        for (const QJsonValue &entry : object.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject e = entry.toObject();
            Threat threat;
            threat.uuid = e.value(QStringLiteral("uuid")).toString();
            threat.name = e.value(QStringLiteral("expanded")).toString().simplified();
            threat.description = e.value(QStringLiteral("description")).toString().simplified();
            threat.category = category;
            threat.source = QStringLiteral("ENISA threat taxonomy");
            if (!threat.name.isEmpty())
                threats.append(threat);
        }
    }
    return threats;
}

} // namespace vigil
