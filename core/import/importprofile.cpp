#include "importprofile.h"

#include "base/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Import)
};

QJsonObject toObject(const QHash<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QHash<QString, QString> toHash(const QJsonValue &value)
{
    QHash<QString, QString> map;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toVariant().toString());
    return map;
}

} // namespace

QByteArray ImportProfile::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), kind);
    o.insert(QStringLiteral("dateFormat"), dateFormat);
    o.insert(QStringLiteral("columns"), toObject(columns));
    QJsonObject valueMaps;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        valueMaps.insert(it.key(), toObject(it.value()));
    o.insert(QStringLiteral("values"), valueMaps);
    o.insert(QStringLiteral("defaults"), toObject(defaults));
    o.insert(QStringLiteral("createMissing"), QJsonArray::fromStringList(createMissing));
    o.insert(QStringLiteral("duplicates"), updateDuplicates ? QStringLiteral("update") : QStringLiteral("skip"));
    o.insert(QStringLiteral("times"), utcTimes ? QStringLiteral("utc") : QStringLiteral("local"));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

ImportProfile ImportProfile::fromJson(const QByteArray &json, const QString &fileName)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    const QString shown = QDir::toNativeSeparators(fileName);
    if (error.error != QJsonParseError::NoError)
        throw Error(Text::tr("'%1' is not an import profile: %2 at character %3.").arg(shown, error.errorString()).arg(error.offset));
    if (!document.isObject() || !document.object().value(QStringLiteral("columns")).isObject())
        throw Error(Text::tr("'%1' is not an import profile: it has no \"columns\" object.").arg(shown));
    const QJsonObject o = document.object();
    ImportProfile p;
    p.kind = o.value(QStringLiteral("kind")).toString();
    p.dateFormat = o.value(QStringLiteral("dateFormat")).toString(QStringLiteral("auto"));
    p.columns = toHash(o.value(QStringLiteral("columns")));
    const QJsonObject valueMaps = o.value(QStringLiteral("values")).toObject();
    for (auto it = valueMaps.begin(); it != valueMaps.end(); ++it)
        p.values.insert(it.key(), toHash(it.value()));
    p.defaults = toHash(o.value(QStringLiteral("defaults")));
    for (const QJsonValue &v : o.value(QStringLiteral("createMissing")).toArray())
        p.createMissing.append(v.toString());
    const QString duplicates = o.value(QStringLiteral("duplicates")).toString(QStringLiteral("skip"));
    if (duplicates != QLatin1String("skip") && duplicates != QLatin1String("update"))
        throw Error(Text::tr("'%1': \"duplicates\" must be \"skip\" or \"update\", not \"%2\".").arg(shown, duplicates));
    p.updateDuplicates = duplicates == QLatin1String("update");
    const QString times = o.value(QStringLiteral("times")).toString(QStringLiteral("local"));
    if (times != QLatin1String("local") && times != QLatin1String("utc"))
        throw Error(Text::tr("'%1': \"times\" must be \"local\" or \"utc\", not \"%2\".").arg(shown, times));
    p.utcTimes = times == QLatin1String("utc");
    return p;
}

ImportProfile ImportProfile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Text::tr("The import profile '%1' could not be read: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return fromJson(file.readAll(), path);
}

void ImportProfile::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit())
        throw Error(Text::tr("The import profile could not be saved to '%1': %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
}

} // namespace vigil
