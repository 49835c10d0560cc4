#pragma once

#include <QWidget>

#include <functional>

class QTreeWidget;

namespace vigil {

class Database;

// A record's change history, read from the audit trail: when, who, what happened, and each
// field's old and new value. Every record's editor shows one.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(Database &db, QWidget *parent = nullptr);

    // Shows the history of the record with this uuid; fieldTitle names each stored field.
    void showRecord(const QString &uuid, const std::function<QString(const QString &)> &fieldTitle);

private:
    Database &m_db;
    QTreeWidget *m_tree;
};

} // namespace vigil
