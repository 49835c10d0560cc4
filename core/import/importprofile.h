#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace vigil {

// How one kind of file maps onto Vigil's records, saved as a small JSON file for next month's
// file of the same kind:
//   {"kind": "incidents", "dateFormat": "mdy",
//    "columns": {"occurredAt": "occurred_start", "description": "nature_of_incident", ...},
//    "values": {"category": {"THEFT": "Theft"}}, "defaults": {"severity": "low"},
//    "createMissing": ["category"], "duplicates": "skip", "times": "local"}
struct ImportProfile
{
    QString kind;                                  // incidents, risks, people, training, actions
    QString dateFormat = QStringLiteral("auto");   // a DateFormat key, or auto: found from the column
    QHash<QString, QString> columns;               // field -> the file's header
    QHash<QString, QHash<QString, QString>> values; // field -> (the file's value -> Vigil's)
    QHash<QString, QString> defaults;              // field -> value when the file has none
    QStringList createMissing;                     // fields whose unknown values are created
    bool updateDuplicates = false;                 // a duplicate updates the record instead of being skipped
    bool utcTimes = false;                         // the file's times are UTC (Vigil's own exports), not the site's

    QByteArray toJson() const;
    // Throws Error naming the file for a file that is not a profile.
    static ImportProfile load(const QString &path);
    static ImportProfile fromJson(const QByteArray &json, const QString &fileName);
    // Writes it atomically; throws Error naming the file.
    void save(const QString &path) const;
};

} // namespace vigil
