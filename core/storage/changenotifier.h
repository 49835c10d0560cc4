#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace vigil {

// Tells item models and pages what changed once a transaction has committed, so they refresh
// instead of polling. Entities are table names ("site_profile", "audit_log", ...).
class ChangeNotifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

signals:
    // ids are the integer keys of the changed rows, each once, in the order they changed.
    void changed(const QString &entity, const QList<qint64> &ids);
};

} // namespace vigil
