#pragma once

#include <QWidget>

#include <functional>

class QTreeWidget;

namespace vigil {

class Database;
enum class AuditAction;

// How the history and the audit-trail viewer name an action ("Changed") and show a stored value
// (local times, the locale's dates, "(empty)").
QString auditActionTitle(AuditAction action);
QString auditValueText(const QVariant &value);

// A record's change history, read from the audit trail: when, who, what happened, and each
// field's old and new value. Every record's editor shows one.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(Database &db, QWidget *parent = nullptr);

    // Reads a stored value for people: a name for an id, a title for a key. Returns an empty
    // string for values it leaves as they are (times stored in UTC are always shown local).
    using ValueText = std::function<QString(const QString &field, const QVariant &value)>;

    // Shows the history of the record with this uuid; fieldTitle names each stored field.
    void showRecord(const QString &uuid, const std::function<QString(const QString &)> &fieldTitle,
        const ValueText &valueText = {});

private:
    Database &m_db;
    QTreeWidget *m_tree;
};

} // namespace vigil
