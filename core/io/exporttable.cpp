#include "exporttable.h"

#include "base/error.h"
#include "base/timeformat.h"
#include "io/csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Export)
};

} // namespace

QString exportText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::QDate:
        return toStoredDate(value.toDate());
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    default:
        return value.toString();
    }
}

void writeCsvFile(const ExportTable &table, const QString &path)
{
    QList<QStringList> rows;
    rows.reserve(table.rows.size() + 1);
    rows.append(table.headers);
    for (const QVariantList &row : table.rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QVariant &value : row)
            fields.append(exportText(value));
        rows.append(fields);
    }
    QSaveFile file(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(Text::tr("'%1' cannot be written: %2").arg(shown, file.errorString()));
    const QByteArray bytes = csvDocument(rows);
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw Error(Text::tr("'%1' could not be written completely (%2); nothing was saved.").arg(shown, file.errorString()));
}

} // namespace vigil
