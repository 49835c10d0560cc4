#pragma once

#include "storage/auditlog.h"

#include <QAbstractTableModel>
#include <QHash>

namespace vigil {

class Module;

// The audit trail, newest first, filtered in SQL and read a page at a time as the view scrolls
// (keyset paging by id, so the thousandth page costs what the first does).
class AuditTrailModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Who, Action, RecordType, Record, Changes, ColumnCount };
    static constexpr int pageSize = 200;

    AuditTrailModel(Database &db, QList<const Module *> modules, QObject *parent = nullptr);

    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }
    const AuditEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Readable names, through the modules that own the records.
    QString entityTitle(const QString &entity) const;
    QString fieldTitle(const QString &entity, const QString &field) const;
    QString changesText(const AuditEntry &entry) const;

signals:
    void readFailed(const QString &message);

private:
    QString recordText(const AuditEntry &entry) const;
    QList<AuditEntry> readPage();

    Database &m_db;
    QList<const Module *> m_modules;
    AuditFilter m_filter;
    QList<AuditEntry> m_entries;
    bool m_atEnd = true;
    bool m_resetting = false;
    mutable QHash<QString, QString> m_labels; // record uuid -> label
};

} // namespace vigil
